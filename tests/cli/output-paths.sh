#!/bin/sh
# output-paths.sh CEFO - where an output lands: a FIFO or a device is written in place, never
# replaced; `-o -` is standard output; a symlink is written through to its target; new files
# honour the umask and a replaced file keeps its mode; an output that is also an input is
# refused (73, both paths named); export writes all its files or none, and refuses one path
# given to two formats (64).
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 2
failures=0
fail() { echo "output-paths: $*"; failures=$((failures + 1)); }
mode() { stat -c %a "$1"; }
net=$src/tests/golden/linked-chain.xml
cp "$net" net.xml
"$cefo" solve net.xml -f csv >want.csv || fail "solve to stdout"

# 1. A FIFO stays a FIFO and receives the plan.
mkfifo fifo
timeout 20 cat fifo >got.csv &
reader=$!
"$cefo" solve net.xml -f csv -o fifo || fail "solve -o FIFO: exit $?"
wait $reader
[ -p fifo ] || fail "the FIFO was replaced"
cmp -s want.csv got.csv || fail "the FIFO did not receive the plan"
ls | grep -q 'fifo\.' && fail "a temporary was left beside the FIFO"
for opt in --mps --lp --dot --svg; do
    timeout 20 cat fifo >/dev/null &
    reader=$!
    "$cefo" export net.xml $opt fifo || fail "export $opt FIFO: exit $?"
    wait $reader
    [ -p fifo ] || { fail "export $opt replaced the FIFO"; rm -f fifo; mkfifo fifo; }
done

# 1. A character device (a /dev/null of our own, when we may create one) stays a device.
if mknod null c 1 3 2>/dev/null; then
    "$cefo" solve net.xml -o null || fail "solve -o device: exit $?"
    for opt in --mps --lp --dot --svg; do
        "$cefo" export net.xml $opt null || fail "export $opt device: exit $?"
    done
    "$cefo" report net.xml -o null || fail "report -o device: exit $?"
    "$cefo" leontief "$src/tests/cli/data/kitzes-src.xml" -o null || fail "leontief -o device"
    [ -c null ] || fail "the character device was replaced by a $(stat -c %F null)"
    ls | grep -q 'null\.' && fail "a temporary was left beside the device"
else
    echo "output-paths: cannot mknod here (not root?): device cases skipped"
fi

# 1. `-o -` is standard output, and no file named '-' appears.
"$cefo" solve net.xml -f csv -o - >dash.csv || fail "solve -o -: exit $?"
cmp -s want.csv dash.csv || fail "-o - is not standard output"
[ -e ./- ] && fail "-o - created a file named '-'"
"$cefo" report net.xml -o - >dash.html || fail "report -o -: exit $?"
grep -q '</html>' dash.html || fail "report -o - wrote no page on standard output"
[ -e ./- ] && fail "report -o - created a file named '-'"

# 4. A symlink is written through to its target, and stays a symlink.
echo old >target.csv
ln -s target.csv link.csv
"$cefo" solve net.xml -f csv -o link.csv || fail "solve -o symlink: exit $?"
[ -L link.csv ] || fail "the symlink was replaced by a regular file"
cmp -s want.csv target.csv || fail "the symlink's target did not receive the plan"
mkdir sub
ln -s sub/new.csv dangling.csv
"$cefo" solve net.xml -f csv -o dangling.csv || fail "solve -o dangling symlink: exit $?"
[ -L dangling.csv ] && cmp -s want.csv sub/new.csv || fail "a dangling symlink's target not created"
echo old >target.csv
ln -s ../link.csv sub/up.csv # a relative target is relative to the link's own folder
"$cefo" solve net.xml -f csv -o sub/up.csv || fail "solve -o symlink to a symlink: exit $?"
[ -L sub/up.csv ] && [ -L link.csv ] && cmp -s want.csv target.csv || fail "a chain of symlinks not followed"
ls sub | grep -q 'new\.csv\.' && fail "a temporary was left beside the target"

# 3. New files honour the umask; a replaced file keeps its mode.
(umask 077 && "$cefo" solve net.xml -o private.txt) || fail "umask 077: exit $?"
[ "$(mode private.txt)" = 600 ] || fail "umask 077 gave mode $(mode private.txt), want 600"
(umask 022 && "$cefo" solve net.xml -o public.txt) || fail "umask 022: exit $?"
[ "$(mode public.txt)" = 644 ] || fail "umask 022 gave mode $(mode public.txt), want 644"
(umask 027 && "$cefo" export net.xml --mps m.mps --svg m.svg) || fail "export umask 027"
[ "$(mode m.mps)$(mode m.svg)" = 640640 ] || fail "export under umask 027: $(mode m.mps) $(mode m.svg)"
echo old >kept.txt && chmod 600 kept.txt
(umask 022 && "$cefo" solve net.xml -o kept.txt) || fail "replace 0600: exit $?"
[ "$(mode kept.txt)" = 600 ] || fail "a replaced 0600 file became $(mode kept.txt)"
chmod 640 target.csv
(umask 077 && "$cefo" solve net.xml -o link.csv) || fail "replace through symlink: exit $?"
[ "$(mode target.csv)" = 640 ] || fail "a replaced 0640 target became $(mode target.csv)"

