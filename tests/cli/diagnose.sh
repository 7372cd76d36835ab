#!/bin/sh
# diagnose.sh CEFO - an infeasible model's diagnosis names a missing outlet as the cause: a
# waste that its maker can send nowhere (its sewer link left out) is named, with the least the
# plan makes of it there, rather than a demand or a cap that would have to move. A process
# with no outlet that no plan needs changes nothing in the diagnosis.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
fail() { echo "diagnose: $*"; status=1; }
net=tests/cli/data/no-outlet.xml

# By hand: tanneryA runs at its capacity 60, so tanneryB must make the other 40 t of leather
# and with it 3 x 40 = 120 t of wastewater, which has no sewer link.
"$cefo" solve $net >"$dir/out" 2>"$dir/err"
[ $? -eq 1 ] || fail "solve: exit not 1"
want="waste 'wastewater' made by 'tanneryB' has no outlet: no link, treatment, export or discharge (the least plan makes 120 t of it there)"
grep -qF -- "- $want" "$dir/out" || fail "no outlet not named: $(cat "$dir/out")"
grep -q "demand for 'leather'" "$dir/out" && fail "still blames the demand: $(cat "$dir/out")"
"$cefo" solve $net --format json >"$dir/json"
python3 - "$dir/json" <<'PY' || fail "JSON diagnosis: $(cat "$dir/json")"
import json, sys
d = json.load(open(sys.argv[1]))["diagnosis"]
assert len(d) == 1 and d[0]["kind"] == "no-outlet" and d[0]["id"] == "wastewater", d
assert abs(d[0]["amount"] - 120) < 1e-6 and d[0]["unit"] == "t", d
PY

# With the sewer link the plan exists.
sed 's|</links>|<link from="tanneryB" to="wwtp" material="wastewater" cost="0.1"/></links>|' \
    $net >"$dir/linked.xml"
"$cefo" solve "$dir/linked.xml" >/dev/null || fail "with the sewer link: exit $?"

# A third tannery without an outlet that no plan needs (A and B suffice), and a COD cap that
# cannot be met: the diagnosis is the one of the network without that tannery.
sed -e 's|</links>|<link from="tanneryB" to="wwtp" material="wastewater" cost="0.1"/></links>|' \
    -e 's|cap="200"|cap="10"|' $net >"$dir/capped.xml"
sed 's|<links>|<process id="tanneryC" cost="50"><output material="leather" amount="1"/><output material="wastewater" amount="3"/></process><links>|' \
    "$dir/capped.xml" >"$dir/idle.xml"
"$cefo" solve "$dir/capped.xml" 2>/dev/null | grep "^  - " >"$dir/want"
"$cefo" solve "$dir/idle.xml" 2>/dev/null | grep "^  - " >"$dir/got"
[ -s "$dir/want" ] || fail "the capped network has no diagnosis"
cmp -s "$dir/want" "$dir/got" || fail "an idle process without an outlet changed the diagnosis: $(cat "$dir/got")"
[ $status -eq 0 ] && echo "diagnose: the missing outlet is named"
exit $status
