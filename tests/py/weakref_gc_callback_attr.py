# __callback__ of a weakref whose referent died: None after a death by reference count
# (cleared before the call), still the callback after a collection (CPython's rules).
import gc
import weakref

gc.disable()


class C:
    pass


def cb(r):
    print("in callback, __callback__ is cb:", r.__callback__ is cb)


c = C()
c.c = c
r = weakref.ref(c, cb)
del c
gc.collect()
print("after collection:", r.__callback__ is cb)
d = C()
r2 = weakref.ref(d, cb)
del d
print("after refcount death:", r2.__callback__)
