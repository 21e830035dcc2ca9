# Scopes: local/global/nonlocal, closures and cells, class bodies, comprehension scopes.
x = "global"
def read():
    return x
def shadow():
    x = "local"
    return x
def write():
    global x
    x = "rebound"
print(read(), shadow(), x)
write()
print(x)

def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc(5)
print(get(), inc.__closure__[0].cell_contents, len(get.__closure__))

def make_adders():
    return [lambda v, i=i: v + i for i in range(3)]
print([a(10) for a in make_adders()])

def late():
    fs = [lambda: i for i in range(3)]
    return [fn() for fn in fs]
print(late())

def nested():
    a = 1
    def mid():
        b = 2
        def inner():
            return a + b
        return inner
    return mid()()
print(nested())

y = 100
class C:
    y = 1
    z = y + 1
    w = [y for _ in range(2)]
    def m(self):
        return y
print(C.z, C.w, C().m())

def func_class():
    v = "enclosing"
    class D:
        print("in class body:", v)
        w = v + " seen by the class"
        def get(self):
            return v
    return D
D = func_class()
print(D.w, D().get())

def class_shadow():
    v = "enclosing"
    class E:
        v = "class attr"
        def get(self):
            return v
    return E
E = class_shadow()
print(E.v, E().get())

xs = [1, 2, 3]
r = [x * 2 for x in xs]
print(x, r)
print({k: [k * j for j in range(k)] for k in range(3)})
print([(a, b) for a in range(3) for b in range(a) if (a + b) % 2])

def uses_later():
    def f():
        return later
    later = "bound after"
    return f()
print(uses_later())

def del_local():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(del_local())

g = 0
def unbound():
    try:
        g += 1
    except UnboundLocalError as e:
        print(e)
unbound()
