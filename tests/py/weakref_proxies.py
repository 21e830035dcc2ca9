# weakref.proxy: forwarding of attributes, operators, containers and calls; the
# ReferenceError after death; unhashable; the callable variant.
import weakref


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))

    def __radd__(self, o):
        return Num(o + self.v)

    def __sub__(self, o):
        return self.v - o

    def __mul__(self, o):
        return self.v * o

    def __truediv__(self, o):
        return self.v / o

    def __floordiv__(self, o):
        return self.v // o

    def __mod__(self, o):
        return self.v % o

    def __pow__(self, o):
        return self.v ** o

    def __neg__(self):
        return -self.v

    def __abs__(self):
        return abs(self.v)

    def __invert__(self):
        return ~self.v

    def __and__(self, o):
        return self.v & o

    def __or__(self, o):
        return self.v | o

    def __xor__(self, o):
        return self.v ^ o

    def __lshift__(self, o):
        return self.v << o

    def __rshift__(self, o):
        return self.v >> o

    def __lt__(self, o):
        return self.v < o

    def __eq__(self, o):
        return isinstance(o, Num) and o.v == self.v

    def __hash__(self):
        return hash(self.v)

    def __bool__(self):
        return self.v != 0

    def __index__(self):
        return self.v

    def __int__(self):
        return self.v

    def __float__(self):
        return float(self.v)

    def __str__(self):
        return "Num " + str(self.v)

    def __repr__(self):
        return "Num(" + str(self.v) + ")"


n = Num(6)
p = weakref.proxy(n)
print("arith", (p + 1).v, (1 + p).v, p - 1, p * 2, p / 4, p // 4, p % 4, p ** 2)
print("unary", -p, abs(p), ~p)
print("bits", p & 3, p | 1, p ^ 2, p << 1, p >> 1)
print("compare", p < 7, p == n, p == Num(6), p != n)
print("bool", bool(p), bool(weakref.proxy(Num(0))) if False else "-")
print("index", [10, 11, 12, 13, 14, 15, 16][p], int(p), float(p))
print("str", str(p), "Num" in repr(p) or repr(p).startswith("<weakproxy at"))
print("attributes", p.v)
p.v = 7
print("set through proxy", n.v)
p.extra = "x"
del p.extra
print("deleted through proxy", hasattr(n, "extra"))
try:
    hash(p)
except TypeError as e:
    print(e)


class Box:
    def __init__(self):
        self.items = [1, 2, 3]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, v):
        return v in self.items

    def __iter__(self):
        return iter(self.items)


b = Box()
pb = weakref.proxy(b)
print("container", len(pb), pb[0], 2 in pb, 9 in pb, list(pb))
pb[0] = 10
del pb[1]
print("mutated", b.items)


class It:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i


it = It()
pi = weakref.proxy(it)
print("next through proxy", next(pi), next(pi))


def add(a, b=0):
    return a + b


pf = weakref.proxy(add)
print("callable", pf(1, b=2), type(pf).__name__, type(p).__name__, callable(pf), callable(p))
print("isinstance", isinstance(p, Num), isinstance(p, weakref.ProxyType), isinstance(pf, weakref.ProxyTypes))
print("same proxy", weakref.proxy(n) is p, weakref.proxy(n, lambda x: None) is p)
print("proxy and ref coexist", weakref.getweakrefcount(n), weakref.ref(n)() is n, weakref.getweakrefcount(n))
log = []
p2 = weakref.proxy(n, log.append)
del n
print("callback gets the proxy", len(log), log[0] is p2)
for what, fn in [("attr", lambda: p.v), ("add", lambda: p + 1), ("str", lambda: str(p)),
                 ("bool", lambda: bool(p)), ("eq", lambda: p == 1), ("len", lambda: len(pb)),
                 ("setattr", lambda: setattr(p, "v", 1))]:
    try:
        fn()
        print(what, "no error")
    except ReferenceError as e:
        print(what, type(e).__name__, e)
del b
try:
    len(pb)
except ReferenceError as e:
    print("len", e)
print("dead repr", repr(p).startswith("<weakproxy at "), " to NoneType at " in repr(p))
