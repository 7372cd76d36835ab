#!/bin/sh
# slurm.sh CEFO - the Slurm job array of docs/scenarios.md, run word for word on a one-node
# Slurm cluster started here (munged, slurmctld, slurmd: state, spool, key and sockets in a
# temporary folder): the merged table must equal one process's sweep of the same grid.
# Needs root (CI runs as root) and Debian's slurmctld, slurmd and munge: exit 77 (skipped)
# where those are missing or the daemons cannot start. Every daemon started is stopped, by
# its PID, on every path out.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
for p in munged slurmctld slurmd sbatch scontrol; do
    command -v "$p" >/dev/null || { echo "slurm: $p is not installed (munge, slurmctld, slurmd)"; exit 77; }
done
[ "$(id -u)" = 0 ] || { echo "slurm: the daemons need root here"; exit 77; }
dir=$(mktemp -d)
pids=""
stop() {
    # The jobs of this private cluster first, then the daemons, newest first (munged, which
    # the others talk to, last), each waited for before the next; the hard way after 5 s.
    [ -n "$pids" ] && scancel --quiet --user=root >/dev/null 2>&1
    for p in $pids; do
        kill "$p" 2>/dev/null
        for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$p" 2>/dev/null && echo "slurm: pid $p needed SIGKILL"
    done
    pids=""
    rm -rf "$dir"
}
trap 'stop' EXIT
trap 'exit 130' INT TERM HUP
fail() { echo "slurm: $*"; for f in "$dir"/err "$dir"/*.log "$dir"/work/slurm-*.out; do [ -s "$f" ] && { echo "--- $f"; tail -n 20 "$f"; }; done; exit 1; }
skip() { echo "slurm: $* (skipped)"; for f in "$dir"/*.log; do [ -s "$f" ] && { echo "--- $f"; tail -n 5 "$f"; }; done; exit 77; }

# An unused TCP port pair for slurmctld and slurmd (several suites may run at once).
free_port() {
    while :; do
        port=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 20000))
        ss -Htln "sport = :$port or sport = :$((port + 1))" 2>/dev/null | grep -q . || break
    done
    echo "$port"
}

host=$(hostname -s)
cpus=$(nproc)
port=$(free_port)
mkdir -p "$dir/state" "$dir/spool" "$dir/work" "$dir/bin"
chmod 700 "$dir"
dd if=/dev/urandom of="$dir/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$dir/munge.key"
cat >"$dir/slurm.conf" <<CONF
ClusterName=cefotest
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge.sock
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
ReturnToService=2
MinJobAge=10
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"

munged -F --force --key-file="$dir/munge.key" --socket="$dir/munge.sock" \
    --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munge.seed" \
    2>>"$dir/munged.log" &
pids="$! $pids"
for _ in $(seq 50); do [ -S "$dir/munge.sock" ] && break; sleep 0.1; done
[ -S "$dir/munge.sock" ] || skip "munged did not start"
slurmctld -D -i -f "$SLURM_CONF" >>"$dir/slurmctld.log" 2>&1 &
pids="$! $pids"
slurmd -D -f "$SLURM_CONF" -N "$host" >>"$dir/slurmd.log" 2>&1 &
pids="$! $pids"
for _ in $(seq 100); do
    scontrol show node "$host" 2>/dev/null | grep -Eq 'State=(IDLE|MIXED|ALLOCATED)' && break
    sleep 0.2
done
scontrol show node "$host" 2>/dev/null | grep -Eq 'State=(IDLE|MIXED|ALLOCATED)' ||
    skip "the Slurm node did not come up"

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
