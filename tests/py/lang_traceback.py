# The traceback of an uncaught exception raised through nested calls, a generator, a
# comprehension, with chaining (stderr is checked too).
def level3(d):
    return d["missing"]

def level2(d):
    items = [level3(d) for _ in range(1)]
    return items

def gen(d):
    yield level2(d)

def level1():
    try:
        next(gen({}))
    except KeyError as e:
        raise RuntimeError("wrapped") from e

print("before")
level1()
