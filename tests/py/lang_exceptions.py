# try/except/else/finally, raise, raise from, re-raise, chaining, nested handlers,
# return/break/continue through finally, except ... as deletion.
def order(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError("v")
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(order(False), order(True))

def multi(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except ZeroDivisionError:
        return "zero"
    except Exception as e:
        return "other " + type(e).__name__
for exc in (KeyError, IndexError("i"), ZeroDivisionError, TypeError("t")):
    print(multi(exc))

def ret_in_finally():
    try:
        return "try"
    finally:
        print("finally runs")
print(ret_in_finally())

def override():
    try:
        return 1
    finally:
        return 2
print(override())

def swallow():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            if i < 2:
                continue
            break
    return i
print(swallow())

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during")
except KeyError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    raise RuntimeError("outer") from ValueError("cause")
except RuntimeError as e:
    print(repr(e.__cause__), e.__suppress_context__)

try:
    try:
        raise KeyError("k")
    except KeyError:
        raise RuntimeError("x") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))

def reraise():
    try:
        raise ValueError("again")
    except ValueError:
        raise
try:
    reraise()
except ValueError as e:
    print("re-raised", e)

try:
    raise
except RuntimeError as e:
    print(e)

e = "before"
try:
    raise KeyError
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print(err)

class MyError(Exception):
    def __init__(self, code):
        super().__init__("code", code)
        self.code = code
try:
    raise MyError(7)
except MyError as err:
    print(err.code, err.args)

try:
    raise ValueError
except ValueError as err:
    print(repr(err), err.args)

def tb_lines():
    try:
        raise KeyError("x")
    except KeyError as err:
        tb = err.__traceback__
        n = 0
        while tb is not None:
            n += 1
            tb = tb.tb_next
        return n
print(tb_lines())

import sys
print(sys.exc_info())
try:
    raise TypeError("t")
except TypeError:
    print(sys.exc_info()[0].__name__, str(sys.exc_info()[1]))
    try:
        raise KeyError("inner")
    except KeyError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())

for bad in ["raise 5", "try:\n    pass\nexcept 5:\n    pass", "raise KeyError from 1"]:
    try:
        exec(bad)
    except TypeError as err:
        print("TypeError:", err)

try:
    try:
        1 / 0
    except 5:
        pass
except TypeError as err:
    print("TypeError:", err, type(err.__context__).__name__)
assert True
try:
    assert 1 > 2, "math broke"
except AssertionError as err:
    print("AssertionError:", err)
try:
    assert False
except AssertionError as err:
    print("AssertionError:", repr(err))
