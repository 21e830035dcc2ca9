# bench/slots_memory.py [dict|slots] [N] — bytes per instance of a 3-attribute class,
# with a __dict__ and with __slots__: from the allocator's accounting (ouro: _ouro;
# CPython: tracemalloc when TRACEMALLOC=1 is in the environment) and from peak RSS.
# Runs unchanged on python3 and ouro; bench/slots_memory.sh prints the table.
import sys

class WithDict:
    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c

class WithSlots:
    __slots__ = ("a", "b", "c")

    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c

def status_kb(field):
    f = open("/proc/self/status")
    text = f.read()
    f.close()
    for line in text.split("\n"):
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0

def heap_counter():
    try:
        import _ouro
        return "allocator", _ouro.heap_bytes
    except ImportError:
        pass
    import os
    if os.environ.get("TRACEMALLOC") == "1":
        import tracemalloc
        tracemalloc.start()
        return "tracemalloc", lambda: tracemalloc.get_traced_memory()[0]
    return "none", lambda: 0

kind = sys.argv[1] if len(sys.argv) > 1 else "dict"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
cls = WithDict if kind == "dict" else WithSlots
source, heap = heap_counter()
objs = [None] * n          # the list is made first: it is not counted per instance
one = None                 # the three values are shared: only the instances count
rss0 = status_kb("VmRSS")
h0 = heap()
for i in range(n):
    objs[i] = cls(one, one, one)
h1 = heap()
rss1 = status_kb("VmHWM")
print(kind, source, round((h1 - h0) / n, 1), round((rss1 - rss0) * 1024 / n, 1))
