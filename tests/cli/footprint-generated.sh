#!/bin/sh
# footprint-generated.sh CEFO - conservation on generated clusters (issue 17.3): on bench/gen.py
# networks of 100 firms (both allocations) and 1,000 firms, for every pollutant the footprints
# of all final demands and exports, plus the treatment of imported wastes, add up to the
# plan's total emission as `cefo solve` reports it (a separate command and writer), to 1e-9
# relative; each product's footprint is its intensity times its demand plus export. The
# 10,000-firm network is checked by bench/run-footprint (bench/README.md).
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
py=/usr/bin/python3
[ -x $py ] || { echo "footprint-generated: $py missing"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "footprint-generated: $*"; exit 1; }
for case in "100 market" "100 mass" "1000 market"; do
    set -- $case
    $py bench/gen.py "$1" >"$dir/net.xml" || fail "gen.py $1"
    "$cefo" solve "$dir/net.xml" --format json -o "$dir/plan.json" || fail "$1 firms: solve"
    "$cefo" footprint "$dir/net.xml" --allocation "$2" --format json -o "$dir/fp.json" \
        || fail "$1 firms, $2: footprint"
    $py - "$dir/plan.json" "$dir/fp.json" "$1 firms, $2" <<'PY' || exit 1
import json, sys
plan, fp, what = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
bad = []
if len(fp["products"]) < 2:
    bad.append("fewer than two final products")
for pol in plan["pollutants"]:
    k, want = pol["id"], pol["emission"]
    got = sum(p["footprint"][k] for p in fp["products"]) + fp["imported_waste"][k]
    if not abs(got - want) <= 1e-9 * max(abs(want), 1e-300):
        bad.append("%s: footprints add up to %.17g, the plan emits %.17g" % (k, got, want))
for p in fp["products"]:
    for k, v in p["footprint"].items():
        f = p["intensity"][k] * (p["demand"] + p["export"])
        if not abs(v - f) <= 1e-12 * max(abs(f), 1.0):
            bad.append("%s %s: footprint %.17g, intensity x (demand + export) %.17g" % (p["id"], k, v, f))
for b in bad[:10]:
    print("footprint-generated: %s: %s" % (what, b))
sys.exit(1 if bad else 0)
PY
done
echo "footprint-generated: ok"
