#!/usr/bin/env bash
# examples/walkthrough/run.sh [INTERPRETER] — runs the nine walkthrough programs, one heading per
# concept (`make demo` calls it). INTERPRETER defaults to the ouro built at the top of the tree;
# `run.sh python3` runs the same programs on CPython for comparison. Lines starting with "  ~"
# are measurements; the other lines are facts each program checked on the runtime it ran on.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../.." && pwd)"
interp="${1:-$top/ouro}"
if [ ! -x "$interp" ] && ! command -v "$interp" > /dev/null 2>&1; then
    echo "run.sh: no interpreter at $interp (run 'make' first)" >&2; exit 2
fi
titles=(
    "1. Names, not variables"
    "2. Reference counts go up and down"
    "3. del removes a name, not an object"
    "4. Globals never go out of scope"
    "5. Reference cycles and the cycle collector"
    "6. Generations"
    "7. Weak references"
    "8. __slots__ and memory per instance"
    "9. The GIL"
)
status=0; i=0
start=$(date +%s)
for py in "$here"/[0-9][0-9]_*.py; do
    echo
    echo "=== ${titles[$i]:-$(basename "$py")} ($(basename "$py")) ==="
    (cd "$here" && "$interp" "$(basename "$py")") || { echo "!!! $(basename "$py") failed"; status=1; }
    i=$((i + 1))
done
echo
echo "=== walkthrough: $i parts on $("$interp" --version 2>&1 | head -n 1), $(( $(date +%s) - start )) s ==="
exit $status
