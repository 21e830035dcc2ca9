# import of .py modules next to the script and of packages, cached in sys.modules.
import sys
import imp_helper_mod
import imp_helper_mod as again
from imp_helper_mod import VALUE, twice as tw, Thing
print(imp_helper_mod.VALUE, again is imp_helper_mod, VALUE, tw(4), Thing.kind)
print(imp_helper_mod.__name__, imp_helper_mod.__file__.endswith("imp_helper_mod.py"), sys.modules["imp_helper_mod"] is imp_helper_mod)
import pkgdemo.leaf
print(pkgdemo.NAME, pkgdemo.leaf.hello(), "pkgdemo.leaf" in sys.modules)
from pkgdemo.sub import DEEP, leaf_hello
print(DEEP, leaf_hello())
from pkgdemo import sibling
print(sibling.WORD, pkgdemo.sibling is sibling)
import pkgdemo.sub as s
print(s.DEEP, type(s).__name__)
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import imp_helper_mod.nope
except ModuleNotFoundError as e:
    print(e)
try:
    from imp_helper_mod import missing_name
except ImportError as e:
    print(str(e).replace(imp_helper_mod.__file__, "FILE"))
try:
    import imp_broken_mod
except RuntimeError as e:
    print("RuntimeError:", e, "imp_broken_mod" in sys.modules)
try:
    import imp_broken_mod
except RuntimeError as e:
    print("again:", e)
m = __import__("math")
print(m.sqrt(9), __import__("pkgdemo.leaf").__name__, __import__("pkgdemo.leaf", fromlist=["x"]).__name__)
import math, sys as system
print(system is sys, math.floor(1.5))
