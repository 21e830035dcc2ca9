# A bytearray exported to memoryviews cannot change size (BufferError), exactly where
# CPython 3.11 refuses; it can once every view is released or gone.
def t(label, f):
    try:
        f()
        print(label, "ok", bytes(b))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

def run(label, code):
    t(label, lambda: exec(code, {"b": b, "m": m}))

b = bytearray(b"abc")
m = memoryview(b)
for code in ["b.append(1)", "b.extend(b'')", "b.extend(b'x')", "b.extend(b)", "b += b''",
             "b += b", "b += b'x'", "b *= 1", "b *= 2", "b *= 0", "b[0:1] = b'x'",
             "b[0:1] = b'xy'", "b[0:0] = b''", "b[1:2] = b[0:1]", "del b[0:0]", "del b[0]",
             "del b[::2]", "del b[5:9:2]", "b.pop()", "b.pop(9)", "b.clear()", "b.remove(1)",
             "b.remove(120)", "b.insert(0, 1)", "b.__init__(b'abc')", "b.__init__()",
             "b[0] = 120", "b.reverse()", "b.extend([])", "b.extend([1])", "b.extend(x for x in [])",
             "b[::2] = b'yz'", "b[::-1] = b''", "b[::2] = b''", "b[:] = b", "b[0:3] = m",
             "b[:] = memoryview(b)[::-1]", "b.__iadd__(memoryview(b'q'))", "b.__imul__(1)"]:
    run(code, code)
print(m.tobytes())

# every view counts: slices and memoryview(view) hold their own export
m2 = m[1:]
m3 = memoryview(m)
m.release()
t("after m.release()", lambda: b.append(1))
del m2
t("after del m2", lambda: b.append(1))
m3.release()
t("all released", lambda: b.append(100))

# a view dropped by the reference count, a view used as a context manager
v = memoryview(b)
del v
t("after del v", lambda: b.append(101))
with memoryview(b) as v:
    t("inside with", lambda: b.append(102))
    v[0] = 65
t("after with", lambda: b.append(102))

# b += b raises even without views (CPython holds an export of b during +=), extend does not
c = bytearray(b"ab")
try:
    c += c
except BufferError as e:
    print("c += c:", e, c)
c.extend(c)
print(c)
e = bytearray()
e += e
em = memoryview(e)
e.clear()
e += b""
e.extend(b"")
print(e, len(em))
em.release()
e += b"now"
print(e)

# a readonly view and a cast view also export
b2 = bytearray(b"xyz")
ro = memoryview(b2).toreadonly()
t("readonly view", lambda: b2.append(1))
ro.release()
cv = memoryview(b2).cast("c")
t("cast view", lambda: b2.pop())
del cv
print(b2.pop(), b2)

# a subclass counts exports as well
class BA(bytearray):
    pass
s = BA(b"sub")
sv = memoryview(s)
try:
    s.append(1)
except BufferError as err:
    print("subclass:", err)
sv.release()
s.append(33)
print(s)
