# open() in text mode: write, append, read, readline(s), iteration, with, errors.
path = "/tmp/ouro_tests_py_files.txt"
f = open(path, "w")
print(f.write("first line\n"), f.write("sécond\n"), f.closed, f.mode, f.name == path)
f.writelines(["third\n", "fourth"])
f.close()
print(f.closed)
with open(path, "a", encoding="utf-8") as g:
    g.write("\nfifth\n")
with open(path) as h:
    print(repr(h.read()))
with open(path, "r") as h:
    print(repr(h.readline()), repr(h.readline()), repr(h.read(3)), repr(h.readlines()))
    print(repr(h.readline()), repr(h.read()))
with open(path) as h:
    for n, line in enumerate(h):
        print(n, line.rstrip("\n"))
with open(path) as h:
    print([len(l) for l in h])
try:
    f.write("x")
except ValueError as e:
    print("ValueError:", e)
try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
    print(e)
try:
    open("/nonexistent/dir/file.txt")
except OSError as e:
    print("caught as OSError:", type(e).__name__)
try:
    open(path, "q")
except ValueError as e:
    print("ValueError:", e)
try:
    open(1.5)
except TypeError as e:
    print("TypeError:", e)
with open(path, "w") as w:
    print("via print", 1, 2, sep="-", file=w)
    print("end", end="!", file=w)
print(open(path).read())
