# The match statement (PEP 634): every pattern kind, guards, binding rules, the soft
# keywords as ordinary names, and the run-time errors of class and mapping patterns.

def lit(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case -2-3j:
            return "complex"
        case 4+0j:
            return "four+0j"
        case "a" "b":
            return "ab"
        case b"raw":
            return "bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case _:
            return "other"

for v in [0, 0.0, -1, 1.5, -2-3j, 4, "ab", b"raw", None, True, 1, False, "x", 2]:
    print("lit", repr(v), lit(v))

# Singletons compare by identity, values by ==.
match 1:
    case True:
        print("1 is True?")
    case 1.0:
        print("1 == 1.0")

class Color:
    RED = "red"
    GREEN = "green"
    class Inner:
        BLUE = "blue"

def value(c):
    match c:
        case Color.RED:
            return "R"
        case Color.GREEN | Color.Inner.BLUE:
            return "G or B"
    return "no case"

for c in ["red", "green", "blue", "pink"]:
    print("value", c, value(c))

def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return ("one", a)
        case [a, b]:
            return ("two", a, b)
        case (a, b, *rest) if not rest:
            return "unreachable"
        case [first, *_, last] if first == last:
            return ("same ends", first)
        case [first, *middle, last]:
            return ("ends", first, middle, last)
    return "not a sequence"

for v in [[], (), [1], (1, 2), range(3), [1, 2, 1], (1, 2, 3, 4), "abc", b"ab",
          bytearray(b"xy"), {1: 2}, {1, 2}, 7]:
    print("seq", repr(v), seq(v))
print("seq iterator", seq(iter([1, 2])))

class MyList(list):
    pass

class MyTuple(tuple):
    pass

print("seq subclass", seq(MyList([5, 6])), seq(MyTuple((7,))))

def star(x):
    match x:
        case [*_]:
            return "any sequence"

print("star", star([]), star(range(0)), star("s"))

def star_positions(x):
    match x:
        case [a, *_, b, c]:
            return (a, b, c)
        case [*_, z]:
            return ("last", z)

print(star_positions([1, 2, 3, 4, 5]), star_positions(range(10)), star_positions([9]))
print(star_positions((1, 2, 3)))

def mapping(x):
    match x:
        case {"kind": "point", "x": px, "y": py}:
            return ("point", px, py)
        case {"kind": "circle", **rest}:
            return ("circle", sorted(rest.items()))
        case {Color.RED: v}:
            return ("red", v)
        case {}:
            return "some mapping"
    return "not a mapping"

for v in [{"kind": "point", "x": 1, "y": 2, "z": 3}, {"kind": "circle", "r": 5, "c": (0, 0)},
          {"red": 1}, {}, {"kind": "square"}, [("kind", "point")], "kind"]:
    print("mapping", v, mapping(v))

class D(dict):
    def get(self, key, default=None):
        print("  D.get", key)
        return dict.get(self, key, default)

print("mapping subclass", mapping(D(kind="circle", r=1)))

class Missing(dict):
    def __missing__(self, key):
        return "from __missing__"

match Missing(a=1):
    case {"b": b}:
        print("__missing__ used?", b)
    case {"a": a}:
        print("no __missing__:", a)

match {"a": 1, "b": 2}:
    case {"a": 1, **rest}:
        print("rest", rest, type(rest).__name__)

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z=0):
            return ("flat 3d", x, y)
        case Point(x=0, y=yy):
            return ("on y axis", yy)
        case Point(xx, 0):
            return ("on x axis", xx)
        case Point(x, y) if x == y:
            return ("diagonal", x)
        case Point():
            return "a point"
        case object(missing=1):
            return "has missing"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 4), Point(3, 0), Point(2, 2), Point(1, 2), Point3(1, 2, 0),
          Point3(1, 2, 3), 5]:
    print("where", where(p))

# Built-in classes match themselves with one positional sub-pattern.
def builtin(x):
    match x:
        case bool(b):
            return ("bool", b)
        case int(i):
            return ("int", i)
        case float(f):
            return ("float", f)
        case str(s):
            return ("str", s)
        case bytes(b):
            return ("bytes", b)
        case bytearray(b):
            return ("bytearray", b)
        case list(l):
            return ("list", l)
        case tuple(t):
            return ("tuple", t)
        case dict(d):
            return ("dict", d)
        case set(s):
            return ("set", sorted(s))
        case frozenset(s):
            return ("frozenset", sorted(s))
        case complex():
            return ("complex", x)
    return "?"

class MyInt(int):
    pass

for v in [True, 3, 2.5, "s", b"b", bytearray(b"ba"), [1], (2,), {3: 4}, {5}, frozenset({6}),
          1j, MyInt(7)]:
    print("builtin", repr(v), builtin(v))

