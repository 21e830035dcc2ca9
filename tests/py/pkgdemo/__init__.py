print("pkgdemo init", __name__, __package__)
NAME = "pkgdemo"
