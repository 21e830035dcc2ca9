# Exception attributes: args, chaining, notes, and the subclass-specific ones.
e = ValueError("a", 2)
print(e.args, str(e), repr(e), str(ValueError()), repr(ValueError()), str(ValueError("x")))
e.args = ("new",)
print(e.args, str(e), str(KeyError("k")), repr(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
try:
    try:
        {}["missing"]
    except KeyError as inner:
        raise RuntimeError("outer") from inner
except RuntimeError as outer:
    print(repr(outer.__cause__), repr(outer.__context__), outer.__suppress_context__)
    print(outer.__traceback__ is not None, type(outer.__traceback__).__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during")
except TypeError as t:
    print(repr(t.__context__), t.__cause__, t.__suppress_context__)
try:
    raise ValueError("x") from None
except ValueError as v:
    print(v.__cause__, v.__suppress_context__)
for bad in [1, "s"]:
    try:
        e.__cause__ = bad
    except TypeError as t:
        print("TypeError:", t)
try:
    e.__context__ = 5
except TypeError as t:
    print("TypeError:", t)
e.add_note("note one")
e.add_note("note two")
print(e.__notes__)
try:
    e.add_note(3)
except TypeError as t:
    print("TypeError:", t)
try:
    ValueError().__notes__
except AttributeError as a:
    print("AttributeError:", a)
w = ValueError("tb")
print(w.with_traceback(None) is w)
print(StopIteration().value, StopIteration(5).value, StopIteration(1, 2).value)
print(SystemExit().code, SystemExit(2).code, SystemExit(1, 2).code, SystemExit("m").code)
o = OSError(2, "No such file or directory", "f.txt")
print(type(o).__name__, o.errno, o.strerror, o.filename, o.args, str(o))
print(type(OSError(13, "Permission denied")).__name__, str(OSError(13, "Permission denied")))
print(type(OSError(17, "x")).__name__, type(OSError("just a message")).__name__, str(OSError("m")))
print(OSError(1, "a", "b", None, "c"))
print(FileNotFoundError.__mro__[1:3] if hasattr(FileNotFoundError, "__mro__") else "", issubclass(FileNotFoundError, OSError))
s = SyntaxError("bad", ("f.py", 3, 5, "x = (\n", 3, 6))
print(s.msg, s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset, str(s))
print(str(SyntaxError("m", ("dir/g.py", 1, None, None))), str(SyntaxError("plain")), SyntaxError("p").lineno)
i = ImportError("cannot", name="mod", path="/p")
print(i.msg, i.name, i.path, str(i), repr(i))
print(NameError("n", name="x").name, AttributeError("a", name="y", obj=3).obj, ImportError().name)
try:
    ImportError(bad=1)
except TypeError as t:
    print("TypeError:", t)
class MyError(Exception):
    def __init__(self, code, msg="dflt"):
        super().__init__(msg)
        self.code = code
m = MyError(4)
print(m.code, m.args, str(m), repr(m), isinstance(m, Exception), m.__dict__)
m.extra = 1
print(sorted(m.__dict__))
class Quiet(Exception):
    def __str__(self):
        return "custom str"
print(str(Quiet("x")), repr(Quiet("x")))
try:
    raise Quiet
except Quiet as q:
    print(type(q).__name__, q.args)
print(issubclass(KeyError, LookupError), issubclass(RecursionError, RuntimeError), issubclass(ModuleNotFoundError, ImportError))
print(BaseException.__name__, Exception.__base__.__name__ if hasattr(Exception, "__base__") else "BaseException")
