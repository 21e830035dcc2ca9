# Weak references and the cycle collector: refs to cyclic garbage are cleared before any
# finalizer of the garbage runs; callbacks of live refs run, those of refs that are
# garbage themselves do not; a referent resurrected by __del__ stays dead to its refs.
import gc
import weakref

gc.disable()
gc.collect()
log = []


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __repr__(self):
        return "Node(" + self.name + ")"


a, b = Node("a"), Node("b")
a.other, b.other = b, a
ra = weakref.ref(a, lambda r: log.append("ra callback, alive: " + str(r() is not None)))
plain = weakref.ref(b)
del a, b
print("cycle still alive before collect", ra() is not None, plain() is not None)
print("collected", gc.collect() >= 2, log, plain())

# A ref that is part of the garbage: its callback never runs.
log.clear()
c = Node("c")
c.self_ref = weakref.ref(c, lambda r: log.append("garbage ref callback"))
c.other = c
del c
gc.collect()
print("garbage ref's callback", log)

# A ref held by the garbage, to an object outside it: the ref dies with the garbage
# before its referent, so no callback.
log.clear()
outside = Node("outside")
d = Node("d")
d.other = d
d.watch = weakref.ref(outside, lambda r: log.append("should not run"))
del d
gc.collect()
del outside
print("ref died with the garbage first", log)

# Finalizers see the weakrefs already cleared.
log.clear()


class Fin:
    def __del__(self):
        log.append("__del__ sees ref dead: " + str(wr() is None))


f = Fin()
f.cycle = f
wr = weakref.ref(f)
del f
gc.collect()
print(log)

# Resurrection: the object lives again, its old weakrefs stay dead.
saved = []


class Phoenix:
    def __del__(self):
        saved.append(self)


p = Phoenix()
p.cycle = p
rp = weakref.ref(p)
del p
gc.collect()
print("resurrected", len(saved), "old ref dead", rp() is None)
print("new refs work", weakref.ref(saved[0])() is saved[0])
saved.clear()
gc.collect()

# WeakValueDictionary entries of cyclic values go at collection.
cache = weakref.WeakValueDictionary()
for i in range(3):
    n = Node(str(i))
    n.other = n
    cache[i] = n
del n
print("before collect", len(cache))
gc.collect()
print("after collect", len(cache))
