#!/bin/sh
# programme-years.sh [CEFO] [FIRMS] [GAP] [TIME_LIMIT] - the five-year rectification programme
# of make-programme.py (1,151 firms by default) solved as one multi-period MIP with CBC, and
# per year the firms kept, rectified, relocated and closed, beside the seed's totals for the
# 12th five-year plan (508 closed, 211 rectified, 432 relocated). Inputs are illustrative.
set -eu
cd "$(dirname "$0")/.."
cefo=${1:-build/cli/cefo}
firms=${2:-1151}
gap=${3:-0.01}
limit=${4:-600}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 examples/make-programme.py --firms "$firms" >"$tmp/programme.xml"
rc=0
"$cefo" solve "$tmp/programme.xml" --solver cbc --gap "$gap" --time-limit "$limit" \
    --format json -o "$tmp/plan.json" || rc=$?
[ "$rc" -le 1 ] || exit "$rc"
/usr/bin/python3 - "$tmp/plan.json" "$firms" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
if plan["objective"] is None:
    sys.exit(f"no plan: {plan['status']}")
gap = (plan.get("mip") or {}).get("gap")
print(f"status {plan['status']}, gap {gap:.2g}, discounted total cost {plan['objective']:.0f} kCNY")
print()
print("| year | kept | rectified | relocated | closed | COD (t) | COD cap (t) |")
print("|---|---|---|---|---|---|---|")
for p in plan["periods"]:
    n = {"keep": 0, "rectify": 0, "relocate": 0, "closed": 0}
    for s in p.get("sectors") or []:
        for k, v in s["groups"].items():
            n[k] = n.get(k, 0) + v
    cod = next(x for x in p["pollutants"] if x["id"] == "COD")
    print(f"| {p['id']} | {n['keep']} | {n['rectify']} | {n['relocate']} | {n['closed']} "
          f"| {cod['emission']:.0f} | {cod['cap']:.0f} |")
if sys.argv[2] == "1151":
    print("| seed, 2011-2015 | | 211 | 432 | 508 | | |")
PY