# OR patterns bind the same names in any order; AS patterns.
def orp(x):
    match x:
        case (a, 1) | (1, a):
            return ("pair with 1", a)
        case [a, b] | {"a": a, "b": b}:
            return ("a b", a, b)
        case (0 | 1 | 2) as small:
            return ("small", small)
        case [(1 | 2) as y, *rest] as whole:
            return ("starts 1 or 2", y, rest, whole)
        case str() | bytes() as s:
            return ("text", s)
    return "no"

for v in [(5, 1), (1, 6), [7, 8], {"a": 1, "b": 2}, 0, 2, [2, 3, 4], "t", b"u", 9]:
    print("or", repr(v), orp(v))

# Captures are bound only when the whole pattern matches; a failed guard keeps them.
z = "unset"
match [1, 2]:
    case [z, 3]:
        pass
    case _:
        print("after failed case, z =", z)
match [1, 2]:
    case [w, 2] if w > 5:
        pass
    case _:
        print("after failed guard, w =", w)

# Names in the guard see the bindings; the guard may have side effects.
def check(v, log):
    log.append(v)
    return v > 1

log = []
for item in [1, 2, 3]:
    match item:
        case n if check(n, log):
            print("guarded", n)
        case n:
            print("fallback", n)
print("guard calls", log)

# The subject is evaluated once; tuples of subjects.
def subject():
    print("subject evaluated")
    return (1, 2)

match subject():
    case (1, 3):
        print("no")
    case (1, b):
        print("b =", b)

match 1, 2:
    case a, b:
        print("tuple subject", a, b)

# Nested patterns.
def nested(x):
    match x:
        case {"items": [Point(x=0, y=y1), *others], "name": str(name)}:
            return (name, y1, len(others))
        case [[a, b], [c, d]]:
            return a + b + c + d
    return None

print(nested({"items": [Point(0, 9), Point(1, 1)], "name": "n"}), nested([[1, 2], (3, 4)]))
print(nested({"items": [Point(1, 9)], "name": "n"}), nested([[1, 2], [3]]))

# match and case stay ordinary names.
match = [1, 2]
case = {"k": 3}
print(match[0], case["k"])
match.append(3)
print(match, len(match))
def match_(*a):
    return a
match = match_
print(match(1, 2))
case = 5
print(-case)
_ = "underscore"
print(_)

# In functions, loops and with break/continue/return inside cases.
def classify(items):
    out = []
    for it in items:
        match it:
            case "stop":
                break
            case "skip":
                continue
            case int(n) if n < 0:
                return out + ["negative"]
            case _:
                out.append(it)
    return out

print(classify([1, "skip", 2, "stop", 3]), classify([1, -1, 2]))

# Closures see captured names.
def outer(v):
    match v:
        case [x, y]:
            pass
    return lambda: (x, y)

print(outer([4, 5])())

# Run-time errors.
def err(subject, f):
    try:
        f(subject)
    except Exception as e:
        print(type(e).__name__ + ":", e)

class NotTupleArgs:
    __match_args__ = ["a"]

class BadArgs:
    __match_args__ = (1,)

class Twice:
    __match_args__ = ("a", "a")
    a = 1

def m1(s):
    match s:
        case NotTupleArgs(x):
            pass

def m2(s):
    match s:
        case BadArgs(x):
            pass

def m3(s):
    match s:
        case Twice(x, y):
            pass

def m4(s):
    match s:
        case Twice(x, a=3):
            pass

def m5(s):
    match s:
        case Point(1, 2, 3):
            pass

def m6(s):
    match s:
        case int(a, b):
            pass

not_a_class = len
def m7(s):
    match s:
        case not_a_class():
            pass

def m8(s):
    match s:
        case {Color.RED: 1, Color.RED: 2}:
            pass

class Boom:
    @property
    def bad(self):
        raise KeyError("from property")

def m9(s):
    match s:
        case Boom(bad=1):
            pass

def m10(s):
    match s:
        case Boom(nothing=1):
            print("not reached")
        case _:
            print("missing attribute: no match")

def m11(s):
    match s:
        case [x] if x.nope:
            pass

print("errors:")
err(NotTupleArgs(), m1)
err(BadArgs(), m2)
err(Twice(), m3)
err(Twice(), m4)
err(Point(1, 2), m5)
err(5, m6)
err(5, m7)
err({"red": 1}, m8)
err(Boom(), m9)
err(Boom(), m10)
err([1], m11)
err(1, m1)   # isinstance fails first: no error
print("done")

# A class's __dict__ (a mappingproxy) is a mapping too.
class WithAttrs:
    x = 1

match WithAttrs.__dict__:
    case {"x": v, **rest}:
        print("mappingproxy", v, type(rest).__name__)
