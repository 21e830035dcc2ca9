# repr, str and format() of complex numbers.
inf = float('inf')
nan = float('nan')
vals = [1 + 2j, 2j, 0j, complex(-0.0, -0.0), complex(0.0, -0.0), complex(-0.0, 0.0),
        1e100j, 1.5 - 2j, complex(nan, inf), complex(-inf, nan), complex(1e16, 1e-7),
        complex(123.456, -0.001), complex(1234567.5, -1234567), complex(0.1, 0.2),
        complex(1e-5, 1e22), complex(100, 1e16), complex(-1, 0), 3 + 0j]
for v in vals:
    print(repr(v), str(v))
specs = ['', '.2', '>20', '<20', '^21', 'g', 'G', 'e', 'E', '.2f', 'F', '+', ' ', '-',
         'n', ',', '_', ',.2f', '_.3f', 'z.1f', 'z', '#', '#g', '#.0f', '^30.3e', '*^30',
         '+.3g', '.0', '.1e', 'é>16', '12.3', '.3', '.15g', '#e']
for s in specs:
    print(repr(s), [format(v, s) for v in vals[:14]])
print('{:.3f}'.format(1 + 1j), '{0.real}+{0.imag}'.format(2 + 3j), '%s %r' % (1j, 2j))
print(f'{1j:>8}|{2+3j:<10}|{4-5j:^12.1f}|')
