#!/usr/bin/env bash
# bench/py/gc_run.sh OURO — the collector benchmarks (bench/py/gc_*.py): each prints
# "metric value" lines; both interpreters run interleaved RUNS times (default 3) and the
# median of each metric is printed side by side with the ratio ouro/CPython, with the
# peak memory (max RSS) of the runs. Timing inside the scripts: see gc_traversal.py.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
ouro="${1:?usage: bench/py/gc_run.sh OURO}"
runs="${RUNS:-3}"
py="$(python3 -c 'import sys; print(sys.executable)')"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "== collector benchmarks (median of $runs, interleaved): ouro vs $py"
printf '%-14s %-18s %12s %12s %8s\n' benchmark metric cpython ouro ratio
for b in "$here"/gc_*.py; do
    name="$(basename "$b" .py)"
    : > "$tmp/py"; : > "$tmp/ou"
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "peak_rss_kb %M" -o "$tmp/t" "$py" "$b" >> "$tmp/py" && cat "$tmp/t" >> "$tmp/py"
        /usr/bin/time -f "peak_rss_kb %M" -o "$tmp/t" "$ouro" "$b" >> "$tmp/ou" && cat "$tmp/t" >> "$tmp/ou"
    done
    for m in $(awk '{print $1}' "$tmp/py" | awk '!seen[$0]++'); do
        vp=$(awk -v m="$m" '$1 == m {print $2}' "$tmp/py" | median)
        vo=$(awk -v m="$m" '$1 == m {print $2}' "$tmp/ou" | median)
        case "$vp" in *[!0-9.]*|'') continue ;; esac
        printf '%-14s %-18s %12s %12s %8s\n' "$name" "$m" "$vp" "$vo" \
            "$(awk -v a="$vo" -v b="$vp" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "-" }')"
    done
done
