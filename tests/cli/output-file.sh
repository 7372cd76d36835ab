#!/bin/sh
# output-file.sh CEFO - `-o OUT` writes exactly what stdout would, atomically, and nothing on error.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "output-file: $*"; exit 1; }

"$cefo" solve tests/golden/linked-chain.xml --format json >"$dir/stdout.json" || fail "solve to stdout"
"$cefo" solve tests/golden/linked-chain.xml --format json -o "$dir/plan.json" >"$dir/quiet" || fail "solve -o"
cmp -s "$dir/stdout.json" "$dir/plan.json" || fail "-o differs from stdout"
tests/json_check.py "$dir/plan.json" || fail "plan.json is not a valid plan"
[ -s "$dir/quiet" ] && fail "solve -o also printed on stdout"
# An infeasible model still writes its result (exit 1).
"$cefo" solve tests/golden/infeasible.xml -o "$dir/infeasible.txt"
[ $? -eq 1 ] || fail "infeasible exit code"
grep -q '^Status: the model is infeasible$' "$dir/infeasible.txt" || fail "infeasible result not written"
# Invalid input: exit 65 and no output file at all.
"$cefo" solve tests/cli/data/bad-link.xml -o "$dir/bad.json" 2>/dev/null
[ $? -eq 65 ] || fail "bad input exit code"
[ -e "$dir/bad.json" ] && fail "output file written for invalid input"
# An existing output is replaced whole, and no temporary is left beside it.
"$cefo" solve tests/golden/pooled-reuse.xml -f csv -o "$dir/plan.json" || fail "overwrite"
head -n 1 "$dir/plan.json" | grep -q '^section,' || fail "overwrite content"
left=$(ls "$dir" | grep -v -x -e stdout.json -e plan.json -e quiet -e infeasible.txt)
[ -z "$left" ] || fail "files left behind: $left"
echo "output-file: ok"
