# Inheritance: MRO (C3), super(), diamonds, subclasses of built-in types, metaclasses,
# __init_subclass__, __new__, exception subclasses.
def e(f):
    try:
        f()
    except Exception as x:
        print(type(x).__name__ + ":", x)

class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who(), D.__mro__, D.mro(), A.__subclasses__())
print(issubclass(D, A), issubclass(A, D), isinstance(D(), (int, C)), isinstance(1, (str, list)))
print(super(B, D()).who(), super(C, D).who(D()))
e(lambda: type("X", (A, B), {}))
e(lambda: type("X", (A, A), {}))
e(lambda: type("X", (bool,), {}))
e(lambda: type("X", (int, str), {}))
e(lambda: super(B, 1))
e(lambda: super(1, 1))
e(lambda: super(B, B()).nope)
e(lambda: isinstance(1, "x"))
e(lambda: issubclass(1, int))

class Init:
    def __init__(self, a, b=2):
        self.a, self.b = a, b
class Init2(Init):
    def __init__(self, *args):
        super().__init__(*args)
        self.c = 3
i = Init2(1)
print(i.a, i.b, i.c)
e(lambda: A(1))
e(lambda: object(1))

class N:
    def __new__(cls, *args):
        o = super().__new__(cls)
        o.args = args
        return o
    def __init__(self, *args):
        self.inited = True
n = N(1, 2)
print(n.args, n.inited, type(N.__dict__["__new__"]).__name__)
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Single() is Single())

class L(list):
    def first(self):
        return self[0]
l = L([3, 1, 2])
l.sort()
l.append(5)
l.tag = "t"
print(l, l.first(), len(l), l.tag, isinstance(l, list), type(l + [1]).__name__, L.__mro__)
class DD(dict):
    def __missing__(self, k):
        return k * 2
dd = DD(a=1)
dd["b"] = 2
print(dd, dd["a"], sorted(dd.items()), isinstance(dd, dict))
class F(float):
    def half(self):
        return self / 2
class St(str):
    def shout(self):
        return self.upper() + "!"
class Tu(tuple):
    def total(self):
        return sum(self)
st = St("hi")
st.extra = 1
print(F(2.5) + 1, F(3.0).half(), st.shout(), st == "hi", repr(st), st.extra, Tu((1, 2)).total(), Tu([3]))
class I(int):
    def double(self):
        return self * 2
big = I(10 ** 30)
big.note = "big"
print(I(21).double(), I("7") + 1, type(I(3) + 1).__name__, big.note, big, int.__new__(I, 5), isinstance(I(1), int))
class Se(set):
    pass
print(sorted(Se([3, 1])), len(Se("aab")))

class E(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise E("bad", 42)
except ValueError as ex:
    print(type(ex).__name__, ex, ex.code, ex.args, isinstance(ex, Exception))
class MyErr(Exception):
    pass
try:
    raise MyErr("x", 1)
except MyErr as ex:
    print(repr(ex), ex.args)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["added"] = kw
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a):
        return "meta-call " + cls.__name__
class K(metaclass=Meta, flag=1):
    pass
class K2(K):
    pass
print(K.added, K(), type(K).__name__, isinstance(K, Meta), type(K2).__name__, K2.added)
class M2(type):
    pass
class Z(metaclass=M2):
    pass
e(lambda: type("Bad", (K, Z), {}))

class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        cls.kw = kw
class Sub(Base, tag="x"):
    pass
class SubSub(Sub):
    pass
print(Sub.kw, SubSub.kw)
e(lambda: type("Q", (), {}, extra=1))

class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class Own:
    first = Named()
    second = Named()

class BadName:
    def __set_name__(self, owner, name):
        raise ValueError("boom")
try:
    class HasBad:
        x = BadName()
except RuntimeError as ex:
    print(type(ex).__name__, ex, type(ex.__cause__).__name__, ex.__cause__)
class FlatMeta(type):
    def mro(cls):
        return [cls, object]
class Flat(A, metaclass=FlatMeta):
    pass
print(Flat.__mro__, hasattr(Flat(), "who"))
