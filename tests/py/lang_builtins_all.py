# Every builtin of issue 4 part 1, at least once, checked against python3
import sys
print("a", "b", sep="", end="|\n")
print("to stderr", file=sys.stderr, flush=True)
print(len("abc"), len([1]), len({}), list(range(2, 10, 3)), range(5)[-1], len(range(0, 10, 3)))
print(type(id(1)).__name__, id(len) == id(len), type(1), type("x").__name__)
T = type("T", (object,), {"v": 5, "get": lambda self: self.v})
print(T.__name__, T().get(), isinstance(T(), T), issubclass(T, object), issubclass(bool, (str, int)))
print(isinstance(1, (str, int)), isinstance(True, int), issubclass(int, int))
print(hash(1) == hash(1.0), hash("a") == hash("a"), hash(()) == hash(()), hash(-1), hash(True))
print(repr("x"), str(5), str(b"b"), int("12"), int(3.9), int("ff", 16), int(), float("2.5"), float(3))
print(bool(0), bool([0]), bool(""), bytes(3), bytes("hé", "utf-8"), list("ab"), tuple([1, 2]))
print(dict(a=1), dict([(1, 2)]), dict({3: 4}, b=5), sorted(set([3, 1, 3])), sorted(frozenset("aba")))
print(type(object()).__name__, object.__name__)
class Base:
    def hi(self): return "base"
class Kid(Base):
    def hi(self): return "kid+" + super().hi() + "+" + super(Kid, self).hi()
print(Kid().hi())
class Bag: pass
bag = Bag()
setattr(bag, "x", 1)
print(getattr(bag, "x"), getattr(bag, "y", "dflt"), hasattr(bag, "x"), hasattr(bag, "y"))
delattr(bag, "x")
print(hasattr(bag, "x"), vars(bag))
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
print(list(iter(lambda: 1, 1)), list(enumerate("ab", 1)), list(zip("ab", [1, 2, 3])))
print(list(map(lambda a, b: a + b, [1, 2], [10, 20])), list(filter(None, [0, 1, "", "x"])))
print(list(filter(lambda v: v > 1, [1, 2, 3])), sorted("bca", reverse=True), list(reversed([1, 2, 3])))
print(min(3, 1, 2), max([3, 1, 2]), min("bca", key=ord), max([], default=0), min([4], default=0))
print(sum([1, 2, 3]), sum([[1], [2]], []), sum(range(5), 10), sum([0.1] * 10))
print(abs(-5), abs(-2.5), any([0, 1]), any([]), all([1, 1]), all([]), all([1, 0]))
print(divmod(17, 5), pow(2, 10), pow(2, -1), pow(7, -1, 5), round(1.23456, 2), round(-0.5), round(15, -1))
print(hex(255), hex(-1), oct(8), bin(5), bin(-5), chr(65), chr(0x1F600), ord("A"), ord("é"))
print(callable(len), callable(1), callable(Base), callable(Base().hi))
print(sorted(vars(Bag).keys())[:3], "Bag" in dir(), dir(bag) == sorted(dir(bag)))
def locs():
    a = 1
    b = 2
    return sorted(locals().items())
print(locs(), "locs" in globals(), globals()["__name__"])
print(format(3.14159, ".2f"), format(42, "08b"), format("x", ">3"), format(5), format(1e6, ","))
print(eval("1 + 2"), eval("a * 2", {"a": 4}), eval("b", {}, {"b": 7}))
ns = {}
exec("def f(x): return x + 1\ny = f(1)", ns)
print(ns["y"], exec("z = 3") is None, z)
mod = __import__("math")
print(mod.sqrt(9), __import__("sys") is sys)
Built = __build_class__(lambda: None, "Built")
print(Built.__name__, type(Built).__name__)

print(repr(input.__name__), open.__name__)
print(ascii("é"), repr(1.0), str(-0.0), 1e22, 1.5e-10, float("inf"), float("-nan"))
print(int("-0b101", 0), int("  7  "), int("1" * 30), float(".5"), float("1e3"))
print(isinstance(range, type), type(None).__name__, type(print).__name__, type(Base.hi).__name__)
print(type(Base().hi).__name__, type([].append).__name__, type(len).__name__)
for bad in ["len()", "len(1, 2)", "int('1.5')", "chr(-1)", "ord('ab')", "min()", "max([])",
            "iter(5)", "next(iter([]))", "sorted(1)", "getattr(1, 'zz')", "hash([])",
            "divmod(1, 0)", "round('x')", "sum(['a'], '')", "abs('x')", "setattr(1, 'a', 2)",
            "type('a', 'b')", "issubclass(1, int)", "isinstance(1, 2)", "pow(2, 3, 0)",
            "format(1, 'z')", "bytes(-1)", "float('x')", "dict(1)", "list(1)", "zip(1)",
            "vars(1)", "chr(0x110000)", "int('10', 1)", "super()"]:
    try:
        print(bad, "->", eval(bad))
    except Exception as e:
        print(bad, "->", type(e).__name__ + ":", e)
