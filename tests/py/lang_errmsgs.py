# Error messages of calls, subscripts, operators and builtins (issue 4 part 4), stdout only
# (python3 also prints SyntaxWarnings to stderr that ouro does not: docs/differences.md)
def f(a, b=1, *, c): pass
class K:
    def m(self, x): pass
cases = ["f()", "f(1, 2, 3)", "f(1, c=1, d=2)", "f(1, a=2, c=3)", "K().m()", "K().m(1, 2)",
         "K.m(1)", "len(x=1)", "int('12', base=100)", "'abc'[5]", "[1][-3]", "(1,)[2]",
         "'abc'['x']", "[1]['x']", "{}[[]]", "{[]: 1}", "set([[]])", "1 < 'a'", "'a' * 1.5",
         "[1, 2] * 'x'", "None + 1", "None()", "None[0]", "None.x", "K().zz", "K.zz",
         "object().x = 1", "del K().q", "(1).real = 3", "iter(None)", "next([])", "abs(None)",
         "x_undefined", "sum(1)", "sorted([1, 'a'])", "max(1)", "1 / 0.0", "10 ** -1 // 0",
         "int(None)", "float([])", "str(b'a', 'nope')", "'%d' % 'x'", "list.append(1, 2)",
         "'x'.foo", "type.__call__(1)", "(lambda: 1)(2)", "print(end=1)", "print(sep=2)",
         "dict.fromkeys()", "getattr(1)", "hasattr(1, 2)", "isinstance(1, [int])",
         "range(1.5)", "range(1, 2, 0)", "[].pop(5)", "'a'.split(1)", "b'a' + 'b'", "'a' + b'b'",
         "chr('a')", "ord(1)", "divmod('a', 1)", "pow(1, 2, 3.0)", "round(1, 'x')",
         "f(*1)", "f(**1)", "f(1, **{'c': 1, 'b': 2}, b=3)", "K(1)", "object(1)"]
for c in cases:
    try:
        eval(c)
        print(c, "ok")
    except Exception as e:
        print(c, "->", type(e).__name__ + ":", e)
def g():
    x += 1
try:
    g()
except UnboundLocalError as e:
    print(e)
def h():
    def inner(): return y
    inner()
    y = 1
try:
    h()
except NameError as e:
    print(type(e).__name__, e)
