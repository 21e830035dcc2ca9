# p **= x through a weakref proxy calls the referent's __ipow__ (else plain **).
import weakref
class A:
    def __init__(self, v):
        self.v = v
    def __ipow__(self, o):
        print("ipow", o)
        self.v = self.v ** o
        return self
    def __pow__(self, o):
        return A(self.v ** o)
class B:
    def __init__(self, v):
        self.v = v
    def __pow__(self, o):
        print("pow", o)
        return B(self.v ** o)
a = A(3)
p = weakref.proxy(a)
p **= 2
print(type(p).__name__, p.v, a.v)
b = B(2)
q = weakref.proxy(b)
q **= 3
print(type(q).__name__, q.v, b.v)
