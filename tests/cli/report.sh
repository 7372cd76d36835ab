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
    grep -q "<th>$label\(</th>\|<br>\)" "$dir/report.html" || fail "no what-if column $label"
done
grep -q '<svg xmlns="http://www.w3.org/2000/svg" class="sankey"' "$dir/report.html" || fail "no Sankey"
"$cefo" report tests/golden/infeasible.xml -o "$dir/infeasible.html"
grep -q "exceeds what the cluster can supply by 40 t" "$dir/infeasible.html" || fail "no diagnosis"

# The plan itself, with its labels and units (tests/cli/data/report-labels.xml gives the values by
# hand): activities with name, sector and zone; link flows with distance; materials with
# imports and shadow prices in currency per unit; the largest emitters by firm and sector;
# the footprint of each final product.
l=tests/cli/data/report-labels.xml
"$cefo" report $l -o "$dir/labels.html" || fail "report of labels.xml"
has() { grep -q -- "$1" "$dir/labels.html" || fail "report: no $2"; }
has '<title>cefo plan: Test valley</title>' "network name in the title"
has '<h1>Test valley</h1>' "network name as the heading"
has '<tr><td>Valley Smelter</td><td>smelter</td><td>metals</td><td>north</td><td>production</td><td>100</td>' "activity row"
has '<tr><td>Slag Kiln</td><td>kiln</td><td>building</td><td>south</td><td>treatment</td><td>50</td>' "kiln row"
has '<tr><td>Valley Smelter</td><td>Slag Kiln</td><td>slag</td><td>50 t</td><td>12.5</td>' "link row with distance"
has '<tr><td>ore</td><td>resource</td><td>200 t</td><td>0 t</td><td>0 t</td><td>0 t</td><td>2 kCNY/t</td></tr>' "ore row"
has '<tr><td>metal</td><td>product</td><td>0 t</td><td>0 t</td><td>0 t</td><td>100 t</td><td>14.5 kCNY/t</td></tr>' "metal row"
has '<h3>CO2 (350 t)</h3>' "emitters of CO2"
has '<tr><td>Valley Smelter</td><td>metals</td><td>north</td><td>300 t</td><td>85.7%</td></tr>' "largest emitter"
has '<tr><td>Slag Kiln</td><td>building</td><td>south</td><td>50 t</td><td>14.3%</td></tr>' "second emitter"
has '<tr><td>metals</td><td>300 t</td><td>85.7%</td></tr>' "largest sector"
has '<tr><td>metal</td><td>100 t</td><td>0 t</td><td>3.5 t/t</td><td>350 t</td><td>2 t/t</td>' "footprint of metal"
"$cefo" report tests/golden/pooled-reuse.xml -o "$dir/pooled.html" || fail "report pooled-reuse"
grep -q '<tr><td>discharged scrap</td><td></td><td></td><td>20 kg</td><td>100.0%</td></tr>' \
    "$dir/pooled.html" || fail "report: discharges are not among the emitters"
grep -q '<tr><td>scrap</td><td>waste</td><td>0 t</td><td>0 t</td><td>10 t</td><td>0 t</td><td>-56 CNY/t</td></tr>' \
    "$dir/pooled.html" || fail "report: scrap row"

# The pictures carry the labels: process names as node labels, the id in the tooltip, the
# distance of a link; emissions drawn as flows to one terminal per pollutant; amounts written
# on the larger bands.
"$cefo" export $l --svg "$dir/labels.svg" --dot "$dir/labels.dot" || fail "export labels"
svg() { grep -q -- "$1" "$dir/labels.svg" || fail "svg: no $2"; }
svg '>Valley Smelter</text>' "process name as label"
svg '<title>Valley Smelter (smelter): activity 100</title>' "id in the tooltip"
svg '<title>Valley Smelter → Slag Kiln: slag 50 t, distance 12.5</title>' "link tooltip with distance"
svg '<title>Test valley: material flows of the plan</title>' "network name"
svg 'data-node="CO2" data-kind="emission"' "pollutant terminal"
svg '<title>Valley Smelter → CO2: CO2 300 t</title>' "emission flow"
svg '<text class="amount"[^>]*>200 t</text>' "amount on the ore band"
grep -q '"p:smelter" \[shape=box, label="Valley Smelter\\n100", tooltip="smelter"\]' "$dir/labels.dot" \
    || fail "dot: the process name: $(grep smelter "$dir/labels.dot" | head -1)"
