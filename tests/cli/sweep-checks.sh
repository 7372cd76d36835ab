#!/bin/sh
# sweep-checks.sh CEFO - sweeps: every number of the command line checked before any work, the
# grid from FROM to TO in exactly N points, shards covering each point once, in place equal to
# cold (several demands, a decision's capacity through 0, recipe amounts and emission
# factors), and one exit code for a value its attribute refuses.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "sweep-checks: $*"; exit 1; }
net=tests/golden/pollutant-cap.xml
cap="//pollutant[@id='CO2']/@cap"

# Refused before any work: exit 64 and nothing on stdout.
usage() {
    "$cefo" "$@" >"$dir/out" 2>"$dir/err"
    rc=$?
    [ $rc -eq 64 ] || fail "exit $rc, want 64: $*"
    [ ! -s "$dir/out" ] || fail "output before the usage error: $*"
    grep -q . "$dir/err" || fail "no message: $*"
}
for p in "1:inf:4" "0x10:2:3" "1e-400:2:3" " 1:2:3" "1:2:0" "1:2:10000001" "1:2:3.5" "1::3"; do
    usage sweep $net --param "$cap=$p"
done
for s in "1/9223372036854775807" "3/3" "-1/3" "1/x"; do
    usage sweep $net --param "$cap=100:200:3" --shard "$s"
done
usage sweep $net --param "$cap=100:200:3" --param "//process/@cost=1:2:3"
usage solve $net --time-limit 0x10
usage solve $net --gap 1e-999
usage solve $net --scale "//demand/@amount=inf"
usage pareto $net --pollutant CO2 --points 1e3
usage merge --expect 3x /dev/null

# Huge but finite ends: no point is 'inf' (TO - FROM overflowed); the network refuses a cap of
# 1e308 (numbers stop at 1e15), so the sweep stops before its first point with exit 65.
"$cefo" sweep $net --param "$cap=1:1e308:4" >"$dir/out" 2>"$dir/err"
rc=$?
[ $rc -eq 65 ] || fail "1:1e308:4: exit $rc, want 65"
[ ! -s "$dir/out" ] || fail "1:1e308:4: output before the error"
grep -q "^command line: --param value 1e+308 (point 3): " "$dir/err" || fail "1:1e308:4: $(cat "$dir/err")"
"$cefo" sweep $net --param "$cap=-1e15:1e15:3" --cold >"$dir/wide.csv" 2>"$dir/err"
[ $? -eq 65 ] || fail "-1e15:1e15:3 not refused for its negative end"
grep -q "(point 0): " "$dir/err" || fail "-1e15:1e15:3: $(cat "$dir/err")"

# The grid: N points, point 0 at FROM, point N-1 at TO (as typed), evenly and in order.
grid() { # FROM TO N
    "$cefo" sweep $net --param "$cap=$1:$2:$3" >"$dir/grid.csv" 2>/dev/null
    [ $? -le 1 ] || fail "sweep $1:$2:$3 failed"
    awk -F, -v from="$1" -v to="$2" -v n="$3" 'NR > 1 {
        i = NR - 2; if ($1 != i) bad = "point " $1 " in row " i
        want = from + (to - from) * (n > 1 ? i / (n - 1) : 0); d = $2 - want; if (d < 0) d = -d
        if (d > 1e-12 * (1 + (want < 0 ? -want : want))) bad = "value " $2 " at point " i
        if (i == 0 && $2 != from) bad = "first value " $2 ", not " from
        last = $2 }
        END { if (NR - 1 != n) bad = (NR - 1) " points"; if (n > 1 && last != to) bad = "last " last
              if (bad) { print bad; exit 1 } }' "$dir/grid.csv" || fail "grid $1:$2:$3"
}
grid 0.3 0.9 7
grid 100 250 16
grid 250 100 4
grid 140 140 1

