# Classes, descriptors, scopes, try/finally/with flows, exceptions, math (issue 4 part 1)
class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Base.registry.append(cls.__name__)
    @classmethod
    def make(cls): return cls()
    def __repr__(self): return type(self).__name__ + "()"
class A(Base):
    @classmethod
    def make(cls):
        r = super().make()
        return ("A.make", r)
    @property
    def p(self): return "A.p"
class B(A):
    @property
    def p(self): return "B.p+" + super().p
print(Base.registry, A.make(), B.make(), B().p)
class D:
    def __set_name__(self, owner, name): self.name = owner.__name__ + "." + name
    def __get__(self, o, t): return self.name
class E:
    attr = D()
print(E.attr, E().attr)
class Scope:
    v = 10
    w = [v for _ in range(2)] if False else None
    try:
        z = [v for _ in range(1)]
    except NameError as e:
        err = str(e)
print(Scope.err)
def tf():
    for i in range(3):
        try:
            if i == 0: continue
            if i == 1: break
        finally:
            print("finally", i)
    try:
        return "try"
    finally:
        print("finally-return")
print(tf())
def tf2():
    try:
        return 1
    finally:
        return 2
print(tf2())
try:
    try:
        raise KeyError("k")
    except (TypeError, KeyError) as e:
        print("caught", repr(e))
        raise
except Exception as e2:
    print("reraised", repr(e2))
try:
    e2
except NameError as ne:
    print(ne)
try:
    raise
except RuntimeError as e:
    print(e)
def bare():
    try:
        1 / 0
    except:
        return "bare"
print(bare())
def fin_exc():
    try:
        raise ValueError("v")
    finally:
        print("cleanup")
try:
    fin_exc()
except ValueError as e:
    print("after finally", e)
class CM:
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return False
def with_ret():
    with CM():
        return "ret"
print(with_ret())
try:
    with CM():
        raise OSError("os")
except OSError as e:
    print(e)
print(issubclass(FileNotFoundError, OSError), OSError(2, "x").errno, str(KeyError("a")), str(KeyError()))
try:
    open("/nonexistent/zz")
except FileNotFoundError as e:
    print(e.errno, e.filename, e)
print([c.__name__ for c in type.mro(B)])
print(getattr(B, "__name__"), B.__qualname__, B.__module__, A.__dict__["make"].__class__.__name__)
x = 5
def outer():
    x = 1
    class Inner:
        y = x
    return Inner.y
print(outer())
import math
print(math.isclose(0.1 + 0.2, 0.3), math.gcd(12, 18), math.inf > 1e308, math.floor(-2.5), math.ceil(2.1))
print(type(math.floor(2.5)), math.sqrt(2), math.pi, math.e, math.log(math.e), math.log2(8), math.log10(1000))
