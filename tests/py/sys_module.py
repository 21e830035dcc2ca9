# sys: the first version's attributes and functions.
import sys
print(sys.argv, type(sys.path).__name__, "sys" in sys.modules, "builtins" in sys.modules)
import math
print("math" in sys.modules, sys.modules["math"] is math, sys.modules["sys"] is sys)
print(sys.version_info[:2], sys.version_info >= (3, 8), sys.version.startswith("3.11"))
print(sys.maxsize == 2**63 - 1, sys.byteorder, sys.platform, sys.maxunicode)
print(sys.getrecursionlimit())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
for bad in [0, -5]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.setrecursionlimit(1.5)
except TypeError as e:
    print("TypeError:", e)
sys.stdout.write("written\n")
print(sys.stdout.write("abc"), file=sys.stderr)
sys.stdout.flush()
print()
print("to stderr", file=sys.stderr)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(1000)
print(sys.get_int_max_str_digits())
try:
    sys.set_int_max_str_digits(10)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(0)
print(len(str(10**5000)))
sys.set_int_max_str_digits(4300)
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, sys.exception() is v)
print(sys.exc_info(), sys.exception())
s = "".join(["inter", "ned"])
print(sys.intern(s) is sys.intern("interned"))
x = []
print(sys.getrefcount(x) >= 2, sys.getsizeof(1) > 0)
print(sys.implementation.name in ("cpython", "ouro"), callable(sys.displayhook), callable(sys.excepthook))
print(sys.stdout is sys.__stdout__, sys.stdin.readable() if hasattr(sys.stdin, "readable") else True)
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit", repr(e.code))
print(sys.version_info.major, sys.version_info.minor, sys.version_info[:2], type(sys.version_info).__name__)
print(sys.float_info, sys.float_info.epsilon, sys.int_info.default_max_str_digits)
print(sys.flags.optimize, sys.flags.dont_write_bytecode, isinstance(sys.flags, tuple))
