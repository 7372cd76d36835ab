#!/bin/sh
# browser.sh CEFO SOURCE_DIR - Debian's headless Chromium renders the report of the bundled
# example: no console error, every running process and the cluster's terminals present as
# Sankey nodes in the DOM it builds, and a screenshot. Skips (77) without Chromium.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$2" || exit 2
browser=$(command -v chromium || command -v chromium-browser) || { echo "browser: no chromium (apt-get install chromium)"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "browser: $*"; exit 1; }
"$cefo" report examples/zhenan-cluster.xml -o "$dir/report.html" || fail "report"
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir=$dir/profile --hide-scrollbars"
# shellcheck disable=SC2086 # flags are a word list
timeout 120 "$browser" $flags --enable-logging=stderr --v=0 --dump-dom "file://$dir/report.html" \
    >"$dir/dom.html" 2>"$dir/console.txt" || fail "chromium failed: $(tail -3 "$dir/console.txt")"
grep -E "CONSOLE|Uncaught" "$dir/console.txt" && fail "console errors"
"$cefo" solve examples/zhenan-cluster.xml -f csv >"$dir/plan.csv" || fail "solve"
running=$(awk -F, '$1 == "process" && $6 == "activity" && $7 > 1e-9 { print $2 }' "$dir/plan.csv")
[ -n "$running" ] || fail "no running process in the plan"
for id in $running imports "final demand"; do
    grep -q "data-node=\"$id\"" "$dir/dom.html" || fail "Sankey node '$id' missing from the DOM"
done
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --window-size=1200,2000 --screenshot="$dir/report.png" \
    "file://$dir/report.html" >/dev/null 2>&1 || fail "screenshot"
[ "$(wc -c <"$dir/report.png")" -gt 50000 ] || fail "the screenshot is nearly empty"
[ -n "${CEFO_SCREENSHOT:-}" ] && cp "$dir/report.png" "$CEFO_SCREENSHOT"
echo "browser: ok ($(echo $running | wc -w) process nodes)"