# Shards: for several M (M > N too), shard K holds exactly the points i = K mod M, each once;
# merged, they are the whole sweep (a shard with no point writes nothing).
"$cefo" sweep $net --param "$cap=60:200:7" >"$dir/whole.csv" || fail "whole sweep"
for m in 2 3 5 9; do
    k=0
    rm -f "$dir"/shard-*.csv
    while [ $k -lt $m ]; do
        "$cefo" sweep $net --param "$cap=60:200:7" --shard $k/$m >"$dir/shard-$k.csv" ||
            fail "shard $k/$m"
        awk -F, -v k=$k -v m=$m 'NR > 1 && $1 % m != k { exit 1 }' "$dir/shard-$k.csv" ||
            fail "shard $k/$m holds a point of another shard"
        k=$((k + 1))
    done
    cat "$dir"/shard-*.csv | awk -F, '$1 != "point" { print $1 }' | sort -n >"$dir/points"
    seq 0 6 | cmp -s - "$dir/points" || fail "$m shards do not cover points 0..6 once each"
    "$cefo" merge --expect 7 "$dir"/shard-*.csv >"$dir/merged.csv" || fail "merge of $m shards"
    # Equal to the whole sweep up to the last digits a different warm start may move.
    paste -d, "$dir/merged.csv" "$dir/whole.csv" | awk -F, 'NR > 1 { half = NF / 2
        d = $4 - $(half + 4); if (d < 0) d = -d
        if ($1 != $(half + 1) || $2 != $(half + 2) || $3 != $(half + 3) || d > 1e-9 * (1 + $4))
            exit 1 } END { exit NR != 8 }' || fail "$m shards merged differ from the sweep"
done

# In place and cold agree (objectives to 1e-9 relative), and match the hand values ($4).
agree() { # NET PARAM WANT... (one objective per point)
    n=$1 p=$2
    shift 2
    "$cefo" sweep "$n" --param "$p" >"$dir/warm.csv" || fail "warm $p"
    "$cefo" sweep "$n" --param "$p" --cold >"$dir/cold.csv" || fail "cold $p"
    paste -d, "$dir/warm.csv" "$dir/cold.csv" | awk -F, -v want="$*" 'NR > 1 {
        half = NF / 2; w = $4; c = $(half + 4); split(want, h, " "); e = h[NR - 1]
        if ($1 != $(half + 1) || $2 != $(half + 2)) bad = 1
        d = w - c; if (d < 0) d = -d; if (d > 1e-9 * (1 + (c < 0 ? -c : c))) bad = 1
        d = w - e; if (d < 0) d = -d; if (d > 1e-6 * (1 + e)) bad = 1
        if (bad) { print "point " $1 ": in place " w ", cold " c ", by hand " e; exit 1 } }
        END { if (NR - 1 != split(want, h, " ")) exit 1 }' || fail "$p on $n"
}
# 60 + 40 t of widget, both set to v: demand D = 2v. D <= 62.5: all dirty, 12 D; above, the
# cap binds: dirty (125 - D/2)/1.5, cost 15 D - 5 x_d + 125.
agree tests/cli/data/two-demands.xml "//demand/@amount=30:60:4" 720 1041.6666666666667 1375 \
    1708.3333333333333
# Only the first: D = v + 40.
agree tests/cli/data/two-demands.xml "//demand[1]/@amount=60:60:1" 1375
# A decision's capacity through 0 and back (tests/golden/rectify.expect): keep with 40 t
# imported (1220) until rectifying can make all 80 t (1188).
agree tests/golden/rectify.xml "//process[@id='plating-rectify']/@capacity=0:100:3" 1220 1220 1188
agree tests/golden/rectify.xml "//process[@id='plating-rectify']/@capacity=100:0:3" 1188 1220 1220
# The dirty line's emission factor e: it takes 75/(e - 0.5) t within the cap (all 100 t below
# e = 1.25): 1100, then 750 + 375 + 125, then the network's own 1375.
agree $net "//process[@id='dirty']/emission/@amount=1:2:3" 1100 1250 1375
# Two t of widget per unit of the dirty line: 5 per t and 1 t of CO2 per t, all dirty: 600.
agree $net "//process[@id='dirty']/output/@amount=1:2:2" 1375 600

# A value below the process's min: refused before any point, exit 65 in place and cold.
for mode in "" --cold; do
    "$cefo" sweep tests/cli/data/min-capacity.xml $mode \
        --param "//process[@id='dirty']/@capacity=10:80:3" >"$dir/out" 2>"$dir/err"
    rc=$?
    [ $rc -eq 65 ] || fail "below min ($mode): exit $rc, want 65"
    [ ! -s "$dir/out" ] || fail "below min ($mode): output before the error"
    grep -q "^command line: --param value 10 (point 0): " "$dir/err" ||
        fail "below min ($mode): $(cat "$dir/err")"
done
echo "sweep-checks: ok"
