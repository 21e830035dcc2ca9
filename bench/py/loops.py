# loops.py — integer arithmetic in nested loops, list building and summing.
def work(n):
    total = 0
    for i in range(n):
        j = i % 7
        while j > 0:
            total += i * j - (i >> 2)
            j -= 1
    squares = [k * k for k in range(n // 10)]
    return total + sum(squares)

result = 0
for _ in range(5):
    result += work(200000)
print(result)
