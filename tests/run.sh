#!/usr/bin/env bash
# tests/run.sh BUILD_DIR — runs every unit test binary of BUILD_DIR/tests (TAP output) and
# every tests/py/*.py against its .exp with BUILD_DIR/ouro, then prints one line
# "N passed, N failed". $RUNNER (e.g. valgrind ...) prefixes each command.
set -u
dir="${1:?usage: tests/run.sh BUILD_DIR}"
here="$(cd "$(dirname "$0")/.." && pwd)"
passed=0; failed=0
log="$(mktemp)"; trap 'rm -f "$log"' EXIT
for bin in "$dir"/tests/test_*; do
    [ -x "$bin" ] || continue
    name="$(basename "$bin")"
    ${RUNNER:-} "$bin" > "$log" 2>&1
    rc=$?
    ok=$(grep -c '^ok ' "$log"); nok=$(grep -c '^not ok ' "$log")
    passed=$((passed + ok)); failed=$((failed + nok))
    if [ "$rc" -ne 0 ] && [ "$nok" -eq 0 ]; then
        failed=$((failed + 1)); echo "FAIL $name (exit $rc)"; tail -n 30 "$log" | sed 's/^/    /'
    elif [ "$nok" -ne 0 ]; then
        echo "FAIL $name ($nok failed)"; grep -E '^(not ok|#   )' "$log" | head -n 40 | sed 's/^/    /'
    else
        echo "ok   $name ($ok)"
    fi
done
# Behaviour tests: tests/py/NAME.py with NAME.exp recorded from python3 (stdout), and
# optionally NAME.err (stderr, with the absolute tests/py/ prefix of paths removed, as
# tests/py/record.sh records it). Files named *_mod.py or in subdirectories are modules
# the tests import, not tests. OURO_REPORT_LEAKS=1 makes ouro report what it did not free
# at exit: any report fails the test (the collector frees cycles at teardown).
if [ -x "$dir/ouro" ] && ls "$here"/tests/py/*.py > /dev/null 2>&1; then
    errlog="$(mktemp)"; trap 'rm -f "$log" "$errlog"' EXIT
    case "$dir" in /*) ouro="$dir/ouro" ;; *) ouro="$here/$dir/ouro" ;; esac
    for py in "$here"/tests/py/*.py; do
        name="$(basename "$py" .py)"; exp="${py%.py}.exp"; err="${py%.py}.err"
        case "$name" in *_mod) continue ;; esac
        [ -f "$exp" ] || continue
        # Timing-dependent thread tests cannot run under valgrind, which runs one thread
        # at a time: they say so with this marker line.
        if [ -n "${RUNNER:-}" ] && grep -q '^# test: not under valgrind' "$py"; then
            echo "skip py/$name (not under valgrind)"; continue
        fi
        (cd "$here/tests/py" && OURO_REPORT_LEAKS=1 timeout 60 ${RUNNER:-} "$ouro" "$name.py" < /dev/null > "$log" 2> "$errlog")
        sed -i "s|$here/tests/py/||g" "$errlog"
        ok=1
        cmp -s "$log" "$exp" || ok=0
        if [ -f "$err" ]; then cmp -s "$errlog" "$err" || ok=0;
        elif grep -q "still in use at exit" "$errlog"; then ok=0; fi
        if [ $ok -eq 1 ]; then passed=$((passed + 1));
        else
            failed=$((failed + 1)); echo "FAIL py/$name"
            diff "$exp" "$log" | head -n 20 | sed 's/^/    /'
            if [ -f "$err" ]; then diff "$err" "$errlog" | head -n 20 | sed 's/^/    err /';
            else grep "still in use" "$errlog" | sed 's/^/    /'; fi
        fi
    done
fi
# The command: options, exit statuses, stdin, -i, bad input, the REPL on a pty.
if [ -x "$dir/ouro" ] && [ -x "$here/tests/cli.sh" ]; then
    case "$dir" in /*) ouro="$dir/ouro" ;; *) ouro="$here/$dir/ouro" ;; esac
    "$here/tests/cli.sh" "$ouro" > "$log" 2>&1
    cp=$(grep -c '^ok ' "$log"); cf=$(grep -c '^FAIL ' "$log")
    passed=$((passed + cp)); failed=$((failed + cf))
    if [ "$cf" -ne 0 ]; then grep -A6 '^FAIL ' "$log" | head -n 40 | sed 's/^/    /'; else echo "ok   cli ($cp)"; fi
fi
# The walkthrough of `make demo` (issue 9): each examples/walkthrough program's deterministic
# output against tests/walkthrough/*.exp, recorded from python3 (see tests/walkthrough.sh).
if [ -x "$dir/ouro" ] && [ -x "$here/tests/walkthrough.sh" ]; then
    case "$dir" in /*) ouro="$dir/ouro" ;; *) ouro="$here/$dir/ouro" ;; esac
    "$here/tests/walkthrough.sh" "$ouro" > "$log" 2>&1
    wp=$(grep -c '^ok ' "$log"); wf=$(grep -c '^FAIL ' "$log")
    passed=$((passed + wp)); failed=$((failed + wf))
    if [ "$wf" -ne 0 ]; then grep -A24 '^FAIL ' "$log" | head -n 60 | sed 's/^/    /'; else echo "ok   walkthrough ($wp)"; fi
fi
# The embedding example (make test builds it against libouro.so).
if [ -x "$here/build/embed" ] && [ "$dir" = "build/debug" ]; then
    if ${RUNNER:-} "$here/build/embed" > "$log" 2>&1 && cmp -s "$log" "$here/examples/embed.exp"; then
        passed=$((passed + 1)); echo "ok   examples/embed"
    else
        failed=$((failed + 1)); echo "FAIL examples/embed"; diff "$here/examples/embed.exp" "$log" | head -n 20 | sed 's/^/    /'
    fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
