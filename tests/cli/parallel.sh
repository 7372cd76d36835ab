#!/bin/sh
# parallel.sh CEFO - the GNU parallel lines of docs/scenarios.md, run word for word on the
# example cluster: the merged table must equal one process's sweep of the same grid.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
command -v parallel >/dev/null || { echo "parallel: GNU parallel is not installed"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "parallel: $*"; [ -s "$dir/err" ] && cat "$dir/err"; exit 1; }
awk -v mark="tests/cli/parallel.sh runs these lines" -f "$here/docblock.awk" \
    "$root/docs/scenarios.md" >"$dir/lines.sh"
grep -q '^parallel ' "$dir/lines.sh" || fail "no parallel line found in docs/scenarios.md"
param=$(sed -n 's/.*--param "\([^"]*\)".*/\1/p' "$dir/lines.sh")
[ -n "$param" ] || fail "no --param in the documented line"
mkdir "$dir/bin" && ln -s "$cefo" "$dir/bin/cefo"
cp "$root/examples/zhenan-cluster.xml" "$dir/cluster.xml"
cd "$dir" || exit 2
PATH=$dir/bin:$PATH sh -e lines.sh 2>err || fail "the documented lines failed"
"$cefo" sweep cluster.xml --param "$param" >single.csv 2>err || fail "the single sweep failed"
. "$here/same-sweep.sh"
