# weakref.ref: referents of every weakly referenceable kind, sharing, callbacks and their
# order, equality and hashing, __callback__, subclasses of ref, repr shapes.
import weakref


class T:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "T(" + self.name + ")"

    def meth(self):
        return self.name


# Which objects can be weakly referenced.
def gen():
    yield 1


class L(list):
    pass


class D(dict):
    pass


def f():
    pass


kinds = [("instance", T("x")), ("class", T), ("function", f), ("lambda", lambda: 1),
         ("bound method", T("m").meth), ("generator", gen()), ("set", {1, 2}),
         ("frozenset", frozenset([1])), ("code", f.__code__), ("module", weakref),
         ("list subclass", L()), ("dict subclass", D()), ("builtin function", len),
         ("type", int)]
for name, obj in kinds:
    r = weakref.ref(obj)
    print(name, r() is obj, type(r).__name__)
for obj in [1, 2.5, "s", b"b", (1,), [1], {1: 2}, None, True, 10**30, weakref.ref(T)]:
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)

# Sharing and counting.
t = T("t")
r1 = weakref.ref(t)
r2 = weakref.ref(t)
r3 = weakref.ref(t, None)
print("shared", r1 is r2, r1 is r3)
log = []
rc = weakref.ref(t, log.append)
print("with callback is new", rc is not r1, weakref.getweakrefcount(t))
print("getweakrefs", [x is r1 or x is rc for x in weakref.getweakrefs(t)])
print("__callback__", rc.__callback__ == log.append, r1.__callback__)
print("__weakref__ is the first ref", t.__weakref__ is r1)
del t
print("after death", r1(), rc(), len(log), log[0] is rc, rc.__callback__)
print("dead count", weakref.getweakrefcount(r1), weakref.getweakrefs(1))

# Callback order: most recently registered first; refs that die first don't call back.
order = []
a = T("a")
keep = [weakref.ref(a, lambda r, i=i: order.append(i)) for i in range(5)]
gone = weakref.ref(a, lambda r: order.append("gone"))
del gone
del a
print("order", order)

# The callback sees the referent dead and may drop other refs.
state = {}
b = T("b")
def cb(ref):
    state["inside"] = ref()
    state["other"] = other()
other = weakref.ref(b)
rb = weakref.ref(b, cb)
del b
print("in callback", state)

# Equality and hashing.
x, y = T("x"), T("x")
rx, ry = weakref.ref(x), weakref.ref(y)
print("eq alive by referent", rx == ry, rx != ry, rx == weakref.ref(x))
class Eq:
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__
e1, e2 = Eq(), Eq()
re1, re2 = weakref.ref(e1), weakref.ref(e2)
print("eq uses referent __eq__", re1 == re2)
print("hash is the referent's", hash(rx) == hash(x))
hx = hash(rx)
del x
print("hash remembered", hash(rx) == hx)
print("eq dead by identity", rx == rx, rx == ry, rx != ry)
z = T("z")
rz = weakref.ref(z)
del z
try:
    hash(rz)
except TypeError as ex:
    print("hash after death:", ex)
print("compare with non-ref", rx == 1, rx != "s")
d = {}
k = T("k")
d[weakref.ref(k)] = 1
print("ref as dict key", d[weakref.ref(k)])


# Subclassing ref.
class NamedRef(weakref.ref):
    def __init__(self, ob, callback=None, name="?"):
        super().__init__(ob, callback)
        self.name = name


class KRef(weakref.ref):
    __slots__ = ()


n = T("n")
nr = NamedRef(n, None, name="first")
print("subclass", nr() is n, nr.name, isinstance(nr, weakref.ref), nr is weakref.ref(n))
print("subclass not shared", NamedRef(n) is NamedRef(n))
print("type names", weakref.ref.__name__, weakref.ReferenceType is weakref.ref)
print("ProxyTypes", weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
print("calling with args:")
try:
    nr(1)
except TypeError as ex:
    print(ex)
try:
    weakref.ref()
except TypeError as ex:
    print(ex)
s = repr(weakref.ref(n))
print("repr", s.startswith("<weakref at 0x"), "; to 'T' at 0x" in s)
s = repr(weakref.ref(f))
print("repr of function ref", s.endswith(" (f)>"))
del n
print("dead repr", repr(nr).endswith("; dead>"))
