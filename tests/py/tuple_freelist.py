# tuple_freelist.py — small tuples are reused (CPython 3.11 keeps free lists of tuples of
# 1..20 items, at most 2000 each; ouro does the same): values stay right across reuse at
# every size, cycles through tuples are collected, and gc.get_count() moves as CPython's:
# a tuple taken from a free list is not counted as an allocation, one put on it not as a
# deallocation, a full collection empties the lists, and (3.11's quirk) 20-item tuples
# are saved but never reused. The count lines were generated (one literal per size: no
# other container may be made while counting).
import gc

gc.disable()
N = 2100
keep = [None] * N
R = range(N)

# --- values survive reuse, sizes 1..25
for n in range(1, 26):
    for rnd in range(3):
        for i in R:
            keep[i] = tuple([i * rnd + k for k in range(n)])
        ok = True
        for i in R:
            t = keep[i]
            if len(t) != n or t[0] != i * rnd or t[-1] != i * rnd + n - 1:
                ok = False
        if rnd == 2:
            print(n, ok, keep[5], hash(keep[7]) == hash(tuple(list(keep[7]))))
        for i in R:
            keep[i] = None

# --- tuples in cycles through lists (a tuple holding itself), collected and reused
for rnd in range(4):
    for i in range(500):
        l = [i]
        t = (l, i, "x")
        l.append(t)
    l = t = None
    print("collected", gc.collect(0 if rnd % 2 else 2))
    again = [(i, [i]) for i in range(300)]
    print(sum(a for a, b in again), again[299][1], len(again))
    again = None
gc.collect()

# --- gc.get_count(): generation 0's count, per size
gc.collect()

c = gc.get_count()[0]
for i in R: keep[i] = (i,)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i,)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 1: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 2: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 3: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 4: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 5: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 6: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 7: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 8: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 9: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 10: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 11: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 12: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 13: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 14: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 15: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 16: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 17: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 18: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 19: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 20: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 21: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 22: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 23: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 24: {a} {b} {d} {e}")
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
a = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
b = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = (i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i)
d = gc.get_count()[0] - c
c = gc.get_count()[0]
for i in R: keep[i] = None
e = gc.get_count()[0] - c
print(f"size 25: {a} {b} {d} {e}")

# a full collection empties the lists: the same tuples count as new again
gc.collect()
c = gc.get_count()[0]
for i in R: keep[i] = (i, i)
print("after collect:", gc.get_count()[0] - c)
for i in R: keep[i] = None
print(gc.get_count()[0] - c)
gc.collect()
print(gc.get_count())

