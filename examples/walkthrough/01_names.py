# 1. Names, not variables.
# A Python name is a label bound to an object; assignment binds another label, it never copies.
# Lines starting with "  ~" are measurements (addresses, sizes, timings) that differ from run to
# run and between runtimes; every other line is a fact the program checked on this runtime.


def measured(text):
    print("  ~ " + text)


print("a = [1, 2, 3]; b = a          -- two names, one list")
a = [1, 2, 3]
b = a
measured("id(a) = %#x, id(b) = %#x" % (id(a), id(b)))
print("a is b:", a is b, "| id(a) == id(b):", id(a) == id(b))

print("b.append(4)                   -- mutate through one name, see it through the other")
b.append(4)
print("a =", a)

print("b = [1, 2, 3, 4]              -- rebinding b makes a NEW object, a is untouched")
b = [1, 2, 3, 4]
print("a == b:", a == b, "(same value) | a is b:", a is b, "(different objects)")
measured("id(a) = %#x, id(b) = %#x" % (id(a), id(b)))

print("def f(x): x.append(5)         -- an argument is one more name for the caller's object")


def f(x):
    x.append(5)
    x = "rebound"          # rebinding the parameter does not touch the caller's name
    return x


r = f(a)
print("after f(a): a =", a, "| f returned", repr(r))

print("c = a[:]                      -- a copy is a new object holding the same items")
c = a[:]
print("c == a:", c == a, "| c is a:", c is a, "| c[0] is a[0]:", c[0] is a[0])

print("n = 1000; m = n; n += 1       -- ints are immutable: += rebinds n to a new int")
n = 1000
m = n
n += 1
print("n =", n, "| m =", m, "| n is m:", n is m)
print("Conclusion: names are bound to objects; 'is' compares identity, '==' compares values.")
