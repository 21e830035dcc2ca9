# Runtime error messages of the evaluation loop (CPython 3.11's texts).
def f(a, b=1, *, k): pass
def g(a, b, c): pass
class A:
    def m(self, x): pass
cases = [
    "A().m()", "f(1, 2, 3, k=1)", "f()", "g()", "g(1)", "f(1, k=1, z=2)", "f(1, a=2, k=1)",
    "(lambda: 0)(1)", "f(1)", "g(1, 2, 3, 4)", "(lambda a, /: 0)(a=1)",
    "(lambda *, a, b: 0)()", "f(*5)", "f(**5)", "f(1, *5)", "[*5]",
    "f(x=1, **{'x': 2})", "a, b = 5", "a, b = [1]", "a, b = [1, 2, 3]", "a, *b, c = [1]",
    "raise 5", "raise", "undefined_name", "del undefined_name",
    "def q():\n    y = y\nq()", "def q():\n    def r():\n        return z\n    r()\n    z = 1\nq()",
    "with 5:\n    pass", "x = 1\nx += 'a'", "x = 'a'\nx -= 1", "x = 'a'\nx **= 2",
    "raise ValueError from 5", "1 + 'a'", "[] - 1", "-'a'", "~1.5", "for x in 5: pass",
    "x, = 5", "{}['k']", "None.attr", "len(5)", "import no_such_module_xyz",
    "from sys import no_such_name", "def r():\n    return r()\nr()",
]
for src in cases:
    try:
        exec(src, {"f": f, "g": g, "A": A})
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("no error:", src)
