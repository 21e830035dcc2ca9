# functools: partial, reduce, wraps/update_wrapper, lru_cache/cache, cached_property,
# total_ordering, cmp_to_key, singledispatch.
import functools
from functools import partial, reduce, wraps, lru_cache, cache, cached_property
from functools import total_ordering, cmp_to_key, singledispatch, update_wrapper


def show_exc(fn, *a, **k):
    try:
        fn(*a, **k)
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("no exception")


# --- partial
def f(a, b=0, *rest, c=3, **kw):
    return (a, b, rest, c, kw)

p = partial(f, 1, b=2)
print(p.func is f, p.args, p.keywords)
print(p(), p(c=9), p(b=5, z=1))
r = repr(p)
print(r.startswith("functools.partial(<function f at 0x"), r.endswith(">, 1, b=2)"))
p2 = partial(p, 7, c=8)
print(p2.func is f, p2.args, p2.keywords)
print(partial(f, 1)(2, c=11))
print(repr(partial(max, 3, 4)))
print(partial(max)(3, 9))
show_exc(partial, 1)
show_exc(partial)
p.attr = 5
print(p.attr, type(p).__name__)

class MyPartial(partial):
    pass
mp = MyPartial(max, 2)
print(mp(1), repr(mp))
mp2 = MyPartial(p, 3)
print(mp2.func is p, mp2.args)
p3 = partial(mp, 5)
print(p3.func is mp, p3(10))

# --- reduce
print(reduce(lambda x, y: x + y, [1, 2, 3, 4]))
print(reduce(lambda x, y: x + y, [1, 2, 3, 4], 10))
print(reduce(lambda x, y: x * y, [], 1))
print(reduce(lambda x, y: x + y, ["a"]))
print(reduce(lambda x, y: x + y, iter(range(5))))
show_exc(reduce, lambda x, y: x, [])
show_exc(reduce, lambda x, y: x, 5)
print(reduce(lambda x, y: [*x, y], "abc", []))

# --- wraps / update_wrapper
print(functools.WRAPPER_ASSIGNMENTS)
print(functools.WRAPPER_UPDATES)

def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        "inner doc"
        return fn(*a, **k) * 2
    return inner

@deco
def twice(x: int) -> int:
    """Doubles things."""
    return x
twice.extra = 1
print(twice(4), twice.__name__, twice.__qualname__, twice.__doc__)
print(twice.__module__, twice.__annotations__, twice.__wrapped__.__name__)

def plain(x):
    return x
plain.tag = "t"
def wrapper(*a):
    return plain(*a)
res = update_wrapper(wrapper, plain)
print(res is wrapper, wrapper.__name__, wrapper.tag, wrapper.__wrapped__ is plain)
def w2():
    pass
update_wrapper(w2, plain, assigned=("__name__",), updated=())
print(w2.__name__, hasattr(w2, "tag"), w2.__wrapped__ is plain)

class NoName:
    def __call__(self):
        pass
def w3():
    pass
update_wrapper(w3, NoName())
print(w3.__name__)

# --- lru_cache
calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x

print(sq(2), sq(3), sq(2), sq(4), sq(3))
print(calls)
info = sq.cache_info()
print(info)
print(info.hits, info.misses, info.maxsize, info.currsize)
print(info[0], len(info), tuple(info), isinstance(info, tuple))
h, m, mx, cur = info
print(h, m, mx, cur)
print(sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info())
print(sq.__name__, sq.__wrapped__(5))

@lru_cache
def fib(n):
    "fib doc"
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info(), fib.__doc__, fib.__name__)
print(fib.cache_parameters())

@lru_cache(maxsize=None)
def add(a, b=1, *, c=0):
    return a + b + c
print(add(1), add(1), add(1, 2), add(1, b=2), add(b=2, a=1), add(1, c=3))
print(add.cache_info())

@lru_cache(typed=True)
def ident(x):
    return repr(x)
print(ident(1), ident(1.0), ident(True), ident.cache_info())
print(ident.cache_parameters())

@lru_cache()
def untyped(x):
    return repr(x)
print(untyped(1), untyped(1.0), untyped.cache_info())

@lru_cache(maxsize=0)
def zero(x):
    return x
print(zero(1), zero(1), zero.cache_info())

@lru_cache(maxsize=-5)
def neg(x):
    return x
print(neg(1), neg.cache_info())

