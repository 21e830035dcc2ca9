# Instructions the compiler fuses (a call of a global, `return CONST`, `x is None` tests)
# and the superinstructions the assembler forms (LOAD_FAST__LOAD_FAST and friends) must
# behave exactly as the separate instructions: errors in either half point at the right
# place, and jumps that land on the second half run it alone.
def f(flag):
    if flag:
        b = 1
    a = 2
    return a + b

def g(flag):
    if flag:
        b = 1
    x = 3
    return b + x

for fn in (f, g):
    try:
        fn(False)
    except UnboundLocalError as e:
        print(type(e).__name__, e, e.__traceback__.tb_next.tb_lineno)

def tests(v):
    out = []
    if v is None:
        out.append("none")
    if v is not None:
        out.append("not none")
    if not (v is None):
        out.append("not (is None)")
    if v is None or v == 0:
        out.append("none or zero")
    if v is not None and v > 1:
        out.append("big")
    while v is not None:
        out.append("loop")
        v = None
    return out

for v in (None, 0, 5):
    print(v, tests(v))

def swap(a, b):
    a, b = b, a       # STORE_FAST__STORE_FAST
    c = a             # STORE_FAST__LOAD_FAST
    return c, a, b, 7

print(swap(1, 2))

def loop_to_second_half(n):
    total = 0
    i = 0
    while i < n:      # the loop jumps back to a LOAD_FAST that follows a STORE_FAST
        total = total + i
        i = i + 1
    return total

print(loop_to_second_half(10))

def calls_global():
    return len("abc") + missing_global()

try:
    calls_global()
except NameError as e:
    print(e)

def ret_const():
    return 42

print(ret_const())
f(False)
