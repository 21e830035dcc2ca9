#!/usr/bin/env bash
# tests/cli.sh OURO — the `ouro` command: options, sys.argv, exit statuses, programs from
# -c / a file / stdin, -i, and the REPL driven through a pseudo-terminal
# (tests/repl_pty.py). Prints "ok NAME" / "FAIL NAME" lines, then "cli: N passed, N failed".
set -u
ouro="${1:?usage: tests/cli.sh OURO}"
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
passed=0; failed=0

# check NAME EXPECTED_STATUS EXPECTED_STDOUT EXPECTED_STDERR -- command...
check() {
    local name="$1" st="$2" out="$3" err="$4"; shift 5
    "$@" > "$tmp/out" 2> "$tmp/err" < "${STDIN:-/dev/null}"
    local rc=$?
    if [ "$rc" = "$st" ] && [ "$(cat "$tmp/out")" = "$out" ] && [ "$(cat "$tmp/err")" = "$err" ]; then
        passed=$((passed + 1)); echo "ok   cli/$name"
    else
        failed=$((failed + 1)); echo "FAIL cli/$name: status $rc (want $st)"
        echo "    stdout: $(head -c 300 "$tmp/out")"; echo "    want:   $out"
        echo "    stderr: $(head -c 300 "$tmp/err")"; echo "    want:   $err"
    fi
}

