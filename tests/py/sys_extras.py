# sys functions and attributes beyond the first ones: memory blocks, finalization, the
# type cache, call_tracing, and the plain attributes programs print.
import sys

n = sys.getallocatedblocks()
keep = [object() for _ in range(1000)]
print(type(n).__name__, sys.getallocatedblocks() - n >= 1000)
del keep
try:
    sys.getallocatedblocks(1)
except TypeError:
    print("TypeError")

print(sys.is_finalizing(), sys._clear_type_cache())

class C:
    x = 1
c = C()
print(c.x, sys._clear_type_cache(), c.x)
C.x = 2
print(c.x)

print(sys.call_tracing(divmod, (7, 2)), sys.call_tracing(max, (1, 5, 3)))
try:
    sys.call_tracing(divmod, [7, 2])
except TypeError as e:
    print(e)

print(sys.float_repr_style, repr(sys.abiflags), sys.api_version, sys.platlibdir,
      sys.pycache_prefix, sys.base_prefix == sys.prefix, sys.base_exec_prefix == sys.exec_prefix)

class Late:
    def __del__(self, sys=sys):
        print("__del__ at exit, finalizing:", sys.is_finalizing())

late = Late()
