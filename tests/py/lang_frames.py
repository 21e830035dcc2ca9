# Frame objects: made on demand, f_back/f_code/f_lineno/f_locals while running and after the
# call ended (a traceback keeps the frame and its locals alive), generator frames.
def here():
    try:
        raise KeyError
    except KeyError as e:
        return e.__traceback__.tb_frame
def inner():
    f = here().f_back
    return f.f_code.co_name, f.f_back.f_code.co_name, f.f_lineno, f.f_back.f_lineno, sorted(f.f_back.f_locals)
def outer():
    a = 1
    return inner()
print(outer())
def tb_frames():
    try:
        x = 42
        1 / 0
    except ZeroDivisionError as e:
        return e.__traceback__.tb_frame.f_locals["x"], e.__traceback__.tb_lineno
print(tb_frames())
def keep():
    try:
        local_obj = [1, 2, 3]
        raise ValueError
    except ValueError as e:
        return e
err = keep()
print(err.__traceback__.tb_frame.f_locals["local_obj"], err.__traceback__.tb_frame.f_code.co_name)
print(err.__traceback__.tb_frame.f_back.f_code.co_name, err.__traceback__.tb_frame.f_lineno)
g = (i for i in range(3))
print(g.gi_frame.f_code.co_name, g.gi_frame.f_lineno, g.gi_frame.f_back)
next(g)
print(sorted(g.gi_frame.f_locals))
