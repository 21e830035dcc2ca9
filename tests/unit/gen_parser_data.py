#!/usr/bin/env python3
"""Generates tests/unit/test_parser_data.h: for each snippet, what CPython 3.11 says.

    python3 tests/unit/gen_parser_data.py > tests/unit/test_parser_data.h

Valid snippets record ast.dump(ast.parse(src)) and the positions of every node in
ast.walk() order; invalid ones record the exception type, msg, lineno, offset,
end_lineno and end_offset of the SyntaxError. test_parser.c compares ou_parse with them.
"""
import ast
import sys
import warnings

warnings.simplefilter("ignore")

VALID = [
    # literals
    "1", "0", "00", "0_0", "1_000_000", "0x1F", "0XdeadBEEF", "0o17", "0O7", "0b1010", "0B1",
    "0x_ff", "123456789012345678901234567890", "1.5", "1.", ".5", "1e10", "1E-3", "1.5e+3",
    "1_0.0_1", "0.0", "00.5", "0e0", "True", "False", "None", "...",
    "'a'", '"a"', "'''a'''", '"""a\nb"""', "r'\\n'", "R'\\d'", "b'x'", "B'x'", "br'\\x'",
    "Rb'\\x'", "u'x'", "U'x'", "'a' 'b'", "'a' \\\n 'b'", "b'a' b'b'", "''", "b''",
    "'\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v'", "'\\x41\\101\\u00e9\\U0001F600'", "'\\0'", "'\\777'",
    "'\\q'", "b'\\x00\\xff\\377'", "'é€😀'", "'a\\\nb'", "'''a\\\nb'''",
    "'\\ud800'", "'''\n'''", "u'a' 'b'", "'a' u'b'",
    # f-strings
    "f'a'", "f''", "f'{x}'", "f'{x!r}'", "f'{x!s}'", "f'{x!a}'", "f'{x:>10}'", "f'{x:{w}}'",
    "f'{x:{w}.{p}}'", "f'{x!r:^{w}}'", "f'a{x}b{y}c'", "f'{{}}'", "f'{{{x}}}'", "f'{x=}'",
    "f'{x = }'", "f'{x=!s}'", "f'{x=:>4}'", "f'{ x }'", "f'{x,y}'", "f'{a[1]}'",
    "f'{d[\"k\"]}'", "f\"{d['k']}\"", "f'{(lambda: 1)()}'", "f'{x if y else z}'",
    "'a' f'{x}' 'b'", "f'{x}' f'{y}'", "rf'\\n{x}'", "fr'{x}\\d'", "F'{x}'", "f'\\n{x}\\t'",
    "f'''{x\n}'''", "f'{x:}'", "f'{3.14:.2f}'", "f'{x!r:}'", "f'{a == b}'", "f'{a != b}'",
    "f'{a >= b}'", "f'{ {1: 2}[1] }'", "f'{x}' 'y' f'{z}'",
    # expressions
    "x", "x.y", "x.y.z", "x[1]", "x[1:2]", "x[::2]", "x[1:2:3]", "x[:]", "x[1,2]", "x[1:2, 3]",
    "x[a, :]", "x[*a]", "x[()]", "f()", "f(1)", "f(1, 2)", "f(a=1)", "f(*a)", "f(**k)",
    "f(1, *a, b=2, **k)", "f(*a, *b)", "f(**a, **b)", "f(a, *b, c=1, *d, **e)", "f(x for x in y)",
    "f(x for x in y if x)", "f((x for x in y), 1)", "f(1,)", "f()()", "f().g[1](2)",
    "a + b", "a - b", "a * b", "a / b", "a // b", "a % b", "a ** b", "a @ b", "a << b", "a >> b",
    "a & b", "a | b", "a ^ b", "-a", "+a", "~a", "not a", "a and b", "a or b", "a and b and c",
    "a or b or c", "a and b or c and d", "not a and not b", "a + b * c", "(a + b) * c",
    "a ** b ** c", "-a ** b", "a * -b", "a - b - c", "a < b", "a < b < c", "a == b != c",
    "a is b", "a is not b", "a in b", "a not in b", "a <= b >= c > d", "a if b else c",
    "a if b else c if d else e", "lambda: 0", "lambda x: x", "lambda x, y=1, *a, z, w=2, **k: 0",
    "lambda *, x: x", "lambda x, /, y: 0", "lambda *a: a", "lambda **k: k", "(x := 1)",
    "[x := 1, 2]", "f(x := 1)", "a | b ^ c & d << e + f * g ** h", "~-+a", "not not a",
    "a if not b else c", "1 if x else 2, 3", "await x",
    # displays
    "()", "(1,)", "(1, 2)", "1, 2", "1,", "(1)", "((1))", "[]", "[1]", "[1, 2,]", "[*a, *b]",
    "{}", "{1: 2}", "{1: 2, 3: 4,}", "{**a}", "{**a, 1: 2, **b}", "{1}", "{1, 2}", "{*a, 1}",
    "*a, b", "(*a, b)", "[x for x in y]", "[x for x in y if x if z]", "[x for x in y for z in x]",
    "[(a, b) for a, b in c]", "[x for *a, x in y]", "{x for x in y}", "{k: v for k, v in d}",
    "{k: v for k in a if k for v in b}", "(x for x in y)", "[x async for x in y]",
    "[x for x in (yield)]", "[x for x.y in z]", "[x for x[0] in z]", "[[x for x in y] for y in z]",
    "(yield)", "(yield x)", "(yield x, y)", "(yield from x)",
    # statements
    "pass", "break", "continue", "return", "return x", "return x, y", "return *a, b",
    "x = 1", "x = y = 1", "x, y = 1, 2", "(x, y) = z", "[x, y] = z", "x, = z", "*a, b = c",
    "a, *b, c = d", "[a, *b] = c", "x.y = 1", "x[0] = 1", "x[1:2] = y", "x.y.z[0].w = 1",
    "x = yield", "x = yield y", "x = yield from y", "x = *a, b", "x += 1", "x -= 1", "x *= 1",
    "x /= 1", "x //= 1", "x %= 1", "x **= 1", "x <<= 1", "x >>= 1", "x &= 1", "x |= 1", "x ^= 1",
    "x @= 1", "x.y += 1", "x[0] += 1", "x += yield", "x: int", "x: int = 1", "(x): int = 1",
    "x.y: int", "x[0]: int = 2", "del x", "del x, y", "del x.y, x[0], x[1:2]", "del (x, y)",
    "del [x, y]", "del x,", "assert x", "assert x, 'msg'", "raise", "raise E", "raise E(1)",
    "raise E from e", "raise E from None", "global x", "global x, y", "nonlocal x",
    "import a", "import a.b.c", "import a as b", "import a.b as c, d", "from a import b",
    "from a import b as c, d", "from a import (b, c)", "from a import (b as c, d,)",
    "from . import a", "from .. import a", "from .a import b", "from ...a import b",
    "from .... import a", "from a import *", "from .a.b import *", "x; y", "x; y;", "x = 1; y = 2",
    "if x: pass", "if x:\n    pass\nelse:\n    pass\n", "if x:\n  a\nelif y:\n  b\nelif z:\n  c\nelse:\n  d\n",
    "if x: a; b", "if (x := f()): pass", "while x: pass", "while x:\n  a\nelse:\n  b\n",
    "while True:\n    if x:\n        break\n    continue\n", "for x in y: pass",
    "for x, y in z: pass", "for (x, y) in z: pass", "for [x, y] in z: pass", "for *a, b in z: pass",
    "for x in 1, 2: pass", "for x in *a, b: pass", "for x in y:\n  a\nelse:\n  b\n", "for x.y in z: pass",
    "for x[0] in z: pass", "for x, in z: pass", "try:\n  a\nexcept:\n  b\n",
    "try:\n  a\nexcept E:\n  b\n", "try:\n  a\nexcept E as e:\n  b\n",
    "try:\n  a\nexcept (E, F) as e:\n  b\nexcept G:\n  c\nelse:\n  d\nfinally:\n  e\n",
    "try:\n  a\nfinally:\n  b\n", "try:\n  a\nexcept E:\n  b\nfinally:\n  c\n",
    "with a: pass", "with a as b: pass", "with a as b, c as d: pass", "with a, b: pass",
    "with a as (b, c): pass", "with a as [b, c]: pass", "with a as b.c: pass", "with (a, b): pass",
    "with (a as b, c as d): pass", "with (a as b, c as d,): pass", "with (a) as b: pass",
    "with (a, b) as c: pass", "with f() as x:\n  pass\n",
    "def f(): pass", "def f(a): pass", "def f(a, b): pass", "def f(a=1): pass",
    "def f(a, b=1, *c, d, e=2, **f): pass", "def f(*, a): pass", "def f(*, a=1, b): pass",
    "def f(a, /): pass", "def f(a, /, b): pass", "def f(a=1, /, b=2): pass", "def f(*a): pass",
    "def f(**k): pass", "def f(a, *a2, **k): pass", "def f(a: int, b: str = 'x') -> None: pass",
    "def f(*a: int, **k: str): pass", "def f(a,): pass", "def f(a, *, b,): pass",
    "def f():\n    return 1\n", "def f():\n    yield\n", "def f():\n    x = yield 1\n",
    "def f():\n    def g():\n        nonlocal x\n        x = 1\n    return g\n",
    "@d\ndef f(): pass", "@d\n@e.f(1)\ndef f(): pass", "@d[0]\ndef f(): pass", "@(yield)\ndef f(): pass",
    "class C: pass", "class C(): pass", "class C(B): pass", "class C(B, D): pass",
    "class C(B, metaclass=M): pass", "class C(*b, **k): pass", "@d\nclass C: pass",
    "class C:\n    x = 1\n    def f(self):\n        return self.x\n",
    "async def f(): pass", "async def f():\n    async for x in y: pass\n    async with a as b: pass\n    await x\n",
    # layout
    "\n", "", "# comment\n", "x  # comment\n", "\n\nx\n\n", "x\n\n\ny", "if x:\n\n    a\n\n    b\n",
    "if x:\n    # c\n    a\n", "if x:\n    a\n    # c\nb\n", "x = (1,\n     2)\n", "x = [\n  1,\n  2,\n]\n",
    "x = {\n 1: 2\n}", "x = 1 + \\\n    2\n", "if x:\n\tpass\n", "if x:\n\ta\n\tb\n",
    "if x:\n  if y:\n    a\n  b\nc\n", "if x:\n        a\n", "class A:\n  def f(self):\n    pass\n  def g(self):\n    pass\n",
    "x = 1\r\ny = 2\r\n", "x = '''a\r\nb'''\r\ny = 1\ry=2", "if x:\r    y\r", "\ufeffx = 1\n", "# -*- coding: utf-8 -*-\nx = 1\n", "#!/usr/bin/env python\n# coding=utf8\nx\n",
    "é = 1", "x.é", "日本 = 1", "def f(ñ): pass", "x = '''\na\n  b\n'''\n", "x = f(a,\n      b)\n",
    "print(1)", "print(*a, sep='')", "1if x else 2", "[0for x in y]", "0x1for x in y",
    "x = (\n  # comment\n  1\n)\n", "if x:  # c\n    pass\n", "x=1;", "if True:\n    pass\n    \n",
    "lambda: (yield)", "x = -1", "x = - 1", "x = 2 ** -1", "a[b][c](d)(e)",
    "a.b(c).d[e:f].g", "f(a)(b)(c)", "x = not a == b", "x = a if b else lambda: c",
    "x = [1, 2, 3][::-1]", "x = {**a, 'b': 1}", "print(f'{x!r:>{10}}')",
    "f'é{x}'", "x = f'''a\n{b}\nc{d!r}'''", "x = f'''\n  {a +\n b}'''", "f'{a}{b:{c}}' f'{d}'",
    "x = (f'{a}'\n     f'{b}')", "f'{x:{y}}'", "f'{x:>{w}.{p}f}'", "f'{\"é\"}{x}'", "f'{ x }'",
    "f'{x!r}' 'é' f'{y}'", "rf'{x}\\{y}'" if False else "rf'{x}\\d{y}'", "f'{x}{{'", "f'}}{x}'",
    "f'{[1, 2][0]}'", "f'{x.y.z}'", "f'{f(1, k=2)}'", "f'{x:{\"a\"}}'", "f'{lambda: 1}'" if False else "f'{(lambda: 1)}'",
    "f'''{\nx\n}'''", "f'{x}' '''\n'''", "f'{yield}'" if False else "def g(): f'{(yield)}'",
    # multi-line positions
    "def f(\n    a,\n    b=1,\n):\n    return (a +\n            b)\n",
    "x = [\n    i\n    for i in range(10)\n    if i % 2\n]\n",
    "@decorator(\n    arg)\nclass C(\n    Base):\n    '''doc'''\n    x: int = 0\n",
    "try:\n    pass\nexcept (A,\n        B) as e:\n    raise X from e\n",
    "if a:\n    pass\nelif b:\n    pass\n", "while x:\n    x -= 1\nelse:\n    done()\n",
    "with open(f) as fh, \\\n     other() as o:\n    data = fh.read()\n",
    "f'''\n{x}\n{y!r}\n'''", "f'{x}' \\\n f'{y}'", "s = ('a'\n     'b'\n     'c')\n",
    "x = {\n    'a': 1,\n    **other,\n}\n", "print(*args, sep=', ', end='')\n",
    "lambda a, b=2, *args, c, d=4, **kw: (a, b, args, c, d, kw)",
    "assert isinstance(x, int), f'bad {x!r}'", "del a[0], b.c", "x = y = z = 0",
    "a, b = b, a", "a[1:2], b[::3] = c", "(a, (b, c)), d = e", "[a, [b, *c]] = d",
    "for i, (a, b) in enumerate(pairs):\n    print(i, a, b)\n", "x = a if b else (c if d else e)",
    "x = not a or b and not c", "x = a < b == c > d != e <= f >= g is h is not i in j not in k",
    "x = a | b & c ^ d", "x = ~a ** -b", "x = a // b % c * d / e @ f",
    "x = (yield)", "def g():\n    yield from range(3)\n    return (yield)\n",
    "class A(B, C, metaclass=M, **kw):\n    pass\n", "def f(*, a, b=1, **c): pass",
    "def f(a, b, /, c, d, *, e, f): pass", "global a\nglobal b, c",
    "def f():\n    global x\n    nonlocal y\n", "import os.path, sys as system",
    "from os.path import (join as j,\n    split)\n", "if x: pass\nelif y: pass\nelse: pass\n",
    "x = [*range(3), *'ab']", "x = {*a, *b}", "f(**{'a': 1}, **b)", "x = a[b:c, d:e:f, ...]",
    "x = a[:, 1]", "x = a[1:, :2, ::3]", "x = 'a' 'b' 'c'", "x = b'a' b'b' B'c'",
    "x = f'{a}{b}{c}'", "x = f'{a!r}{b!s}{c!a}'", "x = f'{\"nested\"}'", "x = f'{x:{\"<\"}10}'",
    "x = f'{1}' f''", "x = f'' 'a'", "x = f'{x:%Y-%m-%d}'",
    "x = f'{{x}}'", "x = f'{ x = }'", "x = f'{x=!r}'",
    "x = 1_000.000_1e1_0", "x = 0b_1_0", "x = 0o_7_7", "x = 0xDEAD_BEEF", "x = 1e-0_5",
    "x = 1234567890000000000000000000000000000000000000", "x = .0", "x = 0.", "x = 0e-1", "x = 00000",
    "x = 'tab\\there'", "x = r'raw\\'quote'", "x = '''a'b\"c'''", "x = \"\"\"a\"\"\"",
    "x = ''''''", "x = '\\\\N'",
    "if x:\n    pass\n# trailing comment", "if x:\n    pass\n    # indented comment\n",
    "x = 1 \\\n  + 2 \\\n  + 3", "def f():\n\n\n    return 1\n", "x = (  # c\n  1)\n",
    "class C:\n    @property\n    def x(self): return 1\n    @x.setter\n    def x(self, v): pass\n",
    "async def f():\n    return [x async for x in y]\n", "x = lambda: (yield)",
    "x = [i for i in range(3) if i if not i]", "x = {i: j for i, j in z}",
    "x = (i for i in a for j in b if c)", "x = [y for y in (1, 2)]",
    "return", "x = a.b.c.d.e.f", "x = a()()()", "x = a[1][2][3]", "x = -(-(-1))",
    "x = (1,) + (2,)", "x = ((1, 2), (3, 4))", "x = [[]]", "x = {(): {}}", "x = f(a)[b](c).d",
    # the match statement, and its soft keywords used as names
    "match x:\n    case 1:\n        pass\n    case _:\n        pass\n",
    "match x, *y:\n case a, *b,: pass\n", "match (x):\n case (a): pass\n",
    "match x:\n case -1 | 1.5 | -2-3j | 4+0j | 'a' 'b' | b'c' | None | True | False: pass\n",
    "match x:\n case [a, *_, b] | (a, b, *_) | [] | (): pass\n",
    "match x:\n case {'k': v, 1: w, a.b: _, **rest}: pass\n case {}: pass\n",
    "match x:\n case C(1, _, a=[x], b=y) | a.b.C() | C(q,): y = 1\n",
    "match x:\n case (1 | 2) as z if z > 1: pass\n case [*r] as s: pass\n",
    "match x:\n case a.b: pass\n case a as b: pass\n case _ if y: pass\n",
    "match = 1\nmatch[x]\nmatch(x)\nmatch.x = 2\nmatch -x\ncase = 3\nprint(case, match)\n",
    "match(x):\n case 1: pass\n", "match[x]:\n case 1: pass\n", "match -x:\n case 1: pass\n",
    "def f():\n    match x:\n        case {**k}:\n            return k\n",
]

