# Generators: next/send/throw/close, return value, yield from, generator expressions,
# finally on close and on deletion, error messages.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(4)), sum(count(100)))

def echo():
    got = yield "ready"
    while True:
        got = yield "got " + repr(got)
g = echo()
print(next(g), g.send(1), g.send("two"))

def with_return():
    yield 1
    return "done"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value, e.args)

def inner():
    x = yield "i1"
    yield "i2 " + str(x)
    return "inner result"
def outer():
    r = yield from inner()
    yield "outer got " + r
    yield from [10, 20]
g = outer()
print(next(g), g.send("sent"), next(g), next(g), next(g))

def catcher():
    while True:
        try:
            yield "waiting"
        except KeyError as e:
            yield "caught " + repr(e)
g = catcher()
print(next(g), g.throw(KeyError("k")), next(g))

def delegating():
    yield from catcher()
g = delegating()
print(next(g), g.throw(KeyError, KeyError("d")))

log = []
def closer():
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")
g = closer()
next(g)
g.close()
print(log, g.close())
g = closer()
next(g)
del g
print(log)

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def selfish():
    yield g2.send(None)
g2 = selfish()
try:
    next(g2)
except ValueError as e:
    print("ValueError:", e)

def fresh():
    yield 1
try:
    fresh().send(5)
except TypeError as e:
    print("TypeError:", e)

def leaky():
    raise StopIteration("x")
    yield
try:
    next(leaky())
except RuntimeError as e:
    print("RuntimeError:", e, repr(e.__cause__))

gen = (x * x for x in range(5) if x % 2)
print(type(gen).__name__, list(gen), list(gen))
print(sum(x for x in range(10)), max((len(w), w) for w in "a bb ccc".split()))

def state():
    yield 1
s = state()
print(s.gi_running, s.gi_frame is not None, s.gi_code.co_name)
list(s)
print(s.gi_frame)
print(repr(count(1)).split(" at ")[0])

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
