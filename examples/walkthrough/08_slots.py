# 8. __slots__: fixed-layout instances.
# An ordinary instance keeps its attributes in a per-instance __dict__. A class with __slots__
# reserves fixed fields in the instance instead: no dict, less memory, and no new attributes.
# Memory is measured by the runtime: ouro's allocator accounting (_ouro.heap_bytes()) on ouro,
# tracemalloc on CPython.
import gc
import sys

try:
    import _ouro

    def heap_now():
        return _ouro.heap_bytes()
    SOURCE = "_ouro.heap_bytes() (ouro's allocator accounting)"

    def heap_start():
        pass

    def heap_stop():
        pass
except ImportError:
    import tracemalloc

    def heap_now():
        return tracemalloc.get_traced_memory()[0]
    SOURCE = "tracemalloc (CPython)"
    heap_start = tracemalloc.start
    heap_stop = tracemalloc.stop

N = 100000


def measured(text):
    print("  ~ " + text)


class DictPoint:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class SlotPoint:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


def bytes_per_instance(cls):
    # Measure the heap growth for N instances held in a list, minus the list itself.
    gc.collect()
    heap_start()
    base = heap_now()
    items = [None] * N
    with_list = heap_now()
    for i in range(N):
        items[i] = cls(1, 2, 3)      # small ints are shared, so only the instances count
    after = heap_now()
    heap_stop()
    del items
    return (after - with_list) / N


print("Two classes with the same three attributes x, y, z:")
d = DictPoint(1, 2, 3)
s = SlotPoint(1, 2, 3)
print("  DictPoint instance has a __dict__:", hasattr(d, "__dict__"), "->", d.__dict__)
print("  SlotPoint instance has a __dict__:", hasattr(s, "__dict__"))
print("  SlotPoint.x is a member descriptor:", type(SlotPoint.x).__name__)
measured("sys.getsizeof: DictPoint %d (+ its dict %d), SlotPoint %d"
         % (sys.getsizeof(d), sys.getsizeof(d.__dict__), sys.getsizeof(s)))
if "_ouro" in sys.modules:
    measured("_ouro.footprint (own block, GC header and rounding included): DictPoint %d"
             " (+ its dict %d), SlotPoint %d"
             % (_ouro.footprint(d), _ouro.footprint(d.__dict__), _ouro.footprint(s)))

print("Memory per instance for %d instances of each, measured by the runtime:" % N)
per_dict = bytes_per_instance(DictPoint)
per_slot = bytes_per_instance(SlotPoint)
measured("measured with %s" % SOURCE)
measured("DictPoint: %.1f bytes per instance" % per_dict)
measured("SlotPoint: %.1f bytes per instance" % per_slot)
measured("saving: %.0f%%" % (100.0 * (per_dict - per_slot) / per_dict))
print("  slots use less memory than a dict per instance:", per_slot < per_dict)

print("What slots cost you: no attributes beyond the declared ones")
try:
    s.color = "red"
except AttributeError as e:
    print("  s.color = 'red' -> AttributeError:", e)
d.color = "red"
print("  d.color = 'red' works on the dict class:", d.color)
print("An unset slot raises AttributeError too:")
t = SlotPoint.__new__(SlotPoint)
try:
    t.x
except AttributeError as e:
    print("  t.x -> AttributeError:", e)
print("Conclusion: __slots__ trades flexibility for a smaller, fixed layout.")
