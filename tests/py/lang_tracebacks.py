# Tracebacks of every kind through sys.excepthook (stderr): generators, comprehensions,
# class bodies, lambdas, cause/context/suppressed chains, multi-line calls, exec, compile
import sys
def show(fn):
    try:
        fn()
    except Exception:
        sys.excepthook(*sys.exc_info())
def gen():
    yield 1
    raise KeyError("in gen")
show(lambda: list(gen()))
show(lambda: [1 / x for x in [1, 0]])
def cls():
    class C:
        v = {}["missing"]
show(cls)
show(lambda: (lambda: int("x"))())
def chain():
    try:
        {}["a"]
    except KeyError as e:
        raise ValueError("second") from e
show(chain)
def ctx():
    try:
        [][1]
    except IndexError:
        None.attr
show(ctx)
def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("clean") from None
show(suppressed)
def multi(a,
          b):
    return (a +
            b)
show(lambda: multi(1,
                   "x"))
def nested_calls():
    return dict(a=1)["b"] + 1
show(nested_calls)
show(lambda: exec("def f():\n    return 1 / 0\nf()"))
show(lambda: compile("if x\n", "fake.py", "exec"))
