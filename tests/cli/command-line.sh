#!/bin/sh
# command-line.sh CEFO - one command line (issue 18.5): every command that prints a table
# writes it in the --format asked for and to -o; - is standard input for merge and standard
# output for -o; an unknown scenario id gets a did-you-mean; report takes the --scenario its
# --help lists.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
fail() { echo "command-line: $*"; status=1; }
net=tests/golden/pollutant-cap.xml
scen=tests/scenarios/cap-cases.xml

# validate: text as before, JSON and CSV with the same counts, -o to a file.
"$cefo" validate $net -f json -o "$dir/v.json" || fail "validate json: exit $?"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d=={"file":sys.argv[2],"valid":True,"materials":1,"pollutants":1,"processes":2,"links":0}, d' \
    "$dir/v.json" $net || fail "validate json: $(cat "$dir/v.json")"
printf 'file,valid,materials,pollutants,processes,links\n%s,true,1,1,2,0\n' $net >"$dir/want"
"$cefo" validate $net --format=csv | cmp -s - "$dir/want" || fail "validate csv"

# sweep and merge: -o, --format csv (the only one), - reads standard input.
p="//pollutant[@id='CO2']/@cap=125:150:3"
"$cefo" sweep $net --param "$p" >"$dir/stdout.csv" || fail "sweep: exit $?"
"$cefo" sweep $net --param "$p" -f csv -o "$dir/o.csv" || fail "sweep -o: exit $?"
cmp -s "$dir/stdout.csv" "$dir/o.csv" || fail "sweep -o differs from its standard output"
"$cefo" sweep $net --param "$p" -o - | cmp -s - "$dir/o.csv" || fail "sweep -o - differs"
"$cefo" merge --expect 3 - <"$dir/o.csv" -o "$dir/m.csv" || fail "merge -: exit $?"
cmp -s "$dir/m.csv" "$dir/o.csv" || fail "merge of standard input differs"
err=$("$cefo" merge --format json "$dir/o.csv" 2>&1)
[ "$err" = "cefo merge: --format must be csv, not 'json'
Try 'cefo merge --help'." ] || fail "merge --format json: $err"

# pareto: -o and JSON, the same numbers as CSV.
"$cefo" pareto $net --pollutant CO2 --points 3 -f csv -o "$dir/p.csv" || fail "pareto csv: exit $?"
"$cefo" pareto $net --pollutant CO2 --points 3 -f json >"$dir/p.json" || fail "pareto json: $?"
python3 - "$dir/p.csv" "$dir/p.json" <<'PY' || fail "pareto: CSV and JSON disagree"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
d = json.load(open(sys.argv[2]))
assert d["unit"] == "t" and len(d["points"]) == len(rows) == 3, d
for r, p in zip(rows, d["points"]):
    assert int(r["point"]) == p["point"] and r["status"] == p["status"], (r, p)
    for k in ("cap", "emission", "objective"):
        assert float(r[k]) == p[k], (k, r, p)
PY

# A scenario id a slip away from one in the file.
"$cefo" solve $net --scenarios $scen --scenario damage-x5 >/dev/null 2>"$dir/err"
[ $? -eq 64 ] || fail "unknown scenario: exit not 64"
grep -qx "$scen: no scenario 'damage-x5'; did you mean 'damage-x4'?" "$dir/err" \
    || fail "unknown scenario: $(cat "$dir/err")"

# report --scenario: the base beside that one scenario only.
"$cefo" report $net --scenarios $scen --scenario no-cap -o "$dir/r.html" || fail "report --scenario: exit $?"
grep -q "no-cap" "$dir/r.html" || fail "report: scenario no-cap missing"
grep -q "damage-x4" "$dir/r.html" && fail "report: a scenario not asked for is there"
# An enumerated attribute of the network refused with the values it may take.
printf '<network version="1">\n<material id="m" unit="t" kind="reuse"/>\n</network>\n' >"$dir/kind.xml"
"$cefo" validate "$dir/kind.xml" 2>"$dir/err"
[ $? -eq 65 ] || fail "kind=reuse: exit not 65"
grep -qx "$dir/kind.xml:2: kind=\"reuse\" is not one of the allowed values: product, waste or resource" \
    "$dir/err" || fail "kind=reuse: $(cat "$dir/err")"

# Statuses in words: a MIP stopped by its time limit (zero gap: it cannot finish in 0.5 s).
"$cefo" solve tests/cli/data/knapsack-60.xml --time-limit 0.5 --gap 0 >"$dir/out" 2>"$dir/err"
[ $? -eq 1 ] || fail "time limit: exit not 1"
grep -qx "tests/cli/data/knapsack-60.xml: no optimal plan: stopped at the time limit" "$dir/err" \
    || fail "time limit: $(cat "$dir/err")"
# --set adds an attribute the elements it picks lack: the CO2 cap removed and set again gives
# the plan of the network as it is.
"$cefo" solve $net -f csv >"$dir/plain.csv"
"$cefo" solve $net -f csv --remove "//pollutant/@cap" --set "//pollutant[@id='CO2']/@cap=125" \
    >"$dir/readded.csv" || fail "--set of a missing cap: exit $?"
grep -v '^source,' "$dir/plain.csv" >"$dir/plain-rows.csv"
grep -v '^source,' "$dir/readded.csv" >"$dir/readded-rows.csv"
cmp -s "$dir/plain-rows.csv" "$dir/readded-rows.csv" || fail "--set of a missing cap: another plan"
# A selector whose id is a slip away from one of the network's.
"$cefo" solve $net --set "//process[@id='dirtty']/@capacity=5" 2>"$dir/err" >/dev/null
grep -qx "command line:1: selector \"//process\[@id='dirtty'\]/@capacity\" matches nothing (a typo?); did you mean 'dirty'?" \
    "$dir/err" || fail "--set did-you-mean: $(cat "$dir/err")"
"$cefo" pareto $net --pollutant C02 2>"$dir/err"
grep -q "no pollutant 'C02' in $net; did you mean 'CO2'?" "$dir/err" || fail "pareto: $(cat "$dir/err")"
[ $status -eq 0 ] && echo "command-line: ok"
exit $status
