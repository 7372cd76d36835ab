#!/bin/sh
# report.sh CEFO - the Sankey SVG is well-formed XML with the plan's nodes and tooltips; the
# HTML report is written atomically, self-contained (no script, no external reference), and
# carries what-if columns when given scenarios.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "report: $*"; exit 1; }
"$cefo" export tests/golden/pooled-reuse.xml --svg "$dir/plan.svg" || fail "export --svg"
if command -v xmllint >/dev/null; then xmllint --noout "$dir/plan.svg" || fail "SVG is not well-formed"; fi
for node in tannery recycler leather board scrap imports "final demand" discharged; do
    grep -q "data-node=\"$node\"" "$dir/plan.svg" || fail "no Sankey node '$node'"
done
# Tooltips by hand: 100 t of leather made, 20 t of scrap recycled, 10 t discharged.
grep -q '<title>tannery → leather: leather 100 t</title>' "$dir/plan.svg" || fail "leather tooltip"
grep -q '<title>scrap → recycler: scrap 20 t</title>' "$dir/plan.svg" || fail "scrap tooltip"
grep -q '<title>scrap → discharged: scrap 10 t</title>' "$dir/plan.svg" || fail "discharge tooltip"
"$cefo" export tests/golden/linked-chain.xml --svg "$dir/chain.svg" || fail "chain svg"
grep -q 'class="link waste-chain"' "$dir/chain.svg" || fail "waste chain not drawn as such"
"$cefo" export tests/golden/infeasible.xml --svg "$dir/none.svg" || fail "infeasible svg"
grep -q "No plan to draw" "$dir/none.svg" || fail "an infeasible plan drew something"

"$cefo" report tests/golden/pollutant-cap.xml --scenarios tests/scenarios/cap-cases.xml \
    -o "$dir/report.html"
[ $? -eq 1 ] || fail "report with an infeasible scenario must exit 1"
grep -qi '<script\|src="http\|href="http\|@import\|url(' "$dir/report.html" && fail "not self-contained"
for label in base no-cap damage-x4 new-line dirty-capped too-tight; do
    grep -q "<th>$label</th>" "$dir/report.html" || fail "no what-if column $label"
done
grep -q '<svg xmlns="http://www.w3.org/2000/svg" class="sankey"' "$dir/report.html" || fail "no Sankey"
"$cefo" report tests/golden/infeasible.xml -o "$dir/infeasible.html"
grep -q "exceeds what the cluster can supply by 40 t" "$dir/infeasible.html" || fail "no diagnosis"
[ -z "$(ls "$dir" | grep -v -e '\.svg$' -e '\.html$')" ] || fail "temporary files left"
echo "report: ok"
