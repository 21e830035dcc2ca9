# Augmented assignment dispatch as CPython: in-place slot, then the plain operator with
# reflected operands, then sequence concat/repeat; messages name the in-place operator.
class X:
    def __radd__(self, o):
        return "radd"
l = [1]
l += X()
print(l)
l = [1]; l += (2, 3); print(l)
t = (1,); t += (2,); print(t)
s = "a"; s *= 3; print(s)
l = [1, 2]; l *= 2; print(l)
n = 3; n *= [0]; print(n)
for src in ["x = 'a'; x **= 2", "x = 'a'; x += 1", "x = []; x -= 1", "x = 1; x @= 2", "x=[1]; x *= 'a'", "x = None; x |= 3", "x=[]; x+=None"]:
    try:
        exec(src)
    except TypeError as e:
        print(e)
class I:
    def __init__(self): self.v = 1
    def __iadd__(self, o): self.v += o; return self
    def __ipow__(self, o): self.v **= o; return self
i = I(); j = i; i += 5; i **= 2; print(i is j, i.v)
x = 2; x **= 10; print(x)
x = 7; x //= 2; x %= 3; x <<= 4; x >>= 1; x &= 12; x |= 1; x ^= 3; x /= 2; print(x)
