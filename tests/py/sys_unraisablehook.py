# sys.unraisablehook: a program's hook receives what could not be raised (__del__, weakref
# callbacks, finalizers in cycles) as an UnraisableHookArgs; a failing hook is itself
# reported; None or the default hook print the default report.
import sys, gc, weakref

print(sys.unraisablehook is sys.__unraisablehook__)
print(sys.hash_info.algorithm, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.imag,
      sys.hash_info.width, sys.thread_info.name)

def hook(u):
    print(type(u).__name__, u.exc_type.__name__, repr(u.exc_value), u.exc_traceback is not None,
          repr(u.err_msg), getattr(u.object, "__qualname__", u.object), len(u), u[0] is u.exc_type)

sys.unraisablehook = hook

class A:
    def __del__(self):
        1/0

a = A()
del a

class B:
    pass

b = B()
r = weakref.ref(b, lambda ref: [][1])
del b

class C:
    def __init__(self):
        self.me = self
    def __del__(self):
        raise KeyError("in a cycle")

C()
gc.collect()

class BadHook:
    def __call__(self, u):
        raise ValueError("the hook fails")
    def __repr__(self):
        return "BadHook()"

sys.unraisablehook = BadHook()
a = A()
del a
print("after the failing hook")

try:
    sys.__unraisablehook__(1)
except TypeError as e:
    print("TypeError", e)
sys.unraisablehook = sys.__unraisablehook__
print("done")
