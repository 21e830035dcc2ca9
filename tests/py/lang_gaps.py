# The gaps closed in the language pass: sys._getframe, NameError.name, async syntax is a
# SyntaxError where CPython says so, RecursionError suffixes of built-in calls.
import sys
def where():
    f = sys._getframe()
    caller = sys._getframe(1)
    return f.f_code.co_name, caller.f_code.co_name, f.f_back is caller, caller.f_lineno
def outer():
    return where()
print(outer())
print(sys._getframe().f_code.co_name, sys._getframe(0).f_globals is globals())
for bad in [99, "x", 1.5]:
    try:
        sys._getframe(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    undefined_name
except NameError as e:
    print(repr(e.name), e)
def f():
    return also_undefined
try:
    f()
except NameError as e:
    print(repr(e.name), e.args)
e = NameError("custom")
print(e.name, NameError("x", name="y").name)
for src in ["def f():\n    await x\n", "await x\n", "async with a: pass\n",
            "async for x in y: pass\n", "[x async for x in y]\n",
            "def g():\n    async with a: pass\n"]:
    try:
        compile(src, "<src>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("repr:", e)
class L:
    def __len__(self):
        return len(self)
try:
    len(L())
except RecursionError as e:
    print("len:", e)
def down(n):
    try:
        return list(map(down, [n + 1]))[0]
    except RecursionError:
        return n
print("map depth", down(0))
class Mk:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        try:
            return repr(Mk(self.n + 1))
        except RecursionError:
            return str(self.n)
print("repr depth", repr(Mk(0)))
