# _ouro.dis: the listing of ouro's own bytecode (ouro only: CPython has no _ouro, so the
# expected output is the one this script prints there, through the fallback).
try:
    import _ouro
except ImportError:
    _ouro = None

def add(a, b):
    return a + b

if _ouro is None:
    print("add:", True, True)
    print("TypeError don't know how to disassemble int objects")
else:
    text = _ouro.dis(add)
    print(text.splitlines()[0], "RETURN_VALUE" in text, text == _ouro.dis(add.__code__))
    try:
        _ouro.dis(5)
    except TypeError as e:
        print("TypeError", e)
