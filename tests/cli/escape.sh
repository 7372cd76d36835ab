#!/bin/sh
# escape.sh CEFO - hostile ids and labels come out of every writer as data, never as syntax:
# no CSV cell a spreadsheet would run as a formula and every record whole (CSV), no injected
# attribute and a file Graphviz reads (DOT), labels whole and told apart (whatif), no forged
# line in a diagnostic (docs/results.md, docs/robustness.md).
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "escape: $*"; status=1; }
status=0
net=tests/cli/data/hostile.xml
check=tests/cli/csvcheck.awk
safe() { # safe NAME FILE: the CSV in FILE has whole records and no formula cell
    bad=$(awk -f $check "$2")
    [ -z "$bad" ] || fail "$1: $bad"
}

# CSV: every writer (item 11), text cells guarded, numbers left alone.
"$cefo" solve $net --format csv >"$dir/solve.csv" || fail "solve"
safe solve "$dir/solve.csv"
grep -q "^material,\"'=HYPERLINK(\"\"http://x\"\")\",,,,import,1.5,t$" "$dir/solve.csv" \
    || fail "solve: the guarded material row"
grep -q "^process,'-2+3,,,,activity,10,$" "$dir/solve.csv" || fail "solve: the guarded process row"
"$cefo" leontief tests/cli/data/hostile-io.xml --format csv >"$dir/io.csv" || fail "leontief"
safe leontief "$dir/io.csv"
grep -q "^sector,'=1+1,,total_output,1000,$" "$dir/io.csv" || fail "leontief: the guarded sector"
"$cefo" sweep $net --param "//demand/@amount=10:20:2" >"$dir/sweep.csv" || fail "sweep"
safe sweep "$dir/sweep.csv"
"$cefo" pareto $net --pollutant +CO2 --points 2 --format csv >"$dir/pareto.csv" || fail "pareto"
safe pareto "$dir/pareto.csv"
s=tests/cli/data/hostile-scenarios.xml
g=tests/golden/pollutant-cap.xml
"$cefo" whatif $g $s --format csv >"$dir/whatif.csv" || fail "whatif csv"
safe whatif "$dir/whatif.csv"
grep -q "^\"'=1+2,x\",objective,total,cost,1500,$" "$dir/whatif.csv" || fail "whatif: the label"

# whatif --out-dir: a long label in UTF-8 comes out whole (item 10), merge reads the files.
long=$(printf '%0260d' 0 | sed 's/00/é/g')
sed "s/damage-times-four-a/$long/" $s >"$dir/long.xml"
mkdir "$dir/runs"
"$cefo" whatif $g "$dir/long.xml" --out-dir "$dir/runs" || fail "whatif --out-dir"
grep -q ",$long,optimal,1700," "$dir/runs/run-000002.csv" || fail "whatif --out-dir: the label is cut"
iconv -f UTF-8 -t UTF-8 "$dir/runs/run-000002.csv" >/dev/null 2>&1 || fail "whatif --out-dir: not UTF-8"
"$cefo" merge --expect 4 "$dir"/runs/*.csv >"$dir/merged.csv" || fail "merge of whatif files"
safe merge "$dir/merged.csv"
grep -q "^1,\"'=1+2,x\",optimal,1500," "$dir/merged.csv" || fail "merge: the guarded label"

# whatif text: labels whole, columns wide enough (item 10).
"$cefo" whatif $g $s >"$dir/whatif.txt" || fail "whatif text"
head -1 "$dir/whatif.txt" | grep -q "damage-times-four-a *damage-times-four-b$" \
    || fail "whatif text: the labels are cut: $(head -1 "$dir/whatif.txt")"
# A scenario may not take the base's name (item 10): refused, file named.
sed 's/id="=1+2,x"/id="base"/' $s >"$dir/base.xml"
"$cefo" whatif $g "$dir/base.xml" >/dev/null 2>"$dir/err"
[ $? -eq 65 ] || fail "whatif: a scenario called base is taken"
grep -q "^$dir/base.xml:[0-9]*: .*'base'" "$dir/err" || fail "whatif base: $(cat "$dir/err")"
mkdir "$dir/runs2"
"$cefo" whatif $g "$dir/base.xml" --out-dir "$dir/runs2" 2>/dev/null
[ $? -eq 65 ] || fail "whatif --out-dir: a scenario called base is taken"

# DOT: Graphviz reads the file, no attribute is injected, labels keep their text (item 9).
"$cefo" export $net --dot "$dir/plan.dot" || fail "export --dot"
if command -v dot >/dev/null; then
    dot -Tsvg "$dir/plan.dot" >"$dir/plan.svg" 2>"$dir/err" || fail "dot: $(cat "$dir/err")"
    # Tooltips (the process id) make Graphviz write <a xlink:title>; a link would need a href.
    grep -q 'href' "$dir/plan.svg" && fail "dot: an injected link"
    grep -q '<a xlink:title="x&quot; URL=&quot;javascript:alert(1)">' "$dir/plan.svg" ||
        fail "dot: the hostile id is not the tooltip, as text"
    grep -q '>back\\</text>' "$dir/plan.svg" || fail "dot: the backslash label"
    grep -q '>x&quot; URL=&quot;javascript:alert(1)</text>' "$dir/plan.svg" || fail "dot: the quoted label"
else
    echo "escape: dot not installed (apt-get install graphviz), DOT checked by its quotes only"
fi
# Every double quote of the file is escaped or opens/closes a string on its line.
awk '{ s = $0; gsub(/\\\\/, "", s); gsub(/\\"/, "", s); t = s; if (gsub(/"/, "", t) % 2) print }' \
    "$dir/plan.dot" | grep -q . && fail "dot: an unbalanced string"

# Control characters: refused in ids at load with the line; never a forged line (item 12).
printf '<network version="1">\n<material id="a&#10;x.xml:1: forged" unit="t"/>\n</network>\n' \
    >"$dir/cr.xml"
"$cefo" validate "$dir/cr.xml" >/dev/null 2>"$dir/err"
[ $? -eq 65 ] || fail "a newline in an id is accepted"
[ "$(wc -l <"$dir/err")" -eq 1 ] || fail "a forged diagnostic line: $(cat "$dir/err")"
grep -q "^$dir/cr.xml:2: .*control character" "$dir/err" || fail "newline id: $(cat "$dir/err")"
nl="$dir/no
such.xml"
"$cefo" validate "$nl" 2>"$dir/err"
[ "$(wc -l <"$dir/err")" -eq 1 ] || fail "a newline in a file name forges a line: $(cat "$dir/err")"
# Text output, as a second guard: a file name with a line break stays on its line.
cp tests/cli/data/steel.xml "$nl"
"$cefo" solve "$nl" >"$dir/plan.txt" || fail "solve a file with a newline in its name"
[ "$(head -1 "$dir/plan.txt")" = "Plan for $dir/no\\nsuch.xml" ] \
    || fail "text output: $(head -2 "$dir/plan.txt")"
[ $status -eq 0 ] && echo "escape: ok"
exit $status
