#!/bin/sh
# engines.sh CEFO - CBC and CLP as engines (docs/engines.md): the full-precision MPS export
# read back by glpsol and cbc to the hand optimum; every example solved by the three engines
# to the same optimum; --solver on every command that solves; --solver-log; nothing of the
# engine on stdout; a MIP refused by clp; a missing program is exit 69; no temporary left;
# SIGINT/SIGTERM during a CBC or CLP solve end the engine and leave nothing behind.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
for p in cbc clp glpsol; do
    command -v $p >/dev/null || { echo "engines: $p not installed (scripts/dev installs it)"; exit 77; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/tmp"
TMPDIR=$dir/tmp
export TMPDIR
fail() { echo "engines: $*"; exit 1; }
# close GOT WANT RTOL: |GOT - WANT| <= RTOL * max(1, |WANT|)
close() {
    awk -v g="$1" -v w="$2" -v r="$3" 'BEGIN { d = g - w; if (d < 0) d = -d; a = w < 0 ? -w : w;
        exit !(g != "" && d <= r * (a > 1 ? a : 1)) }'
}
objective() { sed -n 's/.*"objective": *\([-0-9.eE+]*\).*/\1/p' | head -n 1; }

# Issue 11.34: numbers that need more than 12 characters survive export --mps. The hand
# optimum is in tests/cli/data/precise.xml.
want=15241578.75323883455
"$cefo" export tests/cli/data/precise.xml --mps "$dir/p.mps" --lp "$dir/p.lp" || fail "export"
glpsol --freemps "$dir/p.mps" -w "$dir/p.glpk" >/dev/null 2>&1 || fail "glpsol cannot read the MPS"
got=$(sed -n 's/^s bas 1 1 f f //p' "$dir/p.glpk")
close "$got" $want 1e-9 || fail "glpsol reads the MPS to $got, by hand $want"
glpsol --lp "$dir/p.lp" -w "$dir/p.glpk" >/dev/null 2>&1 || fail "glpsol cannot read the LP file"
got=$(sed -n 's/^s bas 1 1 f f //p' "$dir/p.glpk")
close "$got" $want 1e-9 || fail "glpsol reads the LP file to $got, by hand $want"
(cd "$dir" && cbc p.mps -solve -printM 'Q*' -solu p.cbc >/dev/null 2>&1) || fail "cbc cannot read the MPS"
got=$(sed -n 's/^Optimal - objective value *//p' "$dir/p.cbc")
close "$got" $want 1e-9 || fail "cbc reads the MPS to $got, by hand $want"
for e in glpk cbc clp; do
    got=$("$cefo" solve tests/cli/data/precise.xml --format json --solver $e | objective)
    close "$got" $want 1e-9 || fail "solve --solver $e: $got, by hand $want"
done

