# The builtins' error messages, as CPython 3.11 words them.
cases = [
    "print(sep=1)", "print(end=[])", "print(file=1)", "print(bad=1)", "len()", "len(1, 2)", "len(5)",
    "getattr(1)", "getattr(1, 2)", "getattr(1, 'nope')", "setattr(1, 'x', 2)", "hasattr(1, 2)",
    "delattr(1, 'real')", "iter(1)", "iter(1, 2)", "iter()", "next(1)", "next(iter([]))",
    "chr('a')", "chr(-1)", "chr(0x110000)", "ord(1)", "ord('ab')", "ord('')", "max()", "max(1)",
    "max([])", "min([])", "max(1, 2, default=3)", "min([1], bad=1)", "min(1, 2, key=3)",
    "sum(['a'])", "sum([], 'x')", "sum([b'a'], b'')", "sum([1], start='')", "round('x')",
    "round(1.5, 'x')", "isinstance(1, 2)", "isinstance(1, (int, 2))", "issubclass(1, int)",
    "issubclass(int, 1)", "hex(1.5)", "oct('1')", "bin(None)", "divmod(1)", "divmod(1, 0)",
    "pow(1)", "pow(2, 3, 0)", "pow(2.0, 3, 5)", "abs('x')", "hash([])", "hash({})",
    "vars(1)", "vars(1, 2)", "sorted()", "sorted([], 1)", "sorted([1, 'a'])",
    "sorted([3, 1], key=1)", "map(len)", "filter(len)", "enumerate()", "enumerate(1)",
    "zip(1)", "reversed(1)", "reversed()", "callable()", "any(1)", "all()", "format(1, 2)",
    "format(1, 'q')", "format('s', 'd')", "format(object(), 'x')", "id()", "repr()",
    "dir(1, 2)", "input(1, 2)", "exec(1)", "eval(1)", "eval('1+')", "exec('x = = 1')",
    "compile('1', 'f', 'x')", "compile(1, 'f', 'exec')", "__import__('no_such_mod_xyz')",
    "__import__('math.nope')", "open(1.5)", "open('x', 'q')", "open('/nonexistent/f')",
    "int('abc')", "float('x')", "list(1)", "tuple(1)", "dict(1)", "set(1)", "str(1, 2, 3, 4)",
    "type(1, 2)", "object(1)", "range()", "range(1.5)", "slice()", "bool(1, 2)",
    "'{}'.format()", "'{0}{}'.format(1, 2)", "'{a}'.format(b=1)",
]
for c in cases:
    try:
        r = eval(c)
        print(c, "->", r if not hasattr(r, "__next__") else type(r).__name__)
    except Exception as e:
        print(c, "!!", type(e).__name__ + ":", e)
