# copy of class instances: __dict__, __slots__, hooks, state protocol, errors.
import copy

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "P(%r, %r)" % (self.x, self.y)

p = P([1], {"k": [2]})
c = copy.copy(p)
print(c, c is p, type(c) is P, c.x is p.x, c.y is p.y, c.__dict__ is p.__dict__)
d = copy.deepcopy(p)
print(d, d.x is p.x, d.x == p.x, d.y["k"] is p.y["k"])

# __init__ is not called by a copy.
class NoInit:
    calls = 0
    def __init__(self):
        NoInit.calls += 1
n = NoInit()
copy.copy(n); copy.deepcopy(n)
print(NoInit.calls)

# Self reference and shared references inside instances.
class Node:
    pass
a = Node()
a.me = a
a.shared = [1]
a.again = a.shared
b = copy.deepcopy(a)
print(b.me is b, b.shared is b.again, b.shared is not a.shared)
c = copy.copy(a)
print(c.me is a, c.shared is a.shared)

# __slots__, along the MRO, with a private name and an unset slot.
class S:
    __slots__ = ("a", "__p")
    def __init__(self):
        self.a = [1]
        self.__p = "private"
    def p(self):
        return self.__p
class S2(S):
    __slots__ = ["b", "unset"]
s = S2()
s.b = {"x": 1}
cs = copy.copy(s)
print(cs.a is s.a, cs.b is s.b, cs.p(), hasattr(cs, "unset"))
ds = copy.deepcopy(s)
print(ds.a == s.a, ds.a is s.a, ds.b == s.b, ds.p())

class Both:
    __slots__ = ("s", "__dict__")
bo = Both()
bo.s = 1
bo.d = 2
cb = copy.copy(bo)
print(cb.s, cb.d)

# __copy__ and __deepcopy__.
class H:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("__copy__")
        return H("copied")
    def __deepcopy__(self, memo):
        print("__deepcopy__", type(memo).__name__)
        return H(copy.deepcopy(self.v, memo))
h = H([1])
print(copy.copy(h).v)
hd = copy.deepcopy([h, h])
print(hd[0] is hd[1], hd[0].v == [1])

# __getstate__ / __setstate__.
class G:
    def __init__(self):
        self.a = 1
        self.b = [2]
    def __getstate__(self):
        print("getstate")
        return {"a": self.a}
class GS(G):
    def __setstate__(self, state):
        print("setstate", state)
        self.__dict__.update(state)
        self.restored = True
g = copy.copy(G())
print(sorted(g.__dict__))
gs = copy.deepcopy(GS())
print(sorted(gs.__dict__))
# A false state is not applied.
class F:
    def __getstate__(self):
        return None
    def __setstate__(self, s):
        print("never")
copy.copy(F())

# __reduce_ex__ / __reduce__ defined by the class.
class R:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        print("reduce")
        return (R, (self.v,))
r = copy.deepcopy(R([1, 2]))
print(type(r).__name__, r.v)
class RS:
    def __reduce_ex__(self, proto):
        print("reduce_ex", proto)
        return "global_name"
rs = RS()
print(copy.copy(rs) is rs, copy.deepcopy(rs) is rs)

# Subclasses of built-in types.
class L(list):
    pass
l = L([[1], 2])
l.attr = "a"
cl = copy.copy(l)
print(type(cl).__name__, cl, cl[0] is l[0], cl.attr)
dl = copy.deepcopy(l)
print(type(dl).__name__, dl, dl[0] is l[0])
class D(dict):
    pass
dd = copy.deepcopy(D(a=[1]))
print(type(dd).__name__, dd)
class T(tuple):
    pass
tt = copy.copy(T((1, [2])))
print(type(tt).__name__, tt)
class I(int):
    pass
ii = copy.deepcopy(I(7))
print(type(ii).__name__, ii)
class St(set):
    pass
ss = copy.copy(St([1]))
print(type(ss).__name__, ss)

# Exceptions.
e = ValueError("bad", 2)
e.note = [1]
ce = copy.copy(e)
print(type(ce).__name__, ce.args, ce is e, ce.note is e.note)
de = copy.deepcopy(e)
print(de.args, de.note is e.note)

# Classes and metaclasses are atomic.
class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    pass
print(copy.copy(WithMeta) is WithMeta, copy.deepcopy(WithMeta) is WithMeta)

# Uncopyable objects.
def gen():
    yield 1
for fn in (copy.copy, copy.deepcopy):
    try:
        fn(gen())
    except TypeError as ex:
        print("TypeError:", ex)
import _thread, sys
for obj in (_thread.allocate_lock(), sys):
    try:
        copy.copy(obj)
    except TypeError as ex:
        print("TypeError:", ex)
# A class whose __new__ needs arguments.
class NeedsArg:
    def __new__(cls, a):
        return object.__new__(cls)
try:
    copy.copy(NeedsArg(1))
except TypeError as ex:
    print("TypeError:", ex)
