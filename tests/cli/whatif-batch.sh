#!/bin/sh
# whatif-batch.sh CEFO - a what-if batch writes one file per run; a rerun redoes only what is
# missing; merged, the runs carry the optima derived by hand in tests/test_scenarios.c.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "whatif-batch: $*"; exit 1; }
net=tests/golden/pollutant-cap.xml
s=tests/scenarios/cap-cases.xml
"$cefo" whatif $net $s --out-dir "$dir"
[ $? -eq 1 ] || fail "exit code (one scenario is infeasible)"
[ "$(ls "$dir" | wc -l)" -eq 6 ] || fail "6 run files expected"
"$cefo" merge --expect 6 "$dir"/*.csv >"$dir/first.txt" || fail "merge"
for f in "$dir"/*.csv "$dir/first.txt"; do
    tests/csv_check.py "$f" || fail "$f is not an RFC 4180 table"
done
printf '0,base,optimal,1375\n1,no-cap,optimal,1200\n2,damage-x4,optimal,1700\n4,dirty-capped,optimal,1445\n5,too-tight,infeasible,\n' >"$dir/want.txt"
cut -d, -f1-4 "$dir/first.txt" | grep -v '^3,' | tail -n +2 | cmp -s - "$dir/want.txt" || fail "objectives"
touch -d '2001-01-01' "$dir"/run-*.csv
rm "$dir/run-000002.csv"
"$cefo" whatif $net $s --out-dir "$dir"
[ "$(find "$dir" -name 'run-*.csv' -newermt '2002-01-01' | wc -l)" -eq 1 ] || fail "the rerun redid finished runs"
"$cefo" merge --expect 6 "$dir"/run-*.csv | cmp -s - "$dir/first.txt" || fail "rerun differs"
echo "whatif-batch: ok"
