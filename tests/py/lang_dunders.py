# Dunder methods dispatched from the operators, descriptors, MRO, generators (issue 4 part 1)
class V:
    def __new__(cls, *a):
        inst = super().__new__(cls)
        inst.made_by_new = True
        return inst
    def __init__(self, x, y=0): self.x, self.y = x, y
    def __repr__(self): return f"V({self.x}, {self.y})"
    def __str__(self): return f"<{self.x},{self.y}>"
    def __eq__(self, o): return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o): return (self.x, self.y) < (o.x, o.y)
    def __le__(self, o): return (self.x, self.y) <= (o.x, o.y)
    def __gt__(self, o): return (self.x, self.y) > (o.x, o.y)
    def __ge__(self, o): return (self.x, self.y) >= (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __bool__(self): return bool(self.x or self.y)
    def __add__(self, o): return V(self.x + o.x, self.y + o.y) if isinstance(o, V) else NotImplemented
    def __radd__(self, o): return V(self.x + o, self.y + o)
    def __sub__(self, o): return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k): return V(self.x / k, self.y / k)
    def __floordiv__(self, k): return V(self.x // k, self.y // k)
    def __mod__(self, k): return V(self.x % k, self.y % k)
    def __pow__(self, k): return V(self.x ** k, self.y ** k)
    def __neg__(self): return V(-self.x, -self.y)
    def __pos__(self): return self
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self): return V(self.y, self.x)
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __lshift__(self, o): return "lshift"
    def __rshift__(self, o): return "rshift"
    def __iadd__(self, o):
        self.x += o
        return self
    def __matmul__(self, o): return self.x * o.x + self.y * o.y
    def __index__(self): return self.x
    def __int__(self): return self.x
    def __float__(self): return float(self.x)
a, b = V(1, 2), V(3, 4)
print(a, repr(a), str(a), a.made_by_new, a == V(1, 2), a != b, a < b, a <= b, a > b, a >= b)
print(a + b, 10 + a, a - b, a * 3, 3 * a, b / 2, b // 2, b % 2, a ** 2, -a, +a, abs(b), ~a)
print(a & b, a | b, a ^ b, a << 1, a >> 1, a @ b, [0, 1, 2, 3][b], bin(b), int(b), float(b))
print(bool(V(0)), bool(a), len({a, V(1, 2)}), sorted([b, a]), max(a, b), "yes" if a else "no")
c = a
c += 5
print(c is a, a)
class Seq:
    def __init__(self): self.d = {}
    def __len__(self): return len(self.d)
    def __getitem__(self, k):
        if isinstance(k, slice): return ("slice", k.start, k.stop, k.step)
        return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __contains__(self, k): return k in self.d
    def __iter__(self): return iter(sorted(self.d))
    def __call__(self, *a, **k): return ("called", a, k)
s = Seq()
s["a"] = 1; s["b"] = 2
del s["a"]
print(len(s), s["b"], "b" in s, "a" in s, list(s), s[1:5:2], s[::], s(1, k=2))
try:
    s["zz"]
except KeyError as e:
    print("KeyError", e)
class Count:
    def __init__(self, n): self.i, self.n = 0, n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), [x * 2 for x in Count(2)], sum(Count(4)), 2 in Count(3))
class OldSeq:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i * 10
print(list(OldSeq()), 20 in OldSeq())
class Dyn:
    def __getattr__(self, name): return "dyn_" + name
    def __setattr__(self, name, v): object.__setattr__(self, name, v * 2)
    def __delattr__(self, name): print("del", name)
dy = Dyn()
dy.q = 5
print(dy.q, dy.missing)
del dy.q
class P:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, val): self._v = val * 10
    @v.deleter
    def v(self): print("deleting v")
    @staticmethod
    def st(a): return ("static", a)
    @classmethod
    def cm(cls, a): return (cls.__name__, a)
p = P()
p.v = 2
print(p.v, P.st(1), p.st(2), P.cm(3), p.cm(4), type(P.__dict__["v"]).__name__)
del p.v
try:
    P.v.__set__(p, 1) if False else setattr(P(), "nope", 1) or print("setattr ok")
except AttributeError as e:
    print(e)
class RO:
    @property
    def r(self): return 1
try:
    RO().r = 2
except AttributeError as e:
    print("AttributeError", e)
class Desc:
    def __get__(self, obj, typ): return ("get", obj is None, typ.__name__)
    def __set__(self, obj, val): obj.__dict__["stored"] = val
class HasD:
    d = Desc()
hd = HasD()
hd.d = 7
print(HasD.d, hd.d, hd.stored)
class A0:
    def who(self): return "A0"
class B0(A0):
    def who(self): return "B0>" + super().who()
class C0(A0):
    def who(self): return "C0>" + super().who()
class D0(B0, C0):
    def who(self): return "D0>" + super().who()
print(D0().who(), [k.__name__ for k in D0.__mro__], D0.mro() == list(D0.__mro__))
try:
    class Bad(A0, B0): pass
except TypeError as e:
    print("TypeError", e)
def g():
    got = yield 1
    print("got", got)
    try:
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 3
    finally:
        print("finally in gen")
gen = g()
print(next(gen), gen.send("hello"), gen.throw(ValueError("boom")))
gen.close()
print(list(gen))
def g2():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
x2 = g2(); next(x2); x2.close()
def inner():
    r = yield "i1"
    return "ret:" + str(r)
def outer():
    v = yield from inner()
    yield v
o = outer()
print(next(o), o.send("S"))
def closure_maker():
    cells = []
    for i in range(3):
        cells.append(lambda i=i: i)
    shared = [lambda: i for i in range(3)]
    return [f() for f in cells], [f() for f in shared]
print(closure_maker(), closure_maker.__code__.co_name, closure_maker.__name__)
def cl():
    x = 1
    def r(): return x
    return r
print(cl().__closure__[0].cell_contents, type(cl().__closure__[0]).__name__)
import sys
print(type(sys).__name__, sys.modules["sys"] is sys, __name__)
class WithSlotsLess:
    cls_attr = [1]
    def __init_subclass__(cls, **kw): cls.tag = kw.get("tag", "none")
class Sub(WithSlotsLess, tag="t1"): pass
print(Sub.tag, Sub.cls_attr is WithSlotsLess.cls_attr, Sub.__bases__[0].__name__, Sub.__qualname__)
