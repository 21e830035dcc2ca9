# __build_class__: namespaces, metaclasses, __prepare__, keywords, the __class__ cell.
log = []
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(("prepare", name, kw))
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        log.append(("new", name, sorted(k for k in ns if not k.startswith("__")), kw))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

class A(metaclass=Meta, flag=True):
    x = 1
    def who(self):
        return __class__.__name__

class B(A):
    y = 2
    def who(self):
        return "B via " + super().who()

print(log)
print(type(A).__name__, type(B).__name__, A.injected, B.x, B.y, B().who(), A().who())
print(B.__name__, B.__qualname__, [c.__name__ for c in B.__mro__])
C = type("C", (A,), {"z": 3})
print(type(C).__name__, C.z, C.x, C.__bases__[0].__name__)
try:
    class Bad(1):
        pass
except TypeError as e:
    print("TypeError:", e)
class M1(type):
    pass
class M2(type):
    pass
class X(metaclass=M1):
    pass
class Y(metaclass=M2):
    pass
try:
    class Z(X, Y):
        pass
except TypeError as e:
    print("TypeError:", e)
def deco(cls):
    cls.decorated = True
    return cls
@deco
class D:
    """doc of D"""
    items = [i * i for i in range(3)]
print(D.decorated, D.items, D.__doc__, D.__module__)
class Outer:
    class Inner:
        pass
    def method(self):
        class Local:
            pass
        return Local
print(Outer.Inner.__qualname__, Outer().method().__qualname__)
