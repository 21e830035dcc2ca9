# calls.py — function calls: positional, keyword, defaults, closures, methods, recursion.
def add(a, b):
    return a + b

def with_defaults(a, b=2, *, c=3):
    return a + b + c

def make_counter():
    count = 0
    def step(k):
        nonlocal count
        count += k
        return count
    return step

class Acc:
    def __init__(self):
        self.n = 0
    def bump(self, k):
        self.n += k
        return self.n

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

step = make_counter()
acc = Acc()
t = 0
for i in range(500000):
    t = add(t, i) - with_defaults(i, c=1) + step(1) + acc.bump(2)
print(t, fib(24))
