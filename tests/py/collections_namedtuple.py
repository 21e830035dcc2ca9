# collections.namedtuple: the generated tuple subclass and the factory's checks.
from collections import namedtuple

def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1], len(p), tuple(p), isinstance(p, tuple))
print(Point(x=3, y=4), Point(5, y=6), p == (1, 2), hash(p) == hash((1, 2)))
print(Point._fields, Point._field_defaults, Point.__name__, Point.__doc__)
print(Point._make([7, 8]), Point._make(iter('ab')))
print(p._asdict(), p._replace(y=9), p)
print(Point.x.__doc__, Point.__new__.__doc__, Point.__match_args__)
print(Point.__module__, Point.__new__.__qualname__)
x, y = p; print(x + y, p + (3,), p * 2, p[::-1], p.count(1), p.index(2))
err(lambda: Point(1))
err(lambda: Point(1, 2, 3))
err(lambda: Point(1, z=2))
err(lambda: Point._make([1]))
err(lambda: p._replace(z=1))
err(lambda: setattr(p, 'x', 5))
err(lambda: setattr(p, 'w', 5))

# field_names as a string, defaults, rename
P3 = namedtuple('P3', 'a b, c', defaults=[10, 20])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults, P3.__new__.__defaults__)
err(lambda: P3())
err(lambda: namedtuple('T', 'a b', defaults=(1, 2, 3)))
R = namedtuple('R', ['abc', 'def', 'abc', '_x', 'ok', '1a'], rename=True)
print(R._fields)
One = namedtuple('One', 'a'); print(One(1), One.__doc__, One._fields)
Empty = namedtuple('Empty', ''); print(Empty(), Empty._fields, len(Empty()))
err(lambda: namedtuple('T', 'a a'))
err(lambda: namedtuple('T', 'a _b'))
err(lambda: namedtuple('T', 'a class'))
err(lambda: namedtuple('T', 'a 1b'))
err(lambda: namedtuple('for', 'a'))
err(lambda: namedtuple('T T', 'a'))
M = namedtuple('M', 'a', module='mymod'); print(M.__module__)

# Subclassing and methods
class Pt(namedtuple('Pt', 'x y')):
    __slots__ = ()
    @property
    def hyp(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __str__(self):
        return 'Pt: x=%6.3f  y=%6.3f  hyp=%6.3f' % (self.x, self.y, self.hyp)
print(Pt(3, 4), str(Pt(3, 4)), Pt(3, 4).hyp, Pt._make([1, 1]))
print(repr(Pt(3, 4)), Pt(1, 2)._replace(x=5))
print(sorted([Point(2, 1), Point(1, 2)]), max(Point(1, 5), Point(1, 6)))
print(dict(Point(1, 2)._asdict()), Point(*range(2)), Point(**{'x': 0, 'y': 1}))
import copy
print(copy.copy(p), copy.deepcopy(Point([1], 2)))
print(Point._make.__doc__, Point._replace.__doc__, Point._asdict.__doc__)
