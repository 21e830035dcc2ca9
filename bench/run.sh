#!/usr/bin/env bash
# bench/run.sh — builds and runs the benchmarks: for now the C allocator benchmark
# (bench/c/alloc_bench.c, compiled with src/mem and src/base at -O2 -DNDEBUG), then the
# Python benchmarks of bench/py on python3 and ./ouro side by side (bench/py/run.sh).
# Options: RUNS (default 5), MOPS (million ops, 12).
set -eu
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/build/bench"
mkdir -p "$out"
CC="${CC:-cc}"
"$CC" -std=c11 -D_GNU_SOURCE -O2 -DNDEBUG -Wall -Wextra -Werror -Wno-unused-parameter \
    -I"$here/include" -I"$here/src" -pthread -o "$out/alloc_bench" \
    "$here/bench/c/alloc_bench.c" "$here"/src/mem/*.c "$here"/src/base/*.c -ldl -lm
echo "== C allocator benchmark ($(uname -m), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //'), $CC)"
"$out/alloc_bench" "${RUNS:-5}" "${MOPS:-12}"
if [ -x "$here/ouro" ]; then
    "$here/bench/py/run.sh" "$here/ouro"
    "$here/bench/py/gc_run.sh" "$here/ouro"   # the collector (issue 5)
    "$here/bench/py/threads_run.sh" "$here/ouro"   # threads and the GIL (issue 8)
    "$here/bench/slots_memory.sh" "$here/ouro"   # issue 7: bytes per instance
fi
