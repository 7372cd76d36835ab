# same-sweep.sh - sourced by the scale-out tests in their work folder: sweep.csv (the merged
# shards) must be single.csv (one process, the same grid) byte for byte: a point's row does
# not depend on the shard layout (docs/scenarios.md, shards and determinism).
[ "$(wc -l <sweep.csv)" -gt 1 ] || fail "the merged table is empty"
if ! cmp -s sweep.csv single.csv; then
    python3 "$root/tests/csv_check.py" sweep.csv --golden single.csv >err 2>&1 ||
        fail "the merged table differs from one process's sweep"
    fail "the merged table differs from one process's sweep in the last digits"
fi
echo "$(basename "$0"): $(($(wc -l <sweep.csv) - 1)) points merged, identical to one process's sweep"
exit 0
