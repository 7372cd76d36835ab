#!/bin/sh
# write-fail.sh CEFO - a write that fails midway (a file size limit, a full disk, /dev/full)
# leaves the old file intact and no temporary file, exits 74 and names the destination;
# standard output is checked too, for every command that prints.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d)
mnt=
trap '[ -n "$mnt" ] && umount "$mnt" 2>/dev/null; rm -rf "$dir"' EXIT
cd "$dir" || exit 2
failures=0
fail() { echo "write-fail: $*"; failures=$((failures + 1)); }
temps() { ls -a "${1:-.}" | grep -E '\.[A-Za-z0-9]{6}$'; }
net=$src/tests/golden/linked-chain.xml
H='<?xml version="1.0"?>'
# A network whose JSON plan is far larger than one 512-byte block.
{ printf '%s\n<network version="1">\n' "$H"; i=0; while [ $i -lt 200 ]; do
    printf '<material id="m%d" unit="t" import-cost="1"/><demand material="m%d" amount="1"/>\n' $i $i; i=$((i + 1)); done
  printf '</network>\n'; } >big.xml

# expect74 WHAT DEST: the last command's exit and message.
expect74() {
    [ "$rc" = 74 ] || fail "$1: exit $rc, want 74: $(cat err.txt)"
    grep -q -F "$2" err.txt || fail "$1: the message does not name $2: $(cat err.txt)"
    temps | grep -q . && grep -q -F "$(temps | head -n 1)" err.txt &&
        fail "$1: the message names the temporary file"
    [ -z "$(temps)" ] || { fail "$1: temporaries left: $(temps | tr '\n' ' ')"; rm -f $(temps); }
}

# Standard output on a full device: every command that prints.
"$cefo" sweep "$src/tests/golden/pollutant-cap.xml" --param "//pollutant[@id='CO2']/@cap=50:250:3" >s.csv ||
    fail "sweep"
for cmd in "merge s.csv" "validate $net" "pareto $src/tests/golden/pollutant-cap.xml --pollutant CO2 --points 3" \
           "solve $net" "leontief $src/tests/cli/data/kitzes-src.xml" "sweep $src/tests/golden/pollutant-cap.xml --param //pollutant/@cap=50:250:3" \
           "whatif $src/tests/golden/pollutant-cap.xml $src/tests/scenarios/damage-x4.xml" "solve $net -o -" "report $net -o -"; do
    # shellcheck disable=SC2086 # one command line per word list
    "$cefo" $cmd >/dev/full 2>err.txt
    rc=$?
    [ $rc = 74 ] || fail "$cmd >/dev/full: exit $rc, want 74"
    grep -q -i "standard output\|/dev/full" err.txt || fail "$cmd >/dev/full: $(cat err.txt)"
done

# -o FULL, a /dev/full of our own (the system's is never risked): written in place, fails,
# named, and still a device afterwards.
if mknod full c 1 7 2>/dev/null; then
    "$cefo" solve big.xml -o full 2>err.txt
    rc=$?
    expect74 "solve -o a full device" full
    [ -c full ] || fail "the full device was replaced by a $(stat -c %F full)"
    rm -f full
else
    echo "write-fail: cannot mknod here: the -o device case skipped"
fi

# A file size limit (ulimit -f, 512-byte blocks): EFBIG midway, never SIGXFSZ's core dump.
echo old >plan.json
(ulimit -f 1 && "$cefo" solve big.xml -f json -o plan.json) 2>err.txt
rc=$?
expect74 "solve -o under ulimit -f" plan.json
[ "$(cat plan.json)" = old ] || fail "ulimit -f: the old plan.json was not kept"
echo old >m.mps && echo old >m.svg
(ulimit -f 1 && "$cefo" export big.xml --mps m.mps --svg m.svg) 2>err.txt
rc=$?
[ "$rc" = 74 ] || [ "$rc" = 73 ] || fail "export under ulimit -f: exit $rc, want 74: $(cat err.txt)"
[ "$(cat m.mps)$(cat m.svg)" = oldold ] || fail "export under ulimit -f changed an old file"
[ -z "$(temps)" ] || { fail "export under ulimit -f left $(temps | tr '\n' ' ')"; rm -f $(temps); }
(ulimit -f 1 && "$cefo" report big.xml -o plan.json) 2>err.txt
rc=$?
expect74 "report -o under ulimit -f" plan.json
[ "$(cat plan.json)" = old ] || fail "report under ulimit -f: the old file was not kept"

# A full disk: a tiny tmpfs, where it can be mounted (root, outside most containers).
mkdir disk
if mount -t tmpfs -o size=64k tmpfs disk 2>/dev/null; then
    mnt=$dir/disk
    echo old >disk/plan.json
    dd if=/dev/zero of=disk/filler bs=1k count=60 2>/dev/null
    "$cefo" solve big.xml -f json -o disk/plan.json 2>err.txt
    rc=$?
    (cd disk && [ -z "$(temps)" ]) || fail "full disk: temporaries left"
    [ "$(cat disk/plan.json)" = old ] || fail "full disk: the old plan.json was not kept"
    [ "$rc" = 74 ] || fail "full disk: exit $rc, want 74: $(cat err.txt)"
    grep -q -F disk/plan.json err.txt || fail "full disk: the message does not name disk/plan.json"
    umount disk && mnt=
else
    echo "write-fail: cannot mount a tmpfs here: the full-disk case skipped"
fi

echo "write-fail: $failures failures"
[ $failures = 0 ]
