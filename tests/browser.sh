#!/bin/sh
# browser.sh CEFO SOURCE_DIR - Debian's headless Chromium renders the reports of the bundled
# examples: no console error, every running process and the cluster's terminals present as
# Sankey nodes in the DOM it builds, no label of the diagram (node labels, amounts on flows)
# overlapping another as Chromium lays the text out; a programme's trajectory (firms by state
# and emissions against the caps per period) with no label overlapping either and its bars as
# tall as the counts and emissions of the JSON plan say; and screenshots (CEFO_SCREENSHOT=FILE
# keeps the cluster's, CEFO_SCREENSHOT2=FILE the rectification case's). Skips (77) without
# Chromium.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$2" || exit 2
browser=$(command -v chromium || command -v chromium-browser) || { echo "browser: no chromium (apt-get install chromium)"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "browser: $*"; exit 1; }
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir=$dir/profile --hide-scrollbars"
# The report has no script; a copy gets one that measures every label's box in the DOM and
# writes the overlapping pairs into it, for --dump-dom to show.
measure='<script>
addEventListener("load", () => {
  const t = [...document.querySelectorAll("svg.sankey text, svg.trajectory text")];
  const b = t.map(e => e.getBoundingClientRect());
  const bad = [];
  for (let i = 0; i < b.length; i++)
    for (let j = i + 1; j < b.length; j++)
      if (b[i].left < b[j].right - 0.5 && b[j].left < b[i].right - 0.5 &&
          b[i].top < b[j].bottom - 0.5 && b[j].top < b[i].bottom - 0.5)
        bad.push(JSON.stringify(t[i].textContent) + " / " + JSON.stringify(t[j].textContent));
  const p = document.createElement("pre");
  p.id = "overlaps";
  const nl = String.fromCharCode(10); /* no backslash: awk -v reads escapes */
  p.textContent = "labels=" + b.length + nl + bad.join(nl);
  document.body.appendChild(p);
  /* The trajectory as drawn: the height of each bar, the rise of each cap above the baseline. */
  const rows = [];
  const base = e => e.closest("svg").querySelector("line.baseline").getBoundingClientRect().top;
  for (const e of document.querySelectorAll("svg.trajectory rect.state"))
    rows.push(["state", e.dataset.period, e.dataset.state, e.getBoundingClientRect().height]);
  for (const e of document.querySelectorAll("svg.trajectory rect.emission"))
    rows.push(["emission", e.dataset.pollutant, e.dataset.period, e.getBoundingClientRect().height]);
  for (const e of document.querySelectorAll("svg.trajectory line.cap"))
    rows.push(["cap", e.dataset.pollutant, e.dataset.period, base(e) - e.getBoundingClientRect().top]);
  const q = document.createElement("pre");
  q.id = "bars";
  q.textContent = nl + rows.map(r => r.join("|")).join(nl) + nl;
  document.body.appendChild(q);
});
</script>'
check() { # check NAME EXAMPLE: report, DOM, overlaps, screenshot
    "$cefo" report "examples/$2.xml" -o "$dir/$1.html"
    [ $? -le 1 ] || fail "report of $2"
    awk -v s="$measure" '/<\/body>/ { print s } { print }' "$dir/$1.html" >"$dir/$1-measure.html"
    # shellcheck disable=SC2086 # flags are a word list
    timeout 120 "$browser" $flags --window-size=1800,2000 --enable-logging=stderr --v=0 \
        --dump-dom "file://$dir/$1-measure.html" >"$dir/$1-dom.html" 2>"$dir/console.txt" ||
        fail "chromium failed: $(tail -3 "$dir/console.txt")"
    grep -E "CONSOLE|Uncaught" "$dir/console.txt" && fail "console errors"
    labels=$(sed -n 's/.*<pre id="overlaps">labels=\([0-9]*\).*/\1/p' "$dir/$1-dom.html")
    [ "${labels:-0}" -gt 0 ] || fail "$2: no label measured"
    overlaps=$(sed -n '/<pre id="overlaps">/,/<\/pre>/p' "$dir/$1-dom.html" | sed '1d; s/<\/pre>.*//' | grep -v '^$')
    [ -z "$overlaps" ] || fail "$2: labels overlap in the Sankey diagram:
$overlaps"
    "$cefo" solve "examples/$2.xml" -f csv >"$dir/$1.csv"
    # by the header's names: a programme's CSV has a period first (empty for its totals)
    running=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
        $c["section"] == "process" && $c["quantity"] == "activity" && $c["value"] > 1e-9 &&
        !("period" in c && $c["period"] != "") { print $c["id"] }' "$dir/$1.csv")
    [ -n "$running" ] || fail "$2: no running process in the plan"
    for id in $running imports; do
        grep -q "data-node=\"$id\"" "$dir/$1-dom.html" || fail "$2: Sankey node '$id' missing from the DOM"
    done
    # shellcheck disable=SC2086
    timeout 120 "$browser" $flags --window-size=2000,${3:-1900} --screenshot="$dir/$1.png" \
        "file://$dir/$1.html" >/dev/null 2>&1 || fail "screenshot"
    [ "$(wc -c <"$dir/$1.png")" -gt 50000 ] || fail "the screenshot is nearly empty"
    echo "browser: $2: $(echo $running | wc -w) process nodes, $labels labels, no overlap"
}
check cluster zhenan-cluster
grep -q 'data-node="final demand"' "$dir/cluster-dom.html" || fail "no final demand node"
grep -q 'data-kind="emission"' "$dir/cluster-dom.html" || fail "no emission drawn"
check rect rectification
grep -q 'class="trajectory' "$dir/cluster-dom.html" "$dir/rect-dom.html" && fail "a trajectory without periods"
check prog programme 2600
sed -n '/<pre id="bars">/,/<\/pre>/p' "$dir/prog-dom.html" | grep '|' >"$dir/bars.txt"
"$cefo" solve examples/programme.xml -f json >"$dir/prog.json" || fail "solve programme"
# Counts of firms by state per period from the JSON plan's trajectories, emissions and caps
# from its periods; every bar's height (and every cap's rise) at one scale per chart.
python3 - "$dir/prog.json" "$dir/bars.txt" <<'EOF' || fail "trajectory bars do not match the plan"
import json, sys
plan = json.load(open(sys.argv[1]))
ids = [p["id"] for p in plan["periods"]]
want = {}
for g in plan["groups"]:
    for t, state in enumerate(g["trajectory"]):
        want[(ids[t], state)] = want.get((ids[t], state), 0) + 1
