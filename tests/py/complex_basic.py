# complex: literals, construction, attributes, methods, hashing, builtins.

# Literals (the lexer's imaginary numbers) and constant folding.
print(3j, 1.5J, 1e3j, 0j, 1_0j, 0.5e-3j, 1e100j, 00j)
print(1 + 2j, 1 - 2j, -1j, -(0j), 2 * 3j, (1 + 2j) * (3 - 4j))
print(type(3j).__name__, type(3j) is complex, isinstance(1j, complex))
print(isinstance(1j, (int, float)), issubclass(complex, object))
x = 3j
print(x.real, x.imag, x.conjugate(), (1 + 2j).conjugate())
print((1 + 2j).real, (-0.0 - 1j).real)

# Construction.
print(complex(), complex(1), complex(1.5), complex(1, 2), complex(1.5, -2.5))
print(complex(True), complex(False, True), complex(2**53))
print(complex(real=1, imag=2), complex(imag=2), complex(real=3), complex(1, imag=4))
print(complex(1 + 2j), complex(1 + 2j, 3 + 4j), complex(1j, 1j), complex(2, 1j))
for s in ['1+2j', ' (1-2j) ', '1', '-1.5', 'j', '+j', '-j', '1+j', '1-j', '2J',
          '1e5j', '+1.5e-3-2.5E+3J', '.5j', '5.j', 'infj', '-inf+nanj', 'nan',
          'INFINITYj', '1_000j', '1_0+2_0j', '( 3 )', '\t1j\n', '1e1_0']:
    print(repr(s), complex(s))

class WithComplex:
    def __complex__(self):
        return 1 + 1j

class WithFloat:
    def __float__(self):
        return 2.5

class WithIndex:
    def __index__(self):
        return 7

print(complex(WithComplex()), complex(WithComplex(), 2), complex(WithFloat()))
print(complex(WithFloat(), WithIndex()), complex(WithIndex()))

class Sub(complex):
    pass

s = Sub(1, 2)
print(s, repr(s), type(s).__name__, type(s + 1).__name__, type(+s).__name__)
print(type(complex(s)).__name__, type(s.__complex__()).__name__, s.conjugate())
c = 1 + 2j
print(complex(c) is c, c.__complex__() is c, c.__getnewargs__(), Sub(3).__getnewargs__())

# Equality and hashing.
print(1 + 0j == 1, 1j == 1j, 1 + 0j == True, 2.5 + 0j == 2.5, 1j != 0, 1j == 1)
print(complex(2**53 + 1, 0) == 2**53 + 1, complex(2**53, 0) == 2**53)
nan = float('nan')
print(complex(nan, 0) == complex(nan, 0), 1j == 'x', 1j != None)
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(0j) == hash(0))
for v in [1j, 2j, -1j, 1 + 1j, 1.5 + 2.5j, -1 + 0j, complex(-1, -1), 1e300 + 1e300j,
          complex(float('inf'), -2), complex(-float('inf'), float('inf')), 0.1 + 0.2j,
          complex(2**60, 3), complex(-0.0, -0.0), complex(123456789, -987654321)]:
    print(v, hash(v))
d = {1: 'one', 1j: 'i', 2 + 0j: 'two'}
print(d[1 + 0j], d[1j], d[2], {1, 1 + 0j, 1.0}, len({1j, complex(0, 1)}))

# Truth, builtins.
print(bool(0j), bool(complex(0, -0.0)), bool(1j), bool(1e-300j), not 0j)
print(abs(3 + 4j), abs(-1j), abs(complex(float('inf'), nan)), abs(complex(nan, 1)))
print(abs(complex(1e308, 1e308)))
print(sum([1j, 2, 3.5]), sum([1 + 1j] * 10), sum([], 0j), sum((1j, 1j), 1))
print(f"{1+2j}", f"{3j!r}", f"{1-1j:>12}", str(1 + 2j), repr(-1j))
print(pow(1j, 2), pow(2, 1j), divmod.__name__)
print(sorted([3j, 1j, 2j], key=abs), max([1j, 2 + 0j, 3j], key=lambda z: z.imag))
print([z.imag for z in (1j, 2j)], list(map(complex, ['1', '2j'])))
print(complex.__name__, complex.__doc__.split('\n')[0])
print(hasattr(1j, '__complex__'), hasattr(1j, '__round__'), hasattr(1j, '__trunc__'),
      hasattr(1j, '__floordiv__'), hasattr(1j, '__mod__'), hasattr(1j, '__lt__'))
# Unicode digits and spaces read as float() reads them.
print(complex(' \u00a01\u0662j\u3000'), complex('\u0661_\u0662j'), complex('(\u0663+\u0664j)'))
