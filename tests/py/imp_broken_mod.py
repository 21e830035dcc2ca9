# Fails while importing: it must not stay in sys.modules.
X = 1
raise RuntimeError("broken on purpose")
