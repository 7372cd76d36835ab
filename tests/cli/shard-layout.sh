#!/bin/sh
# shard-layout.sh CEFO - a sweep's points do not depend on how it is split: the same 40 points
# run whole, as 3 shards and as 7 shards merge into byte-identical tables, and shards of
# different layouts merge together (docs/scenarios.md, "Shards and determinism"). The network
# (bench/gen.py, 100 firms, a binding COD cap) is one where re-optimising from the previous
# point's basis changed the last digits of most points with the layout.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
fail() { echo "shard-layout: $*"; status=1; }

python3 bench/gen.py 100 >"$dir/net.xml" || exit 2
cap=$(sed -n 's/.*pollutant id="COD".*cap="\([^"]*\)".*/\1/p' "$dir/net.xml")
param="//pollutant[@id='COD']/@cap=$cap:$(awk "BEGIN { print $cap / 2 }"):40"
"$cefo" sweep "$dir/net.xml" --param "$param" -o "$dir/whole.csv" || fail "whole sweep: exit $?"
for m in 3 7; do
    k=0
    while [ $k -lt $m ]; do
        "$cefo" sweep "$dir/net.xml" --param "$param" --shard $k/$m -o "$dir/s$m-$k.csv" \
            || fail "shard $k/$m: exit $?"
        k=$((k + 1))
    done
    "$cefo" merge --expect 40 "$dir"/s$m-*.csv -o "$dir/merged$m.csv" || fail "merge of $m: exit $?"
    cmp -s "$dir/whole.csv" "$dir/merged$m.csv" || fail "$m shards differ from the whole sweep:
$(diff "$dir/whole.csv" "$dir/merged$m.csv" | head -3 | cut -c1-120)"
done
# Every point twice, from two layouts: the same rows, so merge takes them.
"$cefo" merge --expect 40 "$dir"/s3-*.csv "$dir"/s7-*.csv >"$dir/mixed.csv" \
    || fail "merging 3- and 7-shard outputs together: exit $?"
cmp -s "$dir/whole.csv" "$dir/mixed.csv" || fail "the mixed merge differs from the whole sweep"
[ $status -eq 0 ] && echo "shard-layout: 1, 3 and 7 shards agree byte for byte"
exit $status
