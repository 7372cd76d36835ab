# slurm-cluster.sh - sourced: a private one-node Slurm cluster for tests and benchmarks.
# After `slurm_cluster_start DIR` (DIR a fresh temporary folder; the caller defines fail and
# skip), munged, slurmctld and slurmd run as root with their key, state, spool, sockets and
# logs in DIR, on the machine's own host name and core count and a free port pair, and
# SLURM_CONF points at DIR/slurm.conf. `slurm_cluster_stop` cancels the cluster's jobs and
# stops every daemon it started, by PID, newest first: call it on every path (trap EXIT).
# Returns (through skip, exit 77) where the tools are missing, root is not available or the
# daemons do not come up.
slurm_pids=""

slurm_cluster_stop() {
    [ -n "$slurm_pids" ] && scancel --quiet --user=root >/dev/null 2>&1
    # munged, which the others talk to, last; each waited for; the hard way after 5 s.
    for p in $slurm_pids; do
        kill "$p" 2>/dev/null
        for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$p" 2>/dev/null && echo "slurm: pid $p needed SIGKILL"
    done
    slurm_pids=""
}

# An unused TCP port pair for slurmctld and slurmd (several suites may run at once).
slurm_free_port() {
    while :; do
        port=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 20000))
        ss -Htln "sport = :$port or sport = :$((port + 1))" 2>/dev/null | grep -q . || break
    done
    echo "$port"
}

slurm_cluster_start() {
    sdir=$1
    for p in munged slurmctld slurmd sbatch squeue scontrol scancel; do
        command -v "$p" >/dev/null || skip "$p is not installed (munge, slurmctld, slurmd, slurm-client)"
    done
    [ "$(id -u)" = 0 ] || skip "the daemons need root here"
    host=$(hostname -s)
    port=$(slurm_free_port)
    mkdir -p "$sdir/state" "$sdir/spool"
    chmod 700 "$sdir"
    dd if=/dev/urandom of="$sdir/munge.key" bs=1024 count=1 2>/dev/null
    chmod 400 "$sdir/munge.key"
    cat >"$sdir/slurm.conf" <<CONF
ClusterName=cefotest
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$sdir/munge.sock
CredType=cred/munge
StateSaveLocation=$sdir/state
SlurmdSpoolDir=$sdir/spool
SlurmctldPidFile=$sdir/slurmctld.pid
SlurmdPidFile=$sdir/slurmd.pid
SlurmctldLogFile=$sdir/slurmctld.log
SlurmdLogFile=$sdir/slurmd.log
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
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
    export SLURM_CONF="$sdir/slurm.conf"
    munged -F --force --key-file="$sdir/munge.key" --socket="$sdir/munge.sock" \
        --pid-file="$sdir/munged.pid" --log-file="$sdir/munged.log" \
        --seed-file="$sdir/munge.seed" 2>>"$sdir/munged.log" &
    slurm_pids="$! $slurm_pids"
    for _ in $(seq 50); do [ -S "$sdir/munge.sock" ] && break; sleep 0.1; done
    [ -S "$sdir/munge.sock" ] || skip "munged did not start"
    slurmctld -D -i -f "$SLURM_CONF" >>"$sdir/slurmctld.log" 2>&1 &
    slurm_pids="$! $slurm_pids"
    slurmd -D -f "$SLURM_CONF" -N "$host" >>"$sdir/slurmd.log" 2>&1 &
    slurm_pids="$! $slurm_pids"
    for _ in $(seq 100); do
        scontrol show node "$host" 2>/dev/null | grep -Eq 'State=(IDLE|MIXED|ALLOCATED)' && return 0
        sleep 0.2
    done
    skip "the Slurm node did not come up"
}
