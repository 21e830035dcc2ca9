# Operators and precedence (issue 4 part 1: expressions)
print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 // 2, 7 % 3, 2 ** 10, -7 // 2, -7 % 3, 7 % -3, -2 ** 2)
print(7.5 // 2, -7.5 % 2, 2 ** -1, 2 ** 0.5, (-8) ** 2, 10 ** 20, 3 * 2 ** 3 + 1)
print(6 & 3, 6 | 3, 6 ^ 3, ~6, 1 << 70, -256 >> 4, True & False, True | 2)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, 1 == 1.0, 1 != 1, 2 <= 2 >= 1, "a" < "b" <= "b")
print([1, 2] < [1, 3], (1, 2) == (1, 2), {1: 2} == {1: 2}, {1} < {1, 2}, None is None)
print(1 in [1, 2], 3 not in (1, 2), "ab" in "cabd", 2 in {2: 0}, None is not None)
print(not 0, not [], 0 or "x", 1 and 2, 0 and 1 / 0, 1 or 1 / 0, not 1 == 2)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 2 * 3 % 4, -3 ** 2, not 1 + 1 == 2, 1 | 2 ^ 3 & 4)
print(1 + 2 << 1, 1 < 2 and 2 < 3 or False, "a" if 0 else "b" if 1 else "c")
print(+5, -(-5), +-+1, ~~3, -True, abs(-3.5))
print("ab" * 3, 3 * [0], [1] + [2], (1,) + (2,), "a" + "b", b"x" * 2)
s = "hello world"
l = list(range(10))
print(s[0], s[-1], s[1:4], s[:3], s[6:], s[::2], s[::-1], s[-3:], s[1:-1:3], s[100:])
print(l[2:8:2], l[::-3], l[-2:], l[5:2], l[5:2:-1], l[slice(1, 3)], l[:])
class A:
    x = 1
    def m(self, k=2): return self.x + k
a = A()
print(a.x, a.m(), a.m(k=5), A.m(a), A().m(3), getattr(a, "x"), a.m.__self__ is a)
print((lambda: 1)(), (lambda x, y=2: x * y)(3), (lambda *a, **k: (a, k))(1, b=2))
sq = lambda n: n * n
print(list(map(sq, range(4))), sorted([3, 1, 2], key=lambda v: -v))
print([i * i for i in range(5) if i % 2], {i: i * 2 for i in range(3)}, sorted({c for c in "abca"}))
print([(i, j) for i in range(3) for j in range(i)], [[j for j in range(i)] for i in range(3)])
g = (i + 1 for i in range(3))
print(next(g), list(g), sum(x * x for x in range(4)))
i = "outer"
print([i for i in range(2)], i)
print(1 if [] else 2, [] or {} or 0 or "last")
x = 5
print(0 < x < 10 != 11, x is not None is not a)
print(divmod(7, -2), divmod(-7.5, 2), pow(3, 4, 5), round(2.5), round(3.5), round(2.675, 2))
print(7 // 0.5, 1e308 * 10, -(2 ** 63), 2 ** 64 - 1, (-2) ** 63, 5 % 0.3)
for expr in ["1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "2 ** -1 % 0", "'a' + 1", "1 + 'a'",
             "[] - []", "-'a'", "~1.5", "1 << -1", "'a' * 'b'", "None < 1", "[1] < ['a']",
             "{} < {}", "1 in 5", "'a' in 5", "len(5)", "(1).x", "[][0]", "{}['k']",
             "''.join([1])", "int('x')", "[1, 2].index(5)", "{1}.remove(2)", "1 .__foo__"]:
    try:
        print(eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__ + ":", e)
