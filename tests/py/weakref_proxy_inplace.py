# In-place operators through a proxy: the referent's in-place slot, else the plain operator.
import weakref
class L(list):
    pass
class Acc:
    def __init__(self): self.v = 0
    def __iadd__(self, o):
        self.v += o
        return self
    def __sub__(self, o):
        return self.v - o
l = L([1])
p = weakref.proxy(l)
p += [2]
print("list += through proxy", l, type(p).__name__)
a = Acc()
q = weakref.proxy(a)
q += 5
print("__iadd__ through proxy", a.v, q is a)
r = weakref.proxy(a)
r -= 1
print("plain fallback", r)