# 2. An output that is the same file as an input: refused, 73, both paths named, input intact.
same() { # same WHAT INPUT OUTPUT-AS-GIVEN CMD...
    what=$1 in=$2 out=$3; shift 3
    cp "$in" before
    "$@" 2>err.txt >/dev/null
    rc=$?
    [ $rc = 73 ] || fail "$what: exit $rc, want 73"
    grep -q -F "$out" err.txt && grep -q -F "$(basename "$in")" err.txt ||
        fail "$what: the message does not name both files: $(cat err.txt)"
    cmp -s before "$in" || { fail "$what: the input was changed"; cp before "$in"; }
    ls "$(dirname "$in")" | grep -q "$(basename "$in")\." && fail "$what: a temporary was left"
}
same "solve -o FILE" net.xml net.xml "$cefo" solve net.xml -o net.xml
ln net.xml hard.xml
same "solve -o hard link" net.xml hard.xml "$cefo" solve net.xml -o hard.xml
ln -s net.xml soft.xml
same "solve -o symlink to FILE" net.xml soft.xml "$cefo" solve net.xml -o soft.xml
same "export --mps FILE" net.xml net.xml "$cefo" export net.xml --mps net.xml
same "export --dot FILE" net.xml net.xml "$cefo" export net.xml --svg ok.svg --dot net.xml
[ -e ok.svg ] && fail "export wrote one file though another output was refused"
same "report -o FILE" net.xml net.xml "$cefo" report net.xml -o net.xml
cp "$src/tests/golden/pollutant-cap.xml" cap.xml
cp "$src/tests/scenarios/damage-x4.xml" scen.xml
same "solve -o SCENARIOS" scen.xml scen.xml "$cefo" solve cap.xml --scenarios scen.xml -o scen.xml
same "whatif -o SCENARIOS" scen.xml scen.xml "$cefo" whatif cap.xml scen.xml -o scen.xml
same "report -o SCENARIOS" scen.xml scen.xml "$cefo" report cap.xml --scenarios scen.xml -o scen.xml
cp "$src/tests/cli/data/kitzes-src.xml" "$src/tests/cli/data/kitzes-Z.csv" .
same "leontief -o its src= CSV" kitzes-Z.csv kitzes-Z.csv "$cefo" leontief kitzes-src.xml -o kitzes-Z.csv
same "leontief -o FILE" kitzes-src.xml kitzes-src.xml "$cefo" leontief kitzes-src.xml -o kitzes-src.xml
# A network's CSV registries (src= on its grouping elements) are inputs too.
mkdir -p reg && cp "$src"/examples/registries/*.xml "$src"/examples/registries/*.csv reg/
same "solve -o its registry" reg/firms.csv reg/firms.csv "$cefo" solve reg/rectification.xml -o reg/firms.csv
printf '<scenarios version="1"><scenario id="cod"><scale sel="//pollutant[@id=%sCOD%s]/@cap" factor="0.9"/></scenario></scenarios>\n' "'" "'" >reg-scen.xml
same "whatif -o its registry" reg/demands.csv reg/demands.csv "$cefo" whatif reg/rectification.xml reg-scen.xml -o reg/demands.csv
same "sweep -o its registry" reg/materials.csv reg/materials.csv "$cefo" sweep reg/rectification.xml --param "//pollutant[@id='COD']/@cap=400:500:2" -o reg/materials.csv

# 7. export: one path for two formats is a usage error, and nothing is written.
"$cefo" export net.xml --mps twice.out --lp twice.out 2>err.txt
rc=$?
[ $rc = 64 ] || fail "export with one path for two formats: exit $rc, want 64"
[ -e twice.out ] && fail "export wrote a path given to two formats"
"$cefo" export net.xml --mps twice.out --lp ./twice.out 2>/dev/null
[ $? = 64 ] || fail "export: ./twice.out and twice.out not seen as one path"
# 7. all or nothing: when one output cannot be created, none of the others is written or changed.
echo old >keep.mps
"$cefo" export net.xml --mps keep.mps --lp /nonexistent-dir/m.lp --svg new.svg 2>err.txt
rc=$?
[ $rc = 73 ] || fail "export with one uncreatable output: exit $rc, want 73"
[ "$(cat keep.mps)" = old ] || fail "export replaced keep.mps though the set failed"
[ -e new.svg ] && fail "export wrote new.svg though the set failed"
ls | grep -q -e 'keep\.mps\.' -e 'new\.svg\.' && fail "export left temporaries"

echo "output-paths: $failures failures"
[ $failures = 0 ]
