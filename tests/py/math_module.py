# The math module: values, exact integer functions and CPython's errors.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.floor(-0.5))
print(math.floor(10**20), math.fabs(-3), math.factorial(20), math.factorial(0))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(), math.gcd(2**70, 2**65 * 3), math.lcm(4, 6, 10), math.lcm())
print(math.isqrt(99), math.isqrt(10**40), math.comb(10, 3), math.comb(5, 7), math.perm(5), math.perm(5, 2))
print(math.log(math.e), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(0.001), math.log(2**2000))
print(math.exp(0), math.exp(1), math.pow(2, 0.5), math.pow(2, 10), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1), math.atan2(1, -1))
print(math.degrees(math.pi / 2), math.radians(180), math.copysign(3, -0.0), math.fmod(7, -3), math.fmod(-7.5, 2))
print(math.modf(3.25), math.modf(-2.5), math.frexp(12.0), math.ldexp(0.75, 4), math.remainder(7, 4))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.isnan(1.0))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2], start=2), math.dist((0, 0), (3, 4)))
print(math.cbrt(8), math.exp2(10), math.expm1(0), math.log1p(0), math.gamma(5), math.erf(0))
print(type(math.floor(1.5)).__name__, type(math.sqrt(4)).__name__, math.floor(True))
tests = ["math.sqrt(-1)", "math.log(0)", "math.log(-2.0)", "math.exp(1000)", "math.factorial(-1)",
         "math.factorial(2.5)", "math.isqrt(-4)", "math.pow(0, -1)", "math.fmod(1, 0)",
         "math.ldexp(1.0, 5000)", "math.comb(-1, 2)", "math.comb(3, -1)", "math.acos(2)",
         "math.floor(float('inf'))", "math.ceil(float('nan'))", "math.sqrt('x')",
         "math.isclose(1, 2, rel_tol=-1)", "math.log(1, 1)", "math.gamma(0)", "math.fsum([math.inf, -math.inf])"]
for t in tests:
    try:
        print(t, eval(t))
    except Exception as e:
        print(t, type(e).__name__ + ":", e)
