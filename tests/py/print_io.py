# print(): sep, end, file, flush; objects with write(); sys.stdout rebinding.
import sys
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=None, end=None)
print(1, 2, 3, sep=", ", end=".\n")
print("no newline", end="")
print(" -- continued", flush=True)
print(*[1, 2, 3], sep="-")
print("é€😀", repr("é"), str(b"bytes"), None, True, 1.0, [1.5], {"k": (1,)})
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
c = Collector()
print("x", 1, file=c, flush=True)
print("y", file=c, end="!")
print(c.parts)
saved = sys.stdout
sys.stdout = c
print("redirected")
sys.stdout = saved
print(c.parts[-2:])
print("to stderr", file=sys.stderr)
class S:
    def __str__(self):
        return "S-str"
    def __repr__(self):
        return "S-repr"
print(S(), [S()], str(S()), repr(S()), f"{S()} {S()!r}")
