# bytearray: construction, repr, the mutable sequence protocol, growth (__alloc__ is
# CPython's over-allocation policy, so the figures are the same).
ba = bytearray

print(ba(), ba(5), ba([1, 2, 255]), ba(b"abc"), ba(ba(b"xy")), ba(range(3)))
print(ba("h\xe9", "utf-8"), ba("abc", "ascii", "strict"), ba(source=b"k"), ba(iter([65, 66])))
print(repr(ba(b"\x00'\"\t\n\\")), str(ba(b"a")), format(ba(b"a")), f"{ba(b'q')}")
x = ba(b"abc")
print(x, len(x), x[0], x[-1], x[1:], x[::-1], x[5:], list(x), tuple(x))
print(type(x[0:1]), x[0:0], ba(b"abcdef")[1:5:2], ba(b"abc")[-1:-10:-1])
x.append(100)
x.extend(b"ef")
x.extend(ba(b"g"))
x.extend([104, 105])
x.extend(iter(range(106, 108)))
x += b"l"
x += ba(b"m")
print(x)
x[0] = 65
x[-1] = 77
print(x)
del x[0]
del x[-1]
print(x)
del x[::2]
print(x)
del x[::-2]
print(x)
del x[1:2]
print(x)
y = ba(range(10))
y[2:8:2] = ba(b"XYZ")
print(y)
y[1:3] = [65, 66, 67, 68]
print(y)
y[4:1] = b"ZZ"
print(y)
y[::-1] = bytes(range(len(y)))
print(y)
y[1:5] = ba()
print(y)
y[:] = y[::-1]
print(y)
w = ba(b"xyz")
w[1:1] = w
print(w)
w = ba()
w[0:0] = [1, 2, 3]
w[len(w):] = (4,)
print(w)
w.reverse()
print(w)
w.insert(-100, 65)
w.insert(100, 66)
w.insert(1, 67)
print(w)
print(w.pop(), w.pop(0), w.pop(-2), w)
w.remove(67)
print(w)
z = w.copy()
z.append(1)
print(w, z, z is w)
z.clear()
print(z, len(z))
print(ba(b"ab") * 3, 3 * ba(b"ab"), ba(b"ab") * 0, ba(b"ab") * -1)
m = ba(b"ab")
m *= 3
print(m)
m *= 0
print(m)
print(ba(b"x") + b"y", b"x" + ba(b"y"), ba(b"x") + ba(b"y"), type(b"x" + ba(b"y")))
print(b"x" in ba(b"axb"), 120 in ba(b"x"), ba(b"xb") in b"axb", ba(b"b") in ba(b"abc"), 0 in ba())
print(ba(b"abc") < ba(b"abd"), ba(b"abc") >= b"abc", b"abc" == ba(b"abc"), ba() == ba())
print(ba(b"a") != "a", ba(b"a") == "a", ba(b"a") == 97)
print(sorted([ba(b"b"), b"a", ba(b"c")]), bool(ba()), bool(ba(b"\x00")))
print(list(reversed(ba(b"abc"))), max(ba(b"azb")), sum(ba(b"\x01\x02")))
it = iter(ba(b"ab"))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
q = ba(b"ab")
it = iter(q)
next(it)
q.extend(b"cd")
print(list(it))
print(bytes(ba(b"x")), bytes(ba(5)), str(ba(b"xy"), "ascii"), ord(ba(b"a")), int(ba(b" 42 ")))
print(int(ba(b"ff"), 16), int.from_bytes(ba(b"\x01\x00"), "big"))
print(b"%s" % ba(b"x"), b"%b|%c" % (ba(b"r"), ba(b"q")), ba(b"%s-%d") % (b"x", 5), ba(b"%c") % 65)

# CPython's growth: __alloc__ after each append, and after other operations.
g = ba()
sizes = []
for i in range(40):
    g.append(i)
    sizes.append(g.__alloc__())
print(sizes)
h = ba(b"abcdefghijkl")
sizes = []
while h:
    h.pop()
    sizes.append(h.__alloc__())
print(sizes)
print(ba().__alloc__(), ba(b"x").__alloc__(), ba(10).__alloc__(), ba(range(10)).__alloc__())
e = ba(b"ab")
e.extend(b"x" * 30)
print(e.__alloc__(), (e + b"c").__alloc__(), e.copy().__alloc__())
e.clear()
print(e.__alloc__())
e = ba()
e.extend(range(100))
print(e.__alloc__(), len(e))
big = ba()
for i in range(100000):
    big.append(i & 255)
print(len(big), big[-1], big.__alloc__() >= len(big))

class B(ba):
    pass

class C(ba):
    def __init__(self, *a):
        super().__init__(*a)
        self.n = len(self)

b = B(b"xy")
b.attr = 5
print(repr(b), type(b).__name__, b + b"z", type(b + b"z").__name__, type(b.upper()).__name__)
print(isinstance(b, ba), len(b), b.attr, b == b"xy")
c = C(b"abc")
print(c, c.n)
print(B.fromhex("ff"), type(B.fromhex("ff")).__name__, ba.fromhex("0a 0b"))

# an empty value deletes an extended slice, whatever its size (CPython's rule)
d = ba(b"abcdef")
d[::2] = b""
print(d)
d = ba(b"abcdef")
d[::-3] = ba()
print(d)

# float() parses a bytearray as bytes
print(float(bytearray(b" 1.5 ")), float(bytearray(b"-inf")))
try:
    float(bytearray(b"x"))
except ValueError as e:
    print("ValueError", e)