INVALID = [
    "match x\n case 1: pass\n", "match x:\ncase 1: pass\n", "match x:\n case 1:\n pass\n",
    "match x:\n case 1 pass\n", "match x:\n  pass\n", "match x:\n case *a: pass\n",
    "match x:\n case {a: 1}: pass\n", "match x:\n case 1+1: pass\n",
    "match x:\n case 1j+2j: pass\n", "match x:\n case 1 as _: pass\n",
    "match x:\n case 1 as a.b: pass\n", "match x:\n case 1 as 1: pass\n",
    "match x:\n case C(x=1, 2): pass\n", "match x:\n case C(a=2, 3, 4, b=1): pass\n",
    "match x:\n case {**_}: pass\n", "match x:\n case {**a, 'b': 1}: pass\n",
    "match x:\n case -a: pass\n", "match x:\n case (*a): pass\n", "match *x:\n case 1: pass\n",
    "match x:\n case C(a=1 b=2): pass\n", "match x:\n case _.x: pass\n",
    "match x:\n case 1:\n", "if y:\n  match x:\n", "if y:\n  match x:\nfoo()\n",
    "if x:\n if y:\n", "if x:\n  if y:\nfoo()\n",
    "x = (1,\n", "x = )\n", "x = (1]\n", "s = 'abc\n", "s = '''abc\n\nx\n", "if x\n  pass\n",
    "f() = 1\n", "1 = x\n", "del f()\n", "(a, b) += 1\n", "f(x for x in y, 1)\n",
    "f(a=1, b)\n", "def f(a=1, b): pass\n", "x = 1 2\n", "print 1\n", "x = 0777\n",
    "x = 1abc\n", "  x = 1\n", "if x:\npass\n", "if x:\n    a\n  b\n",
    "if x:\n\ta\n        b\n", "x = \u20ac\n", "f'{x'\n", "f'{'\n", "f'{}'\n",
    "x = " + "(" * 201 + "\n", "x = (" * 1000, "a b c\n", "x = [1, 2 3]\n", "def f(:\n",
    "class\n", "for x in y\n", "x +\n", "x = 1 +\\\n", "a = yield = 1\n", "x = 'a' 'b\n",
    "f(**a, b)\n", "x += 1, 2 = 3\n", "None = 1\n", "True = 1\n", "x.y = 1 = 2\n",
    "[x for x in y] = 1\n", "a if b else c = 1\n", "del (a, 1)\n", "for 1 in x: pass\n",
    "with a as 1: pass\n", "import a.b as\n", "from . import *, a\n", "x = \\ 1\n",
    "def f(*): pass\n", "def f(*, **k): pass\n", "b'\u00e9'\n", "x = 1_\n", "x = 0x\n",
    "x = 1e\n", "x = 0b2\n", "x = 09\n", "print(f'{x!z}')\n", "f'{x:{y:{z}}}'\n", "f'}'\n",
    "x = a.1\n", "@\ndef f(): pass\n", "if True:\n", "def f():\n", "x = [\n", "x = '''\n",
    "x = 5 $ 3\n", "x = a!b\n", "if 1:\n x\n else: y\n", "\tif x:\n\t\tpass\n", "\t x = 1\n",
    "x = (1 2\n", "f(a, b for b in c)\n", "(a, 1) = x\n", "a + 1 = 2\n",
    "f(x) += 1\n", "x = {1: 2, 3}\n", "lambda x=1, y: 0\n", "def f(**k, a): pass\n",
    "def f(a, /, /): pass\n", "def f(/): pass\n", "def f(*, a, *b): pass\n", "x = 'a' b'b'\n",
    "try:\n  pass\n", "try:\n  pass\nx = 1\n", "while x\n  pass\n", "class C\n  pass\n",
    "def f()\n  pass\n", "else: pass\n", "x = 1 if y\n", "import\n", "from x import\n",
    "from x import a,\n", "del *a\n", "del a + b\n", "f(True=1)\n", "f(a.b=1)\n",
    "(*a)\n", "[*a for a in b]\n", "x = yield = 1\n", "for x in y:\nbreak\n", "while 1:\n",
    "x = '\\xZZ'\n", "x = '\\u12'\n", "x = b'\\x1'\n", "except E: pass\n", "x = [1, 2\ny = 3\n",
    "f(\n", "if x:\n  a\n    b\n", "  \n  x\n", "x = ((1)\n", "with a as b c: pass\n",
    "return return\n", "x = not\n", "x = 1 +* 2\n", "@d\nx = 1\n", "def f(a b): pass\n",
    "x = ]\n", "x = }\n", "if x:\n  pass\n else:\n  pass\n", "try:\n  a\nexcept E, F:\n  b\n",
    "\u00a0x = 1\n", "x = 1 \u2028\n", "x = $\n", "x = ?\n", "x = `1`\n",
    "x = {'a' 1}\n", "x = f(a b)\n", "x = 0o8\n", "x = 0b\n", "x = 1__0\n",
    "x = 1.e\n", "x = 0x1g\n",
    "f'{a b}'\n", "f'{!r}'\n", "f'{x!}'\n", "f'{x:{y}'\n", "f'{#}'\n", "f'{\\n}'\n",
    "f'{)}'\n", "f'{a)}'\n", "x = f'{x!rr}'\n", "def f(a, *, b=1, c, **d, e): pass\n",
    "def f(**a, **b): pass\n", "def f(*a, *b): pass\n", "lambda *: 0\n", "lambda x: yield\n",
    "x = a + \n", "x = (a + )\n", "x = [a for]\n", "x = [a for b]\n", "x = [a for b in]\n",
    "x = {a: b for}\n", "x = {a: }\n", "x = {: b}\n", "x = f(a, , b)\n", "x = a[]\n",
    "x = a.\n", "x = a..b\n", "x = 1 if 2\n", "x = lambda: \n", "import a.\n", "from . import\n",
    "from .a import b as\n", "class C(: pass\n", "def f: pass\n", "def (): pass\n",
    "if x:\n    pass\n  else:\n    pass\n", "for in x: pass\n", "for x in : pass\n",
    "while: pass\n", "with: pass\n", "with a as: pass\n", "try:\n pass\nelse:\n pass\n",
    "raise from e\n", "assert\n", "global\n", "global x,\n", "del\n", "del x,,\n",
    "x = yield from\n", "a, b += 1\n", "[a, b] += 1\n",
    "a.b() += 1\n", "x = (1 for 2)\n", "x = 0o\n", "x = 0_\n", "x = 1e+\n", "x = 5_j\n",
    "x = 1\ny = '\n",
    "x = 1\n  y = 2\n", "def f():\n  x = 1\n    y = 2\n", "if x:\n\tif y:\n        pass\n",
    "x = (\n  1\n  2\n)\n", "print 'hello'\n", "exec 'code'\n", "x = [1, 2\n", "x = {1: 2\n",
    "a = 1 = b\n", "f() = g() = 1\n", "x = 1; ; y = 2\n", "x = 1;;\n", ";\n", "x == 1 = 2\n",
    "not x = 1\n", "-x = 1\n", "x + 1 += 1\n", "(yield) = 1\n", "lambda: 1 = 2\n",
    "{a: b} = c\n", "{a} = c\n", "f'{x}' = 1\n", "... = 1\n", "x.y.z() = 1\n",
    "if x = 1:\n    pass\n", "while x = 1:\n    pass\n", "f(a, b c)\n", "print('a' 'b' c)\n",
    "x = [1, 2,, 3]\n", "def f(x):\nreturn x\n", "else:\n    pass\n", "class C(object)\n    pass\n",
    "for i in range(10) print(i)\n", "return x y\n", "a = b = c =\n", "d = {'a': 1 'b': 2}\n",
    "import a b\n", "elif x:\n    pass\n", "x = = 1\n", "if x == 1\n    pass\n", "f(x=1 y=2)\n",
    "def f(x y): pass\n", "x = (1, 2\nprint(x)\n", "print(\"hello)\n", "x = 'it's'\n",
    "if True:\npass\n", "x = 1\n    y = 2\n", "for x in range(3):\nprint(x)\n", "x ++\n",
    "x = 1 +* 2\n", "foo(**)\n", "foo(*)\n", "x = {1 2}\n", "x = (1 2)\n", "[x for x in]\n",
    "x := 1\n", "(x := 1) = 2\n", "def f():\n    x = yield = 1\n", "True: int = 1\n",
    "x.y: int += 1\n", "import a as b.c\n", "from a import b.c\n", "def f(a, a=1, *, a): pass\n" if False else "lambda: (x := 1) := 2\n",
    "class C:\n  def f(self):\n    pass\n   def g(self):\n    pass\n", "if x:\n    pass\n  elif y:\n    pass\n",
]


