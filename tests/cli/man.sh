#!/bin/sh
# man.sh CEFO - the shipped man page docs/cefo.1 is what the option tables generate
# (`cefo --man`), so that it cannot drift from --help; it names every command and every option
# that some --help lists. Regenerate it with `ninja -C build man`.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
status=0
gen=$(mktemp)
trap 'rm -f "$gen"' EXIT
"$cefo" --man >"$gen" || { echo "cefo --man: exit $?"; exit 1; }
if ! diff -u docs/cefo.1 "$gen"; then
    echo "docs/cefo.1 differs from 'cefo --man': run 'ninja -C build man'"; status=1
fi
commands=$("$cefo" --help | sed -n 's/^  \([a-z]*\)  .*/\1/p')
[ "$(echo "$commands" | wc -l)" -ge 9 ] || { echo "cefo --help lists too few commands"; status=1; }
for cmd in $commands; do
    grep -q "^\.B cefo $cmd\$" "$gen" || { echo "man: no synopsis of $cmd"; status=1; }
    # The command's section with roff's \- read as -, searched with the shell's own case.
    section=$(sed -n "/^\.SS cefo $cmd\$/,/^\.SS /p" "$gen" | sed 's/\\-/-/g')
    for opt in $("$cefo" "$cmd" --help | sed -n 's/^  \(-., \)\{0,1\} *\(--[a-z-]*\).*/\2/p'); do
        case "$section" in
        *"$opt "* | *"$opt
"*) ;;
        *) echo "man: $cmd lacks $opt"; status=1 ;;
        esac
    done
done
[ $status -eq 0 ] && echo "man: docs/cefo.1 is generated and complete"
exit $status
