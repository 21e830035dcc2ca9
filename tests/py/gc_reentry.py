# Collections from anywhere: inside __del__, a weakref callback, a gc.callbacks entry
# (refused quietly there: gc.collect() returns 0), and allocation-triggered collections
# while an object dies.
import gc
import weakref

gc.disable()
gc.collect()
seen = []

class D:
    def __del__(self):
        seen.append(("del", gc.collect()))

d = D()
del d
print(seen)
seen.clear()

class Pair:
    pass

a = Pair()
b = Pair()
a.b = b
b.a = a
a.d = D()
del a, b
print("cycle with a finalizer inside", gc.collect() > 0, seen)
seen.clear()

class Target:
    pass

def on_dead(r):
    junk = [[i] for i in range(50)]
    seen.append(("callback", gc.collect(), len(junk)))

t = Target()
r = weakref.ref(t, on_dead)
gc.set_threshold(1)
gc.enable()
del t
gc.disable()
gc.set_threshold(700, 10, 10)
print(seen[0][0], seen[0][2])
seen.clear()

def nested(phase, info):
    seen.append((phase, gc.collect()))

gc.callbacks.append(nested)
x = []
x.append(x)
del x
print("outer", gc.collect())
gc.callbacks.remove(nested)
print(seen)

# Many objects dying with weakref callbacks while automatic collections run.
gc.set_threshold(5)
gc.enable()
refs = []
count = [0]
def bump(r):
    count[0] += 1
    [[] for _ in range(10)]
for i in range(300):
    o = Target()
    o.me = o if i % 2 else None
    refs.append(weakref.ref(o, bump))
    del o
gc.disable()
gc.collect()
gc.set_threshold(700, 10, 10)
print("callbacks", count[0], all(r() is None for r in refs))
