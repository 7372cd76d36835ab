#!/bin/sh
# options.sh CEFO - every command refuses an unknown option and an option missing its value
# with exit 64 and a message naming the option, and a source option (--set) missing its value
# likewise; nothing runs.
set -u
cefo=$1
failures=0

# check CMD WANT_MESSAGE ARGS...: `cefo CMD ARGS` exits 64 and stderr's first line is
# "cefo CMD: WANT_MESSAGE".
check() {
    cmd=$1 want=$2
    shift 2
    err=$("$cefo" "$cmd" "$@" 2>&1 >/dev/null)
    rc=$?
    first=$(printf '%s\n' "$err" | head -n 1)
    if [ "$rc" != 64 ]; then
        echo "$cmd $*: exit $rc, want 64: $err"; failures=$((failures + 1))
    elif [ "$first" != "cefo $cmd: $want" ]; then
        echo "$cmd $*: message '$first', want 'cefo $cmd: $want'"; failures=$((failures + 1))
    fi
}

for cmd in validate solve leontief footprint whatif sweep pareto export report; do
    check "$cmd" "unknown option '--frobnicate'" --frobnicate x.xml
done
for cmd in validate solve leontief footprint sweep pareto export; do
    check "$cmd" "option '--set' needs a value" x.xml --set
done
check solve "option '-o' needs a value" x.xml -o
check whatif "option '--format' needs a value" x.xml s.xml --format
check report "option '--output' needs a value" x.xml --output

[ "$failures" = 0 ] && echo "options: all refused as expected"
exit $((failures != 0))
