# Descriptors: property, staticmethod, classmethod, user descriptors, __set_name__,
# __getattr__ / __getattribute__ / __setattr__ / __delattr__.
def e(f):
    try:
        f()
    except Exception as x:
        print(type(x).__name__ + ":", x)

class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
    @x.deleter
    def x(self):
        print("deleting x")
    y = property(lambda self: "y")
    z = property()
p = P()
p.x = 5
print(p.x, P.x.__doc__, type(P.x).__name__, P.y.__doc__, P.x.fget.__name__)
del p.x
e(lambda: setattr(p, "y", 1))
e(lambda: delattr(p, "y"))
e(lambda: p.z)
q = property(lambda s: 1)
class Q:
    pass
Q.q = q
e(lambda: setattr(Q(), "q", 1))
e(lambda: property(1, 2, 3, 4, 5))

class S:
    @staticmethod
    def s(a, b=2):
        return a + b
    @classmethod
    def c(cls, a):
        return cls.__name__ + str(a)
    @classmethod
    def make(cls):
        return cls()
class S2(S):
    pass
print(S.s(1), S().s(1, 3), S.c(1), S().c(2), S2.c(3), type(S2.make()).__name__)
print(type(S.__dict__["s"]).__name__, type(S.__dict__["c"]).__name__, S.__dict__["s"].__func__ is S.s)
e(lambda: staticmethod())
e(lambda: classmethod(1, 2))
print(staticmethod(len)("abc"), classmethod(len).__func__ is len)

class D:
    def __set_name__(self, owner, name):
        self.name = name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return "class access"
        return obj.__dict__.get(self.name, "unset") + "!"
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value.upper()
    def __delete__(self, obj):
        print("delete", self.name)
class H:
    d = D()
h = H()
print(h.d, H.d)
h.d = "abc"
print(h.d, h.__dict__)
del h.d

class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class K:
    nd = NonData()
k = K()
print(k.nd)
k.nd = "from instance"
print(k.nd)

class G:
    a = 1
    def __getattr__(self, name):
        return name + "?"
g = G()
g.b = 2
print(g.a, g.b, g.c, getattr(g, "d"))

class GA:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("no " + name)
        return "ga:" + name
    def __getattr__(self, name):
        return "fallback:" + name
ga = GA()
print(ga.x, ga.secret)

class Log:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
lg = Log()
lg.v = 1
print(lg.v)
del lg.v
e(lambda: lg.v)

class Slots:
    def __init__(self):
        super().__setattr__("frozen", True)
    def __setattr__(self, name, value):
        raise AttributeError("frozen " + name)
e(lambda: setattr(Slots(), "x", 1))
print(Slots().frozen)
e(lambda: object.__setattr__(Slots, "x", 1))
e(lambda: object.__delattr__(Slots, "x"))
