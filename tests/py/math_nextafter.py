# math.nextafter and math.ulp (CPython 3.11 semantics).
import math


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


inf, nan = math.inf, math.nan
for x, y in ((1.0, 2.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, -1.0), (-0.0, 1.0),
             (0.0, -0.0), (-0.0, 0.0), (5e-324, 0.0), (-5e-324, 0.0), (1.7976931348623157e308, inf),
             (inf, 0.0), (-inf, 0.0), (inf, inf), (1.0, inf), (1.0, -inf), (2, 3), (True, 5),
             (1e300, 1e301), (-1.5, -2.0)):
    print(x, y, repr(math.nextafter(x, y)))
print(math.nextafter(nan, 1.0), math.nextafter(1.0, nan), math.nextafter(nan, nan))
print(math.copysign(1.0, math.nextafter(0.0, -0.0)), math.copysign(1.0, math.nextafter(-0.0, 0.0)))
show(lambda: math.nextafter(1.0))
show(lambda: math.nextafter(1.0, 2.0, 3.0))
show(lambda: math.nextafter('a', 1.0))
show(lambda: math.nextafter(1.0, None))
show(lambda: math.nextafter(10**400, 1.0))
for x in (1.0, -1.0, 0.0, -0.0, 2.0, 0.5, 1e300, 5e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, -1.7976931348623157e308, inf, -inf, 3, 10**20, True, 1e-310):
    print(x, repr(math.ulp(x)))
print(math.ulp(nan), math.ulp(1.0) == 2.0 ** -52, math.ulp(2.0 ** 52) == 1.0)
show(lambda: math.ulp())
show(lambda: math.ulp('x'))
show(lambda: math.ulp(1.0, 2.0))
show(lambda: math.ulp(10**400))
print(math.nextafter(1.0, 2.0) - 1.0 == math.ulp(1.0))
