# Unwinding through nested try/finally/with from break, continue and return; exception
# replacement in finally and __exit__; generators closed inside with; closures rebinding.
def f1():
    log = []
    for i in range(5):
        try:
            try:
                if i == 1:
                    continue
                if i == 3:
                    break
                log.append(("body", i))
            finally:
                log.append(("inner finally", i))
        finally:
            log.append(("outer finally", i))
    return log
print(f1())

def f2():
    try:
        try:
            raise KeyError("a")
        finally:
            raise ValueError("b")
    except ValueError as e:
        return repr(e), repr(e.__context__)
print(f2())

def f3():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(f3())

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("exit failed")
try:
    with CM():
        raise KeyError("body")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))

def gen_with():
    class R:
        def __enter__(self):
            print("R enter")
        def __exit__(self, *a):
            print("R exit", a[0])
    with R():
        yield 1
        yield 2
g = gen_with()
print(next(g))
g.close()

def closure_mod():
    x = 1
    def get():
        return x
    x = 2
    r1 = get()
    x = 3
    return r1, get()
print(closure_mod())

def nested_try_depth():
    total = 0
    try:
        try:
            try:
                try:
                    try:
                        1 / 0
                    except ZeroDivisionError:
                        total += 1
                        raise KeyError
                except KeyError:
                    total += 10
                    raise IndexError
            except IndexError:
                total += 100
                raise TypeError
        except TypeError:
            total += 1000
    finally:
        total += 10000
    return total
print(nested_try_depth())

def exc_var_scope():
    try:
        raise ValueError(1)
    except ValueError as err:
        saved = err
    return saved.args
print(exc_var_scope())

def while_else_break():
    n = 0
    while True:
        n += 1
        if n > 5:
            break
    else:
        return "no"
    return n
print(while_else_break())

import sys
def depth_count(n):
    if n == 0:
        return 0
    return 1 + depth_count(n - 1)
print(depth_count(500))

def raise_in_gen():
    yield 1
    raise ValueError("in gen")
try:
    for v in raise_in_gen():
        print("got", v)
except ValueError as e:
    print("caught", e)

def yield_in_finally():
    try:
        yield "a"
    finally:
        yield "b"
print(list(yield_in_finally()))

def return_value_in_try_except():
    try:
        return "try"
    except Exception:
        return "except"
    finally:
        print("finally before return")
print(return_value_in_try_except())

x = [1, 2, 3]
x[1:2] = [9, 9]
x[0] += 5
print(x, x[-1], x[::-1])
d = {}
d.setdefault("k", []).append(1)
d["n"] = d.get("n", 0) + 1
print(d)
t = 1,
print(t, type(t).__name__, (), (1, 2) + (3,))
print(isinstance(1, (int, str)), issubclass(bool, int))
print(2 ** 3 ** 2, (2 ** 3) ** 2, -3 // 2, -3 % 2, 3 // -2.0)
print("%s" if False else "plain", "a" "b" 'c')
