# Position carets of 3.11 tracebacks for several expression shapes (stderr).
import sys

def run(label, f):
    try:
        f()
    except Exception as e:
        tb = e.__traceback__
        print(label, type(e).__name__, e)
        sys.excepthook(type(e), e, tb)

data = {"a": {"b": [1, 2]}}
run("subscript", lambda: data["a"]["c"])
run("nested-sub", lambda: data["a"]["b"][5])
run("binop-parens", lambda: (1 + 2) * (3 / 0))
run("attr-call", lambda: data.get("a").missing())
run("listcomp", lambda: [1 / x for x in [1, 0]])
def héllo(x):
    return "é" + x
run("unicode", lambda: héllo(1))
def multi():
    return (1 +
            None)
run("multi-line", multi)
def gen():
    yield 1
    raise ValueError("in generator")
run("generator", lambda: list(gen()))
def whole():
    raise KeyError("whole line")
run("whole-line", whole)
