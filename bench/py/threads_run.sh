#!/usr/bin/env bash
# bench/py/threads_run.sh OURO — issue 8's thread benchmarks, side by side: threads_cpu.py
# (threaded/sequential time ratio) and threads_latency.py (wake-up lateness of a sleeping
# thread beside a CPU-bound one, and that thread's throughput). Interleaved runs; prints
# the median of each figure over RUNS (default 3) for the real python3 binary and OURO.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
ouro="${1:?usage: bench/py/threads_run.sh OURO}"
runs="${RUNS:-3}"
py="$(python3 -c 'import sys; print(sys.executable)')"
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for b in threads_cpu threads_latency; do
    for i in $(seq "$runs"); do
        "$py" "$here/$b.py" > "$tmp/py.$b.$i"
        "$ouro" "$here/$b.py" > "$tmp/ouro.$b.$i"
    done
done
echo "== Threads and the GIL (median of $runs, interleaved): ouro vs $py"
printf '%-28s %10s %10s\n' figure cpython ouro
for b in threads_cpu threads_latency; do
    keys="$(awk '{print $1}' "$tmp/py.$b.1")"
    for k in $keys; do
        col=$([ "$b" = threads_cpu ] && echo 3 || echo 2)
        vp=$(cat "$tmp"/py.$b.* | awk -v k="$k" -v c="$col" '$1 == k {print $c}' | median)
        vo=$(cat "$tmp"/ouro.$b.* | awk -v k="$k" -v c="$col" '$1 == k {print $c}' | median)
        [ "$b" = threads_cpu ] && k="$k (x sequential)"
        printf '%-28s %10s %10s\n' "$k" "$vp" "$vo"
    done
done
