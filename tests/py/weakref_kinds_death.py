# Weakrefs to classes, functions, modules and generators: callbacks when each dies.
import weakref, gc
log = []
class K: pass
r = weakref.ref(K, lambda r: log.append("class gone"))
def f(): pass
rf = weakref.ref(f, lambda r: log.append("function gone"))
del K, f
gc.collect()
print(log, r(), rf())
import sys
m = type(sys)("dyn")
rm = weakref.ref(m, lambda r: log.append("module gone"))
del m
print(log)
g = (i for i in range(3))
rg = weakref.ref(g, lambda r: log.append("gen gone"))
next(g); del g
print(log)
