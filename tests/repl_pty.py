#!/usr/bin/env python3
"""tests/repl_pty.py OURO — drives `ouro` (no arguments) in a pseudo-terminal like a user:
prompts, echo of values through sys.displayhook and `_`, a multi-line block, an exception
shown without leaving (SyntaxError, NameError, KeyError in a block), a class block, sys.ps1, Ctrl-C at a prompt, in a running loop and in a sleep, and Ctrl-D. Exit status 0 when the transcript is right."""
import os, pty, select, sys, time

def read_until(fd, marker, timeout=10.0):
    buf = b""
    end = time.time() + timeout
    while marker not in buf:
        left = end - time.time()
        if left <= 0:
            raise TimeoutError("waiting for %r, got %r" % (marker, buf))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            buf += chunk
    return buf.decode("utf-8", "replace").replace("\r\n", "\n")

def main():
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(sys.argv[1], [sys.argv[1]])
    steps = [
        ("1 + 2", ">>> ", "3"),
        ("_ * 10", ">>> ", "30"),
        ("x = 'ab'", ">>> ", None),
        ("x", ">>> ", "'ab'"),
        ("None", ">>> ", None),
        ("for i in range(2):", "... ", None),
        ("    print(i * 7)", "... ", None),
        ("", ">>> ", "0\n7"),
        ("1 / 0", ">>> ", "ZeroDivisionError: division by zero"),
        ("x", ">>> ", "'ab'"),
        ("def f(a,", "... ", None),
        ("      b): return a + b", "... ", None),
        ("", ">>> ", None),
        ("f(1, 2)", ">>> ", "3"),
        # language pass: errors of every kind stay in the REPL; blocks; % formatting
        ("1 +", ">>> ", "SyntaxError: invalid syntax"),
        ("undefined_q", ">>> ", "NameError: name 'undefined_q' is not defined"),
        ("class K:", "... ", None),
        ("    def __repr__(self): return 'K!'", "... ", None),
        ("", ">>> ", None),
        ("K()", ">>> ", "K!"),
        ("if 1:", "... ", None),
        ("  {}['k']", "... ", None),
        ("", ">>> ", "KeyError: 'k'"),
        ("'%s-%03d' % ('a', 7)", ">>> ", "'a-007'"),
        ("print('a\\nb')", ">>> ", "a\nb"),
        ("y = (1,", "... ", None),
        ("  2)", ">>> ", None),
        ("y", ">>> ", "(1, 2)"),
        ("def g(): return undefined_r", "... ", None),
        ("", ">>> ", None),
        ("g()", ">>> ", "NameError: name 'undefined_r' is not defined"),
        ("import sys; sys.ps1 = 'py' + '> '", "py> ", None),
        ("[1, 2]", "py> ", "[1, 2]"),
    ]
    transcript = read_until(fd, b">>> ")
    ok = True
    for line, prompt, want in steps:
        os.write(fd, line.encode() + b"\n")
        out = read_until(fd, prompt.encode())
        transcript += out
        body = out[len(line) + 1:] if out.startswith(line) else out
        body = body[: -len(prompt)] if body.endswith(prompt) else body
        if want is not None and want not in body:
            print("step %r: wanted %r in %r" % (line, want, body))
            ok = False
        if want is None and body.strip():
            print("step %r: unexpected output %r" % (line, body))
            ok = False
    # Ctrl-C at a continuation prompt drops the pending input.
    os.write(fd, b"while True:\n")
    transcript += read_until(fd, b"... ")
    os.write(fd, b"\x03")
    out = read_until(fd, b"py> ")
    transcript += out
    if "KeyboardInterrupt" not in out:
        print("Ctrl-C: wanted KeyboardInterrupt in %r" % out)
        ok = False
    os.write(fd, b"6 * 7\n")
    out = read_until(fd, b"py> ")
    transcript += out
    if "42" not in out:
        print("after Ctrl-C: wanted 42 in %r" % out)
        ok = False
    # Ctrl-C while code runs: KeyboardInterrupt with a traceback, and the REPL goes on,
    # with the program's state intact.
    os.write(fd, b"n = 0\n")
    transcript += read_until(fd, b"py> ")
    os.write(fd, b"while True: n += 1\n")
    transcript += read_until(fd, b"... ")
    os.write(fd, b"\n")
    time.sleep(0.5)
    os.write(fd, b"\x03")
    out = read_until(fd, b"py> ")
    transcript += out
    if "Traceback (most recent call last)" not in out or "KeyboardInterrupt" not in out:
        print("Ctrl-C in a loop: wanted a KeyboardInterrupt traceback in %r" % out)
        ok = False
    os.write(fd, b"n > 0\n")
    out = read_until(fd, b"py> ")
    transcript += out
    if "True" not in out:
        print("after Ctrl-C in a loop: wanted True in %r" % out)
        ok = False
    # ... and in a blocking wait.
    os.write(fd, b"import time; time.sleep(30)\n")
    time.sleep(0.5)
    os.write(fd, b"\x03")
    out = read_until(fd, b"py> ", timeout=5)
    transcript += out
    if "KeyboardInterrupt" not in out:
        print("Ctrl-C in sleep: wanted KeyboardInterrupt in %r" % out)
        ok = False
    os.write(fd, b"\x04")
    deadline = time.time() + 10
    status = None
    while time.time() < deadline:
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
            break
        try:
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                os.read(fd, 4096)
        except OSError:
            pass
    if status is None:
        os.kill(pid, 9)
        print("no exit after Ctrl-D")
        ok = False
    elif not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        print("exit status", status)
        ok = False
    try:
        print(transcript)
    except BrokenPipeError:
        pass
    return 0 if ok else 1

sys.exit(main())
