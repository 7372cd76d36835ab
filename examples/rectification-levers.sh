#!/bin/sh
# rectification-levers.sh [CEFO] - what each lever of rectification-levers.xml changes: the
# firms kept, rectified, relocated and closed with the caps alone, each lever alone and all of
# them; then, with all of them, each lever's use, shadow price and the worth of one more unit.
set -eu
cd "$(dirname "$0")/.."
cefo=${1:-build/cli/cefo}
net=examples/rectification-levers.xml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# solve NAME EDITS...: the plan as CSV in $tmp/NAME.csv
solve() { name=$1; shift; "$cefo" solve "$net" -f csv --gap 0 "$@" >"$tmp/$name.csv" || true; }
# Only lever $1: the other resources go, and the uses of them (park land is the only one used
# by <use>, so there is nothing else to remove when it stays).
only() {
    if [ "$1" = park-land ]; then solve "$1" --remove "//resource[@id!='$1']"
    else solve "$1" --remove "//resource[@id!='$1']" --remove "//use[@resource!='$1']"; fi
}
counts='
    $1 == "status" { status = $2 }
    $1 == "objective" { cost = $7 }
    $1 == "indicator" && $2 == "labour" { jobs = $7 }
    $1 == "group" { if ($3 == "") closed++; else if ($3 ~ /-keep$/) kept++;
                    else if ($3 ~ /-rectify$/) rect++; else reloc++ }
    END { if (status != "optimal") { printf "| %s | %s |\n", name, status; exit }
          printf "| %s | %d | %d | %d | %d | %.0f | %.0f |\n", name, kept, rect, reloc, closed,
                 cost, jobs }'
solve none --remove "//resource" --remove "//use"
for r in sl-quota park-land fund jobs; do only $r; done
solve all
echo "| levers | kept | rectified | relocated | closed | total cost (kCNY) | jobs (person-years) |"
echo "|---|---|---|---|---|---|---|"
for r in none sl-quota park-land fund jobs all; do
    awk -F, -v name="$r" "$counts" "$tmp/$r.csv"
done
# One more hectare of park land, one more 100 kCNY of fund, re-solved with every lever.
solve land+1 --set "//resource[@id='park-land']/@max=10"
solve fund+100 --set "//resource[@id='fund']/@max=1300"
echo
echo "| lever (all levers on) | use | bound | shadow price (kCNY per unit) | one more unit, re-solved |"
echo "|---|---|---|---|---|"
awk -F, -v land="$tmp/land+1.csv" -v fund="$tmp/fund+100.csv" '
    function objective(file,   line, f) {
        while ((getline line < file) > 0) { split(line, f, ","); if (f[1] == "objective") return f[7] }
    }
    $1 == "objective" { z = $7 }
    $1 == "resource" { v[$2, $6] = $7 }
    END {
        worth["park-land"] = sprintf("%.2f per ha", objective(land) - z)
        worth["fund"] = sprintf("%.2f per kCNY", (objective(fund) - z) / 100)
        worth["sl-quota"] = "(the shadow price)"; worth["jobs"] = "(the shadow price)"
        n = split("sl-quota park-land fund jobs", ids, " ")
        for (i = 1; i <= n; i++) {
            id = ids[i]; bound = v[id, "max"] != "" ? "max " v[id, "max"] : "min " v[id, "min"]
            printf "| %s | %.6g | %s | %.4g | %s |\n", id, v[id, "use"], bound,
                   v[id, "shadow_price"], worth[id]
        }
    }' "$tmp/all.csv"
