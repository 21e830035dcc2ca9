# Collector rules: cycles found, what is reachable kept, finalizers once, resurrection,
# SAVEALL, callbacks with extra info keys, freeze, automatic collection by allocation.
import gc

gc.disable()
gc.collect()
log = []

class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

class Fin(Node):
    def __del__(self):
        log.append("del " + self.name + " peer " + (self.peer.name if self.peer else "-"))

def ring(cls, n, prefix):
    nodes = [cls(prefix + str(i)) for i in range(n)]
    for i in range(n):
        nodes[i].peer = nodes[(i + 1) % n]
    return nodes[0]

r = ring(Node, 10, "n")
print("ring alive", gc.collect())
del r
print("ring freed", gc.collect())
f = ring(Fin, 3, "f")
del f
print("fin ring", gc.collect())
print(sorted(log))
log.clear()
print("again", gc.collect(), log)

keep = []
class Phoenix:
    def __del__(self):
        log.append("phoenix del")
        keep.append(self)
p = Phoenix()
p.me = p
del p
print("phoenix", gc.collect(), log, len(keep))
print("finalized", gc.is_finalized(keep[0]))
keep.clear()
print("phoenix gone", gc.collect(), log)

events = []
def cb(phase, info):
    events.append((phase, info["generation"], info["collected"], sorted(k for k in info if k in ("collected", "generation", "uncollectable"))))
gc.callbacks.append(cb)
a = []
a.append(a)
del a
gc.collect(1)
gc.callbacks.remove(cb)
for e in events:
    print(e)

gc.set_debug(gc.DEBUG_SAVEALL)
x = {}
x["x"] = x
del x
print("saveall", gc.collect(), len(gc.garbage), type(gc.garbage[0]).__name__)
gc.set_debug(0)
gc.garbage.clear()

gc.freeze()
print("frozen", gc.get_freeze_count() > 0, gc.get_count())
gc.unfreeze()
print("unfrozen", gc.get_freeze_count())

gc.enable()
before = gc.get_stats()[0]["collections"]
junk = []
for i in range(5000):
    c = []
    c.append(c)
    junk.append([i])
print("automatic collections happened", gc.get_stats()[0]["collections"] > before)
gc.disable()
del junk
print(gc.collect() >= 0)

def bad_cb(phase, info):
    raise ValueError("bad callback")
gc.callbacks.append(bad_cb)
gc.collect()
gc.callbacks.remove(bad_cb)
print("survived a failing callback")
