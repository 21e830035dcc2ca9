#!/usr/bin/env bash
# bench/py/run.sh OURO — runs each bench/py/*.py with the real python3 binary and with
# OURO, interleaved, RUNS times (default 5), checks that both print the same thing, and
# prints the median times and the ratio ouro/CPython, of the whole runs and of the runs
# less each interpreter's median start-up time.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
ouro="${1:?usage: bench/py/run.sh OURO}"
runs="${RUNS:-5}"
py="$(python3 -c 'import sys; print(sys.executable)')"
now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# Start-up alone (`-c pass`), so that the last column compares the work itself: CPython
# spends tens of milliseconds starting (site, encodings), ouro about one.
sp=(); so=()
for _ in $(seq "$runs"); do
    s=$(now); "$py" -c pass; e=$(now); sp+=("$(awk -v a="$s" -v b="$e" 'BEGIN{print b-a}')")
    s=$(now); "$ouro" -c pass; e=$(now); so+=("$(awk -v a="$s" -v b="$e" 'BEGIN{print b-a}')")
done
msp=$(printf '%s\n' "${sp[@]}" | median); mso=$(printf '%s\n' "${so[@]}" | median)
echo "== Python benchmarks (median of $runs, interleaved): ouro vs $py"
printf 'start-up (-c pass): cpython %.3f s, ouro %.3f s\n' "$msp" "$mso"
printf '%-16s %10s %10s %8s %14s\n' benchmark cpython_s ouro_s ratio ratio_no_start
for b in "$here"/*.py; do
    name="$(basename "$b" .py)"
    case "$name" in gc_*) continue ;; esac # the collector's: bench/py/gc_run.sh (issue 5)
    case "$name" in threads_*) continue ;; esac # issue 8: bench/py/threads_run.sh
    want="$("$py" "$b")"
    got="$("$ouro" "$b" 2>&1)" || true
    if [ "$got" != "$want" ]; then
        printf '%-16s %s\n' "$name" "ouro's output differs: skipped"
        continue
    fi
    tp=(); to=()
    for _ in $(seq "$runs"); do
        s=$(now); "$py" "$b" > /dev/null; e=$(now); tp+=("$(awk -v a="$s" -v b="$e" 'BEGIN{print b-a}')")
        s=$(now); "$ouro" "$b" > /dev/null; e=$(now); to+=("$(awk -v a="$s" -v b="$e" 'BEGIN{print b-a}')")
    done
    mp=$(printf '%s\n' "${tp[@]}" | median); mo=$(printf '%s\n' "${to[@]}" | median)
    printf '%-16s %10.3f %10.3f %8.2f %14.2f\n' "$name" "$mp" "$mo" \
        "$(awk -v a="$mo" -v b="$mp" 'BEGIN{print a/b}')" \
        "$(awk -v a="$mo" -v b="$mp" -v c="$mso" -v d="$msp" 'BEGIN{print (a-c)/(b-d)}')"
done
