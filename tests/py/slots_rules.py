# __slots__: the rules and messages of CPython 3.11 (issue 7).
class P:
    __slots__ = ("x", "y")

p = P()
for name in ("x", "y"):
    try:
        getattr(p, name)
    except AttributeError as e:
        print("unset", e)
p.x = 1
print(p.x, P.x, type(P.x).__name__, P.x.__name__, P.x.__objclass__.__name__)
try:
    del p.y
except AttributeError as e:
    print("del unset", e)
del p.x
try:
    del p.x
except AttributeError as e:
    print("del twice", e)
try:
    p.z = 1
except AttributeError as e:
    print("unknown", e)
try:
    vars(p)
except TypeError as e:
    print("vars", e)
print("dir has slots", "x" in dir(p), "y" in dir(p))

# any iterable of strings, a lone string, a dict's keys
class L:
    __slots__ = ["a", "b"]
class S:
    __slots__ = "solo"
class D:
    __slots__ = {"k": "doc of k"}
def gen():
    yield "g"
class G:
    __slots__ = gen()
for c in (L, S, D, G):
    o = c()
    for n in c.__dict__:
        if type(c.__dict__[n]).__name__ == "member_descriptor":
            setattr(o, n, n * 2)
            print(c.__name__, n, getattr(o, n))
print(L.__slots__, S.__slots__, D.__slots__)

for bad in (42, ("ok", 3), ("a b",), ("1x",), ("",)):
    try:
        class Bad:
            __slots__ = bad
    except TypeError as e:
        print("bad", type(e).__name__, e)

# private names are mangled
class Priv:
    __slots__ = ("__secret", "__dunder__")
    def __init__(self):
        self.__secret = 1
        self.__dunder__ = 2
pv = Priv()
print(sorted(k for k in Priv.__dict__ if "secret" in k or "dunder" in k), pv._Priv__secret, pv.__dunder__)

# class variable conflicts, and what is not a conflict
try:
    class Conf:
        __slots__ = ("a", "b")
        b = 1
except ValueError as e:
    print(type(e).__name__, e)
class Base:
    x = 1
class Shadow(Base):
    __slots__ = ("x",)
sh = Shadow()
print("slot shadows base class variable", hasattr(sh, "x"), Base.x)
sh.x = 5
print(sh.x)

# __dict__ and __weakref__
class WD:
    __slots__ = ("a", "__dict__")
w = WD()
w.a = 1
w.b = 2
print("with __dict__", w.__dict__, vars(w), hasattr(w, "__weakref__"))
try:
    class Twice:
        __slots__ = ("__dict__", "__dict__")
except TypeError as e:
    print(type(e).__name__, e)
try:
    class TwiceW:
        __slots__ = ("__weakref__", "__weakref__")
except TypeError as e:
    print(type(e).__name__, e)
class Plain:
    pass
try:
    class PD(Plain):
        __slots__ = ("__dict__",)
except TypeError as e:
    print(type(e).__name__, e)
class PS(Plain):
    __slots__ = ("s",)
ps = PS()
ps.s = 1
ps.t = 2
print("below a dict class", ps.s, ps.__dict__)

# variable-size builtins
for base in (int, tuple, bytes):
    try:
        class V(base):
            __slots__ = ("extra",)
    except TypeError as e:
        print(type(e).__name__, e)
    class E(base):
        __slots__ = ()
    print(base.__name__, "empty slots ok", hasattr(E(), "__dict__"))
try:
    class TW(tuple):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class TD(tuple):
        __slots__ = ("__dict__",)
except TypeError as e:
    print(type(e).__name__, e)
class TD(tuple):
    pass
td = TD((1, 2))
td.x = 3
print("tuple subclass __dict__", td, td.x, td.__dict__)
class LS(list):
    __slots__ = ("tag",)
ls = LS([1])
ls.tag = "t"
print("list subclass slot", ls, ls.tag)

# layout conflicts
class A:
    __slots__ = ("a",)
class B:
    __slots__ = ("b",)
try:
    class AB(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class A2(A):
    pass
class AA(A2, A):
    pass
print("same layout line ok", AA.__mro__[1].__name__)
class E1:
    __slots__ = ()
class E2:
    __slots__ = ()
class Mix(A, E1, E2):
    __slots__ = ("m",)
mx = Mix()
mx.a, mx.m = 1, 2
print("mixins", mx.a, mx.m)
try:
    class IntStr(int, str):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# descriptors on the class
print(repr(A.a), A.a.__get__(None, A) is A.a)
a = A()
A.a.__set__(a, 7)
print(A.a.__get__(a, A))
try:
    A.a.__get__(B(), B)
except TypeError as e:
    print(type(e).__name__, e)

# references held by slots are released
class Holder:
    __slots__ = ("v",)
class Noisy:
    def __del__(self):
        print("freed")
h = Holder()
h.v = Noisy()
h.v = None
print("replaced")
h.v = Noisy()
del h.v
print("deleted")
h.v = Noisy()
del h
print("holder gone")
try:
    class A:
        __slots__ = ("__x",)
        _A__x = 1
except ValueError as e: print(e)
try:
    class V(int):
        __slots__ = (3,)
except TypeError as e: print(e)
try:
    class V(int):
        __slots__ = ("__dict__",)
except TypeError as e: print(e)
try:
    class B:
        __slots__ = ("a", "1x")
        a = 1
except Exception as e: print(type(e).__name__, e)
try:
    class B:
        __slots__ = ("a", "a")
except Exception as e: print(type(e).__name__, e)
class C:
    __slots__ = ("b", "a")
print(C.__dict__.keys())
p = C()
try:
    del p.a
except AttributeError as e: print(repr(str(e)))
