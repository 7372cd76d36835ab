#!/bin/sh
# messages.sh CEFO - diagnostics say what they mean, one line each after FILE:LINE; warnings
# reach stderr with exit 0; the report names its input as it was given (docs/robustness.md).
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
fail() { echo "messages: $*"; status=1; }

# A consumer of a linked material that no link reaches: a warning at its <input>, exit 0.
f=tests/cli/data/unlinked-consumer.xml
"$cefo" validate $f >"$dir/out" 2>"$dir/err" || fail "validate exit $?"
grep -q "valid network" "$dir/out" || fail "validate: no summary"
printf '%s:17: warning: process '"'"'cement-plant'"'"' consumes '"'"'slag'"'"', which links carry, but no link brings it to '"'"'cement-plant'"'"': it can only import it\n' "$f" \
    | cmp -s - "$dir/err" || fail "validate warning: $(cat "$dir/err")"
"$cefo" validate tests/cli/data/steel.xml 2>"$dir/err" >/dev/null || fail "validate steel"
[ -s "$dir/err" ] && fail "a warning on a network without links: $(cat "$dir/err")"

# Every line of a diagnostic starts with FILE:LINE (libxml2's two-line message included).
printf '<?xml version="1.0"?>\n<network version="1">\n<material id="\377\376" unit="t"/>\n</network>\n' \
    >"$dir/utf8.xml"
"$cefo" validate "$dir/utf8.xml" 2>"$dir/err"
[ $? -eq 65 ] || fail "bad UTF-8 accepted"
[ "$(wc -l <"$dir/err")" -eq 1 ] || fail "bad UTF-8: $(cat "$dir/err")"
grep -q "^$dir/utf8.xml:3: .*UTF-8.*0xFF 0xFE" "$dir/err" || fail "bad UTF-8: $(cat "$dir/err")"

# The process is named in a duplicated input; text is placed at its own line.
printf '<network version="1">\n<material id="m" unit="t"/>\n<process id="p">\n<input material="m" amount="1"/>\n<input material="m" amount="2"/>\n</process>\n</network>\n' \
    >"$dir/twice.xml"
"$cefo" validate "$dir/twice.xml" 2>"$dir/err"
grep -q "^$dir/twice.xml:5: process 'p' lists input 'm' twice (also at line 4)$" "$dir/err" \
    || fail "input twice: $(cat "$dir/err")"
printf '<network version="1">\n<material id="m" unit="t"/>\n\n\n  stray words\n</network>\n' \
    >"$dir/text.xml"
"$cefo" validate "$dir/text.xml" 2>"$dir/err"
grep -q "^$dir/text.xml:5: unexpected text inside <network>$" "$dir/err" \
    || fail "stray text: $(cat "$dir/err")"

# The HTML report names the input as given on the command line, never an absolute path.
cp tests/cli/data/steel.xml "$dir/steel.xml"
(cd "$dir" && "$cefo" report steel.xml -o r.html) || fail "report"
grep -q "<h1>Plan for steel.xml</h1>" "$dir/r.html" || fail "report: the input's name"
grep -q "$dir" "$dir/r.html" && fail "report: an absolute path"
[ $status -eq 0 ] && echo "messages: ok"
exit $status
