# collections.deque: both ends, bounded deques, indexing, rotation, errors.
from collections import deque

def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

d = deque([1, 2, 3])
print(d, len(d), bool(d), bool(deque()))
d.append(4); d.appendleft(0)
print(d, d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend([4, 5]); d.extendleft([-1, -2])
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(0); print(d)
print(d.count(2), d.index(3), d.index(3, 1), 2 in d, 99 in d)
d.insert(1, 'x'); print(d)
d.remove('x'); print(d)
d.reverse(); print(d)
d[0] = 'first'; del d[1]; print(d)
print(list(reversed(d)), list(d))
c = d.copy(); print(c == d, c is d, c != d)
d.clear(); print(d, len(d))
err(d.pop); err(d.popleft)
err(lambda: deque([1]).remove(5))
err(lambda: deque([1]).index(5))
err(lambda: deque([1])[5])
err(lambda: deque([1])['a'])
err(lambda: deque([1])[1:2])
err(lambda: deque(maxlen=-1))
err(lambda: deque(maxlen='a'))
err(lambda: deque() + [1])
err(lambda: deque([1], maxlen=1).insert(0, 2))
err(lambda: deque([1]) * 'a')

# Bounded deques drop items from the opposite end.
b = deque(range(5), maxlen=3)
print(b, b.maxlen)
b.append(9); print(b)
b.appendleft(7); print(b)
b.extend('ab'); print(b)
b.extendleft('yz'); print(b)
print(deque(maxlen=0), deque([1, 2], 0), deque().maxlen)
z = deque(maxlen=0); z.append(1); print(z)

# Growth past the initial buffer, alternating ends.
g = deque()
for i in range(50):
    g.append(i)
    g.appendleft(-i)
print(len(g), g[0], g[-1], g[50], sum(g))
for i in range(45):
    g.pop(); g.popleft()
print(g)

# Mutation during iteration.
m = deque([1, 2, 3])
def mutate():
    for x in m:
        m.append(x)
err(mutate)
def mutate_last():
    for x in m:
        if x == m[-1]:
            m.pop()
err(mutate_last)

# Comparisons, arithmetic, copy.
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == [1, 2], deque([1]) < deque([2]))
print(deque([1, 2]) <= deque([1, 2, 3]), deque([3]) > deque([2, 9]))
print(deque([1, 2]) + deque([3]), deque([1]) * 3, 2 * deque('ab'))
e = deque([1, 2], maxlen=3); e += [3, 4]; print(e)
e *= 2; print(e)
e *= 0; print(e)
import copy
f = deque([[1], 2], maxlen=5)
f2 = copy.copy(f); print(f2, f2[0] is f[0])
f3 = copy.deepcopy(f); print(f3, f3[0] is f[0])
r = deque([1]); r.append(r); print(r)
class Sub(deque):
    pass
print(Sub([1, 2]), Sub('ab', 4))
try:
    hash(deque())
except TypeError:
    print('unhashable')
s = deque('abc'); s.extend(s); print(s)
print(deque(x * x for x in range(4)))
