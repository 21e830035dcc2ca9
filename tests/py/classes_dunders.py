# Operators and protocols dispatched to dunder methods of classes (slots from Python).
def e(f):
    try:
        f()
    except Exception as x:
        print(type(x).__name__ + ":", x)

class T:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "T(" + repr(self.v) + ")"
    def __str__(self):
        return "<" + str(self.v) + ">"
    def __eq__(self, o):
        return isinstance(o, T) and self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __add__(self, o):
        return T(self.v + (o.v if isinstance(o, T) else o))
    def __radd__(self, o):
        return T(o + self.v)
    def __sub__(self, o):
        return T(self.v - o)
    def __mul__(self, o):
        return T(self.v * o)
    def __rmul__(self, o):
        return T(o * self.v)
    def __truediv__(self, o):
        return T(self.v / o)
    def __floordiv__(self, o):
        return T(self.v // o)
    def __mod__(self, o):
        return T(self.v % o)
    def __pow__(self, o, mod=None):
        return T(pow(self.v, o, mod))
    def __and__(self, o):
        return T(self.v & o)
    def __or__(self, o):
        return T(self.v | o)
    def __xor__(self, o):
        return T(self.v ^ o)
    def __lshift__(self, o):
        return T(self.v << o)
    def __rshift__(self, o):
        return T(self.v >> o)
    def __iadd__(self, o):
        self.v += o
        return self
    def __neg__(self):
        return T(-self.v)
    def __pos__(self):
        return T(+self.v)
    def __abs__(self):
        return T(abs(self.v))
    def __invert__(self):
        return T(~self.v)
    def __len__(self):
        return self.v
    def __getitem__(self, i):
        return i * 2
    def __setitem__(self, k, v):
        print("set", k, v)
    def __delitem__(self, k):
        print("del", k)
    def __contains__(self, x):
        return x == 1
    def __call__(self, *a, **k):
        return ("called", a, k)
    def __bool__(self):
        return self.v != 0
    def __iter__(self):
        return iter(range(self.v))
    def __hash__(self):
        return hash(self.v)
    def __index__(self):
        return self.v
    def __int__(self):
        return self.v
    def __float__(self):
        return float(self.v)

t = T(3)
print(t, str(t), repr(t), [t], t == T(3), t != T(3), t == 3, t < T(4), T(5) > t, t <= T(3), T(4) >= t)
print(t + 1, 1 + t, t + t, t - 1, t * 2, 2 * t, t / 2, t // 2, t % 2, t ** 2, pow(t, 2, 5))
print(t & 1, t | 4, t ^ 1, t << 2, t >> 1, -t, +t, abs(T(-2)), ~t)
print(len(t), t[4], 1 in t, 2 in t, t(1, k=2), bool(T(0)), bool(t), list(t), hash(t) == hash(3))
print([10, 20, 30, 40][t], int(t), float(t), hex(t), range(10)[t])
t[1] = 2
del t[1]
u = t
t += 5
print(t, u is t, sorted([T(3), T(1), T(2)]), max(T(1), T(5)), T(2) in [T(1), T(2)])
e(lambda: T(1) @ 1)
e(lambda: T(1) > 1)
e(lambda: 1 - T(1))

class NoHash:
    def __eq__(self, o):
        return True
e(lambda: hash(NoHash()))
e(lambda: {NoHash()})
print(NoHash.__hash__, NoHash() == 1, NoHash() != 1)

class Eq:
    def __eq__(self, o):
        return NotImplemented
x = Eq()
print(x == x, x == Eq(), x != Eq())

# Reflected operands: a subclass that overrides the reflected method goes first.
class Base:
    def __add__(self, o):
        return "Base.add"
    def __radd__(self, o):
        return "Base.radd"
class Sub(Base):
    def __radd__(self, o):
        return "Sub.radd"
print(Base() + Sub(), Sub() + Base(), Base() + Base(), 1 + Base())

class BadLen:
    def __len__(self):
        return -1
e(lambda: len(BadLen()))
class BadBool:
    def __bool__(self):
        return 1
e(lambda: bool(BadBool()))
class BadInit:
    def __init__(self):
        return 1
e(lambda: BadInit())
class BadRepr:
    def __repr__(self):
        return 1
e(lambda: repr(BadRepr()))
class NotIter:
    __iter__ = None
e(lambda: iter(NotIter()))

# Assigning a dunder after the class exists updates the operator, also in subclasses.
class P:
    pass
class Q(P):
    pass
p, q = P(), Q()
P.__add__ = lambda self, o: "added " + str(o)
P.__len__ = lambda self: 42
print(p + 1, q + 2, len(p), len(q))
del P.__add__
e(lambda: p + 1)

# Iterators in Python.
class Count:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), sum(Count(4)), [x * 2 for x in Count(2)])

# Context managers.
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return True
with Ctx() as cx:
    raise ValueError("swallowed")
print(type(cx).__name__)
