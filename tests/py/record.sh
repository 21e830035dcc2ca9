#!/usr/bin/env bash
# tests/py/record.sh [--err] NAME... — records NAME.exp (stdout of python3 NAME.py, run
# from tests/py) and, with --err, NAME.err (its stderr, with this directory's absolute
# path removed so that tracebacks read "File "NAME.py", ..."). Check the result by eye.
set -eu
cd "$(dirname "$0")"
err=0
if [ "${1:-}" = "--err" ]; then err=1; shift; fi
for name in "$@"; do
    name="${name%.py}"
    python3 "$name.py" < /dev/null > "$name.exp" 2> "$name.err.tmp" || true
    if [ $err -eq 1 ]; then sed "s|$PWD/||g" "$name.err.tmp" > "$name.err"; fi
    rm -f "$name.err.tmp"
done
