# An error raised by a class pattern, uncaught: its traceback (stderr) points at the
# pattern, as CPython's.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x, y, z):
            return "3d"

print(where(Point(0, 0)))
print(where(Point(1, 0)))
