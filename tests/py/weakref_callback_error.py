# An exception in a weakref callback is reported on stderr as CPython's unraisable hook
# does ("Exception ignored in: ..." and the traceback); the program goes on, the other
# callbacks still run. (CPython's hook prints no chained context: ours does, see
# docs/differences.md; so no exception is being handled here.)
import weakref


class T:
    pass


class Bad:
    def __init__(self, msg):
        self.msg = msg

    def __call__(self, ref):
        raise ValueError(self.msg)

    def __repr__(self):
        return "Bad(" + repr(self.msg) + ")"


log = []
t = T()
r1 = weakref.ref(t, log.append)
r2 = weakref.ref(t, Bad("first failure"))
r3 = weakref.ref(t, log.append)
del t
print("others ran", len(log), log[0] is r3, log[1] is r1)
print("end")
