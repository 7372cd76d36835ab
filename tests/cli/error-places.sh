#!/bin/sh
# error-places.sh CEFO - error messages name what is wrong and where, not only a word of it: the
# near-singular Leontief error names the weak sector and its line (not a neighbour's), a bad
# value in a src= CSV names that CSV file, its line and its column, a duplicate extension id
# is refused at the second one's line; a fixed cost on a link that is not optional, a minimum
# half a tonne above the capacity and an allocation share above 1 (summing to 1 with a
# negative one) are refused at their own lines. Each exits 65 and writes nothing on stdout.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
d=tests/cli/data

# expect WHAT PATTERN ARGS...: `cefo ARGS` exits 65, prints nothing on stdout, and the first
# line of stderr matches the extended regular expression PATTERN (anchored).
expect() {
    what=$1 pattern=$2
    shift 2
    "$cefo" "$@" >"$dir/out" 2>"$dir/err"
    rc=$?
    first=$(head -n 1 "$dir/err")
    if [ "$rc" != 65 ]; then
        echo "$what: exit $rc, want 65: $first"; failures=$((failures + 1))
    elif [ -s "$dir/out" ]; then
        echo "$what: printed on stdout"; failures=$((failures + 1))
    elif ! printf '%s\n' "$first" | grep -Eq "^$pattern\$"; then
        echo "$what: message '$first' does not match '$pattern'"; failures=$((failures + 1))
    fi
}

# The weak sector is the middle one, at line 8; its neighbours are at lines 7 and 9.
expect "near-singular" "$d/near-singular.xml:8: .*near-singular.*sector 'weak'.*" \
    leontief $d/near-singular.xml --rcond-min 1e-3
# By default (minimum 1e-12) the same table is analysed: 1 / 1e-6 = 1e6 for 'weak'.
"$cefo" leontief $d/near-singular.xml >"$dir/out" 2>&1 || {
    echo "near-singular: refused by default: $(cat "$dir/out")"; failures=$((failures + 1)); }
grep -Eq '^ *weak +1 +1000000 +1000000$' "$dir/out" || {
    echo "near-singular: 'weak' multiplier is not 1e6"; failures=$((failures + 1)); }
# The CSV, not the XML that names it; line 3; column 3 ("field 3" or "column 3").
expect "bad CSV value" "$d/bad-value-Z.csv:3: .*(field|column) 3([^0-9].*)?" \
    leontief $d/bad-value-src.xml
expect "duplicate extension" "$d/dup-extension.xml:11: .*duplicate.*'labour'.*" \
    leontief $d/dup-extension.xml
# Checks that hold at a line of their own, however small the fault.
expect "link fixed cost" "$d/link-fixed-cost.xml:11: .*fixed-cost.*optional.*" \
    validate $d/link-fixed-cost.xml
expect "min above capacity" "$d/min-above-capacity.xml:6: .*'acid-plant'.*min.*capacity.*" \
    validate $d/min-above-capacity.xml
expect "share above 1" "$d/share-above-one.xml:12: .*share.*" leontief $d/share-above-one.xml

[ "$failures" = 0 ] && echo "error-places: every error names its place"
exit $((failures != 0))