got, amount, drawn = {}, {}, {}
for line in open(sys.argv[2]):
    kind, a, b, h = line.strip().split("|")
    if kind == "state":
        got[(a, b)] = float(h)
    else:
        drawn[(kind, a, b)] = float(h)
for p in plan["periods"]:
    for q in p["pollutants"]:
        amount[("emission", q["id"], p["id"])] = q["emission"]
        if q["cap"] is not None:
            amount[("cap", q["id"], p["id"])] = q["cap"]
bad = []
if set(got) != set(want):
    bad.append("bars %s, counts %s" % (sorted(got), sorted(want)))
scale = max(got[k] / want[k] for k in got if k in want) if got else 0
bad += ["%s: %g px for %d firms" % (k, got[k], want[k]) for k in got
        if k in want and abs(got[k] - scale * want[k]) > 0.5]
if set(drawn) != set(amount):
    bad.append("drawn %s, plan %s" % (sorted(drawn), sorted(amount)))
for pol in {k[1] for k in amount}:
    keys = [k for k in amount if k[1] == pol and k in drawn]
    s = max(drawn[k] / amount[k] for k in keys if amount[k] > 0)
    bad += ["%s: %g px for %g" % (k, drawn[k], amount[k]) for k in keys
            if abs(drawn[k] - s * amount[k]) > 0.5]
print("browser: programme: %d state bars, %d emission bars and cap steps" % (len(got), len(drawn)))
print("\n".join(bad))
sys.exit(1 if bad or not got else 0)
EOF
[ -n "${CEFO_SCREENSHOT:-}" ] && cp "$dir/cluster.png" "$CEFO_SCREENSHOT"
[ -n "${CEFO_SCREENSHOT2:-}" ] && cp "$dir/rect.png" "$CEFO_SCREENSHOT2"
echo "browser: ok"
