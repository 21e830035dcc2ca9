# Methods in common use on the core types (issue 4 part 1)
s = "  Hello, World  "
print(s.split(), s.split(","), "a,b,,c".split(",", 1), "a b  c".rsplit(None, 1), "x".split("x"))
print("-".join(["a", "b"]), s.strip(), s.lstrip(), s.rstrip(), "xxhixx".strip("x"))
print(s.replace("l", "L"), s.replace("l", "", 1), "Hi".startswith("H"), "Hi".endswith(("i", "z")))
print(s.find("o"), s.find("zz"), s.rfind("o"), s.index("W"), s.count("l"), "abc".find("c", 1, 2))
print("{} {name} {!r} {x[1]} {:>5}".format("a", "b", "c", name="n", x=[0, 9]), "{0}{1}{0}".format(1, 2), "{:.1%}".format(0.5))
print(s.upper(), s.lower(), "hello world".title(), "hello".capitalize(), "AbC".swapcase())
print("abc".isalpha(), "12".isdigit(), "a1".isalnum(), "  ".isspace(), "Ab".isupper(), "ab".islower())
print("x".center(5, "*"), "x".ljust(3, "-"), "x".rjust(3), "42".zfill(5), "-4".zfill(4))
print("a\nb\r\nc".splitlines(), "a\nb".splitlines(True), "a-b-c".partition("-"), "a-b-c".rpartition("-"))
print("Tab\there".expandtabs(4), "é".encode(), "abc".encode("ascii"), "ab" < "b", "hello"[1:3])
print("%s" % "pct")
print("ABC".casefold(), "x".isidentifier(), "3".isnumeric(), "3".isdecimal(), "Ab Cd".istitle())
print("abcabc".removeprefix("ab"), "abcabc".removesuffix("bc"), "a".join("xyz"))
b = b"hello world"
print(b.split(), b.upper(), b.replace(b"o", b"0"), b.find(b"w"), b.startswith(b"he"), b.decode())
print(b.strip(b"hd"), b[0], b[1:3], list(b[:2]), b.hex(), bytes.fromhex("6869"), b.count(b"l"))
print(b"-".join([b"a", b"b"]), b.index(b"o"), b.endswith(b"ld"), b.isdigit(), b.title())
l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(-1, 9); l.insert(100, 7)
print(l, l.pop(), l.pop(0), l.pop(-3), l)
l.remove(9)
print(l, l.index(2), l.count(1), l.copy() is not l, l.reverse(), l)
l.sort(); print(l)
l.sort(reverse=True); print(l)
pairs = [("b", 2), ("a", 2), ("c", 1), ("d", 2)]
pairs.sort(key=lambda p: p[1]); print(pairs)
pairs.sort(key=lambda p: p[1], reverse=True); print(pairs)
words = ["bb", "A", "c", "aa"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
l.clear(); print(l)
t = (1, 2, 2, 3)
print(t.count(2), t.index(3), t + (4,), t[1:], len(t), 2 in t)
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 9), d)
ks, vs, its = d.keys(), d.values(), d.items()
d["e"] = 5
print(ks, vs, its, len(ks), "e" in ks, ("e", 5) in its, list(reversed(ks)))
print(ks & {"a", "q"}, ks | {"q"} == {"a", "b", "c", "e", "q"}, ks - {"a"} == {"b", "c", "e"})
d.update({"a": 10}, f=6); d.update([("g", 7)])
print(d, d.pop("g"), d.pop("zz", "none"), d.popitem(), d.copy(), dict.fromkeys("ab", 0))
print({**d} == d, d | {"n": 1}, list(d), sorted(d.items(), key=lambda kv: -kv[1])[:2])
del d["a"]; d.clear(); print(d)
st = {1, 2, 3}
st.add(4); st.discard(9); st.discard(1); st.remove(2)
print(st, st | {7}, st & {3, 8}, st - {3}, st ^ {3, 9}, st.union([1]), st.intersection({4}))
print(st.difference({4}), st.symmetric_difference({4, 5}), st.issubset({3, 4, 5}), st.issuperset({3}))
print(st.isdisjoint({8}), st.copy() == st, st.pop() in {3, 4}, frozenset({1}) | {2}, {1} <= {1, 2})
st2 = {1, 2}; st2 |= {3}; st2 &= {2, 3}; st2 -= {9}; st2 ^= {4}; print(sorted(st2))
st2.update([8], (9,)); st2.clear(); print(st2)
n = 255
print(n.bit_length(), (0).bit_length(), (-5).bit_length(), n.to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print((10).__add__(5), (5).conjugate(), n.real, n.imag, n.numerator, n.denominator, (7).bit_count())
f = 2.5
print(f.is_integer(), (3.0).is_integer(), f.as_integer_ratio(), f.hex(), float.fromhex("0x1.4p+1"))
print(f.real, f.imag, f.conjugate(), round(f), int(f), (1.5).__round__(), (-7.5).__floor__() if hasattr(f, "__floor__") else -8)
for bad in ["'a'.index('z')", "[].pop()", "[1].remove(2)", "{}.pop('k')", "{}.popitem()",
            "set().pop()", "'ab'.split('')", "(1).to_bytes(1, 'middle')", "'x'.join([1])",
            "[3, 'a'].sort()", "'{} {}'.format(1)", "'{x}'.format()", "b'a'.decode('nope')",
            "'a'.encode('ascii', 'bad') if False else 'é'.encode('ascii')", "(256).to_bytes(1, 'big')"]:
    try:
        print(bad, "->", eval(bad))
    except Exception as e:
        print(bad, "->", type(e).__name__ + ":", e)
