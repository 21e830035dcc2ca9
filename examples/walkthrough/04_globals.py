# 4. Globals never go out of scope.
# A function's locals are released when it returns; a module-level name (a global) holds its
# object until the name is deleted or the program ends. A local that escapes into a global
# lives on too.
import weakref


class Big:
    def __init__(self, label):
        self.label = label
        self.payload = list(range(10000))

    def __del__(self):
        print("    __del__: %s freed" % self.label)


def work():
    tmp = Big("local in work()")
    print("  inside work(): a local Big exists:", len(tmp.payload), "items")
    return len(tmp.payload)


print("Calling work(), which creates a Big in a local variable:")
work()
print("  work() returned: its local was freed when the frame ended (see __del__ above)")

print("Creating a Big in a global variable:")
CACHE = Big("global CACHE")
watch = weakref.ref(CACHE)


def use_global():
    return len(CACHE.payload)


for i in range(3):
    use_global()
print("  after 3 calls that use it, still alive:", watch() is not None)

registry = []


def leak(label):
    # The local 'b' escapes into the global list 'registry', so it outlives the call.
    b = Big(label)
    registry.append(b)


leak("escaped local")
print("  leak() returned; its object escaped into the global 'registry':",
      len(registry), "object(s) alive")

print("Only deleting the global names frees them:")
del CACHE
print("  after del CACHE, alive:", watch() is not None)
registry.clear()
print("  after registry.clear(): registry has", len(registry), "objects")
print("Conclusion: a global keeps its object for the life of the module; free big globals",
      "explicitly.")
