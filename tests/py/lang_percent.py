# printf-style formatting: str % args and bytes % args
print("%d %i %u" % (1, -2, 3))
print("%5d|%-5d|%05d|%+d|% d|%+05d" % (42, 42, 42, 42, 42, -42))
print("%x %X %o %#x %#X %#o %#5x %-#8o|" % (255, 255, 8, 255, 255, 8, 10, 8))
print("%.3d %5.3d %-6.2x|" % (7, -7, 10))
print("%d" % 3.99, "%d" % -3.99, "%i" % True)
print("%s %r %a" % ("é", "é", "é"))
print("%5s|%-5s|%.2s|%5.1s|" % ("ab", "ab", "abc", "xyz"))
print("%c%c%c" % (65, "b", 0x263a))
print("%f %.2f %10.3f %-10.1f| %+.1f %08.2f" % (3.14159, 2.5, -1.5, 2.25, 1.0, -3.14159))
print("%e %E %.2e %g %G %.3g %#g" % (12345.678, 0.00012, 1e100, 1e-5, 1e20, 3.14159, 1.0))
print("%f %5f %05f %F" % (float("inf"), float("nan"), float("-inf"), float("inf")))
print("%s %s %s" % (None, [1, 2], (3,)))
print("%s" % ((1, 2),), "%s" % [1, 2])
print("%(a)s and %(b)05.1f %(a)r" % {"a": "x", "b": 2.25})
print("%%d %d%%" % 5)
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%s" % 12345678901234567890, "%x" % -255, "%d" % (2**70))
print("no args" % ())
print("%s" % {"k": 1})
print("%ld %hd %Lf" % (1, 2, 3.5))

class P:
    def __str__(self): return "str-P"
    def __repr__(self): return "repr-P"
    def __index__(self): return 7
print("%s %r %d %x" % (P(), P(), P(), P()))

for fmt, args in [("%d", "x"), ("%x", 1.5), ("%f", "x"), ("%c", "ab"), ("%c", 0x110000),
                  ("%d %d", (1,)), ("%d", (1, 2)), ("abc", 5), ("%y", 1), ("%", 1),
                  ("%(a)s", 1), ("%(a", {"a": 1}), ("%*d", ("a", 1)), ("%(k)s", {}),
                  ("%d", None), ("%s %s", [1, 2])]:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(fmt, type(e).__name__, e)

# bytes
print(b"%d %s %b|%5s|%-5b|" % (1, b"xy", b"z", b"ab", b"cd"))
print(b"%r %a %c %c" % ("é", b"q", 65, b"z"))
print(b"%x %05.1f %(k)s" % (255, 2.5, b"v") if False else b"%x %05.1f" % (255, 2.5))
print(b"%(k)s-%(n)d" % {b"k": b"v", b"n": 3})
class B:
    def __bytes__(self): return b"BB"
print(b"%s" % B())
for fmt, args in [(b"%s", 1), (b"%s", "str"), (b"%c", 300), (b"%c", "x"), (b"%d", (1, 2)),
                  (b"%y", 1)]:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(fmt, type(e).__name__, e)

# the right operand's __rmod__ wins for non-str left operands only
class R:
    def __rmod__(self, other): return "rmod"
print(type("%s" % R()).__name__)
print(5 % R())
try:
    print([] % 3)
except TypeError as e:
    print(e)
s = "%d-%d"
s %= (1, 2)
print(s)
