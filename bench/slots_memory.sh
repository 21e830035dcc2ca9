#!/usr/bin/env bash
# bench/slots_memory.sh OURO [N] — bytes per instance of a 3-attribute class with a
# __dict__ and with __slots__ (bench/slots_memory.py), ouro beside the real python3
# binary: the allocator's accounting (ouro) / tracemalloc (CPython), and peak RSS. Each
# figure comes from its own process.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
ouro="${1:?usage: bench/slots_memory.sh OURO [N]}"
n="${2:-1000000}"
py="$(python3 -c 'import sys; print(sys.executable)')"
field() { awk -v i="$1" '{print $i}'; }
echo "== bytes per instance, $n instances of a 3-attribute class: ouro vs $py"
printf '%-8s %14s %14s %16s %14s\n' layout ouro_alloc ouro_rss cpython_tracemal cpython_rss
for kind in dict slots; do
    o="$("$ouro" "$here/slots_memory.py" "$kind" "$n")"
    pr="$("$py" "$here/slots_memory.py" "$kind" "$n")"
    pt="$(TRACEMALLOC=1 "$py" "$here/slots_memory.py" "$kind" "$n")"
    printf '%-8s %14s %14s %16s %14s\n' "$kind" "$(echo "$o" | field 3)" "$(echo "$o" | field 4)" \
        "$(echo "$pt" | field 3)" "$(echo "$pr" | field 4)"
done
