#!/bin/sh
# whatif-changes.sh CEFO - the largest changes of a what-if match links by from, to and
# material, and a link the scenario removed shows as going to 0 (tests/scenarios/link-cut.xml
# derives the cut plan by hand; the base is tests/golden/linked-chain.expect).
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "whatif-changes: $*"; exit 1; }
"$cefo" whatif tests/golden/linked-chain.xml tests/scenarios/link-cut.xml --format json \
    -o "$dir/w.json" || fail "whatif exit $?"
tests/json_check.py "$dir/w.json" \
    --expect runs.0.objective 1428 --expect runs.1.objective 1440 \
    --expect 'runs.1.changes.id=millA.base' 45 --expect 'runs.1.changes.id=millA.value' 30 \
    --expect 'runs.1.changes.id=millB.value' 50 \
    --expect 'runs.1.changes.id=millB->kiln:sludge.base' 14 \
    --expect 'runs.1.changes.id=millB->kiln:sludge.value' 20 \
    --expect 'runs.1.changes.id=millA->kiln:sludge.base' 6 \
    --expect 'runs.1.changes.id=millA->kiln:sludge.value' 0 || fail "changes"
echo "whatif-changes: ok"