grep -q 'label="Test valley"' "$dir/labels.dot" || fail "dot: the network name"
grep -q '"p:smelter" -> "p:kiln" .*label="50 t, 12.5"' "$dir/labels.dot" || fail "dot: the distance"
# A programme: the periods' table and the trajectory drawn as SVG, against the plan derived by
# hand in tests/cli/data/report-periods.xml (firms by state: p1 keep 3; p2 keep 1, rectify 2;
# p3 rectify 2, closed 1; COD 30, 10, 0 t against caps 40, 10, 0 t; costs 33, 63, 152).
"$cefo" report tests/cli/data/report-periods.xml -o "$dir/periods.html" || fail "report of a programme"
per() { grep -q -- "$1" "$dir/periods.html" || fail "programme report: no $2"; }
per '<th>period</th><th>years</th><th>discount factor</th><th>cost (kCNY)</th><th>discounted (kCNY)</th><th>keep</th><th>rectify</th><th>closed</th><th>COD (t)</th><th>COD cap (t)</th>' "periods' heads"
per '<tr><td>p1</td><td>1</td><td>1</td><td>33</td><td>33</td><td>3</td><td>0</td><td>0</td><td>30</td><td>40</td></tr>' "row of p1"
per '<tr><td>p2</td><td>1</td><td>1</td><td>63</td><td>63</td><td>1</td><td>2</td><td>0</td><td>10</td><td>10</td></tr>' "row of p2"
per '<tr><td>p3</td><td>1</td><td>1</td><td>152</td><td>152</td><td>0</td><td>2</td><td>1</td><td>0</td><td>0</td></tr>' "row of p3"
# The bars: one per period and state that has firms, its count, heights in proportion.
bars=$(grep -o '<rect class="state" data-period="[^"]*" data-state="[^"]*" data-count="[0-9]*"[^>]*height="[0-9.]*"' "$dir/periods.html" |
    sed 's/.*data-period="\([^"]*\)" data-state="\([^"]*\)" data-count="\([0-9]*\)".*height="\([0-9.]*\)"/\1 \2 \3 \4/')
[ "$(echo "$bars" | cut -d' ' -f1-3 | tr '\n' ,)" = "p1 keep 3,p2 keep 1,p2 rectify 2,p3 rectify 2,p3 closed 1," ] ||
    fail "trajectory bars: $bars"
echo "$bars" | awk '{ r = $4 / $3; if (NR == 1) r0 = r; else if (r < r0 - 0.01 || r > r0 + 0.01) bad = 1 }
    END { exit bad || r0 <= 0 }' || fail "bar heights not proportional to the counts: $bars"
em=$(grep -o '<rect class="emission" data-pollutant="COD" data-period="[^"]*" data-amount="[^"]*"' "$dir/periods.html" |
    sed 's/.*data-period="\([^"]*\)" data-amount="\([^"]*\)"/\1 \2/' | tr '\n' ,)
[ "$em" = "p1 30,p2 10,p3 0," ] || fail "emission bars: $em"
caps=$(grep -o '<line class="cap" data-pollutant="COD" data-period="[^"]*" data-cap="[^"]*"' "$dir/periods.html" |
    sed 's/.*data-period="\([^"]*\)" data-cap="\([^"]*\)"/\1 \2/' | tr '\n' ,)
[ "$caps" = "p1 40,p2 10,p3 0," ] || fail "cap steps: $caps"
per '<svg xmlns="http://www.w3.org/2000/svg" class="trajectory states"' "firms-by-state figure"
per 'class="axis-title"[^>]*>firms</text>' "axis title of the states"
per 'class="axis-title"[^>]*>COD (t per year)</text>' "axis title with the unit"
# Without periods, no trajectory.
grep -q 'class="trajectory\|id="periods"' "$dir/labels.html" && fail "a trajectory without periods"
# Cycles are broken at their lightest edges (tests/cli/data/sankey-cycle.xml): the 100 t of
# parts run forward, the 10 t of scrap that close the cycle are the loop.
"$cefo" export tests/cli/data/sankey-cycle.xml --svg "$dir/cycle.svg" || fail "export cycle"
flow() { grep "<title>$1</title>" "$dir/cycle.svg" | grep -o '^<path class="[^"]*"'; }
[ "$(flow 'Maker → Finisher: part 100 t')" = '<path class="link product-chain"' ] ||
    fail "the heavy edge of the cycle is not forward: $(flow 'Maker → Finisher: part 100 t')"
[ "$(flow 'Finisher → Maker: scrap 10 t')" = '<path class="link waste-chain loop"' ] ||
    fail "the light edge of the cycle is not the loop: $(flow 'Finisher → Maker: scrap 10 t')"
# No flow spills out of its node: where each band leaves (enters) a node, the band's whole
# width lies within the node's rectangle, on the 25-process cluster and the rectification case.
for ex in zhenan-cluster rectification; do
    "$cefo" export examples/$ex.xml --svg "$dir/$ex.svg" || fail "export $ex"
    python3 - "$dir/$ex.svg" <<'EOF' || fail "$ex: flows spill out of their nodes"
import re, sys
svg = open(sys.argv[1]).read()
rects = re.findall(r'<rect x="([-0-9.]+)" y="([-0-9.]+)" width="([0-9.]+)" height="([0-9.]+)"',
                   svg.split('class="nodes"')[1])
nodes = [tuple(map(float, r)) for r in rects]
bands = re.findall(r'<path class="link[^"]*"[^>]*stroke-width="([0-9.]+)" '
                   r'd="M([-0-9.]+),([-0-9.]+)[^"]*?([-0-9.]+),([-0-9.]+)"><title>([^<]*)', svg)
bad = []
for w, x0, y0, x1, y1, title in bands:
    w = float(w)
    for x, y, edge in ((float(x0), float(y0), 2), (float(x1), float(y1), 0)):
        at = [n for n in nodes if abs(n[0] + (n[2] if edge else 0) - x) < 0.11]
        if not any(n[1] - 0.2 <= y - w / 2 and y + w / 2 <= n[1] + n[3] + 0.2 for n in at):
            bad.append("%s: %g px wide at y %g" % (title, w, y))
print("\n".join(bad))
sys.exit(1 if bad or len(bands) < 50 else 0)
EOF
done
[ -z "$(ls "$dir" | grep -v -e '\.svg$' -e '\.html$' -e '\.dot$')" ] || fail "temporary files left"
echo "report: ok"
