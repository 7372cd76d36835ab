#!/bin/sh
# run.sh CEFO CASE - runs one CLI golden case from the source root and compares its stdout,
# stderr (when CASE.stderr exists) and exit code with the expected files beside it. CASE.json
# and CASE.csv are goldens of stdout compared by tests/json_check.py and tests/csv_check.py
# (numbers to 1e-9); any JSON or CSV a case prints goes through those checkers too.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case_dir=$(cd "$(dirname "$0")" && pwd)
name=$2
cd "$case_dir/../.." || exit 2
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
# shellcheck disable=SC2046 # the .args file holds one shell-split argument list
eval "set -- $(cat "$case_dir/$name.args")"
"$cefo" "$@" >"$out" 2>"$err"
rc=$?
status=0
want_rc=$(cat "$case_dir/$name.rc")
if [ "$rc" != "$want_rc" ]; then
    echo "$name: exit code $rc, want $want_rc"; cat "$err"; status=1
fi
if [ -f "$case_dir/$name.stdout" ] && ! diff -u "$case_dir/$name.stdout" "$out"; then
    echo "$name: stdout differs"; status=1
fi
args=" $(cat "$case_dir/$name.args") "
[ -s "$out" ] || args=""  # an error prints nothing to parse
case "$args" in
*" -f json "* | *" --format json "* | *" --format=json "*)
    tests/json_check.py "$out" || status=1 ;;
*" -f csv "* | *" --format csv "* | *" --format=csv "*)
    tests/csv_check.py "$out" || status=1 ;;
esac
if [ -f "$case_dir/$name.json" ] && ! tests/json_check.py "$out" --golden "$case_dir/$name.json"; then
    echo "$name: JSON differs from $name.json"; status=1
fi
if [ -f "$case_dir/$name.csv" ] && ! tests/csv_check.py "$out" --golden "$case_dir/$name.csv"; then
    echo "$name: CSV differs from $name.csv"; status=1
fi
if [ -f "$case_dir/$name.stderr" ] && ! diff -u "$case_dir/$name.stderr" "$err"; then
    echo "$name: stderr differs"; status=1
fi
exit $status
