# itertools: product, permutations, combinations and combinations_with_replacement:
# CPython 3.11's order, the counts, r/repeat edge cases and the argument errors.
from itertools import (product, permutations, combinations,
                       combinations_with_replacement as cwr, islice, count)


def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print(repr(r))


# product
p = product("ab", [1, 2])
print(type(p), iter(p) is p, list(p), list(p))
print(list(product("ab", repeat=2)), list(product()), list(product(repeat=3)))
print(list(product("ab", [], "cd")), list(product("xy", repeat=0)))
print(list(product(range(2), repeat=3)))
print(len(list(product("abc", "de", repeat=2))), list(product([1, 2], "ab", [True])))
gen = (i for i in range(3))
print(list(product(gen, gen)))         # inputs are read once, up front
t(lambda: product([1], repeat=-1))
t(lambda: product(1))
t(lambda: product(x=1))
t(lambda: product([1], repeat="a"))

# permutations
print(type(permutations("")), list(permutations("abc")), list(permutations("abc", 2)))
print(list(permutations(range(3), 0)), list(permutations("ab", 3)), list(permutations([])))
print(list(permutations("abcd", 2)), len(list(permutations(range(5)))))
print(list(permutations(iterable="ab", r=None)), list(permutations([1, 1])))
print(list(islice(permutations(range(6), 4), 3, 8)))
t(lambda: permutations([1], -1))
t(lambda: permutations([1], "a"))
t(lambda: permutations([1], 2.0))
t(lambda: permutations())
t(lambda: permutations(1))
t(lambda: permutations([1], 1, 2))

# combinations
c = combinations("abcd", 2)
print(type(c), iter(c) is c, list(c), list(c))
print(list(combinations(range(4), 3)), list(combinations("abc", 0)), list(combinations("ab", 3)))
print(list(combinations([], 0)), list(combinations([], 1)), list(combinations("abc", 3)))
print(len(list(combinations(range(10), 4))), list(combinations(r=1, iterable="xy")))
t(lambda: combinations([1], -1))
t(lambda: combinations([1]))
t(lambda: combinations([1], "a"))
t(lambda: combinations([1], 2.0))
t(lambda: combinations([1], 2, 3))
t(lambda: combinations([1], 2, r=3))
t(lambda: combinations(1, 2))

# combinations_with_replacement
print(type(cwr("", 1)), list(cwr("abc", 2)), list(cwr("ab", 3)), list(cwr("ab", 0)))
print(list(cwr([], 0)), list(cwr([], 2)), list(cwr(range(3), 1)))
print(len(list(cwr(range(5), 3))))
t(lambda: cwr([1], -1))
t(lambda: cwr([1]))
t(lambda: cwr([1], "a"))
t(lambda: cwr(1, 1))

# consistency between them, as the documentation describes
for n in range(4):
    for r in range(5):
        pool = range(n)
        a = [x for x in product(pool, repeat=r) if sorted(x) == list(x) and len(set(x)) == r]
        b = list(combinations(pool, r))
        c2 = [x for x in product(pool, repeat=r) if sorted(x) == list(x)]
        d = [x for x in product(pool, repeat=r) if len(set(x)) == r]
        print(n, r, a == b, c2 == list(cwr(pool, r)), d == list(permutations(pool, r)))
