# Assignment forms, unpacking, augmented assignment, del, slices, f-strings, with,
# displays with * and **, chained comparison, conditional expressions.
a = b = c = [1]
print(a is b is c)
x, (y, z), *rest = 1, (2, 3), 4, 5
print(x, y, z, rest)
first, *middle, last = "abcde"
print(first, middle, last)
*init, tail = [1]
print(init, tail)
[p, q] = (7, 8)
print(p, q)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)

n = 10
n += 5; n -= 3; n *= 2; n //= 5; n **= 3; n %= 7; n <<= 2; n >>= 1; n |= 1; n &= 7; n ^= 2
print(n)
lst = [1, 2]
alias = lst
lst += [3]
lst *= 2
print(lst, alias is lst)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
s = "ab"
s *= 3
print(s)

class Box:
    def __init__(self):
        self.v = 1
        self.items = {"k": 10}
b = Box()
b.v += 41
b.items["k"] += 5
print(b.v, b.items)
d = {"a": [1, 2, 3, 4, 5]}
d["a"][1:3] = ["x"]
print(d)
del d["a"][0]
del d["a"][-1:]
print(d)
del b.v
print(hasattr(b, "v"))
m = list(range(10))
print(m[::2], m[::-3], m[2:8:2], m[-3:], m[:-7])
del m[::3]
print(m)
u = 1
del u
print("u" in dir())

w = 7
print(f"{w}", f"{w!r:>4}|{'s'!s:<3}|{w * 2:05d}|{3.14159:.2f}|{w:#x}|{{literal}}")
name = "x"
print(f"{name!r} {name.upper()} {[1, 2][0]} {'nested ' + f'{w}'}")
print(f"{10:>{w}}|")

print([*range(3), *"ab", 9], (*[1, 2],), {*[1, 1, 2]}, {**{"a": 1}, "b": 2, **{"a": 3}})
def kw(**k):
    return sorted(k.items())
print(kw(**{"x": 1}, y=2, **{"z": 3}))
print(max(*[3, 9, 2]), print.__name__)

class CM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return self.swallow
with CM("a") as ca, CM("b") as cb:
    print("body", ca.name, cb.name)
with CM("c", swallow=True):
    raise KeyError("swallowed")
try:
    with CM("d"):
        raise ValueError("propagates")
except ValueError as e:
    print("caught", e)
def in_with():
    with CM("e"):
        return "returned"
print(in_with())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break

print(3 if 0 else 4 if 0 else 5)
big = 2 ** 100
print(big, -big, big // 3, 7 // -2, -7 % 3, 1e300 * 10, 0.1 + 0.2)
print(divmod(17, 5), 17 / 4, 2 ** -1, (-2) ** 2, -2 ** 2, ~5, 6 & 3, 6 | 3, 6 ^ 3, 1 << 70)
