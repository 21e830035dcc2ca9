# Statements (issue 4 part 1), one group each
a = b = c = [0]
print(a is b is c)
x, y = 1, 2
x, y = y, x
[p, q], r = (3, 4), 5
first, *rest = range(5)
*init, last = "abc"
h, *mid, t = [1, 2]
(m, n), *o = [(6, 7), 8, 9]
print(x, y, p, q, r, first, rest, init, last, h, mid, t, m, n, o)
class O: pass
obj = O()
obj.attr = 1
obj.attr += 10
lst = [1, 2, 3, 4, 5]
lst[0] = 9
lst[1:3] = ["a", "b", "c"]
lst[-1] *= 2
dd = {}
dd["k"] = 1
dd["k"] -= 5
s = "x"
s += "y"
s *= 2
n = 7
n //= 2; n **= 3; n %= 10; n <<= 2; n >>= 1; n |= 1; n &= 7; n ^= 2
print(obj.attr, lst, dd, s, n)
del lst[0], lst[1:3]
del dd["k"]
del obj.attr
del s
print(lst, dd, hasattr(obj, "attr"), "s" in dir())
try:
    print(s)
except NameError as e:
    print(e)
lst2 = list(range(10))
del lst2[::3]
print(lst2)
pass
for v in [1, -1, 0]:
    if v > 0:
        print("pos")
    elif v < 0:
        print("neg")
    else:
        print("zero")
i = 0
while i < 3:
    i += 1
else:
    print("while-else ran", i)
while True:
    i += 1
    if i > 5:
        break
else:
    print("not printed")
for k in range(5):
    if k == 1:
        continue
    if k == 3:
        break
    print("for", k)
else:
    print("not printed")
for k in []:
    pass
else:
    print("for-else ran")
for i, (a1, b1) in enumerate([(1, 2), (3, 4)]):
    print(i, a1, b1)
def deco(fn):
    def wrapper(*args, **kw):
        return "<" + str(fn(*args, **kw)) + ">"
    return wrapper
def deco_arg(tag):
    return lambda fn: (lambda *a, **k: tag + fn(*a, **k))
@deco
@deco_arg("T:")
def func(a, b=2, *args, c, d=4, **kw):
    return f"{a} {b} {args} {c} {d} {kw}"
print(func(1, c=3), func(1, 2, 3, 4, c=5, d=6, e=7))
def kwonly(*, a, b=1): return a + b
print(kwonly(a=1), kwonly(b=5, a=1))
def posonly(a, /, b): return a - b
print(posonly(5, b=2))
def nothing(): return
def implicit(): pass
print(nothing(), implicit())
@deco
class Decorated: pass
print(Decorated.__name__)
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def outer():
    v = 0
    def inner():
        nonlocal v
        v += 1
        return v
    inner(); inner()
    return v
print(outer())
assert True
assert 1 == 1, "never"
try:
    assert 1 == 2, "custom message"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert False
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
import sys
import math as m2
from math import sqrt, pi as PI
print(sys.__name__, m2.floor(2.5), sqrt(16), round(PI, 3))
def gen():
    yield 1
    yield from [2, 3]
    r = yield 4
    yield r
print(list(gen()))
class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return self.name == "swallow"
with CM("a") as ca, CM("b") as cb:
    print("body", ca, cb)
with CM("swallow"):
    raise ValueError("gone")
with CM("x"), CM("y"):
    pass
try:
    with CM("z"):
        raise KeyError("k")
except KeyError as e:
    print("KeyError", e)
if 1: print("one-line if")
while 0: pass
for _ in range(1): print("one-line for")
x = 1; y = 2; print(x + y)
