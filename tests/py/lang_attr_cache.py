# The eval loop caches attribute lookups per class version (objects/attrcache.h): every
# change that CPython would see must be seen, however the class or instance changed.
class Base:
    kind = "base"
    def hello(self):
        return "Base.hello"

class Point(Base):
    scale = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return abs(self.x) + abs(self.y)

def read(p):
    return (p.x, p.y, p.scale, p.kind, p.hello(), p.norm())

def write(p, v):
    p.x = v
    return p.x

p = Point(1, -2)
for _ in range(3):
    print(read(p), write(p, 5))

# Class attributes and methods change after the sites warmed up.
Point.scale = 3
Base.kind = "changed"
Base.hello = lambda self: "new Base.hello"
print(read(p))
Point.hello = lambda self: "Point.hello"
print(read(p))
del Point.hello
print(read(p))

# Instance attributes shadow class attributes and methods.
p.scale = 10
p.hello = lambda: "instance hello"
print(read(p))
del p.scale
del p.hello
print(read(p))

# A data descriptor added later wins over the instance's value.
Point.x = property(lambda self: -100, lambda self, v: print("setter", v))
print(read(p), write(p, 7))
del Point.x
print(read(p), write(p, 8))

# The instance's __dict__ made real, replaced, then read and written.
d = vars(p)
d["y"] = 99
print(read(p), write(p, 9))
p.__dict__ = {"x": 1, "y": 2}
print(read(p), write(p, 3))

# __class__ assignment.
class Other(Base):
    scale = "other scale"
    def norm(self):
        return "Other.norm"
p.__class__ = Other
print(read(p))
p.__class__ = Point

# Sites that see several classes.
class A:
    def __init__(self): self.x, self.y = 1, 2
    scale = kind = "A"
    def hello(self): return "A.hello"
    def norm(self): return "A.norm"
for o in [p, A(), p, A(), Point(4, 4)]:
    print(read(o), write(o, 0))

# __getattr__ / __getattribute__ / __setattr__ added after warming up.
Point.__getattr__ = lambda self, name: "fallback " + name
print(p.missing, read(p))
del Point.__getattr__
try:
    p.missing
except AttributeError as e:
    print("AttributeError", e)
Point.__getattribute__ = lambda self, name: "everything is " + name
print(p.x, p.scale)
del Point.__getattribute__
Point.__setattr__ = lambda self, name, v: print("setattr", name, v)
write(p, 42)
del Point.__setattr__
print(write(p, 43))

# Deleted attributes, re-set in another order, many attributes (a real dict).
q = Point(1, 2)
del q.x
try:
    q.x
except AttributeError as e:
    print("AttributeError", e)
q.x = 11
print(read(q))
r = Point(0, 0)
for i in range(40):
    setattr(r, "a%d" % i, i)
print(read(r), r.a39, write(r, 12))

# __slots__ members.
class S:
    __slots__ = ("x", "y")
    scale = 1
    kind = "S"
    def __init__(self): self.x = 1
    def hello(self): return "S.hello"
    def norm(self): return "S.norm"
s = S()
try:
    read(s)
except AttributeError as e:
    print("AttributeError", e)
s.y = 2
print(read(s), write(s, 6))
try:
    s.z = 1
except AttributeError as e:
    print("AttributeError", e)

# A descriptor whose __get__ changes the class while the lookup runs.
class Sneaky:
    def __get__(self, obj, owner):
        owner.other = "set during get"
        return "sneaky"
class C:
    attr = Sneaky()
c = C()
for _ in range(3):
    print(c.attr, getattr(c, "other", None))

# Classes made in a loop (each new class changes the type epoch).
for i in range(3):
    K = type("K%d" % i, (Point,), {"scale": i})
    print(read(K(i, i)))
