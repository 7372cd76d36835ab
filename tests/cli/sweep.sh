#!/bin/sh
# sweep.sh CEFO - sweeps: warm points equal cold ones, shards merge into the whole sweep,
# a rerun skips finished points, and merge refuses conflicts and gaps.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "sweep: $*"; exit 1; }
net=tests/golden/pollutant-cap.xml
param="//pollutant[@id='CO2']/@cap=50:250:9"

"$cefo" sweep $net --param "$param" >"$dir/warm.csv" || fail "warm sweep"
"$cefo" sweep $net --param "$param" --cold >"$dir/cold.csv" || fail "cold sweep"
[ "$(wc -l <"$dir/warm.csv")" -eq 10 ] || fail "9 points and a header expected"
# Same points, objectives equal to 1e-9 relative (in-place updates vs rebuilds).
half=$(head -n 1 "$dir/warm.csv" | awk -F, '{ print NF }')
paste -d, "$dir/warm.csv" "$dir/cold.csv" | awk -F, -v half="$half" 'NR > 1 {
    w = $4; c = $(half + 4); d = w - c; if (d < 0) d = -d; a = c < 0 ? -c : c;
    if ($1 != $(half + 1) || $3 != $(half + 3) || d > 1e-9 * (a + 1)) { print "point " $1; bad = 1 } }
    END { exit bad }' || fail "warm and cold sweeps differ"
# By hand: cap c in [50, 200] puts (c - 50)/1.5 t on the dirty line: 1500 - 5 (c - 50)/1.5 + c.
awk -F, 'NR > 1 { c = $2; x = c < 200 ? (c - 50) / 1.5 : 100; want = 1500 - 5 * x + (c < 200 ? c : 200);
    d = $4 - want; if (d < 0) d = -d; if (d > 1e-6) { print "point " $1 ": " $4 " want " want; bad = 1 } }
    END { exit bad }' "$dir/warm.csv" || fail "objectives differ from the hand calculation"

# A scenarios file with one scenario applies it to warm and cold points alike (the warm path
# once ignored a scenario not named by --scenario); at the network's own cap, 125, the scenario
# costs 1700 (by hand, tests/test_scenarios.c).
one="--scenarios tests/scenarios/damage-x4.xml"
"$cefo" sweep $net $one --param "$param" >"$dir/warm1.csv" || fail "warm sweep, one scenario"
"$cefo" sweep $net $one --param "$param" --cold >"$dir/cold1.csv" || fail "cold, one scenario"
cmp -s "$dir/warm1.csv" "$dir/cold1.csv" || fail "warm and cold differ under a scenario"
"$cefo" sweep $net $one --param "//pollutant[@id='CO2']/@cap=125:125:1" |
    awk -F, 'NR == 2 { d = $4 - 1700; exit !(d < 1e-6 && d > -1e-6) }' ||
    fail "the scenario's optimum at cap 125 is not 1700"
"$cefo" sweep $net --scenario damage-x4 --param "$param" >/dev/null 2>&1 &&
    fail "--scenario without --scenarios was accepted"

# Two shards, merged, are the whole sweep; --expect checks completeness.
"$cefo" sweep $net --param "$param" --shard 0/2 >"$dir/s0.csv" || fail "shard 0"
"$cefo" sweep $net --param "$param" --shard 1/2 >"$dir/s1.csv" || fail "shard 1"
"$cefo" merge --expect 9 "$dir/s1.csv" "$dir/s0.csv" >"$dir/merged.csv" || fail "merge"
cmp -s "$dir/merged.csv" "$dir/warm.csv" || fail "merged shards differ from the whole sweep"
"$cefo" merge --expect 9 "$dir/s0.csv" >/dev/null 2>&1 && fail "merge missed a missing shard"
for f in warm cold warm1 s0 s1 merged; do
    tests/csv_check.py "$dir/$f.csv" || fail "$f.csv is not an RFC 4180 table"
done

# Point files: atomic, one per point; a rerun skips what is there.
mkdir "$dir/points"
"$cefo" sweep $net --param "$param" --shard 1/2 --out-dir "$dir/points" || fail "out-dir"
[ "$(ls "$dir/points" | wc -l)" -eq 4 ] || fail "4 point files expected"
touch -d '2001-01-01' "$dir/points"/*
"$cefo" sweep $net --param "$param" --out-dir "$dir/points" || fail "rerun"
[ "$(ls "$dir/points" | wc -l)" -eq 9 ] || fail "9 point files expected after the rerun"
[ "$(find "$dir/points" -type f -newermt '2002-01-01' | wc -l)" -eq 5 ] || fail "the rerun redid finished points"
"$cefo" merge --expect 9 "$dir/points"/*.csv >"$dir/from-points.csv" || fail "merge points"
cmp -s "$dir/from-points.csv" "$dir/warm.csv" || fail "point files differ from the sweep"

# A conflicting duplicate is refused.
sed 's/^3,\([^,]*\),optimal,[^,]*/3,\1,optimal,0/' "$dir/s1.csv" >"$dir/bad.csv"
"$cefo" merge "$dir/s1.csv" "$dir/bad.csv" >/dev/null 2>&1 && fail "merge accepted a conflict"
# A selector picking nothing, and a non-attribute, are usage of the wrong kind: exit 65.
"$cefo" sweep $net --param "//pollutant[@id='COD']/@cap=1:2:2" >/dev/null 2>&1
[ $? -eq 65 ] || fail "typo in --param"
"$cefo" sweep $net --param "//pollutant=1:2:2" >/dev/null 2>&1
[ $? -eq 65 ] || fail "--param picking elements"
echo "sweep: ok"
