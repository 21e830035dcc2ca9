# Assorted constructs: global/nonlocal in generators and comprehensions, class-body lambdas
# and decorators, chained targets, nested unpacking in for and with, nested f-string specs.
counter = 0
def bump():
    global counter
    counter += 1
    return [counter * i for i in range(3)]
print(bump(), bump(), counter)
def gen_nonlocal():
    total = 0
    def g():
        nonlocal total
        for i in range(3):
            total += i
            yield total
    return list(g()), total
print(gen_nonlocal())
class K:
    base = 10
    f = lambda self, b=base: b + 1
    def deco(arg):
        def wrap(fn):
            def inner(self, *a):
                return (arg, fn(self, *a))
            return inner
        return wrap
    @deco("tagged")
    def m(self, x):
        return x * self.base
print(K().f(), K().m(4))
d = {}
class O: pass
o = O()
o.l = [0, 0]
d["a"] = o.x = o.l[1] = y = 7
print(d, o.x, o.l, y)
for (a, *b), c in [((1, 2, 3), 4), ((5,), 6)]:
    print(a, b, c)
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return False
with Pair() as (p, q):
    print(p + q)
w, pr = 10, 3
x = 3.14159
print(f"{x:{w}.{pr}f}|{x!r:>{w}}|" + "tail" f"{w}")
try:
    import json_not_there as j
except ImportError:
    j = None
print(j)
items = list(range(10))
for i in items[:]:
    if i % 3:
        items.remove(i)
print(items)
def varargs_only(*args):
    return args
print(varargs_only(), varargs_only(*()), varargs_only(*[1], *(2, 3), 4))
def kwargs_only(**kw):
    return kw
print(kwargs_only(), kwargs_only(**{}), kwargs_only(a=1, **{"b": 2}))
nested = [[1, 2], [3, 4]]
print([x for row in nested for x in row], [[r * 2 for r in row] for row in nested])
print(sorted({(i, j) for i in range(2) for j in range(2)}))
x = 10
def shadow_comp():
    x = 5
    return [x for _ in range(2)], [y for y in range(x)]
print(shadow_comp(), x)
a = b = 0
a, b = b + 1, a + 2
print(a, b)
s = "hello"
print(s[1:-1], s[::-1], s[-1], s[:0] == "")
print(type(lambda: 0).__name__, type(print).__name__, type(len).__name__)
def defaults_mutation(a, L=[]):
    L.append(a)
    return len(L)
print(defaults_mutation(1), defaults_mutation(2), defaults_mutation.__defaults__)
