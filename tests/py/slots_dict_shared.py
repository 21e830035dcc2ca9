# Instance dicts with shared keys (issue 7): what the program sees is a real dict.
import sys
class A:
    def __init__(self, x):
        self.a = x
        self.b = x + 1
        self.c = x + 2
    def m(self):
        return self.a + self.b
a = A(1)
print(a.a, a.b, a.c, a.m())
print(vars(a))
print(a.__dict__)
b = A(10)
b.unusual = 5
print(vars(b), b.unusual)
c = A(3)
del c.a
print(vars(c), hasattr(c, "a"))
c.a = 7
print(vars(c))
d = A(4)
d.__dict__["z"] = 9
print(d.z, vars(d))
d.__dict__ = {"q": 1}
print(d.q, hasattr(d, "a"), vars(d))
try:
    d.__dict__ = 5
except TypeError as e:
    print(e)
e = A(5)
try:
    del e.nope
except AttributeError as ex:
    print(ex)
try:
    e.nope
except AttributeError as ex:
    print(ex)
class B(A):
    pass
bb = B(1)
bb.extra = 3
print(vars(bb))
e2 = A(6)
e2.m = lambda: "shadow"
print(e2.m())
class C: pass
class D: pass
x = C(); x.p = 1; x.q = 2
x.__class__ = D
print(type(x).__name__, vars(x))
o = A(1)
setattr(o, "dyn" + "amic", 1)
print(getattr(o, "dyn" + "amic"), vars(o))
for i in range(40):
    setattr(o, "k" + str(i), i)
print(len(vars(o)), o.k39)
p = A(2)
p.b = 100
print(vars(p))
print(dir(p)[-4:])
class E:
    pass
objs = [E() for i in range(3)]
objs[0].y = 1; objs[0].x = 2
objs[1].x = 3; objs[1].y = 4
print(vars(objs[0]), vars(objs[1]), vars(objs[2]))
import gc
class Cyc:
    pass
gc.disable()  # the cycle must still be there for collect() (also under OURO_GCSTRESS)
q = Cyc(); q.self = q; q.other = [q]
del q
print(gc.collect() > 0)
gc.enable()
import weakref
class W:
    def __init__(self):
        self.a = 1
w = W()
r = weakref.ref(w)
print(r() is w, w.__weakref__ is r)
del w
print(r() is None)
# values survive many instances and growth of the class's keys
class G:
    pass
gs = []
for i in range(50):
    g = G()
    g.first = i
    if i % 2:
        g.odd = True
    gs.append(g)
G.later = "class attr"
gs[0].late = 1
print(vars(gs[0]), vars(gs[1]), gs[49].later, sum(g.first for g in gs))
# attribute order as CPython shows it
class O:
    pass
o1 = O(); o1.a = 1; o1.b = 2; o1.c = 3
o2 = O(); o2.c = 1; o2.a = 2
o3 = O(); o3.a = 1; o3.c = 3; o3.b = 2
print(list(vars(o1)), list(vars(o2)), list(vars(o3)))
print(o1.__dict__ == {"a": 1, "b": 2, "c": 3}, "b" in o1.__dict__)
o4 = O(); o4.a = 1
dd = o4.__dict__
o4.b = 2
print(dd, dd is o4.__dict__)
del o4.__dict__
print(vars(o4))
o4.z = 0
print(vars(o4))
# a property (data descriptor) wins over the values
class Prop:
    @property
    def x(self):
        return "prop"
pr = Prop()
pr.__dict__["x"] = "dict"
print(pr.x)
# setattr with a non-interned or str-subclass name
class MyStr(str):
    pass
class N:
    pass
n = N()
setattr(n, MyStr("sub"), 1)
setattr(n, "".join(["a", "b"]), 2)
print(vars(n), n.sub, n.ab)
import sys
class S3:
    __slots__ = ("a", "b", "c")
class D3:
    def __init__(self):
        self.a = self.b = self.c = 0
print(sys.getsizeof(S3()) < sys.getsizeof(D3()) + sys.getsizeof(D3().__dict__))
