#!/bin/sh
# provenance.sh CEFO - a saved plan says where it came from (its file, the scenario and the
# edits: JSON's source, a line in text and CSV rows, the report's header) and carries the
# labels of the network and its processes, escaped for each form; whatif, report and sweep
# that exit 1 say on stderr which runs had no plan and why; scenarios' names beside their ids.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "provenance: $*"; exit 1; }
net=tests/golden/pollutant-cap.xml
scen=tests/scenarios/cap-cases.xml
edits="--set //demand/@amount=50 --scale //process/@cost=2 --remove //pollutant/@damage-cost"

# JSON: source = {file, scenario {id, name, file}, edits [...]} in the order given.
# shellcheck disable=SC2086 # $edits is a list of arguments
"$cefo" solve $net --scenarios $scen --scenario no-cap $edits -f json >"$dir/plan.json" \
    || fail "solve with a scenario and edits: exit $?"
tests/json_check.py "$dir/plan.json" --expect source.file "\"$net\"" \
    --expect source.scenario '{"id": "no-cap", "name": "the CO2 cap lifted", "file": "'$scen'"}' \
    --expect source.edits '[{"kind": "set", "selector": "//demand/@amount", "value": "50"},
        {"kind": "scale", "selector": "//process/@cost", "factor": 2},
        {"kind": "remove", "selector": "//pollutant/@damage-cost"}]' \
    --expect name null || fail "JSON source"
"$cefo" solve $net -f json >"$dir/plain.json"
tests/json_check.py "$dir/plain.json" --expect source \
    '{"file": "'$net'", "scenario": null, "edits": []}' || fail "JSON source of a plain run"

# Text: the scenario and the edits under "Plan for FILE"; the status in words.
# shellcheck disable=SC2086
"$cefo" solve $net --scenarios $scen --scenario no-cap $edits >"$dir/plan.txt"
sed -n 1,4p "$dir/plan.txt" >"$dir/head.txt"
cat >"$dir/want.txt" <<WANT
Plan for $net
Scenario: no-cap (the CO2 cap lifted) of $scen
Edits: set //demand/@amount=50; scale //process/@cost=2; remove //pollutant/@damage-cost
Status: optimal
WANT
diff -u "$dir/want.txt" "$dir/head.txt" || fail "text source lines"
"$cefo" solve tests/golden/infeasible.xml >"$dir/inf.txt" 2>/dev/null
grep -qx "Status: the model is infeasible" "$dir/inf.txt" || fail "status not in words"

# CSV: source rows (the edits numbered in order) before the status, the file still a table
# pandas reads with `value` numeric.
# shellcheck disable=SC2086
"$cefo" solve $net --scenarios $scen --scenario no-cap $edits -f csv >"$dir/plan.csv"
c() { tests/csv_check.py "$dir/plan.csv" --expect "$@" || fail "CSV: $1 $2 $3"; }
c "section=source&quantity=file" id "$net"
c "section=source&quantity=scenarios_file" id "$scen"
c "section=source&quantity=scenario" id no-cap
c "section=source&quantity=scenario_name" id "the CO2 cap lifted"
c "section=source&id=set //demand/@amount=50" value 1
c "section=source&id=scale //process/@cost=2" value 2
c "section=source&id=remove //pollutant/@damage-cost" value 3
if python3 -c "import pandas" 2>/dev/null; then
    python3 - "$dir/plan.csv" <<'PY' || fail "pandas cannot read the CSV as a table"
import sys, pandas
t = pandas.read_csv(sys.argv[1])
assert t["value"].dtype.kind == "f", t["value"].dtype
assert list(t[t.section == "source"].quantity) == ["file", "scenarios_file", "scenario",
    "scenario_name", "edit", "edit", "edit"]
PY
fi

# The report's header.
# shellcheck disable=SC2086
"$cefo" report $net --scenarios $scen --scenario no-cap $edits -o "$dir/r.html" \
    || fail "report: exit $?"
grep -q '<p class="source">Edits: set //demand/@amount=50; scale //process/@cost=2; remove //pollutant/@damage-cost</p>' \
    "$dir/r.html" || fail "report header: no edits"
