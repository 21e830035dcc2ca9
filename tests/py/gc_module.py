# The gc module's API and its argument errors (CPython 3.11's messages).
import gc

gc.disable()
gc.collect()
print(sorted(n for n in dir(gc) if not n.startswith("_")))
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.disable()
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(0)
print(type(gc.garbage).__name__, gc.garbage, type(gc.callbacks).__name__)
print(gc.collect(), gc.collect(0), gc.collect(1), gc.collect(generation=2), gc.collect(True))

def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("ok", type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

attempt(gc.collect, 3)
attempt(gc.collect, -1)
attempt(gc.collect, "x")
attempt(gc.collect, 2.0)
attempt(gc.collect, None)
attempt(gc.collect, 1, 2)
attempt(gc.collect, generation=5)
attempt(gc.set_threshold)
attempt(gc.set_threshold, 1, 2, 3, 4)
attempt(gc.set_threshold, "a")
attempt(gc.set_threshold, 2**40)
attempt(gc.set_debug)
attempt(gc.set_debug, "x")
attempt(gc.get_objects, 3)
attempt(gc.get_objects, "x")
attempt(gc.get_objects, None)
attempt(gc.get_objects, 1)
attempt(gc.is_tracked)
attempt(gc.is_tracked, 1, 2)
attempt(gc.enable, 1)
attempt(gc.get_count, 1)
attempt(gc.freeze, 1)

stats = gc.get_stats()
print(len(stats), [sorted(k for k in s if k != "duration") for s in stats])
print(all(s["collections"] >= 0 for s in stats))

class Box:
    pass

b = Box()
objs = gc.get_objects()
print("instance in get_objects", any(o is b for o in objs))
print("int not in get_objects", not any(type(o) is int for o in objs))
lst = [b]
print("referrers", any(r is lst for r in gc.get_referrers(b)))
print("referents", sorted(map(repr, gc.get_referents([1, "a"], (2,)))))
print("is_finalized", gc.is_finalized(b), gc.is_finalized(3))
