# compile() of invalid match statements: CPython's SyntaxError messages and positions
# (from the parser and from the compiler), and valid uses of the soft keywords.
cases = [
"match x:\n case y: pass\n case 1: pass\n",
"match x:\n case _: pass\n case 1: pass\n",
"match x:\n case [a, a]: pass\n",
"match x:\n case [a] | b: pass\n",
"match x:\n case {a: 1}: pass\n",
"match x:\n case {1+1: 1}: pass\n",
"match x:\n case 1+1: pass\n",
"match x:\n case a.b(): pass\n case f(): pass\n",
"match x:\n case C(x=1, x=2): pass\n",
"match x:\n case C(x=1, 2): pass\n",
"match x:\n case [*a, *b]: pass\n",
"match x:\n case 1+2: pass\n",
"match x:\n case 1j+2j: pass\n",
"match x:\n case -1j+2: pass\n",
"match x:\n case 1 as _: pass\n",
"match x:\n case 1 as a.b: pass\n",
"match x:\n case f(x): pass\n",
"match x:\n case y if y: pass\n case 2: pass\n",
"match x:\n case a | b: pass\n",
"match x:\n case _ | 1: pass\n",
"match x:\n case (y): pass\n case 1: pass\n",
"match x:\n case {**_}: pass\n",
"match x:\n case {**a, 'b': 1}: pass\n",
"match x:\n case {'a': 1, 'a': 2}: pass\n",
"match x:\n case {'a': a, 'b': a}: pass\n",
"match x:\n case a as a: pass\n",
"match x:\n case 1 | a: pass\n",
"match x\n case 1: pass\n",
"match x:\ncase 1: pass\n",
"match x:\n case 1:\n pass\n",
"match x:\n case 1 pass\n",
"match x:\n  pass\n",
"match x:\n case *a: pass\n",
"match x:\n case [1, 2] as __debug__: pass\n",
"match x:\n case __debug__: pass\n",
"match x:\n case C(__debug__=1): pass\n",
"match x:\n case f'{x}': pass\n",
"match x:\n case b'a' 'b': pass\n",
"match x:\n case {f'a': 1}: pass\n",
"match x:\n case -a: pass\n",
"match x:\n case a.b.c(1, y=2, *z): pass\n",
"match x:\n case [a, b] | [b, a]: pass\n case [c, d] | [c]: pass\n",
"match x:\n case (a | b) | c: pass\n",
"match x:\n case {1: _, 1: _}: pass\n",
"match x:\n case {True: _, 1: _}: pass\n",
"match x:\n case {None: _, None: _}: pass\n",
"match x:\n case {a.b: _, a.b: _}: pass\n",
"match x:\n case {-0: _, 0: _}: pass\n",
"match x:\n case {'a': 1, **rest, }: pass\n",
"match x:\n case {'a': 1, **rest, 'b': 2}: pass\n",
"match x:\n case 0x1j: pass\n",
"match x:\n case 1 + 1.5: pass\n",
"match x:\n case -1 - 2j: pass\n",
"match x,:\n case 1: pass\n",
"match *x:\n case 1: pass\n",
"match x:\n case [*_, *_]: pass\n",
"match x:\n case (x, *_, y, *_): pass\n",

"match x:\n case {a}: pass\n",
"match x:\n case 1 as 1: pass\n",
"match x:\n case [1, 2: pass\n",
"match x:\n case C(a=1 b=2): pass\n",
"match x:\n case C(1, a=2, 3, 4): pass\n",
"match x:\n case C(1, a=2, 3, b=4): pass\n",
"match x:\n case C(a=2, 3, 4, b=1): pass\n",
"match x:\n case (*a): pass\n",
"match x:\n case 1 if: pass\n",
"match x:\n case: pass\n",
"match x:\n case 1:\n  pass\n other\n",
"match x: pass\n",
"match x:\n",
"match x:\n case 1: pass\n case\n",
"match:\n case 1: pass\n",
"match(x):\n case 1: pass\n",
"match[x]:\n case 1: pass\n",
"match -x:\n case 1: pass\n",
"match = 3\nmatch[1]\nmatch(x)\nmatch.x\nmatch -x\ncase=1\ncase\nmatch\n",
"match x:\n case a.b | {'a': {1: [c, *_]}} | C(d, e=f): pass\n",
"match x:\n case -0.5 | 1e3 | 0xff | -1-1j | 'a' 'b': pass\n",
"match x:\n case __debug__.x: pass\n",
"match x:\n case {**rest}: pass\n",
"match x:\n case {'a': _, **rest}: pass\n",
"match x:\n case {}: pass\n",
"match x:\n case (): pass\n",
"match x:\n case []: pass\n",
"match x:\n case [*_]: pass\n",
"match x:\n case *a, b: pass\n",
"match x:\n case a, *b,: pass\n",
"match x, *y:\n case a: pass\n",
"match x:\n case (1 | 2) as z if z: pass\n",
"match x:\n case 1 | 2 as z: pass\n",
"match x:\n case a as b as c: pass\n",
"match x:\n case a | b as c: pass\n",
"match x:\n case True | False: pass\n case 0: pass\n",
"match x:\n  case 1: pass\n  case 2:\n    pass\n",
"def f():\n    match x:\n        case 1: return\n",
"match x:\n case {1: 2, **r, }: pass\n",
"match x:\n case {1: 2,, }: pass\n",
"match x:\n case [a, [b, *c], {**d}] | [d, [a, *b], {**c}]: pass\n",
"match x:\n case (a, b) | (b, a, c): pass\n",
"match x:\n case C(): pass\n case _ if x: pass\n case _: pass\n",
"match x:\n case _: pass\n",
"match x:\n case z: pass\n",
"match x:\n case 'a' f'b': pass\n",
"match x:\n case 1 + 1j + 1j: pass\n",
"match x:\n case -(1): pass\n",
"match x:\n case a.b(): pass\n",
"match x:\n case a.b.c: pass\n",
"match x:\n case a.b = 1: pass\n",
"match x:\n case C(a.b=1): pass\n",
"match x:\n case C(_=1): pass\n",
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "OK")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.args[0], e.lineno, e.offset, e.end_lineno, e.end_offset)

# Line numbers of errors raised while matching: in a guard, a class pattern, a value.
import sys

def lines(f, *args):
    try:
        f(*args)
    except Exception as e:
        tb = e.__traceback__
        out = []
        while tb:
            out.append(tb.tb_lineno)
            tb = tb.tb_next
        print(type(e).__name__, e, out)

def guard(x):
    match x:
        case [a]:
            pass
        case [a, b] if (
                a / b):
            pass

def cls(x):
    match x:
        case [1,
              int(a, b)]:
            pass

class V:
    @property
    def bad(self):
        raise ValueError("bad value")

def attr(x):
    match x:
        case V(
            bad=1):
            pass

lines(guard, [1, 0])
lines(cls, [1, 2])
lines(attr, V())
