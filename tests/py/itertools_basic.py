# itertools: the infinite iterators, the ones that end on the shortest input, groupby,
# islice and tee, with CPython 3.11's types, reprs, laziness and argument errors.
import itertools
from itertools import (accumulate, chain, compress, count, cycle, dropwhile,
                       filterfalse, groupby, islice, pairwise, repeat, starmap,
                       takewhile, tee, zip_longest)


def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print(repr(r))


print(itertools.__name__, [n for n in dir(itertools) if not n.startswith("_")])

# count
c = count()
print(type(c), iter(c) is c, c, next(c), next(c), c)
print(repr(count(5)), repr(count(1, 2)), repr(count(0.5)), repr(count(1, 1.0)),
      repr(count(2 ** 70)), repr(count(1, -1)))
print(list(islice(count(10, 5), 4)), list(islice(count(0.5, 0.25), 3)))
print(list(islice(count(start=3, step=-1), 3)))
c = count(1, 2)
next(c)
print(c)
t(lambda: count("a"))
t(lambda: count(1, "a"))
t(lambda: count(1, 2, 3))
t(lambda: count(x=1))
t(lambda: count(1, start=3))
print(count(step=3), count(start=2, step=1))

# cycle
print(type(cycle("")), list(islice(cycle("abc"), 7)), list(cycle([])))
t(lambda: cycle(1))
t(lambda: cycle())
t(lambda: cycle([], x=1))


def gen(log, n):
    for i in range(n):
        log.append(i)
        yield i


log = []
cy = cycle(gen(log, 3))
print(next(cy), log)          # lazy: one element pulled
print(list(islice(cy, 6)), log)

# repeat
r = repeat("x", 3)
print(type(r), r, r.__length_hint__(), list(r), r, r.__length_hint__())
print(repeat(1), repeat(1, -3), list(repeat(1, -3)), repeat(object=None, times=2))
print(list(islice(repeat(7), 4)), list(map(pow, range(4), repeat(2))))
t(lambda: repeat())
t(lambda: repeat(1, "a"))
t(lambda: repeat(1).__length_hint__())
t(lambda: repeat(1, 2, 3))

# accumulate
print(type(accumulate([])), list(accumulate([1, 2, 3, 4])), list(accumulate([])))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([], initial=5)), list(accumulate("abc")))
print(list(accumulate([1, 2, 3], lambda a, b: a * b, initial=None)))
print(list(islice(accumulate(count(1)), 5)))
t(lambda: accumulate(1))
t(lambda: accumulate())
t(lambda: accumulate([1], None, 3))
t(lambda: accumulate([1], x=3))
print(list(accumulate(iterable=[1, 2], func=lambda a, b: a - b, initial=0)))
t(lambda: list(accumulate([1, "a"])))

# chain and chain.from_iterable
ch = chain("ab", [1, 2], ())
print(type(ch), iter(ch) is ch, list(ch), list(ch), list(chain()))
print(list(chain.from_iterable(["ab", "cd", []])), type(chain.from_iterable([])))
print(list(islice(chain.from_iterable(repeat("xy")), 5)))
bad = chain([1], 2)       # a source becomes an iterator only when reached
print(next(bad))
t(lambda: next(bad))
t(lambda: chain(x=1))

# compress
print(type(compress("", "")), list(compress("abcdef", [1, 0, 1, 0, 1, 1])),
      list(compress("abc", [1])), list(compress(count(), [0, 1, 1, 0, 1])))
t(lambda: compress([1]))
t(lambda: compress(1, [1]))

# dropwhile, takewhile, filterfalse
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])), list(dropwhile(bool, [])))
print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(bool, [])))
print(list(takewhile(lambda x: x < 4, count())))
print(list(filterfalse(None, [0, 1, "", "a", None])), list(filterfalse(lambda x: x % 2, range(7))))
t(lambda: dropwhile(1))
t(lambda: next(dropwhile(1, [1])))
t(lambda: takewhile(bool))
t(lambda: filterfalse(None))
t(lambda: filterfalse(None, 3))
t(lambda: takewhile(bool, [1], x=1))

