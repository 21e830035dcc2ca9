# enumerate, zip, map, filter, reversed, sorted, iter(callable, sentinel).
print(list(enumerate("abc")), list(enumerate("ab", 5)), list(enumerate([], start=2)))
print(list(zip()), list(zip([1, 2, 3], "ab")), list(zip(*[[1, 2], [3, 4]])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [1], [1, 2], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(lambda x: x * 2, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(str, range(3))))
print(list(filter(lambda x: x % 2, range(6))), list(filter(None, [0, "", "a", 3])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(list(reversed({"a": 1, "b": 2})))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), list(Seq()))
class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Rev())))
print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
print(sorted([(1, "b"), (0, "z"), (1, "a")]), sorted({3: 1, 1: 2}), sorted([], key=abs))
words = ["b", "A", "c", "B"]
print(sorted(words, key=str.lower), sorted(words, key=str.lower, reverse=True))
n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 4)))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, "end"))
m = map(len, ["aa", "b"])
print(iter(m) is m, list(m), list(m))
z = zip("ab", range(5))
print(type(z).__name__, type(e).__name__, type(m).__name__)
print(dict(zip("abc", range(3))), dict(enumerate("xy")))
print(max(map(len, ["a", "abc", "ab"])), sum(x * x for x in range(4)), any(c == "b" for c in "abc"))
