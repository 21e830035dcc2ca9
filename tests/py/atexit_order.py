# atexit: callbacks run newest first with their arguments, after the program and before
# the interpreter's finalization (sys.is_finalizing() is still False in them), next to
# weakref.finalize's exit-time calls; an error in one is reported and the others still
# run; unregister removes every registration of a function.
import atexit, gc, sys, weakref

gc.disable()  # the cycle below must live until exit, whatever the collection timing

def show(*args, **kwargs):
    print("atexit:", args, sorted(kwargs.items()), "finalizing:", sys.is_finalizing())

class Fails:
    def __call__(self):
        raise ValueError("in a callback")
    def __repr__(self):
        return "Fails()"

fails = Fails()

def never():
    print("never runs")

atexit.register(show, 1, key="first")
atexit.register(never)
atexit.register(fails)
atexit.register(show, 2)
atexit.register(never)
atexit.unregister(never)
print(atexit.register(show, 3) is show)

try:
    atexit.register("not callable")
except TypeError as e:
    print("TypeError", e)

class Resource:
    pass

r = Resource()
weakref.finalize(r, print, "finalize at exit")

class Cycle:
    def __init__(self):
        self.me = self
    def __del__(self, sys=sys):
        print("cycle collected, finalizing:", sys.is_finalizing())

Cycle()
print("end of program")
