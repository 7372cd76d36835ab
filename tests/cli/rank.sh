#!/bin/sh
# rank.sh CEFO - `cefo rank`: the text table, --decisions, and shards that merge into the
# same table as one run (tests/golden/rank.xml, values by hand in tests/test_rank.c).
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
# Values to 9 digits: a shard re-solves from another previous point than a single run does.
norm() { awk -F, -v OFS=, 'NR > 1 { for (i = 8; i <= 9; i++) if ($i != "") $i = sprintf("%.9g", $i) } 1' | sort; }
check() { if ! eval "$2"; then echo "rank: $1"; fail=1; fi; }
net=tests/golden/rank.xml
"$cefo" rank "$net" >"$dir/text"
check "exit code" "[ $? = 0 ]"
check "tannery first at 500" "grep -Eq '^  tannery +group +yes +500 +0\$' '$dir/text'"
check "fibre-board second at 450" "sed -n 4p '$dir/text' | grep -Eq '^  fibreboard +process +yes +450 +0\$'"
check "chrome recovery's regret 300" "sed -n 5p '$dir/text' | grep -Eq '^  chrome-recovery +process +no +0 +300\$'"
"$cefo" rank "$net" --decisions "//process[@kind='recycling']" --format csv >"$dir/sel.csv"
check "--decisions picks the two recyclers" "[ \$(wc -l <'$dir/sel.csv') = 3 ] && ! grep -q tannery '$dir/sel.csv'"
"$cefo" rank "$net" --decisions "//process[@id='nope']" >/dev/null 2>"$dir/err"
check "a selector matching nothing is exit 65" "[ $? = 65 ]"
"$cefo" rank "$net" --decisions "//material" >/dev/null 2>"$dir/err"
check "a selector picking no decision is exit 64" "[ $? = 64 ] && grep -q 'no decision' '$dir/err'"
"$cefo" rank "$net" --format csv | norm >"$dir/one.csv"
mkdir "$dir/shards"
"$cefo" rank "$net" --shard 0/2 --out-dir "$dir/shards"
"$cefo" rank "$net" --shard 1/2 --out-dir "$dir/shards"
check "three decision files" "[ \$(ls '$dir/shards' | wc -l) = 3 ]"
"$cefo" merge --expect 3 "$dir"/shards/*.csv | norm >"$dir/merged.csv"
check "shards merge into the single run's table" "cmp -s '$dir/one.csv' '$dir/merged.csv'"
"$cefo" rank "$net" --shard 2/2 >/dev/null 2>&1
check "a bad shard is exit 64" "[ $? = 64 ]"
exit $fail
