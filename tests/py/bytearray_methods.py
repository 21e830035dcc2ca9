# The bytes methods on bytearray (results are new bytearrays), and bytes methods taking
# bytearray arguments.
ba = bytearray
x = ba(b"hello world")
for m in ["capitalize", "lower", "upper", "swapcase", "title", "isalpha", "isdigit",
          "isalnum", "isspace", "islower", "isupper", "istitle", "isascii", "splitlines",
          "strip", "lstrip", "rstrip", "split", "rsplit", "hex", "decode"]:
    r = getattr(x, m)()
    print(m, repr(r), r is x)
print(x.center(15, b"*"), x.center(16, ba(b"-")), x.ljust(13), x.rjust(13), x.center(3))
print(ba(b"-5").zfill(4), ba(b"+5").zfill(1), ba(b"").zfill(2))
print(x.count(b"o"), x.count(111), x.count(ba(b"l"), 3), x.count(b""), x.index(b"w"))
print(x.rindex(b"o"), x.rfind(b"z"), x.find(98), x.find(b"o", 5), x.find(b"o", -4, -1))
print(x.startswith(b"he"), x.startswith(ba(b"wo"), 6), x.endswith((b"x", ba(b"ld"))))
print(x.replace(b"o", b"0", 1), x.replace(ba(b"l"), ba(b"L")), x.replace(b"", b"."))
print(x.partition(b" "), x.rpartition(b"o"), x.partition(b"Q"), x.rpartition(b"Q"))
print(x.removeprefix(b"hel"), x.removesuffix(ba(b"rld")), x.removeprefix(b"zz"))
print(ba(b",").join([b"a", ba(b"b"), b"c"]), ba(b",").join([]), ba(b"-").join(iter([b"q"])))
print(ba(b"a\nb\r\nc\rd").splitlines(True), ba(b"a\nb\r\n").splitlines(keepends=False))
print(ba(b" a b  c ").split(None, 1), ba(b"a b  c").rsplit(maxsplit=1), ba(b"a,b,,c").split(b","))
print(ba(b"a,b,,c").rsplit(ba(b","), 2), ba(b"xxaxx").strip(b"x"), ba(b"xxaxx").lstrip(ba(b"x")))
print(ba(b"abc").hex("-", 2), ba(b"\x01\xff").hex(), ba(b"abcd").hex(":", -3))
print(ba("h\xe9llo", "utf-8").decode(), ba(b"caf\xc3\xa9").decode("utf-8"), ba(b"\xff").decode("latin-1"))
print(ba(b"\xffa").decode("ascii", "ignore"), ba(b"a").decode(encoding="ascii"))
print(ba(b"a1").isalnum(), ba(b"").isalpha(), ba(b"Ab Cd").istitle(), ba(b" \t").isspace())
print(ba.fromhex(""), ba.fromhex("0a0B ff"), type(ba.fromhex("00")).__name__)
print(ba(b"Hello").swapcase(), ba(b"hello world").title(), ba(b"hELLO").capitalize())

# each result is a new object, also when nothing changed
y = ba(b"abc")
for r in [y.strip(), y.replace(b"z", b"q"), y.center(2), y.ljust(1), y.zfill(1), y.lower(),
          y.split()[0], y.partition(b"z")[0], y.removeprefix(b"z"), ba().join([y]),
          y.expandtabs(), y.translate(None)]:
    print(r == y, r is y, type(r).__name__)

# bytes methods accept bytearray arguments; results stay bytes
b = b"hello world"
print(b.find(ba(b"o")), b.count(ba(b"l")), b.index(ba(b"w")), b.startswith(ba(b"he")))
print(b.endswith((ba(b"x"), b"ld")), b.split(ba(b" ")), b.replace(ba(b"l"), ba(b"L")))
print(b.strip(ba(b"hd")), b.partition(ba(b" ")), b.rpartition(ba(b"o")))
print(b"-".join([ba(b"a"), b"b"]), b"".join([ba(b"x")]), type(b"".join([ba(b"x")])).__name__)
print(b.removeprefix(ba(b"he")), b.center(15, ba(b"*")), b.hex(b":"), ba(b"x").hex(b"-"))
print(b"x" + ba(b"y"), type(b"x" + ba(b"y")).__name__, ba(b"q") in b"aqa")
