# Literals of every form (issue 4 part 1)
print(0, 42, -7, 1_000_000, 0x_ff, 0XFF, 0o17, 0O7_7, 0b1010, 0B1_1, 00)
print(123456789012345678901234567890 * 98765432109876543210, -2**200, 10**30 // 7)
print(1.5, .5, 5., 1e10, 1E-3, 1_0.2_5, 3.14e+2, 1e400, -1e400, 0.1 + 0.2, 1e16, 1e-7)
print(1.0 / 3)
print('single', "double", '''triple
single''', """triple
double""")
print(repr("esc: \\ \' \" \a \b \f \n \r \t \v \x41 \101 \u00e9 \U0001F600"))
print(r"raw \n \t \\", R'raw2 \x', repr(r"\d+\.\d"))
print("implicit" ' concat' """ triple""", 'a' r'\b' "c")
print("line \
continued")
print(b"bytes", b'\x00\xff\n', rb"\x00", Br"raw", repr(b"a" b"b"), bytes([104, 105]))
x, y, name = 3, 4.5, "Ann"
print(f"{x} {y} {name} {x + y} {name!r} {name!s} {name!a} {'é'!a}")
print(f"{x:5d}|{y:<8.2f}|{name:^9}|{x:#x}|{x:08b}|{y:e}|{1234567:,}|{0.25:%}")
print(f"{{braces}} {x!r:>4} {f'{x}'} {[1, 2][0]} {'a' 'b'} {x if x else y}")
w = 10
print(f"{y:{w}.{2}f}|{name:*>{w}}|" F"{x}" rf"\n{x}")
print(f"""{
    x
}""", f"{x=}", f"{x + 1 = }", f"{name=!r:>8}")
print(True, False, None, True + True, None is None)
print([], [1, 2, 3], (), (1,), (1, 2), {}, {"a": 1, 2: "b"}, {1, 2, 3}, set())
a = [1, 2]
d = {"k": 1}
print([*a, *a, 0], (*a,), {*a, 3}, {**d, "z": 2, **{"k": 9}}, [*range(3), *"ab"])
print(*a, *"xy", sep="-")
def f(*args, **kw): return args, kw
print(f(*a, 5, *a, k=1, **d if False else {"q": 2}))
print(...,  Ellipsis is ..., type(...).__name__)
print(1 if True else 2, 0xdead_beef, 1_2.3_4e1_0)
print(int("1_000"), int("0x1f", 16), int("0b11", 0), int(" -42 "), float("1_5.5"))
