# Control flow: if/elif/else, while/else, for/else, break, continue, nested loops.
def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"

print([classify(n) for n in (-3, 0, 5, 50)])

total = 0
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 8:
        break
    total += i
else:
    print("while else not reached")
print("while", total, i)

i = 0
while i < 3:
    i += 1
else:
    print("while else", i)

for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print("prime", n, end=" ")
print()

for x in []:
    print("never")
else:
    print("empty for else")

pairs = []
for a in range(3):
    for b in range(3):
        if b > a:
            continue
        if a == 2 and b == 1:
            break
        pairs.append((a, b))
print(pairs)

# Truthiness in conditions, and/or/not short-circuit with side effects.
calls = []
def t(v):
    calls.append(v)
    return v
if t(0) or t("") or t([1]):
    print("or ->", calls)
calls.clear()
if t(1) and t(0) and t(2):
    pass
print("and ->", calls)
print(not [], not [0], 1 and 2, 0 and 1, None or "d", "" or 0)
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 4 < 0)
print("yes" if x else "no", "yes" if not x else "no")
print(x is None, x is not None, 3 in [1, 2, 3], 3 not in (1, 2))
