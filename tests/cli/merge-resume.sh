#!/bin/sh
# merge-resume.sh CEFO - `cefo merge` refuses damaged tables (short rows, extra columns, NaN,
# a missing final newline, NUL bytes, points beyond --expect, a folder, endless input, read
# errors) and accepts CRLF; `--out-dir` creates its folder, concurrent shards included; a
# resumed run takes only whole point files as done (not a 0-byte file, not a folder).
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 2
failures=0
fail() { echo "merge-resume: $*"; failures=$((failures + 1)); }
net=$src/tests/golden/pollutant-cap.xml
param="//pollutant[@id='CO2']/@cap=50:250:5"
"$cefo" sweep $net --param "$param" >all.csv || fail "sweep"
head -n 1 all.csv >header
row() { sed -n "$(($1 + 2))p" all.csv; }

# refused NAME WANT_RC WORD: merge of NAME.csv (and all.csv's other points) exits WANT_RC with
# a message containing WORD.
refused() {
    name=$1 want=$2 word=$3; shift 3
    timeout 10 "$cefo" merge "$@" "$name.csv" >out.csv 2>err.txt
    rc=$?
    [ $rc = "$want" ] || fail "$name: exit $rc, want $want: $(head -c 300 err.txt)"
    grep -q -i -- "$word" err.txt || fail "$name: the message lacks '$word': $(head -c 300 err.txt)"
    [ -s out.csv ] && fail "$name: merge printed a table though it failed"
}
{ cat header; row 0 | cut -d, -f1-5; } >short.csv;                  refused short 65 "fields"
{ cat header; row 0 | sed 's/$/,7/'; } >extra.csv;                   refused extra 65 "fields"
{ cat header; row 0 | sed 's/^\([^,]*,[^,]*,[^,]*\),[^,]*/\1,nan/'; } >nan.csv; refused nan 65 "finite"
{ cat header; row 0 | sed 's/^\([^,]*,[^,]*,[^,]*\),[^,]*/\1,inf/'; } >inf.csv; refused inf 65 "finite"
{ cat header; row 0; row 1 | tr -d '\n'; } >unended.csv;             refused unended 65 "newline"
{ cat header; row 0 | sed 's/optimal/opt\x00imal/'; } >nul.csv;        refused nul 65 "NUL"
{ cat header; row 3; row 4; } >beyond.csv;                            refused beyond 65 "beyond" --expect 4
mkdir folder.csv;                                                     refused folder 66 "directory"
ln -s /dev/zero zero.csv
start=$(date +%s)
refused zero 65 "NUL"
[ $(($(date +%s) - start)) -le 5 ] || fail "merge /dev/zero took more than 5 s"
{ cat header; head -c 2000000 /dev/zero | tr '\0' 7; echo; } >long.csv; refused long 65 "long"
# A read error is an error (74), not the end of the file: /proc/self/mem fails at offset 0.
ln -s /proc/self/mem mem.csv;                                         refused mem 74 "read"

# CRLF line ends are read as LF.
sed 's/$/\r/' all.csv >crlf.csv
"$cefo" merge --expect 5 crlf.csv >out.csv 2>err.txt || fail "CRLF refused: $(cat err.txt)"
cmp -s out.csv all.csv || fail "CRLF input gives another table"

# --out-dir: missing folders are made; two shards making one folder at once both succeed.
"$cefo" sweep $net --param "$param" --out-dir new/a/b || fail "--out-dir with missing folders"
[ "$(ls new/a/b | wc -l)" = 5 ] || fail "--out-dir new/a/b: $(ls new/a/b | wc -l) files, want 5"
for k in 0 1 2 3; do "$cefo" sweep $net --param "$param" --shard $k/4 --out-dir par/x/y 2>"err$k.txt" & done
ok=0
for k in 0 1 2 3; do wait %$((k + 1)) 2>/dev/null && ok=$((ok + 1)); done
wait
[ "$(ls par/x/y | wc -l)" = 5 ] || fail "concurrent shards: $(ls par/x/y | wc -l) files, want 5: $(cat err*.txt)"
# (warm starts differ by shard layout in the last digits: only completeness is compared here)
"$cefo" merge --expect 5 par/x/y/*.csv >/dev/null || fail "concurrent shards' merge"

# Resume: a 0-byte file, a header alone, a glued or short row are redone; a folder is an error.
mkdir res
"$cefo" sweep $net --param "$param" --out-dir res || fail "first run"
: >res/point-000001.csv
head -n 1 res/point-000002.csv >res/h && mv res/h res/point-000002.csv
head -c 50 res/point-000003.csv >res/h && mv res/h res/point-000003.csv
"$cefo" sweep $net --param "$param" --out-dir res 2>err.txt || fail "resume: $(cat err.txt)"
"$cefo" merge --expect 5 res/*.csv >out.csv 2>err.txt && cmp -s out.csv all.csv ||
    fail "resume took a damaged point file as done: $(cat err.txt)"
rm res/point-000004.csv && mkdir res/point-000004.csv
"$cefo" sweep $net --param "$param" --out-dir res 2>err.txt
rc=$?
[ $rc = 73 ] || fail "resume over a folder: exit $rc, want 73"
grep -q 'point-000004.csv.*directory' err.txt || fail "resume over a folder: $(cat err.txt)"
# A FIFO in a point's place is no finished point: it is written in place, never read.
rm -rf res/point-000004.csv && mkfifo res/point-000004.csv
timeout 20 cat res/point-000004.csv >fifo.out &
timeout 20 "$cefo" sweep $net --param "$param" --out-dir res 2>err.txt || fail "resume over a FIFO: exit $?"
wait
[ -p res/point-000004.csv ] || fail "resume replaced the FIFO"
grep -q '^4,' fifo.out || fail "resume over a FIFO: the point did not reach the FIFO"
# whatif batches resume the same way.
"$cefo" whatif $net "$src/tests/scenarios/damage-x4.xml" --out-dir w || fail "whatif batch"
cp w/run-000001.csv run1 && : >w/run-000001.csv
"$cefo" whatif $net "$src/tests/scenarios/damage-x4.xml" --out-dir w || fail "whatif resume"
cmp -s run1 w/run-000001.csv || fail "whatif resume took a 0-byte run file as done"

echo "merge-resume: $failures failures"
[ $failures = 0 ]
