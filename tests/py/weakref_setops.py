# WeakSet's set operators and the mappings' | and |= (CPython's Lib/_weakrefset.py, weakref.py).
import weakref
class O:
    def __init__(self, n): self.n = n
a, b, c = O(1), O(2), O(3)
s1 = weakref.WeakSet([a, b]); s2 = weakref.WeakSet([b, c])
print(sorted(x.n for x in s1 ^ s2), sorted(x.n for x in s1 - s2), sorted(x.n for x in s1 & s2), sorted(x.n for x in s1 | s2))
print(s1 < weakref.WeakSet([a, b, c]), s1 > weakref.WeakSet([a]), s1 != s2, s1 == weakref.WeakSet([b, a]))
s1 -= s2; print(len(s1)); s1 ^= s2; print(len(s1)); s1 &= [b]; print(len(s1))
try:
    hash(s1)
except TypeError as e:
    print(e)
d = weakref.WeakValueDictionary({"a": a}); d |= {"b": b}; print(sorted(d.keys()))
k = weakref.WeakKeyDictionary({a: 1}); k |= {b: 2}; print(len(k), len({c: 3} | k))
