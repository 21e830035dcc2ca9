# A module imported by imports.py (the runner skips *_mod.py files).
print("imp_helper_mod runs once, as", __name__)
VALUE = 42
def twice(x):
    return 2 * x
class Thing:
    kind = "thing"
