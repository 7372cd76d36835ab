#!/bin/sh
# time-limit.sh CEFO - `--time-limit S` is in seconds: a generous limit on a MIP that needs a
# fraction of a second stays optimal (read as milliseconds it would stop it), and a limit of
# 1 s on a MIP branch and bound cannot prove in minutes stops within a few seconds (read
# as milliseconds x 1000 it would run on) with the best plan found: status time-limit, exit 1,
# the plan written, and stderr saying so. `--gap G` stops branch and bound within G.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "time-limit: $*"; exit 1; }
now() { date +%s.%N; }

# knapsack-16: the optimum by enumerating all 65,536 choices (knapsack.py's objective):
# plants 2, 5, 6, 7, 9, 10, 11, 12, 13, 14 run (4,142,646 t of the 4,144,421 demanded),
# objective 10 x 4,144,421 - (4,142,646 + 10 x 100,000) = 36,301,564. Branch and bound
# needs about 0.1-0.3 s: more than 30 ms.
"$cefo" solve tests/cli/data/knapsack-16.xml --time-limit 30 --gap 0 -f json -o "$dir/k16.json" 2>"$dir/err"
rc=$?
[ "$rc" = 0 ] || fail "generous limit: exit $rc, want 0: $(cat "$dir/err")"
tests/json_check.py "$dir/k16.json" --expect status '"optimal"' --expect objective 36301564 \
    --expect mip.gap 0 --expect processes.id=p02.chosen true \
    --expect processes.id=p00.chosen false || fail "generous limit: not the optimum"

# knapsack-60: GLPK finds plans within a fraction of a second and proves none in 20 s.
t0=$(now)
# --gap 0: with the default 1e-4 gap an idle machine may reach the gap within the second.
timeout 60 "$cefo" solve tests/cli/data/knapsack-60.xml --time-limit 1 --gap 0 -f csv -o "$dir/k60.csv" \
    2>"$dir/err"
rc=$?
t1=$(now)
[ "$rc" = 1 ] || fail "tiny limit: exit $rc, want 1: $(cat "$dir/err")"
elapsed=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
awk -v e="$elapsed" 'BEGIN { exit !(e < 5) }' || fail "tiny limit: stopped after $elapsed s, want < 5 s"
grep -qi 'time[- ]limit' "$dir/err" || fail "tiny limit: stderr does not say so: $(cat "$dir/err")"
tests/csv_check.py "$dir/k60.csv" --expect 'section=status' id time-limit || fail "tiny limit: status"
# The best plan found: an objective, a gap, and a choice per plant (no plan at all would
# leave them empty). With D = 14,646,343 t demanded, any plan costs at most 10 D (all
# imported) and at least 10 D - (D + 60 x 100,000) (no saving exceeds that).
awk -F, '$1 == "objective" { o = $7 } $1 == "mip" { g = $7 } $1 == "decision" && $7 != "" { n++ }
    END { exit !(o >= 125817087 && o <= 146463430 && g != "" && g > 0 && n == 60) }' "$dir/k60.csv" ||
    fail "tiny limit: no plan written: $(grep -E '^(objective|mip)' "$dir/k60.csv")"
# --gap 0.01 on the same: branch and bound stops as soon as a plan is within 1% of its
# bound (a fraction of a second), status gap-limit, exit 0. Ignoring the gap, it would run on
# to the time limit.
"$cefo" solve tests/cli/data/knapsack-60.xml --gap 0.01 --time-limit 20 -f csv -o "$dir/gap.csv" \
    2>"$dir/err"
rc=$?
[ "$rc" = 0 ] || fail "gap: exit $rc, want 0: $(cat "$dir/err")"
tests/csv_check.py "$dir/gap.csv" --expect 'section=status' id gap-limit || fail "gap: status"
awk -F, '$1 == "mip" { g = $7 } $1 == "objective" { o = $7 }
    END { exit !(g != "" && g >= 0 && g <= 0.01 && o >= 125817087 && o <= 146463430) }' \
    "$dir/gap.csv" || fail "gap: $(grep -E '^(objective|mip)' "$dir/gap.csv")"
echo "time-limit: ok ($elapsed s)"
