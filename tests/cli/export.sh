#!/bin/sh
# export.sh CEFO - models exported as MPS and CPLEX LP are read back by glpsol (GLPK's own
# command-line solver) to the objectives derived by hand in tests/golden/*.expect; the DOT
# graph has the plan's nodes and flows; an unwritable path is exit 73 with nothing left.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "export: $*"; exit 1; }
command -v glpsol >/dev/null || { echo "export: glpsol not installed (apt-get install glpk-utils)"; exit 77; }
for name in pooled-reuse linked-chain pollutant-cap rectify recycler; do
    want=$(sed -n 's/^objective //p' "tests/golden/$name.expect")
    "$cefo" export "tests/golden/$name.xml" --mps "$dir/$name.mps" --lp "$dir/$name.lp" \
        || fail "$name: export"
    for form in freemps lp; do
        ext=$([ $form = lp ] && echo lp || echo mps)
        got=$(glpsol --$form "$dir/$name.$ext" -o /dev/stdout 2>/dev/null \
              | sed -n 's/^Objective: *[^=]*= *\([-0-9.e+]*\).*/\1/p')
        awk -v g="$got" -v w="$want" 'BEGIN { d = g - w; if (d < 0) d = -d; exit !(g != "" && d <= 1e-6 * (1 + (w < 0 ? -w : w))) }' \
            || fail "$name.$ext: glpsol finds '$got', the hand derivation $want"
    done
done
grep -q 'x_tannery' "$dir/pooled-reuse.lp" || fail "LP names"
"$cefo" export tests/golden/pooled-reuse.xml --dot "$dir/plan.dot" || fail "dot"
grep -q '"p:recycler" \[shape=hexagon, label="recycler\\n20", tooltip="recycler"\]' "$dir/plan.dot" || fail "dot: recycler node"
grep -q '"m:scrap" -> "p:recycler" \[color=sienna, style=dashed' "$dir/plan.dot" || fail "dot: waste edge"
"$cefo" export tests/golden/pooled-reuse.xml --mps /nonexistent-dir/m.mps 2>/dev/null
[ $? -eq 73 ] || fail "unwritable path"
[ -z "$(ls "$dir" | grep -v -e '\.mps$' -e '\.lp$' -e '\.dot$')" ] || fail "temporary files left"
echo "export: ok"
