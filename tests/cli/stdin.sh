#!/bin/sh
# stdin.sh CEFO - `-` is standard input for the network FILE and the SCENARIOS file of every
# command: the same output as the file itself, errors named "standard input" with their line,
# the plan's source saying so; one standard input cannot be both.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "stdin: $*"; exit 1; }
net=tests/golden/pollutant-cap.xml
scen=tests/scenarios/cap-cases.xml

# The same output from - as from the file (the source line aside).
same() { # same NAME CMD...: CMD with FILE as the file, then as - reading it
    name=$1; shift
    "$cefo" "$@" >"$dir/file.out" 2>"$dir/file.err"; rc1=$?
    # shellcheck disable=SC2046
    "$cefo" $(echo "$@" | sed "s| $net| -|") <"$net" >"$dir/stdin.out" 2>"$dir/stdin.err"; rc2=$?
    [ "$rc1" = "$rc2" ] || fail "$name: exit $rc2 from -, $rc1 from the file"
    grep -v "$net\|standard input" "$dir/file.out" >"$dir/a" || true
    grep -v "$net\|standard input" "$dir/stdin.out" >"$dir/b" || true
    cmp -s "$dir/a" "$dir/b" || { diff "$dir/a" "$dir/b" | head; fail "$name: another output from -"; }
}
same validate validate $net
same solve solve $net -f json
same solve-edits solve $net --scenarios $scen --scenario no-cap --set //demand/@amount=50
same whatif whatif $net $scen -f csv
same sweep sweep $net --param //pollutant/@cap=100:200:3
same sweep-cold sweep $net --param //pollutant/@cap=100:200:3 --cold
same pareto pareto $net --pollutant CO2 --points 3 -f csv
same rank rank $net -f csv
same report report $net -o "$dir/r.html"
same export export $net --lp "$dir/m.lp"
same leontief leontief $net -f csv
same footprint footprint $net -f csv

# The plan says it was read from standard input.
"$cefo" solve - -f json <"$net" >"$dir/p.json" || fail "solve -: exit $?"
tests/json_check.py "$dir/p.json" --expect source.file '"standard input"' || fail "source of -"
# SCENARIOS from standard input.
"$cefo" solve $net --scenarios - --scenario no-cap <"$scen" >"$dir/s.txt" \
    || fail "--scenarios -: exit $?"
grep -qx "Scenario: no-cap (the CO2 cap lifted) of standard input" "$dir/s.txt" \
    || fail "--scenarios -: $(sed -n 2p "$dir/s.txt")"
"$cefo" whatif $net - -f csv <"$scen" >"$dir/w.csv" 2>/dev/null
[ $? -eq 1 ] || fail "whatif FILE -: exit not 1"
"$cefo" whatif $net $scen -f csv >"$dir/w2.csv" 2>/dev/null
cmp -s "$dir/w.csv" "$dir/w2.csv" || fail "whatif FILE -: another table"
# An error in it is named by its line.
printf '<network version="1">\n  <material id="m" unit="t"/>\n  <process id="p" cost="-"/>\n</network>\n' \
    | "$cefo" validate - 2>"$dir/e.err"
[ $? -eq 65 ] || fail "bad network on -: exit not 65"
grep -q "^standard input:3: " "$dir/e.err" || fail "bad network on -: $(cat "$dir/e.err")"
# One standard input cannot be both.
"$cefo" whatif - - <"$net" 2>"$dir/both.err"
[ $? -eq 64 ] || fail "FILE and SCENARIOS both -: exit not 64"
grep -q "standard input" "$dir/both.err" || fail "both -: $(cat "$dir/both.err")"
exit 0
