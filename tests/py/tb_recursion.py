# Deep recursion: RecursionError, with the repeated lines folded (stderr).
def down(n):
    return down(n + 1)

print("recursing")
down(0)
