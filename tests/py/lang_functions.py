# Functions: defaults (evaluated once, at def time), *args, **kwargs, keyword-only,
# positional-only, decorators, annotations, docstrings, attributes, recursion.
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw

print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, z=9))
print(f(*[1, 2, 3], **{"c": 0, "y": 1}))

def pos(a, b, /, c):
    return a + b + c
print(pos(1, 2, c=3), pos(1, 2, 3))

calls = []
def make_default():
    calls.append(1)
    return []
def g(x, acc=make_default()):
    acc.append(x)
    return acc
g(1)
print(g(2), len(calls))

def deco(fn):
    def wrapper(*a, **k):
        return ("wrapped", fn(*a, **k))
    wrapper.inner = fn
    return wrapper

def tag(name):
    def apply(fn):
        fn.tag = name
        return fn
    return apply

@deco
@tag("t")
def h(x):
    "doc of h"
    return x * 2

print(h(21), h.inner.tag, h.inner.__doc__, h.__name__, h.inner.__qualname__)

def annotated(a: int, b: "str" = "x", *args: float, k: bool = True, **kw: dict) -> list:
    pass
print(annotated.__annotations__)
print(annotated.__defaults__, annotated.__kwdefaults__)

def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer.__name__, outer.__module__)

class K:
    def m(self):
        pass
    class N:
        def deep(self):
            pass
print(K.m.__qualname__, K.N.deep.__qualname__)

lam = lambda x, y=10: x + y
print(lam(1), lam(1, 2), lam.__name__)
print((lambda *a, **k: (a, k))(1, 2, z=3))

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30))

def nodoc():
    x = 1
print(nodoc.__doc__, nodoc() is None)

def counter():
    counter.calls = getattr(counter, "calls", 0) + 1
    return counter.calls
counter(); counter()
print(counter.calls, counter.__dict__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames)
