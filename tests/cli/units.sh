#!/bin/sh
# units.sh CEFO - indicators never add amounts in different units (issue 18.1): the hand
# numbers of tests/golden/units.expect in JSON, CSV and text; the bundled example's waste in
# one converted unit; whatif, sweep and the report by unit too.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
fail() { echo "units: $*"; status=1; }
net=tests/golden/units.xml

# By hand (units.expect): 2 t + 500 kg = 2.5 t; 300 m3 + 30000 L = 330 m3; 40 pieces apart.
"$cefo" solve $net -f json >"$dir/u.json" || fail "solve json: exit $?"
tests/json_check.py "$dir/u.json" \
    --expect indicators.waste_generated '{"t": 2.5, "m3": 330, "pieces": 40}' \
    --expect indicators.waste_reused '{"t": 1, "m3": 0, "pieces": 0}' \
    --expect indicators.waste_treated '{"t": 0, "m3": 200, "pieces": 0}' \
    --expect indicators.waste_disposed '{"t": 1.5, "m3": 130, "pieces": 40}' \
    --expect indicators.reuse_rate '{"t": 0.4, "m3": 0, "pieces": 0}' \
    --expect indicators.virgin_import '{"t": 0.1, "m3": 300}' \
    --expect indicators.labour 5 || fail "JSON indicators differ from the hand numbers"
"$cefo" solve $net -f csv >"$dir/u.csv" || fail "solve csv: exit $?"
tests/csv_check.py "$dir/u.csv" \
    --expect 'section=indicator&id=waste_generated&unit=t' value 2.5 \
    --expect 'section=indicator&id=waste_generated&unit=m3' value 330 \
    --expect 'section=indicator&id=waste_generated&unit=pieces' value 40 \
    --expect 'section=indicator&id=reuse_rate&unit=t/t' value 0.4 \
    --expect 'section=indicator&id=virgin_import&unit=t' value 0.1 \
    --expect 'section=material&id=sludge&quantity=shadow_price' unit kCNY/t \
    || fail "CSV indicators differ from the hand numbers"
"$cefo" solve $net >"$dir/u.txt" || fail "solve text: exit $?"
for want in "  waste generated                   2.5 t" "  waste generated                   330 m3" \
    "  waste generated                    40 pieces" "  reuse rate                        0.4 t/t" \
    "  virgin import                     0.1 t"; do
    grep -qxF "$want" "$dir/u.txt" || fail "text lacks '$want'"
done

# Shadow prices in words with their units, by hand: one more t of leather costs the tannery's
# 100, 10 kg of chrome at 3, 30 m3 of water at 0.5, and the disposal at the margin of its
# wastes: 0.2 t of sludge discharged at 5 (the brickworks is full), 50 kg of dust in the kiln
# at 0.005, 30 m3 of effluent discharged at 1 (the plant is full), 3000 L of rinse at 0.001,
# 4 drums at 2: 100 + 30 + 15 + 1 + 0.25 + 30 + 3 + 8 = 187.25 kCNY/t. One more unit of the
# brickworks saves a discharge (5) and earns a brick (2) for its cost (1): 6; of the plant,
# 1 - 0.5 = 0.5.
for want in "  one more t of leather demand costs 187.25 kCNY (187.25 kCNY/t)" \
    "  one more unit of capacity of brickworks saves 6 kCNY (-6 kCNY/unit of activity)" \
    "  one more unit of capacity of wwtp saves 0.5 kCNY (-0.5 kCNY/unit of activity)"; do
    grep -qxF "$want" "$dir/u.txt" || fail "text lacks '$want'"
done
grep -q "^Materials (amounts in the unit shown; shadow price in kCNY per that unit)$" "$dir/u.txt" \
    || fail "text: the materials' units"

# The bundled example: its wastewater (kt) and sludge (t) in one unit, t, after conversion;
# the total checked against the example's own recipes and activities (a separate sum).
ex=examples/zhenan-cluster.xml
"$cefo" solve $ex -f json >"$dir/ex.json" || fail "example: exit $?"
tests/json_check.py "$dir/ex.json" || fail "example: JSON check"
python3 - "$dir/ex.json" $ex <<'PY' || fail "example: waste generated is not the converted sum"
import json, sys, xml.etree.ElementTree as ET
doc = json.load(open(sys.argv[1]))
root = ET.parse(sys.argv[2]).getroot()
units = {m.get("id"): m.get("unit") for m in root.iter("material") if m.get("kind") == "waste"}
to_t = {"t": 1, "kt": 1000}
assert set(units.values()) <= set(to_t), units   # the example's wastes: t and kt only
activity = {p["id"]: p["activity"] for p in doc["processes"]}
want = sum(float(o.get("amount")) * activity[p.get("id")] * to_t[units[o.get("material")]]
           for p in root.iter("process") for o in p.findall("output")
           if o.get("material") in units)
got = doc["indicators"]["waste_generated"]
assert list(got) == ["t"], got
assert abs(got["t"] - want) <= 1e-9 * want, (got, want)
PY

# whatif and sweep: by unit as well.
printf '<scenarios version="1"><scenario id="more"><scale sel="//demand/@amount" factor="2"/></scenario></scenarios>\n' >"$dir/s.xml"
"$cefo" whatif $net "$dir/s.xml" >"$dir/w.txt" || fail "whatif: exit $?"
grep -q "^waste generated (t)  *2.5  *5$" "$dir/w.txt" || fail "whatif text: $(grep generated "$dir/w.txt")"
grep -q "^reuse rate (t/t)  *0.4  *0.2$" "$dir/w.txt" || fail "whatif text: $(grep rate "$dir/w.txt")"
"$cefo" whatif $net "$dir/s.xml" -f csv >"$dir/w.csv" || fail "whatif csv: exit $?"
tests/csv_check.py "$dir/w.csv" --expect 'label=more&id=waste_generated&unit=m3' value 660 \
    || fail "whatif csv"
"$cefo" sweep $net --param "//demand/@amount=10:20:2" >"$dir/sw.csv" || fail "sweep: exit $?"
tests/csv_check.py "$dir/sw.csv" --expect 'point=1' waste_generated:t 5 \
    --expect 'point=0' waste_generated:pieces 40 --expect 'point=0' virgin_import:m3 300 \
    || fail "sweep columns by unit"
"$cefo" report $net -o "$dir/r.html" || fail "report: exit $?"
grep -q "<tr><td>waste generated</td><td>330</td><td>m3</td></tr>" "$dir/r.html" \
    || fail "report: waste generated in m3"
[ $status -eq 0 ] && echo "units: ok"
exit $status
