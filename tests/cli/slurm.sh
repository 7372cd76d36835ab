#!/bin/sh
# slurm.sh CEFO - the Slurm job array of docs/scenarios.md, run word for word on a one-node
# Slurm cluster started here (tests/cli/slurm-cluster.sh): the merged table must equal one
# process's sweep of the same grid. Needs root (CI runs as root) and Debian's slurmctld,
# slurmd and munge: exit 77 (skipped) where those are missing or the daemons cannot start.
# Every daemon started is stopped, by its PID, on every path out.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dir=$(mktemp -d)
trap 'slurm_cluster_stop; rm -rf "$dir"' EXIT
trap 'exit 130' INT TERM HUP
fail() { echo "slurm: $*"; for f in "$dir"/err "$dir"/*.log "$dir"/work/slurm-*.out; do [ -s "$f" ] && { echo "--- $f"; tail -n 20 "$f"; }; done; exit 1; }
skip() { echo "slurm: $* (skipped)"; for f in "$dir"/*.log; do [ -s "$f" ] && { echo "--- $f"; tail -n 5 "$f"; }; done; exit 77; }
. "$here/slurm-cluster.sh"
slurm_cluster_start "$dir"
mkdir -p "$dir/work" "$dir/bin"

awk -v mark="tests/cli/slurm.sh runs this script" -f "$here/docblock.awk" \
    "$root/docs/scenarios.md" >"$dir/work/sweep.sbatch"
awk -v mark="tests/cli/slurm.sh runs these lines" -f "$here/docblock.awk" \
    "$root/docs/scenarios.md" >"$dir/work/submit.sh"
grep -q '^#SBATCH --array=' "$dir/work/sweep.sbatch" || fail "no job array script in docs/scenarios.md"
grep -q '^sbatch ' "$dir/work/submit.sh" || fail "no sbatch line in docs/scenarios.md"
param=$(sed -n 's/.*--param "\([^"]*\)".*/\1/p' "$dir/work/sweep.sbatch")
[ -n "$param" ] || fail "no --param in the documented script"
ln -s "$cefo" "$dir/bin/cefo"
cp "$root/examples/zhenan-cluster.xml" "$dir/work/cluster.xml"
cd "$dir/work" || exit 2
PATH=$dir/bin:$PATH timeout 50 sh -e submit.sh 2>"$dir/err" || fail "the documented job array failed"
"$cefo" sweep cluster.xml --param "$param" >single.csv 2>"$dir/err" || fail "the single sweep failed"
. "$here/same-sweep.sh"
