# copy.copy / copy.deepcopy: atomic objects, containers, sharing and identity.
import copy

# Atomic objects come back as they are (no new memory).
def f():
    pass
class K:
    pass
import weakref
k = K()
r = weakref.ref(k)
for x in (1, 2.5, 3j, "s", b"b", True, None, K, f, len, range(3), ..., NotImplemented,
          r, (1, 2), frozenset([1]), slice(1, 2), property()):
    print(type(x).__name__, copy.copy(x) is x)
for x in (1, 2.5, 3j, "s", b"b", True, None, K, f, len, range(3), ..., NotImplemented,
          r, property(), (1, "a", None), ()):
    print("deep", type(x).__name__, copy.deepcopy(x) is x)

# frozenset: shallow is the same object, deep a new equal one (as CPython).
fs = frozenset([1, 2])
d = copy.deepcopy(fs)
print(d == fs, d is fs)

# Containers: a new outer object, the same items (shallow) / copied items (deep).
inner = [1, 2]
l = [inner, inner, "x"]
s = copy.copy(l)
print(s == l, s is l, s[0] is inner, s[1] is inner)
dl = copy.deepcopy(l)
print(dl == l, dl is l, dl[0] is inner, dl[0] is dl[1], dl[2] is l[2])

dct = {"a": inner, "b": [inner]}
c = copy.copy(dct)
print(c == dct, c is dct, c["a"] is inner)
dc = copy.deepcopy(dct)
print(dc == dct, dc["a"] is inner, dc["b"][0] is dc["a"])

st = {1, 2, (3, 4)}
print(copy.copy(st) == st, copy.copy(st) is st, copy.deepcopy(st) == st, copy.deepcopy(st) is st)
ba = bytearray(b"abc")
print(copy.copy(ba), copy.copy(ba) is ba, copy.deepcopy(ba), copy.deepcopy(ba) is ba)

# Tuples: shallow is always the same; deep is the same tuple when nothing inside
# needed copying, a new one otherwise.
t = (1, (2, 3), "x")
print(copy.deepcopy(t) is t)
t2 = (1, [2])
d2 = copy.deepcopy(t2)
print(d2 == t2, d2 is t2, d2[1] is t2[1], copy.copy(t2) is t2)

# Cycles keep their shape.
a = [1]
a.append(a)
b = copy.deepcopy(a)
print(b is a, b[1] is b, b[1] is not a, len(b))
cd = {}
cd["me"] = cd
dd = copy.deepcopy(cd)
print(dd["me"] is dd, dd is not cd)
# A tuple in a cycle through a list.
lst = []
tup = (lst,)
lst.append(tup)
dt = copy.deepcopy(tup)
print(dt is not tup, dt[0][0] is dt, dt[0] is not lst)

# The memo: shared between calls, it keeps sharing across them.
memo = {}
x1 = copy.deepcopy(inner, memo)
x2 = copy.deepcopy([inner], memo)
print(x2[0] is x1, x1 is not inner)
print(memo[id(inner)] is x1, inner in memo[id(memo)])
# An object already in the memo comes back from it.
m2 = {id(inner): "replacement"}
print(copy.deepcopy([inner], m2))

# Bound methods.
class M:
    def __init__(self):
        self.v = [1]
    def get(self):
        return self.v
o = M()
bm = copy.copy(o.get)
print(bm() is o.v, bm.__self__ is o)
dm = copy.deepcopy(o.get)
print(dm() == o.v, dm() is o.v, dm.__self__ is o)

# Error and error.
print(copy.Error is copy.error, issubclass(copy.Error, Exception))
print(sorted(copy.__all__))
