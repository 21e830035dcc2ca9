# Attribute lookup on classes and instances: the instance dict, class attributes, MRO,
# type attributes, the messages of AttributeError/TypeError (type machinery, issue 4).
def e(f):
    try:
        f()
    except Exception as x:
        print(type(x).__name__ + ":", x)

class C:
    "C's doc"
    k = 1
    def m(self):
        return "m"

c = C()
c.x = 10
print(c.x, c.k, c.m(), C.k, c.__dict__, C.__doc__, C.__name__, C.__qualname__, C.__module__)
c.k = 2
print(c.k, C.k)
del c.k
print(c.k)
C.k = 3
print(c.k)
del C.k
e(lambda: c.k)
e(lambda: C.k)
e(lambda: delattr(c, "nope"))
e(lambda: delattr(C, "nope"))
e(lambda: c.nope)
print(hasattr(c, "x"), hasattr(c, "y"), getattr(c, "y", "default"))
setattr(c, "y", 5)
print(vars(c))

class O:
    class I:
        pass
print(O.I.__qualname__, O.I.__name__, O.I)

# Static types: immutable, read-only attributes.
e(lambda: setattr(int, "x", 1))
e(lambda: setattr(1, "x", 1))
e(lambda: setattr(1, "real", 1))
e(lambda: (1).zz)
e(lambda: int.zz)
e(lambda: object().__dict__)
e(lambda: setattr(object(), "x", 2))
e(lambda: setattr(range(3), "start", 2))
e(lambda: C.__dict__.x)
print(int.__name__, int.__qualname__, int.__module__, int.__doc__ is not None)
print(bool.__mro__, bool.__bases__, bool.__base__, object.__base__, object.__bases__)
print(list.__hash__, int.__hash__, C.__eq__, list.__len__)
print(int.__dict__["__add__"], list.__dict__["append"], dict.__dict__["fromkeys"])
print(type.__dict__["__name__"], C.__dict__["__dict__"], int.real, range.start)
print(type(C.__dict__).__name__, C.__dict__["k"] if "k" in C.__dict__ else "no k", "m" in C.__dict__)
print(list.append, len, int.__add__, object.__init__)
print([].append.__name__, [].append.__qualname__, len.__self__.__name__, int.__add__.__name__)

# Methods: bound, unbound, equality.
m1, m2 = c.m, c.m
print(m1 == m2, m1 is m2, m1.__self__ is c, m1.__func__ is C.m, C.m(c))
print(hash(m1) == hash(m2), C().m == c.m)
print(list.append([], 1), int.__add__(1, 2), (1).__add__(2), dict.fromkeys("ab"))

# type(): one and three arguments.
D = type("D", (C,), {"z": 1, "__doc__": "dyn"})
print(D, D().z, D().k if hasattr(D(), "k") else None, D.__doc__, D.__mro__)
print(type(1), type(type), type(C), type(c) is C, c.__class__)
e(lambda: type(1, 2))
e(lambda: type("X", 1, {}))

# __class__ assignment between compatible classes.
class A1:
    def who(self):
        return "A1"
class A2:
    def who(self):
        return "A2"
a = A1()
a.__class__ = A2
print(a.who(), type(a).__name__)
e(lambda: setattr(a, "__class__", int))

# The class namespace: order and implicit entries as CPython.
class Empty:
    pass
class WithEq:
    "doc"
    x = 1
    def __eq__(self, o):
        return True
class LS(list):
    pass
print(list(Empty.__dict__), list(WithEq.__dict__), list(LS.__dict__))
print(Empty().__weakref__, WithEq.__hash__, sorted(k for k in type("Dyn", (), {"a": 1}).__dict__))
print(None.__repr__(), (5).__add__(1), "ab".__len__(), [3].__getitem__(0))
