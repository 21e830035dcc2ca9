# complex: errors with CPython's types and messages.
import math
c = 1j

def check(src):
    try:
        r = eval(src)
    except Exception as e:
        print(src, '->', type(e).__name__ + ':', e)
    else:
        print(src, '->', repr(r))

class Bad:
    def __complex__(self):
        return 5

class BadFloat:
    def __float__(self):
        return 1

class Raises:
    def __complex__(self):
        raise KeyError('boom')

for src in [
        '1j // 1', '1j % 1', '1 // 1j', '1 % 1j', 'divmod(1j, 1)', 'divmod(1, 1j)',
        '1j < 1j', '1j <= 1', '1 > 1j', '1j >= 2.0', 'sorted([1j, 2j])', 'max(1j, 2j)',
        'int(1j)', 'float(1j)', 'round(1j)', 'round(1j, 2)', 'math.sqrt(-1)',
        'math.sqrt(1j)', 'math.floor(1j)', '~1j', '1j << 1', '1j & 1',
        'abs(complex(1e308, 1e308) * 2)', 'abs(complex(1e308, 1e308))',
        '1j / 0', '1j / 0.0', '1j / 0j', '1 / 0j', '0j / 0j', '(1 + 1j) / complex(0, -0.0)',
        '0j ** -1', '0j ** 1j', '0j ** -0.5', 'complex(1e-200, 0) ** -2', '(1e200j) ** 2',
        '(1 + 1j) ** 1e300', 'pow(1j, 2, 3)', 'pow(2, 1j, 3)', '10j ** 400',
        'complex(1e308, 0) ** 1.5', 'complex(float("inf"), 1) ** 0.5',
        'complex("1", 2)', 'complex("1", imag=2)', 'complex(1, "2")', 'complex(b"1")',
        'complex([])', 'complex(None)', 'complex(1, None)', 'complex(1, [])', 'complex("x")',
        'complex("")', 'complex("1+2jj")', 'complex("++1j")', 'complex("1++1j")',
        'complex("1j+2")', 'complex("(1-2j")', 'complex("()")', 'complex("1e")',
        'complex("1 +2j")', 'complex("1\\x00")', 'complex("1__0j")', 'complex("1_j")',
        'complex("_1")', 'complex("1+2")', 'complex("j1")', 'complex("1jj")', 'complex("1.2.3j")',
        'complex(1, 2, 3)', 'complex(1, 2, imag=3)', 'complex(1, real=3)', 'complex(foo=1)',
        'complex(Bad())', 'complex(BadFloat())', 'complex(1, BadFloat())', 'complex(Raises())',
        'complex(2**2000)', 'complex(1, 2**2000)', '1j + 2**2000', '2**2000 * 1j',
        '1j + "a"', '"a" + 1j', '[1] * 1j', 'len(1j)', 'c[0]', 'iter(c)', 'c()',
        'format(1j, "020")', 'format(1j, "0<20")', 'format(1j, "=20")', 'format(1j, "%")',
        'format(1j, "x")', 'format(1j, "s")', 'format(1j, "d")', 'format(1j, "..2")',
        'format(1j, ",_")', 'format(1j, 5)', '(1j).__format__(5)', 'format(1j, "c")',
        'complex.__new__(int)', '1j.real.imag', 'setattr(1j, "real", 2)', 'hash(1j) and 1j.foo',
        '(1j).conjugate(1)', 'complex.conjugate(1)', 'sum(["a"], 1j)',
]:
    check(src)
print(eval('3j'), eval('1_0J'))
for src in ['1__0j', '1j2', '0x1j', '1_j', '1e_3j', '1jx', '1j_']:
    try:
        compile(src, '<s>', 'eval')
    except SyntaxError as e:
        print(repr(src), 'SyntaxError:', e.msg)
    else:
        print(repr(src), 'compiled')
