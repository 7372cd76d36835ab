#!/bin/sh
# blas.sh CEFO - BLAS and LAPACK are loaded at the first input-output analysis: validate and
# solve never map them (the dynamic loader's own log says which objects it opens); leontief
# and footprint do, and when the library cannot be loaded (CEFO_BLAS names a missing one, or
# one without LAPACK) they exit 69 naming it, and leave no output file.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.." || exit 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "blas: $*"; exit 1; }
net=tests/cli/data/footprint-coproduct.xml
table=examples/miller-blair.xml
# opened NAME CMD...: did the dynamic loader open a file whose name has NAME?
opened() {
    name=$1
    shift
    LD_DEBUG=files "$@" 2>&1 >/dev/null | grep 'file=' | grep -q "$name"
}
opened openblas "$cefo" validate "$net" && fail "validate mapped OpenBLAS"
opened openblas "$cefo" solve "$net" && fail "solve mapped OpenBLAS"
opened openblas "$cefo" leontief "$table" || fail "leontief did not map OpenBLAS"
opened openblas "$cefo" footprint "$net" || fail "footprint did not map OpenBLAS"
for bad in libcefo-no-such-blas.so.9 libc.so.6; do
    for cmd in "leontief $table" "footprint $net"; do
        # shellcheck disable=SC2086 # cmd is a word list
        CEFO_BLAS=$bad "$cefo" $cmd -o "$dir/out.txt" 2>"$dir/err"
        rc=$?
        [ $rc = 69 ] || fail "$cmd with CEFO_BLAS=$bad: exit $rc, want 69"
        grep -q "BLAS and LAPACK.*$bad" "$dir/err" || fail "$cmd: the message does not name $bad: $(cat "$dir/err")"
        [ -e "$dir/out.txt" ] && fail "$cmd with CEFO_BLAS=$bad left an output file"
    done
done
CEFO_BLAS= "$cefo" leontief "$table" >/dev/null || fail "an empty CEFO_BLAS is the default library"
echo "blas: validate and solve never map it; leontief and footprint load it or exit 69"
