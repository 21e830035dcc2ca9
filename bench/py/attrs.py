# attrs.py — instance and class attribute reads and writes, properties, method lookups.
class Point:
    scale = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)
    def moved(self, dx):
        self.x += dx
        return self

p = Point(1, 2)
total = 0
for i in range(500000):
    p.x = i
    p.y = p.x + p.scale
    total += p.norm1 + p.moved(1).x + Point.scale
print(total)