check version 0 "ouro 0.1.0" "" -- "$ouro" --version
check version-V 0 "ouro 0.1.0" "" -- "$ouro" -V
check help 0 "$("$ouro" -h | head -n 1)" "" -- sh -c "\"$ouro\" -h | head -n 1"
check bad-option 2 "" "Unknown option: -z
usage: ouro [option] ... [-c cmd | -m mod | file | -] [arg] ...
Try \`ouro -h' for more information." -- "$ouro" -z
check c-missing 2 "" "Argument expected for the -c option
usage: ouro [option] ... [-c cmd | -m mod | file | -] [arg] ...
Try \`ouro -h' for more information." -- "$ouro" -c
check c-argv 0 "['-c', 'a', 'b']" "" -- "$ouro" -c 'import sys; print(sys.argv)' a b
check c-status-0 0 "hi" "" -- "$ouro" -c 'print("hi")'
check ignored-options 0 "ok" "" -- "$ouro" -u -B -E -s -S -O -X dev -W ignore -c 'print("ok")'
check pythonpath 0 "['', '/p/a', '/p/b']" "" -- env PYTHONPATH=/p/a::/p/b "$ouro" -c 'import sys; print(sys.path[:3])'
check c-uncaught 1 "" 'Traceback (most recent call last):
  File "<string>", line 1, in <module>
ZeroDivisionError: division by zero' -- "$ouro" -c 'print(1/0)'
check exit-int 5 "" "" -- "$ouro" -c 'raise SystemExit(5)'
check exit-none 0 "" "" -- "$ouro" -c 'raise SystemExit'
check exit-str 1 "" "bye" -- "$ouro" -c 'import sys; sys.exit("bye")'
check exit-list 1 "" "[1]" -- "$ouro" -c 'import sys; sys.exit([1])'
check exit-flushes 3 "out" "" -- "$ouro" -c 'import sys; print("out", end=""); sys.exit(3)'
check syntax-c 1 "" '  File "<string>", line 1
    x = = 1
        ^
SyntaxError: invalid syntax' -- "$ouro" -c 'x = = 1'
check missing-file 2 "" "ouro: can't open file '/nonexistent/x.py': [Errno 2] No such file or directory" -- "$ouro" /nonexistent/x.py
check directory 1 "" "ouro: can't find '__main__' module in '$tmp'" -- "$ouro" "$tmp"
printf 'import sys\nprint(sys.argv, __name__, __file__.endswith("prog.py"))\nprint(sys.path[0] == "%s")\n' "$(cd "$tmp" && pwd -P)" > "$tmp/prog.py"
check script-argv 0 "['$tmp/prog.py', 'x', '-y'] __main__ True
True" "" -- "$ouro" "$tmp/prog.py" x -y
printf 'import sys\nprint(sys.argv)\nprint(input("name? "))\nprint(input())\ntry:\n    input()\nexcept EOFError as e:\n    print("EOFError:", e)\n' > "$tmp/stdin.py"
printf 'alice\nbob\n' > "$tmp/input.txt"
STDIN="$tmp/input.txt" check input-eof 0 "['$tmp/stdin.py']
name? alice
bob
EOFError: EOF when reading a line" "" -- "$ouro" "$tmp/stdin.py"
printf 'import sys\nprint(sys.argv)\nprint(sum(range(5)))\n' > "$tmp/piped.py"
STDIN="$tmp/piped.py" check stdin-dash 0 "['-', 'p', 'q']
10" "" -- "$ouro" - p q
STDIN="$tmp/piped.py" check stdin-implicit 0 "['']
10" "" -- "$ouro"
printf 'x = 5\nprint(x + y)\nx * 2\ndef f():\n    return 7\n\nf()\n' > "$tmp/repl_in.txt"
STDIN="$tmp/repl_in.txt" check interactive-after-c 0 "6
10
7" ">>> >>> >>> >>> ... ... >>> >>> " -- "$ouro" -i -c 'y = 1'
printf 'print(undefined_name)\n' > "$tmp/nameerr.py"
check name-error 1 "" "Traceback (most recent call last):
  File \"$tmp/nameerr.py\", line 1, in <module>
    print(undefined_name)
          ^^^^^^^^^^^^^^
NameError: name 'undefined_name' is not defined" -- "$ouro" "$tmp/nameerr.py"
# Bad input of issue 4 part 4: random bytes, an unterminated string, deep nesting, a long
# file, deep recursion: a clear error and status 1, never a crash.
head -c 4096 /dev/urandom > "$tmp/random.py" 2>/dev/null || true
"$ouro" "$tmp/random.py" > /dev/null 2>&1; rc=$?
if [ $rc -eq 1 ]; then passed=$((passed + 1)); echo "ok   cli/random-bytes"; else failed=$((failed + 1)); echo "FAIL cli/random-bytes: status $rc"; fi
python3 -c 'print("x = " + "(" * 1000 + ")" * 1000)' > "$tmp/nested.py"
"$ouro" "$tmp/nested.py" > /dev/null 2> "$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q "Error" "$tmp/err"; then passed=$((passed + 1)); echo "ok   cli/nested-parens"; else failed=$((failed + 1)); echo "FAIL cli/nested-parens: status $rc"; fi
python3 -c '
for i in range(100000): print("x%d = %d" % (i % 100, i))
print("print(x99)")' > "$tmp/long.py"
check long-file 0 "99999" "" -- "$ouro" "$tmp/long.py"
printf 's = "abc\n' > "$tmp/unterminated.py"
"$ouro" "$tmp/unterminated.py" > /dev/null 2> "$tmp/err"; rc=$?
if [ $rc -eq 1 ] && grep -q "SyntaxError: unterminated string literal" "$tmp/err"; then passed=$((passed + 1)); echo "ok   cli/unterminated-string"; else failed=$((failed + 1)); echo "FAIL cli/unterminated-string: status $rc: $(cat "$tmp/err")"; fi
printf 'def f(n):\n    return f(n + 1) + 1\nf(0)\n' > "$tmp/deep.py"
"$ouro" "$tmp/deep.py" > /dev/null 2> "$tmp/err"; rc=$?
if [ $rc -eq 1 ] && tail -n 1 "$tmp/err" | grep -q "^RecursionError: maximum recursion depth exceeded"; then passed=$((passed + 1)); echo "ok   cli/deep-recursion"; else failed=$((failed + 1)); echo "FAIL cli/deep-recursion: status $rc"; fi
# More bad input (language pass): NUL bytes, bytes that are not UTF-8, a tab/space mix,
# async syntax (ouro has no coroutines: a SyntaxError where CPython would compile it).
printf 'x = 1\000\n' > "$tmp/nul.py"
check null-bytes 1 "" "  File \"$tmp/nul.py\", line 1
    x = 1
SyntaxError: source code cannot contain null bytes" -- "$ouro" "$tmp/nul.py"
printf 'x = 1\n# \303( \n' > "$tmp/latin.py"
check non-utf8 1 "" "SyntaxError: Non-UTF-8 code starting with '\\xc3' in file $tmp/latin.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details" -- "$ouro" "$tmp/latin.py"
printf 'if True:\n\tx = 1\n        y = 2\n' > "$tmp/tabs.py"
check tab-error 1 "" "  File \"$tmp/tabs.py\", line 3
    y = 2
TabError: inconsistent use of tabs and spaces in indentation" -- "$ouro" "$tmp/tabs.py"
check async-def 1 "" "  File \"<string>\", line 1
SyntaxError: 'async def' is not supported (ouro has no coroutines)" -- "$ouro" -c 'async def f(): pass'
check await-outside 1 "" "  File \"<string>\", line 1
SyntaxError: 'await' outside function" -- "$ouro" -c 'await x'
# The REPL on a terminal.
if command -v python3 > /dev/null; then
    if python3 "$here/repl_pty.py" "$ouro" > "$tmp/repl.log" 2>&1; then
        passed=$((passed + 1)); echo "ok   cli/repl-pty"
    else
        failed=$((failed + 1)); echo "FAIL cli/repl-pty"; tail -n 20 "$tmp/repl.log" | sed 's/^/    /'
    fi
fi
# -m: a module or a package's __main__ from sys.path (the working directory first), with
# CPython's messages when there is nothing to run.
mkdir -p "$tmp/mods/pkg" "$tmp/mods/nomain"
ouro_abs="$(cd "$(dirname "$ouro")" && pwd)/$(basename "$ouro")"
printf 'import sys\nprint(__name__, sys.argv[1:], sys.argv[0].endswith("mmod.py"))\n' > "$tmp/mods/mmod.py"
printf 'print("pkg init")\n' > "$tmp/mods/pkg/__init__.py"
printf 'import sys\nprint("pkg main", __name__, sys.argv[1:])\n' > "$tmp/mods/pkg/__main__.py"
printf 'print("sub", __name__)\n' > "$tmp/mods/pkg/sub.py"
: > "$tmp/mods/nomain/__init__.py"
check m-module 0 "__main__ ['a', 'b'] True" "" -- sh -c "cd '$tmp/mods' && '$ouro_abs' -m mmod a b"
check m-package 0 "pkg init
pkg main __main__ ['x']" "" -- sh -c "cd '$tmp/mods' && '$ouro_abs' -m pkg x"
check m-submodule 0 "pkg init
sub __main__" "" -- sh -c "cd '$tmp/mods' && '$ouro_abs' -m pkg.sub"
check m-missing 1 "" "ouro: No module named nope" -- "$ouro" -m nope
check m-no-main 1 "" "ouro: No module named nomain.__main__; 'nomain' is a package and cannot be directly executed" -- sh -c "cd '$tmp/mods' && '$ouro_abs' -m nomain"
check m-builtin 1 "" "ouro: No code object available for gc" -- "$ouro" -m gc
check m-not-package 1 "mmod [] False" "ouro: Error while finding module specification for 'mmod.x' (ModuleNotFoundError: __path__ attribute not found on 'mmod' while trying to find 'mmod.x')" -- sh -c "cd '$tmp/mods' && '$ouro_abs' -m mmod.x"
check m-arg-missing 2 "" "Argument expected for the -m option
usage: ouro [option] ... [-c cmd | -m mod | file | -] [arg] ...
Try \`ouro -h' for more information." -- "$ouro" -m
# Ctrl-C while programs run, compared with python3 under the same signal timing.
if command -v python3 > /dev/null; then
    if python3 "$here/sigint.py" "$ouro" > "$tmp/sigint.log" 2>&1; then
        passed=$((passed + 1)); echo "ok   cli/sigint"
    else
        failed=$((failed + 1)); echo "FAIL cli/sigint"; grep -v '^ok' "$tmp/sigint.log" | head -n 20 | sed 's/^/    /'
    fi
fi
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