# starmap, pairwise
print(list(starmap(pow, [(2, 3), (3, 2), (10, 0)])), list(starmap(max, ["ab", "zy"])))
print(list(pairwise("abcde")), list(pairwise("a")), list(pairwise([])))
print(list(islice(pairwise(count()), 3)), type(pairwise("")))
t(lambda: starmap(1))
t(lambda: starmap(pow, 1))
t(lambda: next(starmap(pow, [1])))
t(lambda: pairwise(1))

# zip_longest
print(list(zip_longest("ab", "xyz", [1])))
print(list(zip_longest("ab", "xyz", fillvalue="-")), list(zip_longest()), list(zip_longest("ab")))
print(list(zip_longest([], [])), list(islice(zip_longest(count(), "ab"), 4)))
t(lambda: zip_longest([1], x=1))
t(lambda: zip_longest(1))

# groupby
for k, g in groupby("aaabccdd"):
    print(k, list(g))
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5, 7, 6], key=lambda x: x % 2)])
print([(k, list(g)) for k, g in groupby([])])
print([k for k, g in groupby("aabbbcaa")])
gb = groupby("aabbc")
print(type(gb), iter(gb) is gb)
groups = list(groupby("aabbcc"))
print([(k, list(g)) for k, g in groups])      # groups invalidated by advancing
gb = groupby("aaabb")
k, g = next(gb)
print(k, next(g))
k2, g2 = next(gb)
print(k2, list(g), list(g2))
gb = groupby("aab")
k, g = next(gb)
print(list(g), list(g), next(gb)[0])
print(list(islice(groupby(cycle("aab")), 0, 4)) and [k for k, g in islice(groupby(cycle("aab")), 5)])
t(lambda: groupby(1))
t(lambda: groupby())
t(lambda: groupby([], k=1))
t(lambda: groupby([1], 1, 2))
t(lambda: list(groupby([1, 2], key=1)))

# islice
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 4)), list(islice("abcdefg", 2, None)))
print(list(islice("abcdefg", 0, None, 2)), list(islice("abcdefg", None)), list(islice("abc", None, None)))
print(list(islice("abcdefg", 1, 6, 2)), list(islice("abc", 5)), list(islice("abc", 2, 1)))
it = iter(range(10))
print(list(islice(it, 5, 2)), list(it))       # still consumes up to start
it = iter(range(10))
print(list(islice(it, 1, 6, 3)), list(it))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
print(list(islice(count(), 3, 20, 5)), type(islice("", 1)))
t(lambda: islice([1]))
t(lambda: islice())
t(lambda: islice([1], -1))
t(lambda: islice([1], "a"))
t(lambda: islice([1], 1.5))
t(lambda: islice([1], -1, 2))
t(lambda: islice([1], 1, -2))
t(lambda: islice([1], 1, 2, 0))
t(lambda: islice([1], 1, 2, -1))
t(lambda: islice([1], 1, 2, 3, 4))
t(lambda: islice(1, 2))
t(lambda: list(islice([1, 2, 3], True, None)))
t(lambda: islice([1], -2))
t(lambda: islice([1], "a", 2))
t(lambda: islice([1], 1, 2, "a"))
t(lambda: list(islice("abc", 2 ** 70)))
t(lambda: list(islice("abcdef", None, None, 2 ** 70)))

# tee
a, b = tee([1, 2, 3])
print(type(a), iter(a) is a, next(a), list(b), list(a))
a, b, c = tee(range(5), 3)
print(next(a), next(a), list(b), list(a), list(c), list(c))
print(tee("abc", 0), len(tee("abc", 1)), list(tee("abc", 1)[0]))
a, b = tee(count())
print(next(a), next(a), next(a), next(b), list(islice(b, 3)))
a, b = tee("xyz")
c, d = tee(a)
print(c is a, list(c), list(d), list(b))
log = []
a, b = tee(gen(log, 4))
print(next(a), log, next(b), log)
t(lambda: tee([1], -1))
t(lambda: tee([1], "a"))
t(lambda: tee(1))
t(lambda: tee())
t(lambda: tee([], 2, 3))
t(lambda: tee([], n=2))