def c_string(s):
    out = []
    b = s.encode('utf-8', 'surrogatepass')
    for i, c in enumerate(b):
        ch = chr(c)
        if ch == '\\':
            out.append('\\\\')
        elif ch == '"':
            out.append('\\"')
        elif ch == '?':
            out.append('\\?')
        elif ch == '\n':
            out.append('\\n')
        elif 32 <= c < 127:
            # An octal escape must not swallow a following digit.
            if out and out[-1].startswith('\\') and len(out[-1]) == 4 and out[-1][1:].isdigit() and ch in '01234567':
                out.append('""')
            out.append(ch)
        else:
            out.append('\\%03o' % c)
    return '"' + ''.join(out) + '"'


def main():
    w = sys.stdout.write
    w("/* tests/unit/test_parser_data.h — generated by gen_parser_data.py from python3 %s.\n"
      " * Do not edit. */\n" % sys.version.split()[0])
    w("typedef struct { const char *src; int len; const char *dump; const char *pos; } ParseCase;\n")
    w("typedef struct { const char *src; int len; const char *type; const char *msg;\n"
      "                 int lineno, offset, end_lineno, end_offset; const char *text; } ParseErrorCase;\n")
    w("static const ParseCase parse_cases[] = {\n")
    for src in VALID:
        tree = ast.parse(src.encode('utf-8'))
        pos = [(type(n).__name__, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)
               for n in ast.walk(tree) if hasattr(n, 'lineno')]
        w("    { %s, %d,\n      %s,\n      %s },\n" % (
            c_string(src), len(src.encode('utf-8', 'surrogatepass')),
            c_string(ast.dump(tree)), c_string(repr(pos))))
    w("};\n")
    w("static const ParseErrorCase parse_error_cases[] = {\n")
    for src in INVALID:
        try:
            ast.parse(src.encode('utf-8'), 'x.py')
        except SyntaxError as e:
            def n(v):
                return -1000 if v is None else v
            w("    { %s, %d, \"%s\", %s, %d, %d, %d, %d, %s },\n" % (
                c_string(src), len(src.encode('utf-8')), type(e).__name__, c_string(e.msg),
                n(e.lineno), n(e.offset), n(e.end_lineno), n(e.end_offset),
                "NULL" if e.text is None else c_string(e.text)))
        else:
            raise SystemExit("valid: %r" % src)
    w("};\n")


main()
