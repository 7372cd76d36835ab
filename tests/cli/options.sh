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

# Every option a command's --help lists is one it takes: given it with a value (or none), the
# command never calls it unknown (report --help once listed --scenario and then refused it).
for cmd in validate solve leontief footprint whatif sweep merge pareto rank export report; do
    for opt in $("$cefo" "$cmd" --help | sed -n 's/^  \(-., \)\{0,1\} *\(--[a-z-]*\).*/\2/p'); do
        err=$("$cefo" "$cmd" "$opt" x 2>&1 >/dev/null)
        case "$err" in
        *"unknown option"* | *"needs a value"*)
            echo "$cmd --help lists $opt, then: $err"; failures=$((failures + 1)) ;;
        esac
    done
done

# Every command that prints a table takes --format and -o; `cefo help CMD` is CMD --help.
for cmd in validate solve leontief footprint whatif sweep merge pareto rank; do
    help=$("$cefo" "$cmd" --help)
    for opt in "-f, --format" "-o, --output"; do
        case "$help" in
        *"  $opt "*) ;;
        *) echo "$cmd --help: no $opt"; failures=$((failures + 1)) ;;
        esac
    done
    [ "$("$cefo" help "$cmd")" = "$help" ] || { echo "cefo help $cmd differs from --help"; failures=$((failures + 1)); }
done

# Did you mean: a slip in an option, a command, an enumerated value that lists the allowed.
check solve "unknown option '--formt'; did you mean '--format'?" --formt json x.xml
check solve "--format must be text, json or csv, not 'jsn'; did you mean 'json'?" --format jsn x.xml
check solve "--solver must be glpk, cbc or clp, not 'gurobi'" --solver gurobi x.xml
check solve "--method must be auto, primal or dual, not 'barrier'" --method barrier x.xml
check footprint "--allocation must be market or mass, not 'value'" --allocation value x.xml
check sweep "--format must be csv, not 'json'" --format json x.xml
err=$("$cefo" solv x.xml 2>&1 >/dev/null)
[ "$err" = "cefo: 'solv' is not a cefo command; did you mean 'solve'? See 'cefo --help'." ] \
    || { echo "command slip: $err"; failures=$((failures + 1)); }

[ "$failures" = 0 ] && echo "options: all refused as expected"
exit $((failures != 0))
