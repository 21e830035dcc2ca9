print("pkgdemo.leaf runs", __name__, __package__)
from . import sibling
def hello():
    return "hello from leaf, " + sibling.WORD
