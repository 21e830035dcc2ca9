# format(), f-strings and str.format with the format-spec mini-language.
for v in [0, 7, -42, 1234567, 255, 10**20]:
    print(f"{v:d}|{v:>8}|{v:<8}|{v:^9}|{v:+}|{v: }|{v:08}|{v:,}|{v:_}|{v:x}|{v:#X}|{v:#o}|{v:b}|{v:e}|{v:%}")
for v in [0.0, -0.0, 1.5, -2.25, 3.14159265, 1e16, 1.5e-7, 123456.789, float("inf"), float("nan")]:
    print(f"{v}|{v:.2f}|{v:10.3f}|{v:<10.1e}|{v:g}|{v:.3g}|{v:#.3g}|{v:+.1%}|{v:,.2f}|{v:012.4f}|{v:.3}|{v:E}")
for s in ["", "a", "héllo", "€uro"]:
    print(f"[{s:5}]|[{s:>5}]|[{s:*^7}]|[{s:.2}]|[{s!r:>8}]|[{s:05}]")
print(f"{'x'!s}{'y'!r}", "{!a}".format('é'), ascii('é€😀'), f"{3+4}", f"{'nested {}'.format(1)}", f"{{}}", f"{1:{'>'}{5}}")
w, p = 10, 3
print(f"{3.14159:{w}.{p}f}|", format(65, "c"), format(True), format(True, "d"), format(None))
print("{} {} {}".format(1, "a", [2]), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[1]} {0[k]} {1.real} {2:>{3}}".format([5, 6], 3.5, "r", 4) if False else "{0[1]}|{1[k]}".format([5, 6], {"k": 7}))
print("{:08.3f}|{:^10}|{!r:<6}|{{literal}}".format(3.14159, "mid", "q"))
print("%-10s|" % "pct" if False else "{:-^20}".format(" title "))
for spec in [".2", "z", "=", "+", "#", ",", "d"]:
    try:
        format("s", spec)
    except ValueError as e:
        print("ValueError:", e)
for spec in [".2", ",c", "+c", ",_", "z", "q"]:
    try:
        format(5, spec)
    except ValueError as e:
        print("ValueError:", e)
for fmt, args in [("{", ()), ("}", ()), ("{0", ()), ("{} {0}", (1, 2)), ("{0} {}", (1, 2)), ("{2}", (1,)), ("{x}", ()), ("{!x}", (1,))]:
    try:
        fmt.format(*args)
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__ + ":", e)
try:
    format(object(), "x")
except TypeError as e:
    print("TypeError:", e)
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        return "$" + format(self.v, spec or ".2f")
print(f"{Money(3)}", f"{Money(2.5):>8.1f}", format(Money(1)), "{:.3f}".format(Money(2)))
print(f"{'é€'!a}", f'{chr(0x1F600)!a:>14}|')
