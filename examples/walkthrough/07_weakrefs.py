# 7. Weak references.
# A weak reference points at an object without counting as a reference: it does not keep the
# object alive. Uses: caches that do not pin their entries, callbacks when an object dies, and
# cleanup actions (weakref.finalize) that run exactly once.
import gc
import sys
import weakref


class Image:
    loads = 0

    def __init__(self, name):
        Image.loads += 1
        self.name = name
        self.pixels = [0] * 1000


print("weakref.ref does not change the count:")
img = Image("cat.png")
before = sys.getrefcount(img)
r = weakref.ref(img)
print("  count delta from weakref.ref(img): %+d" % (sys.getrefcount(img) - before))
print("  r() is img:", r() is img, "| weakref.getweakrefcount(img):", weakref.getweakrefcount(img))
del img
print("  after del img: r() is None:", r() is None)

print("A cache that does not keep images alive: WeakValueDictionary")
cache = weakref.WeakValueDictionary()


def load(name):
    img = cache.get(name)
    if img is None:
        img = Image(name)
        cache[name] = img
    return img


a = load("dog.png")
b = load("dog.png")
print("  load('dog.png') twice -> same object:", a is b, "| images created:", Image.loads - 1)
print("  'dog.png' in cache:", "dog.png" in cache, "| len(cache):", len(cache))
del a, b
print("  after the last user let go: 'dog.png' in cache:", "dog.png" in cache,
      "| len(cache):", len(cache))

print("A callback runs when the referent dies:")
log = []
img = Image("bird.png")
r = weakref.ref(img, lambda ref: log.append("callback: bird.png died, ref() is %r" % (ref(),)))
del img
print("  ", log)

print("weakref.finalize: a cleanup that runs once, when the object dies or at exit:")
img = Image("fish.png")
fin = weakref.finalize(img, print, "   finalize: releasing the file handle of fish.png")
print("  fin.alive:", fin.alive)
del img
print("  fin.alive after del:", fin.alive)

print("Weak references also let a cycle's members be watched without keeping them:")
gc.disable()
x = Image("x")
x.self_ref = x
rx = weakref.ref(x)
del x
print("  in a cycle, after del: alive:", rx() is not None)
gc.collect()
print("  after gc.collect(): alive:", rx() is not None)
gc.enable()
print("Objects that cannot be weakly referenced: an int ->", end=" ")
try:
    weakref.ref(42)
except TypeError as e:
    print("TypeError:", e)
print("Conclusion: weak references observe objects without extending their lives.")
