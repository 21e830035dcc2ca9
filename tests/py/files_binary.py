# open() in binary mode: bytes in and out, no newline translation.
path = "/tmp/ouro_tests_py_files_binary.bin"
with open(path, "wb") as f:
    print(f.write(b"line one\r\nline two\n\x00\xff end"), f.mode, f.closed)
    try:
        f.write("text")
    except TypeError as e:
        print("TypeError:", e)
    try:
        print("x", file=f)
    except TypeError as e:
        print("TypeError:", e)
with open(path, "rb") as f:
    print(f.readline(), f.read(4), f.readlines())
with open(path, "rb") as f:
    data = f.read()
    print(len(data), data[:10], list(data[-5:]))
with open(path, "ab") as f:
    f.writelines([b"+", b"more"])
with open(path, "rb") as f:
    print([line for line in f])
with open(path) as f:
    try:
        f.read()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError")
try:
    open(path, "rt+b")
except ValueError as e:
    print("ValueError:", e)
