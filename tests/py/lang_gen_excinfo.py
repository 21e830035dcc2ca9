# The exception being handled travels with a suspended generator: sys.exc_info() inside
# and outside, __context__ of exceptions raised after resuming.
import sys
def g():
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
it = g()
print(next(it), sys.exc_info()[0])
try:
    raise ValueError
except ValueError:
    print(next(it), sys.exc_info()[0])
print(next(it), sys.exc_info()[0])

def h():
    yield sys.exc_info()[0]
try:
    raise TypeError
except TypeError:
    print(next(h()))

def raiser():
    try:
        yield 1
    except KeyError:
        raise ValueError("v")
r = raiser()
next(r)
try:
    r.throw(KeyError("k"))
except ValueError as e:
    print(repr(e), repr(e.__context__))
def ctx():
    try:
        raise KeyError("a")
    except KeyError:
        yield 1
        raise ValueError("b")
c = ctx()
next(c)
try:
    next(c)
except ValueError as e:
    print(repr(e.__context__))
