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
# Behaviour tests: tests/py/NAME.py with NAME.exp recorded from python3.
if [ -x "$dir/ouro" ] && ls "$here"/tests/py/*.py > /dev/null 2>&1; then
    for py in "$here"/tests/py/*.py; do
        name="$(basename "$py" .py)"; exp="${py%.py}.exp"
        (cd "$here/tests/py" && timeout 60 ${RUNNER:-} "$dir/ouro" "$name.py" < /dev/null > "$log" 2> /dev/null)
        if cmp -s "$log" "$exp"; then passed=$((passed + 1));
        else failed=$((failed + 1)); echo "FAIL py/$name"; diff "$exp" "$log" | head -n 20 | sed 's/^/    /'; fi
    done
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
