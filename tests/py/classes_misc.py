# Assorted class behaviour: slots removal of dunders, decorators, generators as __iter__,
# exception subclasses, metaclass methods, built-in subclasses with __new__ (issue 4).
def e(f):
    try:
        f()
    except Exception as x:
        print(type(x).__name__ + ":", x)
class S:
    __slots__ = ('a',)
s = S()
s.a = 1
print(s.a)
class R:
    def __repr__(self): return "R!"
class R2(R): pass
print(R2())
del R.__repr__
print(repr(R2()).startswith("<__main__.R2 object"))
def deco(cls):
    cls.decorated = True
    return cls
@deco
class Dc:
    pass
print(Dc.decorated)
class Gen:
    def __iter__(self):
        yield 1
        yield 2
print(list(Gen()), sum(Gen()))
class MyErr(Exception):
    def __str__(self): return "custom str"
try:
    raise MyErr(1)
except MyErr as ex:
    print(ex, repr(ex))
class H:
    def __eq__(self, o): return True
    __hash__ = object.__hash__
print(type(hash(H())).__name__, H() == 1)
class Rec:
    def __getattr__(self, n):
        if n == 'x': return self.y
        raise AttributeError(n)
e(lambda: Rec().x)
class CM:
    @classmethod
    def make(cls): return cls.__name__
    @staticmethod
    def st(): return 'st'
class CM2(CM): pass
print(CM2.make(), CM2().make(), CM2.st())
class Counter:
    count = 0
    def __init__(self):
        type(self).count += 1
Counter(); Counter()
print(Counter.count)
class Ab:
    def __len__(self): return 0
print(bool(Ab()), not Ab())
class WithDel:
    def __del__(self): print("del called")
w = WithDel(); del w
print("after del")
class V:
    def __init__(self, *a, **k): self.a, self.k = a, k
print(V(1, 2, x=3).a, V(1, x=3).k)
class Prop:
    def __init__(self): self._v = 1
    v = property(lambda s: s._v, lambda s, x: setattr(s, '_v', x * 10))
p = Prop(); p.v = 2; print(p.v)
class Base:
    def __init__(self): self.inited = 'base'
class Mid(Base): pass
class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.leaf = True
l = Leaf(); print(l.inited, l.leaf)
print(isinstance(Leaf, type), type(Leaf) is type, Leaf.__base__, Leaf.__bases__)
class Meta(type):
    def __repr__(cls): return 'Meta-repr ' + cls.__name__
    def hello(cls): return 'hello ' + cls.__name__
class MM(metaclass=Meta): pass
print(MM, MM.hello(), repr(MM))
e(lambda: MM().hello())
class Ctx:
    def __enter__(self): return 'entered'
    def __exit__(self, *a): return False
with Ctx() as c: print(c)
class Idx:
    def __index__(self): return 2
print([1, 2, 3][Idx()], 'abc'[Idx()])
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'C%d' % self.v if False else 'C' + str(self.v)
print(sorted([Cmp(2), Cmp(1)]), min(Cmp(3), Cmp(0)))
e(lambda: Cmp(1) <= Cmp(2))
class Str(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(Str('abc'), type(Str('x')).__name__, len(Str('ab')))
class Tup(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
t = Tup(1, 2); print(t, t.first, t[1], len(t))
class Dict2(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
d = Dict2(); d['a'] = 2; print(d)
class NoInit:
    pass
e(lambda: NoInit(1))
e(lambda: object.__new__(int))
print(type(object.__new__(NoInit)).__name__)
