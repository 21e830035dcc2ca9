# complex arithmetic with int, float and complex operands, powers, special values.
inf = float('inf')
nan = float('nan')
ops = [(1 + 2j), 2, 2.5, (3 - 4j), -1j, 0.5j, True]
for a in ops:
    for b in ops:
        print(a, b, a + b, a - b, a * b, a / b)
print(-(1 + 2j), +(1 + 2j), -complex(0.0, 0.0), -complex(-0.0, -0.0))
print(1 / 1j, 1j / 2, 2 / (1 + 1j), (1 + 1j) / 1e-320, 1j / 1e-320)
print((1e308 + 1e308j) / (1e-308 + 0j), (1e300 + 1e300j) / (1e300 + 1e300j))
print(complex(1e308, 1e308) * 2, (1 + 2j) * inf, 1j * nan, complex(inf, 0) * 0)
print(1j + 2**53, 1j * 10**20, 1j + True)

# Powers.
print(1j ** 2, 1j ** 3, 1j ** -1, (1 + 2j) ** 3, (1 + 2j) ** -3, (1 + 2j) ** 0)
print((1 + 2j) ** 101, (2 + 1j) ** 100, (1 + 1j) ** 0.5, 1j ** 0.5, 1j ** 1j)
print(2 ** (1 + 2j), 2.0 ** 1j, (1 + 1j) ** (1 - 1j), 0j ** 0, 0j ** 2, 0j ** 0.5)
print(complex(inf, 0) ** 2, complex(nan, 0) ** 2, (-8) ** (1 / 3), (1 + 0j) ** 1e300)
print(pow(2j, 2), pow(-1, 0.5), pow(-2.0, 1.5), (-8.0) ** (1 / 3), (-8) ** 0.5)
print((-8) ** -0.5, (-1.5) ** 2.5, (-2) ** 2.0, (-2.0) ** 3, type((-2.0) ** 2.0).__name__)
print((-0.5) ** -0.5, (-1e300) ** 0.5, (-inf) ** 0.5, 4 ** 0.5)
print(1e-300j ** 2, (1e-200 + 0j) ** 2, 10j ** -5)

# Augmented assignment and mixed chains.
z = 1 + 1j
z += 1
z *= 2j
z -= 0.5
z /= 2
z **= 2
print(z)
acc = 0
for k in range(1, 6):
    acc += k * 1j ** k
print(acc)
# Constant folding must give the same values as run time.
a, b = 1, 2j
print(1 + 2j == a + b, 2j * 2j, -2j ** 2, (1 + 2j) / (3 + 4j), 1 - 0j, -0j - 0)
print(repr(0.0 + 0j), repr(-0.0 + 0j), repr(0 - 0j), repr(-0.0 - 0j), repr(-(0j)))
