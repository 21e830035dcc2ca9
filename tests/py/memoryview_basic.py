# memoryview over bytes and bytearray: attributes, indexing, views of views, assignment,
# iteration, conversions, comparisons, hashing, cast and release (CPython 3.11's results).
import gc
import weakref

b = b"abcdef"
m = memoryview(b)
print(type(m).__name__, m.obj is b, m.format, m.itemsize, m.ndim, m.shape, m.strides)
print(m.suboffsets, m.nbytes, m.readonly, len(m))
print(m.contiguous, m.c_contiguous, m.f_contiguous)
print(m[0], m[-1], m[True], m[(1,)], m[5])
print(m.tobytes(), m.tolist(), bytes(m), bytearray(m), list(m))
print(m.tobytes("C"), m.tobytes(order="A"), m.tobytes(None))

# slicing makes views (no copy), views of views compose their steps
s = m[::2]
print(s.obj is b, s.tobytes(), s.shape, s.strides, s.nbytes, len(s))
print(s.contiguous, s.c_contiguous, s.f_contiguous)
r = m[::-1]
print(r.tobytes(), r.strides, r[0], r[-1])
print(s[::-1].tobytes(), s[1:].tobytes(), m[1:5][1:3].tobytes(), m[1:5:2].strides)
print(m[::-2][::2].tobytes(), m[4:1:-1].tolist(), m[10:].tobytes(), len(m[3:1]))
print(m[1:2:2].c_contiguous, m[:0:2].contiguous, m[:0].contiguous)
mm = memoryview(m)
print(mm.obj is b, mm.tobytes(), memoryview(s).tobytes(), memoryview(s).strides)

# writable views of a bytearray
ba = bytearray(b"hello world")
w = memoryview(ba)
print(w.readonly, w.obj is ba)
w[0] = ord("H")
w[-1] = 68
w[6:11] = b"WORLD"
print(ba, w[0], w.tobytes())
w[::2] = b"123456"
print(ba)
w[1:3] = bytearray(b"xy")
w[3:5] = memoryview(b"ZZ")
w[5:7] = memoryview(b"a-b-")[::2]
print(ba)
w[0:4] = w[4:8]
print(ba)
w[True] = 33
w[(2,)] = 35
print(ba)
sub = w[2:9:3]
sub[0] = 0
sub[-1] = 1
print(ba, sub.tolist())

# iteration, membership, conversions
print(type(iter(m)).__name__, [x for x in m[:3]], sum(m), max(m), sorted(memoryview(b"cab")))
print(list(reversed(memoryview(b"xyz"))), 97 in m, 120 in m, b"a" in m)
it = iter(memoryview(b"pq"))
print(next(it), next(it), next(it, "end"))
print(int.from_bytes(m[:2], "big"), int(memoryview(b"42")), float(memoryview(b"2.5")))
print(str(memoryview(b"text"), "ascii"), str(m[1:3], encoding="utf-8"))

# hex
print(m.hex(), m.hex(":"), m.hex(":", 2), m.hex(b"-", -4), m[::2].hex(), m.hex(sep="_", bytes_per_sep=3))

# comparisons
print(m == b"abcdef", b"abcdef" == m, m == bytearray(b"abcdef"), m == w, m != b"x")
print(m == memoryview(b"abcdef"), m[::2] == b"ace", m == "abcdef", m == [97], m == m)
print(bytearray(b"a") < memoryview(b"b"), memoryview(b"b") > bytearray(b"a"))
print(bytearray(b"ab") == memoryview(b"ab"), memoryview(b"") == b"")

# hash of read-only views equals the hash of their bytes
print(hash(m) == hash(b), hash(m[::2]) == hash(b"ace"), hash(m.cast("c")) == hash(b))
print(hash(memoryview(b"")) == hash(b""))
d = {m: 1}
print(d[b"abcdef"])

# cast
c = m.cast("c")
print(c.format, c[0], c.tolist()[:2], c.cast("B").tolist() == m.tolist())
sb = memoryview(b"\x01\xff\x80").cast("b")
print(sb.format, sb.tolist(), sb[1], sb == b"\x01\xff\x80", sb[:1] == b"\x01")
print(m.cast("b") == m, m.cast("c") == m, m.cast("c") == b"abcdef")
print(m.cast("@B").format, m.cast("B", [6]).shape, m.cast("B", shape=(6,)).tolist() == m.tolist())
wc = w.cast("c")
wc[0] = b"!"
wb = w.cast("b")
wb[1] = -1
print(ba[:2], w.cast("c").readonly, memoryview(b"\x05")[::3].cast("B").tolist())

# toreadonly
ro = w.toreadonly()
print(ro.readonly, ro.obj is ba, ro.tobytes() == bytes(ba), ro is w)

# conversions through the shared bytes-like paths
print(b"".join([m[1:3], b"-", memoryview(bytearray(b"z"))]), bytearray(b"-").join([m[:2]]))
print(b"x" + m[:2], bytearray(b"y") + m[4:], b"%b|%s" % (m[:3], m[::2]))
print(b"abcdef".find(m[2:4]), b"abcdef".count(memoryview(b"c")), b"a b".split(memoryview(b" ")))
print(b"abc".startswith(memoryview(b"a")), b"abc".endswith((memoryview(b"c"),)))
print(b"abc".replace(memoryview(b"b"), memoryview(b"xx")), b"abc".strip(memoryview(b"ac")))
print(b"abc".removeprefix(memoryview(b"a")), b"abc".translate(None, memoryview(b"b")))
print(memoryview(b"b") in b"abc", memoryview(b"b") in bytearray(b"abc"))
p = b"a b".partition(memoryview(b" "))
print(p[0], type(p[1]).__name__, p[2], bytearray(b"a b").partition(memoryview(b" ")))
e = bytearray(b"x")
e += memoryview(b"yz")
e.extend(memoryview(b"12")[::-1][::-1])
print(e, bytes(memoryview(b"q").cast("c")))

# release and the context manager
with memoryview(b"ctx") as q:
    print(q[0], q.tobytes())
print(repr(q).startswith("<released memory at 0x"), repr(m).startswith("<memory at 0x"))
h = memoryview(b"abc")
hv = hash(h)
h.release()
h.release()
print(hash(h) == hv, h == h, h == b"abc", h.__exit__(None, None, None))

# a view holds its object; a cycle through a view of a bytearray subclass is collected
class B(bytearray):
    pass
x = B(b"cycle")
x.view = memoryview(x)
wr = weakref.ref(x)
del x
gc.collect()
print(wr() is None)
v = memoryview(bytearray(b"kept"))
print(v.obj, v.tobytes())
