#!/bin/sh
# markup.sh CEFO - ids and labels that are markup (<b>, <script>, &) come out of the SVG Sankey and the
# HTML report as text: both are well-formed (xmllint reads the SVG, and the report's SVG),
# and no tag of the input appears as a tag.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
fail() { echo "markup: $*"; status=1; }
net=tests/cli/data/markup.xml

"$cefo" export $net --svg "$dir/plan.svg" || fail "export --svg"
"$cefo" report $net -o "$dir/report.html" || fail "report"
for f in plan.svg report.html; do
    grep -Eq '<(b|i|script)>' "$dir/$f" && fail "$f: a tag of the input written as a tag"
    grep -q '&lt;b&gt;widget' "$dir/$f" || fail "$f: the material's id is not there as text"
    grep -q '&lt;i&gt;Works&lt;/i&gt; &amp; co' "$dir/$f" || fail "$f: the process name is not there as text"
    grep -q '&lt;b&gt;Valley&lt;/b&gt; &amp; co' "$dir/$f" || fail "$f: the network name is not there as text"
    sed -E 's/&([a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);//g' "$dir/$f" | grep -q '&' &&
        fail "$f: a bare ampersand"
done
# The report's tables: sector, zone, currency and units as text.
for s in '<td>&lt;b&gt;metal</td>' '<td>z&lt;script&gt;</td>' 'k&lt;i&gt;CNY/t&lt;b&gt;' '<td>&lt;b&gt;Kiln</td>'; do
    grep -q -- "$s" "$dir/report.html" || fail "report.html: no $s"
done
if command -v xmllint >/dev/null; then
    xmllint --noout "$dir/plan.svg" || fail "the SVG is not well-formed"
fi
[ "$status" = 0 ] && echo "markup: ok"
exit $status
