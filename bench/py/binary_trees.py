# binary_trees.py — allocation and deallocation of many small tuples (the benchmarks
# game's binary-trees with tuples as nodes).
def make(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make(depth), make(depth))

def check(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check(left) + check(right)

max_depth = 14
long_lived = make(max_depth)
out = []
for depth in range(4, max_depth + 1, 2):
    iterations = 2 ** (max_depth - depth + 4)
    checks = 0
    for _ in range(iterations):
        checks += check(make(depth))
    out.append(str(iterations) + " trees of depth " + str(depth) + " check: " + str(checks))
print("\n".join(out))
print("long lived tree of depth", max_depth, "check:", check(long_lived))
