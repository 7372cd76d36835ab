#!/bin/sh
# stdin-long.sh CEFO - a network on standard input longer than one read (64 kB, 1 MB) is read
# whole: the same plan as from the file, whose copy it is.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "stdin-long: $*"; exit 1; }
net=tests/golden/pollutant-cap.xml

for kb in 100 1100; do
    # The network with a comment of KB kilobytes after its first line (the XML declaration).
    { head -n 1 "$net"
      printf '<!-- '
      awk -v n="$kb" 'BEGIN { s = sprintf("%1023s", ""); for (i = 0; i < n; i++) print s }'
      printf ' -->\n'
      tail -n +2 "$net"; } >"$dir/long.xml"
    size=$(wc -c <"$dir/long.xml")
    [ "$size" -gt $((kb * 1024)) ] || fail "$kb kB: the long network has only $size bytes"
    "$cefo" solve "$dir/long.xml" -f json >"$dir/file.json" 2>"$dir/file.err" \
        || fail "$kb kB from the file: exit $? ($(cat "$dir/file.err"))"
    "$cefo" solve - -f json <"$dir/long.xml" >"$dir/stdin.json" 2>"$dir/stdin.err" \
        || fail "$kb kB on standard input: exit $? ($(cat "$dir/stdin.err"))"
    grep -v '"file"' "$dir/file.json" >"$dir/a"
    grep -v '"file"' "$dir/stdin.json" >"$dir/b"
    cmp -s "$dir/a" "$dir/b" || { diff "$dir/a" "$dir/b" | head; fail "$kb kB: another plan from -"; }
    tests/json_check.py "$dir/stdin.json" --expect source.file '"standard input"' \
        || fail "$kb kB: the source of -"
done
exit 0
