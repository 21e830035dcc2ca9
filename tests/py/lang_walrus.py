# Assignment expressions, also inside comprehensions (binding in the enclosing scope).
data = [1, 5, 3, 8]
if (n := len(data)) > 3:
    print("long", n)
print([y := x * 2 for x in data], y)
def f():
    total = [last := v for v in range(4)]
    return last, total
print(f())
def g():
    return [[inner := a + b for b in range(2)] for a in range(2)], inner
print(g())
print(any((hit := v) > 4 for v in data), hit)
while (chunk := data.pop()) != 5:
    print("popped", chunk)
