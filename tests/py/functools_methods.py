# functools: partial's read-only fields and state, reduce's argument errors,
# partialmethod, singledispatchmethod.
from functools import partial, partialmethod, reduce
import functools
def show_exc(fn, *a, **k):
    try:
        fn(*a, **k)
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("no exception")
p = partial(max, 1)
show_exc(setattr, p, "func", min)
show_exc(setattr, p, "args", ())
show_exc(delattr, p, "keywords")
print(p.func, p.args, p.keywords)
print(partial.func.__doc__ if hasattr(partial.func, "__doc__") else None)
show_exc(reduce, len)
show_exc(reduce, len, [], 1, 2)
show_exc(reduce, lambda a, b: a, [], initial=1)
print(p.__reduce__())
q = partial(print)
q.__setstate__((max, (5,), {"key": abs}, {"tag": 2}))
print(q.func, q.args, q.keywords == {"key": abs}, q.tag, q(-7))
show_exc(q.__setstate__, (max,))
show_exc(q.__setstate__, [])
show_exc(q.__setstate__, (1, (), None, None))

class Cell:
    def __init__(self):
        self._alive = False
    def set_state(self, state, note=""):
        self._alive = bool(state)
        return note
    set_alive = partialmethod(set_state, True, note="up")
    set_dead = partialmethod(set_state, False)
    @classmethod
    def make(cls, a, b):
        return (cls.__name__, a, b)
    make_one = partialmethod(make, 1)
c = Cell()
print(c.set_alive(), c._alive, c.set_dead(), c._alive)
print(Cell.make_one(2), c.make_one(3))
print(repr(Cell.__dict__["set_dead"]).startswith("functools.partialmethod(<function Cell.set_state at 0x"))
pm = partialmethod(partialmethod(Cell.set_state, 1), note="n")
print(pm.args, pm.keywords)
print(Cell.set_alive(c), c._alive)
show_exc(partialmethod, 5)
print("partialmethod" in functools.__all__)

from functools import singledispatchmethod
class Neg:
    @singledispatchmethod
    def neg(self, arg):
        raise NotImplementedError("Cannot negate a " + type(arg).__name__)
    @neg.register
    def _(self, arg: int):
        return -arg
    @neg.register(bool)
    def _(self, arg):
        return not arg
    @singledispatchmethod
    @classmethod
    def kind(cls, arg):
        return cls.__name__ + ":other"
    @kind.register(str)
    @classmethod
    def _(cls, arg):
        return cls.__name__ + ":str"
n = Neg()
print(n.neg(3), n.neg(True), Neg.kind("x"), Neg.kind(1), n.kind("y"))
show_exc(n.neg, 1.5)
print(n.neg.__name__)
show_exc(singledispatchmethod, 3)
