#!/bin/sh
# write-failure.sh CEFO - a write that fails midway (the file size limit, `ulimit -f`) leaves
# the old output intact and no temporary file beside it, with exit 74.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
fail() { echo "write-failure: $*"; status=1; }

echo old >"$dir/plan.json"
# 1 block of 512 bytes: the plan (about 2 kB) fails midway; SIGXFSZ ignored, so the write
# itself fails (EFBIG) rather than the process being killed.
(ulimit -f 1 && trap '' XFSZ && exec "$cefo" solve tests/golden/linked-chain.xml -f json \
    -o "$dir/plan.json") 2>"$dir/err"
rc=$?
[ "$rc" = 74 ] || fail "exit $rc, want 74: $(cat "$dir/err")"
[ "$(cat "$dir/plan.json")" = old ] || fail "the old output was not left intact"
left=$(ls "$dir" | grep -v -x -e plan.json -e err)
[ -z "$left" ] || fail "left behind: $left"
[ "$status" = 0 ] && echo "write-failure: ok"
exit $status