grep -q '<th>no-cap<br><small>the CO2 cap lifted</small></th>' "$dir/r.html" \
    || fail "report: no scenario name beside its id"

# Labels: name, sector, zone of processes and the network's name, escaped in every form.
l=tests/cli/data/hostile-labels.xml
"$cefo" solve $l -f csv >"$dir/l.csv" || fail "labels csv"
[ -z "$(awk -f tests/cli/csvcheck.awk "$dir/l.csv")" ] || fail "labels: a formula in the CSV"
tests/csv_check.py "$dir/l.csv" --expect "section=label&quantity=network_name" id \
    "'=HYPERLINK(\"http://x\")" --expect "section=label&from=dirty&quantity=name" id \
    'old line, "A" <b>' --expect "section=label&from=dirty&quantity=sector" id "'+dye" \
    --expect "section=label&from=dirty&quantity=zone" id "'@town" \
    --expect "section=label&from=clean&quantity=name" id "'-new line" || fail "labels: CSV rows"
"$cefo" solve $l -f json >"$dir/l.json" || fail "labels json"
tests/json_check.py "$dir/l.json" --expect name '"=HYPERLINK(\"http://x\")"' \
    --expect processes.id=dirty.name '"old line, \"A\" <b>"' \
    --expect processes.id=dirty.sector '"+dye"' --expect processes.id=dirty.zone '"@town"' \
    --expect processes.id=clean.zone null || fail "labels: JSON fields"
"$cefo" solve $l >"$dir/l.txt" || fail "labels text"
grep -qx 'Network: =HYPERLINK("http://x")' "$dir/l.txt" || fail "labels: no network name"
grep -q '^  dirty .* +dye   @town old line, "A" <b>$' "$dir/l.txt" || fail "labels: text columns"
"$cefo" solve tests/golden/linked-chain.xml -f csv >"$dir/chain.csv"
tests/csv_check.py "$dir/chain.csv" --expect "section=link&from=millA&quantity=distance" value 12 \
    || fail "no link distance in CSV"
"$cefo" solve tests/golden/linked-chain.xml | grep -q ' distance$' || fail "no distance column"

# whatif, report and sweep exiting 1 say which run had no plan, and why.
"$cefo" whatif $net $scen >"$dir/w.txt" 2>"$dir/w.err"
[ $? -eq 1 ] || fail "whatif with an infeasible scenario: exit not 1"
cat >"$dir/want.err" <<WANT
$net, scenario too-tight: no optimal plan: the model is infeasible
$net, scenario too-tight: the cap on 'CO2' (10 t) would have to rise by 40 t
WANT
diff -u "$dir/want.err" "$dir/w.err" || fail "whatif: stderr"
grep -q '^  no-cap   the CO2 cap lifted$' "$dir/w.txt" || fail "whatif: no name beside no-cap"
"$cefo" whatif $net $scen -f json 2>/dev/null >"$dir/w.json"
tests/json_check.py "$dir/w.json" --expect runs.label=no-cap.name '"the CO2 cap lifted"' \
    --expect runs.label=base.name null || fail "whatif JSON: no scenario name"
"$cefo" report $net --scenarios $scen -o "$dir/all.html" 2>"$dir/r.err"
[ $? -eq 1 ] || fail "report with an infeasible scenario: exit not 1"
diff -u "$dir/want.err" "$dir/r.err" || fail "report: stderr"
"$cefo" whatif $net $scen --out-dir "$dir/batch" 2>"$dir/b.err"
[ $? -eq 1 ] || fail "whatif --out-dir: exit not 1"
diff -u "$dir/want.err" "$dir/b.err" || fail "whatif --out-dir: stderr"
"$cefo" sweep $net --param "//pollutant/@cap=10:125:2" >/dev/null 2>"$dir/s.err"
[ $? -eq 1 ] || fail "sweep with an infeasible point: exit not 1"
cat >"$dir/want.err" <<WANT
$net, point 0 (value 10): no optimal plan: the model is infeasible
$net, point 0 (value 10): the cap on 'CO2' (10 t) would have to rise by 40 t
WANT
diff -u "$dir/want.err" "$dir/s.err" || fail "sweep: stderr"
exit 0
