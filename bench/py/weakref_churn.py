# Weak reference churn (issue 6): objects created with weakref callbacks and
# WeakValueDictionary entries, then dropped, so that every death clears refs and runs
# callbacks; plus ref() calls on live objects. Prints a checksum, the same on python3.
import weakref


class Obj:
    def __init__(self, i):
        self.i = i


deaths = [0]


def on_death(ref):
    deaths[0] += 1


def churn(rounds, batch):
    cache = weakref.WeakValueDictionary()
    live = 0
    for r in range(rounds):
        objs = [Obj(i) for i in range(batch)]
        refs = [weakref.ref(o, on_death) for o in objs]
        for o in objs:
            cache[o.i] = o
        for ref in refs:
            if ref() is not None:
                live += 1
        objs = None
        refs = None
    return live, len(cache)


live, left = churn(400, 500)
print(live, left, deaths[0])
