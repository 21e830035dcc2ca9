# An uncaught exception chain: __context__, __cause__, notes, empty messages (stderr).
class AppError(Exception):
    pass

def load(d, key):
    return d[key]

def outer():
    try:
        load({"a": 1}, "b")
    except KeyError as e:
        try:
            raise ValueError
        except ValueError:
            err = AppError("could not load")
            err.add_note("hint: check the key")
            raise err from e

print("before")
outer()
