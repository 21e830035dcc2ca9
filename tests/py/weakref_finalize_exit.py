# weakref.finalize: at most once, alive/detach/peek/atexit, and the ones still alive at
# exit run then (newest first) unless atexit was set to False.
import weakref


class Res:
    def __init__(self, name):
        self.name = name


def bye(*args, **kw):
    print("finalizer", args, sorted(kw.items()))
    return len(args)


a = Res("a")
fa = weakref.finalize(a, bye, "a", key=1)
print("alive", fa.alive, "atexit", fa.atexit)
p = fa.peek()
print("peek", p[0] is a, p[1] is bye, p[2], p[3])
print("call", fa(), "again", fa(), fa.alive, fa.peek(), fa.detach())
del a
print("nothing more for a")
b = Res("b")
fb = weakref.finalize(b, bye, "b")
fb.atexit = False
print("atexit off", fb.atexit)
c = Res("c")
fc = weakref.finalize(c, bye, "c at exit first registered")
d = Res("d")
fd = weakref.finalize(d, bye, "d at exit second registered")
e = Res("e")
fe = weakref.finalize(e, bye, "e dies now")
del e
print("fe", fe.alive, fe.atexit)
print("repr", repr(fc).startswith("<finalize object at 0x"), "for 'Res' at" in repr(fc))

print("end of program")