show_exc(lru_cache, "x")
show_exc(add, [1])

@cache
def fact(n):
    return n * fact(n - 1) if n else 1
print(fact(10), fact.cache_info(), fact.cache_parameters())

class Calc:
    def __init__(self, k):
        self.k = k
    @lru_cache(maxsize=None)
    def mul(self, x):
        return self.k * x
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, o):
        return self.k == o.k
c = Calc(3)
print(c.mul(4), c.mul(4), Calc(5).mul(4), Calc.mul.cache_info())

# --- cached_property
class Data:
    def __init__(self, n):
        self.n = n
        self.computed = 0

    @cached_property
    def total(self):
        "the total"
        self.computed += 1
        return self.n * 10

d = Data(4)
print(d.total, d.total, d.computed, "total" in d.__dict__)
del d.total
print(d.total, d.computed)
d.total = 99
print(d.total)
print(type(Data.total).__name__, Data.total.attrname, Data.total.__doc__)

class Slotted:
    __slots__ = ("x",)
    @cached_property
    def prop(self):
        return 1
show_exc(lambda: Slotted().prop)

cp = cached_property(lambda self: 1)
class A:
    x = cp
show_exc(lambda: setattr(A, "dummy", 0) or type("B", (), {"y": cp}))

class Bare:
    pass
Bare.p = cached_property(lambda self: 1)
show_exc(lambda: Bare().p)

# --- total_ordering
@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return self.v == o.v
    def __lt__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return self.v < o.v
a, b = V(1), V(2)
print(a < b, a > b, a <= b, a >= b, a <= V(1), a >= V(1), a == V(1))
show_exc(lambda: a > 5)
print(V.__gt__.__name__)

@total_ordering
class G:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __ge__(self, o):
        return self.v >= o.v
print(G(1) < G(2), G(1) > G(2), G(2) <= G(2), G(3) >= G(2))

def no_order():
    @total_ordering
    class N:
        pass
show_exc(no_order)

# --- cmp_to_key
def rev(x, y):
    return (y > x) - (y < x)
print(sorted([3, 1, 2], key=cmp_to_key(rev)))
print(sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda x, y: len(x) - len(y))))
K = cmp_to_key(rev)
k1, k2 = K(1), K(2)
print(k1 < k2, k1 > k2, k1 == K(1), k1 <= k2, k1 >= k2, k1.obj)
show_exc(hash, k1)
print(min([5, 2, 8], key=cmp_to_key(rev)))

# --- singledispatch
@singledispatch
def describe(arg, extra=""):
    return "object:" + repr(arg) + extra

@describe.register(int)
def _(arg, extra=""):
    return "int:" + repr(arg) + extra

def for_list(arg, extra=""):
    return "list of %d" % len(arg)
describe.register(list, for_list)

@describe.register
def _(arg: str, extra=""):
    return "str:" + arg + extra

print(describe(1), describe(True), describe("s", extra="!"), describe([1, 2]))
print(describe(1.5), describe(None))
print(describe.dispatch(bool) is describe.dispatch(int), describe.dispatch(float) is describe.registry[object])
print(sorted(t.__name__ for t in describe.registry))
print(describe.__name__)
show_exc(describe)
show_exc(describe.register, 5, lambda x: x)

class Base:
    pass
class Derived(Base):
    pass
describe.register(Base, lambda arg, extra="": "base")
print(describe(Derived()), describe(Base()))

# --- odds and ends
print(functools.__name__, type(sq).__name__, type(partial(max)).__name__)
print(repr(partial(dict, a=1, b=[2])).startswith("functools.partial(<class 'dict'>"))
print(repr(partial(dict, a=1, b=[2])))
print(vars(partial(max)), partial(max, k=1).keywords)
pa = partial(f, 1)
pa.note = "x"
pb = partial(pa, 2)
print(pb.func is pa, pb.args)
print(partial(partial(partial(f, 1), 2), c=4)())
def bad_name():
    shared = cached_property(lambda self: 0)
    class Two:
        a = shared
        b = shared
show_exc(bad_name)

# A cache that evicts under recursion keeps its bookkeeping straight.
@lru_cache(maxsize=3)
def walk(n):
    return 0 if n == 0 else 1 + walk(n - 1)
print(walk(10), walk.cache_info(), walk(9), walk.cache_info())
print([walk(i) for i in (1, 2, 1, 5, 1)], walk.cache_info())
