# 5. Reference cycles: what reference counting cannot free.
# Two objects that refer to each other keep each other's count above zero even when no name
# reaches them. The cycle collector (gc.collect()) finds such unreachable groups and frees them.
import gc
import sys
import weakref


def measured(text):
    print("  ~ " + text)


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


gc.disable()           # we want to see the cycle survive until WE ask for a collection
gc.collect()           # start from a clean heap

a = Node("a")
b = Node("b")
a.other = b
b.other = a            # a -> b -> a: a reference cycle
wa = weakref.ref(a)
wb = weakref.ref(b)
print("a.other = b; b.other = a      -- a cycle of two Nodes")
print("  count of a beyond its name 'a': %+d (b.other)" % (sys.getrefcount(a) - 2))

del a, b
print("del a, b                      -- no name reaches them any more")
print("  still alive after del?", wa() is not None and wb() is not None,
      "(each holds the other's count at 1)")

found = gc.collect()
print("gc.collect()                  -- the collector finds the unreachable cycle")
print("  freed now?", wa() is None and wb() is None)
print("  gc.collect() reported at least 2 unreachable objects:", found >= 2)
measured("gc.collect() returned %d" % found)

print("A bigger cycle: a ring of 1000 nodes")
first = Node(0)
cur = first
for i in range(1, 1000):
    nxt = Node(i)
    cur.other = nxt
    cur = nxt
cur.other = first      # close the ring
wf = weakref.ref(first)
del first, cur, nxt
print("  after del of every name, alive?", wf() is not None)
found = gc.collect()
print("  after gc.collect(), alive?", wf() is not None, "| found >= 1000:", found >= 1000)
measured("gc.collect() returned %d" % found)

print("Breaking the cycle by hand lets plain reference counting free it:")
a = Node("a")
b = Node("b")
a.other = b
b.other = a
wa = weakref.ref(a)
a.other = None         # break a -> b
del a, b
print("  a.other = None; del a, b -> alive?", wa() is not None, "(no collection needed)")
gc.enable()
print("Conclusion: counts free most objects at once; cycles wait for the cycle collector.")
