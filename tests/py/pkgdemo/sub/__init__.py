from ..leaf import hello as leaf_hello
DEEP = "deep"
