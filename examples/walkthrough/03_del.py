# 3. `del` deletes a NAME, not an object.
# The object lives while any reference remains, and is freed the moment the last one goes:
# we watch that moment through __del__ and through a weak reference's callback.
import sys
import weakref


def measured(text):
    print("  ~ " + text)


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("    __del__: %s is being freed" % self.name)


def on_gone(ref):
    print("    weakref callback: the object behind the weak reference is gone")


r = Resource("R1")
watch = weakref.ref(r, on_gone)
alias = r
print("r = Resource('R1'); alias = r; watch = weakref.ref(r, on_gone)")
measured("sys.getrefcount(r) = %d" % sys.getrefcount(r))

print("del r                         -- removes the name 'r' only")
del r
print("  is the object alive?", watch() is not None, "| reached through alias:", alias.name)
print("  'r' in globals():", "r" in globals())

print("del alias                     -- the last reference goes: freed right now, not later")
del alias
print("  is the object alive?", watch() is not None)

print("A container keeps its items alive:")
holder = [Resource("R2")]
watch2 = weakref.ref(holder[0])
print("  holder = [Resource('R2')]; alive:", watch2() is not None)
print("  holder.pop()                -- the popped value is discarded at once")
holder.pop()
print("  alive:", watch2() is not None)

print("Rebinding also drops the old object:")
x = Resource("R3")
print("  x = Resource('R3'); x = 42")
x = 42
print("  done, x =", x)
print("Conclusion: del unbinds a name; the object is freed when its count reaches zero.")
