# Classes as the compiler builds them: metaclass keywords and starred bases, decorators,
# dunder dispatch from operators, generators over objects, comprehensions in class bodies.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["tag"] = kw.get("tag", "none")
        return super().__new__(mcls, name, bases, ns)
class Base(metaclass=Meta, tag="base"):
    pass
bases = (Base,)
class Child(*bases, tag="child"):
    def __init__(self):
        self.v = [x for x in range(3)]
print(Base.tag, Child.tag, type(Child).__name__, Child().v)

def deco(cls):
    cls.decorated = True
    return cls
@deco
class D:
    counter = 0
    def __init__(self):
        D.counter += 1
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def c(cls):
        return cls.__name__
    @property
    def p(self):
        return self.counter * 10
D(); d = D()
print(D.decorated, D.counter, D.s(4), D.c(), d.p)

class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __iter__(self):
        yield self.x
        yield self.y
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __len__(self):
        return 2
    def __bool__(self):
        return bool(self.x or self.y)
    def __call__(self, k):
        return self.x * k
    def __contains__(self, v):
        return v in (self.x, self.y)
a = Vec(1, 2)
b = a
a += Vec(10, 10)
print(a, b, a is b, a + a, a == Vec(11, 12), list(a), a[1], len(a), bool(Vec(0, 0)), a(3), 12 in a)
x, y = a
print(x, y, [*a], {*a}, max(a))

class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt
    def __iter__(self):
        n = self
        while n:
            yield n.v
            n = n.nxt
lst = None
for i in range(5):
    lst = Node(i, lst)
print(list(lst), sum(lst), sorted(lst, reverse=True))

def gen_pipeline(n):
    nums = (i for i in range(n))
    sq = (i * i for i in nums if i % 3)
    return [s for s in sq if s > 10]
print(gen_pipeline(12))

g = 10
def modify():
    global g
    g += 1
    del g
modify()
print("g" in globals())

class Acc:
    total = 0
    def add(self, *vals, scale=1, **named):
        for v in vals:
            self.total += v * scale
        for k, v in sorted(named.items()):
            self.total += v
        return self
print(Acc().add(1, 2, scale=10).add(k=5, j=1).total)

try:
    class Bad:
        x = undefined_thing
except NameError as e:
    print("NameError in class body:", e)

def kwonly(*, a, b=2):
    return a, b
print(kwonly(a=1), kwonly(b=3, a=4))
print((lambda: (yield))().__class__.__name__)
print([(lambda i=i: i)() for i in range(3)])
def outer(n):
    def inner():
        return [n * j for j in range(3)]
    return inner()
print(outer(5))
class WithClassVarComp:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
print(WithClassVarComp.doubled)
s = 0
for i, c in enumerate("abc", start=1):
    s += i * ord(c)
print(s)
print({i: [j for j in range(i)] for i in range(3) if i})
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in []), sum(x for x in range(5) if x & 1))
