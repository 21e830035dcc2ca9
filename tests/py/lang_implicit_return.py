def a(x):
    while x:
        return 1
def b(x):
    for i in x:
        return i
def c(x):
    try:
        if x:
            return 1
    finally:
        pass
def d(x):
    if x:
        return 1
    elif x == 0:
        return 0
def e(x):
    with open('/dev/null') as f:
        if x:
            return 2
print(a(0), a(1), b([]), b([5]), c(0), c(1), d(None), d(0), d(1), e(0), e(1))
# A body whose last statement is an `if` with a return must still return None when the
# condition is false (a jump lands after the last return).
def k():
    x = None
    if x:
        return 1
print(k())
def g(n):
    if n:
        yield 1
print(list(g(0)), list(g(1)))
lam = lambda x: (1 if x else None)
print(lam(0))