# Every example network through the three engines: the same optimum (MIPs to their gap).
for x in examples/*.xml; do
    grep -q '<network' "$x" || continue
    ref=$("$cefo" solve "$x" --format json --solver glpk | objective)
    [ -n "$ref" ] || fail "$x: no GLPK optimum"
    mip=0
    grep -q 'optional="true"\|group=' "$x" && mip=1
    for e in cbc clp; do
        if [ $e = clp ] && [ $mip = 1 ]; then
            "$cefo" solve "$x" --solver clp >/dev/null 2>"$dir/err"
            [ $? -eq 64 ] && grep -q 'cbc' "$dir/err" || fail "$x: clp must refuse a MIP, naming cbc"
            continue
        fi
        got=$("$cefo" solve "$x" --format json --solver $e | objective)
        tol=1e-6
        [ $mip = 1 ] && tol=2e-4
        close "$got" "$ref" $tol || fail "$x --solver $e: $got, GLPK $ref"
    done
done

# Nothing of the engine reaches stdout; --solver-log keeps it (appended).
"$cefo" solve examples/zhenan-cluster.xml --solver cbc --solver-log "$dir/log" >"$dir/out" \
    || fail "solve --solver cbc"
grep -qi 'coin\|cbc' "$dir/out" && fail "engine output on stdout"
grep -q 'CBC\|Coin' "$dir/log" || fail "--solver-log holds no CBC output"
"$cefo" solve examples/zhenan-cluster.xml --solver clp --solver-log "$dir/log" >/dev/null
grep -q 'CBC' "$dir/log" && grep -q 'Clp\|Coin LP' "$dir/log" || fail "--solver-log does not append"

# --solver on every command that solves.
# (one scenario is infeasible: exit 1 with each engine, the same table)
"$cefo" whatif tests/golden/pollutant-cap.xml tests/scenarios/cap-cases.xml --solver clp \
    >"$dir/w.clp"
[ $? -eq 1 ] || fail "whatif --solver clp: exit 1 expected"
"$cefo" whatif tests/golden/pollutant-cap.xml tests/scenarios/cap-cases.xml >"$dir/w.glpk"
cmp -s "$dir/w.clp" "$dir/w.glpk" || fail "whatif: clp and glpk tables differ"
"$cefo" sweep examples/zhenan-cluster.xml --param "//pollutant[@id='COD']/@cap=150:300:3" \
    --solver clp >"$dir/sweep.clp" || fail "sweep --solver clp"
"$cefo" sweep examples/zhenan-cluster.xml --param "//pollutant[@id='COD']/@cap=150:300:3" \
    >"$dir/sweep.glpk" || fail "sweep"
# each point's objective (column 4) the same to 1e-6: CLP's model copy follows the updates
paste -d, "$dir/sweep.clp" "$dir/sweep.glpk" | awk -F, -v n="$(head -n 1 "$dir/sweep.clp" | awk -F, '{ print NF }')" '
    NR > 1 { d = $4 - $(n + 4); if (d < 0) d = -d; if (d > 1e-6 * ($4 < 0 ? -$4 : $4) || $3 != "optimal") bad = 1; rows++ }
    END { exit bad || rows != 3 }' || fail "sweep: clp and glpk objectives differ"
"$cefo" pareto examples/zhenan-cluster.xml --pollutant COD --points 3 --solver cbc >/dev/null \
    || fail "pareto --solver cbc"
"$cefo" report examples/zhenan-cluster.xml -o "$dir/r.html" --solver clp || fail "report --solver clp"
"$cefo" export examples/rectification.xml --svg "$dir/r.svg" --solver cbc || fail "export --svg --solver cbc"
"$cefo" solve examples/zhenan-cluster.xml --solver gurobi >/dev/null 2>&1
[ $? -eq 64 ] || fail "--solver gurobi must be a usage error"

# A missing program: exit 69, naming the package.
PATH=/nonexistent "$cefo" solve examples/zhenan-cluster.xml --solver cbc >/dev/null 2>"$dir/err"
[ $? -eq 69 ] || fail "missing cbc: exit 69 expected"
grep -q 'coinor-cbc' "$dir/err" || fail "missing cbc: the package is not named"
PATH=/nonexistent "$cefo" solve examples/zhenan-cluster.xml --solver clp >/dev/null 2>"$dir/err"
[ $? -eq 69 ] && grep -q 'coinor-clp' "$dir/err" || fail "missing clp: exit 69 naming coinor-clp"

[ -z "$(ls -A "$dir/tmp")" ] || fail "temporary files left: $(ls "$dir/tmp")"

# SIGINT or SIGTERM while CBC or CLP is solving: the engine is ended, no temporary folder or
# file is left, no output is written, and the exit is 128 + the signal (130, 143). The real
# programs run, through a wrapper that notes its pid (the same process once it execs the
# program): the signal goes to cefo as soon as the engine has started, on models the engines
# take a while over (a 3,000-firm LP for CLP, about 0.5 s; a 100-firm programme to a zero gap
# for CBC, several seconds). Background jobs of sh ignore SIGINT: env restores it.
mkdir "$dir/bin"
for e in cbc clp; do
    printf '#!/bin/sh\necho $$ >"%s/%s.pid"\nexec %s "$@"\n' "$dir" $e "$(command -v $e)" >"$dir/bin/$e"
    chmod +x "$dir/bin/$e"
done
/usr/bin/python3 bench/gen.py 3000 >"$dir/lp.xml"
/usr/bin/python3 examples/make-rectification.py --firms 100 >"$dir/mip.xml"
for case in "clp lp.xml" "cbc mip.xml"; do
    set -- $case
    for sig in INT TERM; do
        rm -f "$dir/$1.pid"
        PATH=$dir/bin:$PATH env --default-signal=INT,TERM "$cefo" solve "$dir/$2" --solver $1 \
            --gap 0 -f json -o "$dir/out.json" >"$dir/stdout" 2>/dev/null &
        pid=$!
        n=0
        while [ ! -s "$dir/$1.pid" ] && kill -0 $pid 2>/dev/null && [ $n -lt 200000 ]; do n=$((n + 1)); done
        child=$(cat "$dir/$1.pid" 2>/dev/null)
        kill -$sig $pid
        wait $pid
        rc=$?
        [ -n "$child" ] || fail "$1: the engine never started"
        want=130
        [ $sig = TERM ] && want=143
        [ $rc -eq $want ] || fail "SIG$sig during $1: exit $rc, want $want"
        sleep 0.2
        kill -0 "$child" 2>/dev/null && fail "SIG$sig during $1: the engine (pid $child) still runs"
        [ -z "$(ls -A "$dir/tmp")" ] || fail "SIG$sig during $1: left $(ls "$dir/tmp")"
        [ ! -e "$dir/out.json" ] && [ ! -s "$dir/stdout" ] || fail "SIG$sig during $1: output written"
        [ -z "$(ls -A "$dir" | grep -E '\.[A-Za-z0-9]{6}$')" ] || fail "SIG$sig during $1: a temporary output left"
    done
done

echo "engines: ok"
