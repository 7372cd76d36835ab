#!/bin/sh
# rectification-caps.sh [CEFO] - how many of the 30 firms of rectification.xml are kept,
# rectified, relocated or closed as the COD and heavy-metal caps tighten together.
set -eu
cd "$(dirname "$0")/.."
cefo=${1:-build/cli/cefo}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "| caps (share of 1400 t COD, 2600 kg metals) | kept | rectified | relocated | closed | total cost (kCNY) | COD shadow price | metals shadow price |"
echo "|---|---|---|---|---|---|---|---|"
for f in 1.0 0.8 0.6 0.4 0.3 0.2 0.1; do
    cod=$(awk "BEGIN{print 1400*$f}")
    hm=$(awk "BEGIN{print 2600*$f}")
    /usr/bin/python3 examples/make-rectification.py "$cod" "$hm" >"$tmp/net.xml"
    "$cefo" solve "$tmp/net.xml" -f csv --gap 0 >"$tmp/plan.csv" || true
    awk -F, -v f="$f" '
        $1 == "status" { status = $2 }
        $1 == "objective" { cost = $7 }
        $1 == "pollutant" && $6 == "shadow_price" { sp[$2] = $7 }
        $1 == "group" { if ($3 == "") closed++; else if ($3 ~ /-keep$/) kept++;
                        else if ($3 ~ /-rectify$/) rect++; else reloc++ }
        END { if (status != "optimal") { printf "| %s | %s |\n", f, status; exit }
              printf "| %s | %d | %d | %d | %d | %.0f | %.2f | %.2f |\n", f, kept, rect, reloc,
                     closed, cost, sp["COD"], sp["heavy-metals"] }' "$tmp/plan.csv"
done
