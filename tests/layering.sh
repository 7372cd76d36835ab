#!/bin/sh
# layering.sh SRCDIR - the folders include only what their opening comments allow (README's
# layout): core/ nothing of cefo but itself; solver/ core/; models/ solver/ and core/; io/
# models/ and core/; writers/ the public header and core/ (never models/, io/ or solver/);
# cli/ the public header alone. GLPK, BLAS and LAPACK only in solver/, libxml2 only in io/.
# Prints every include that breaks a rule and fails on the first folder that has one.
set -u
cd "$1" || exit 2
bad=0
# check FOLDER ALLOWED-PREFIXES...: every #include "x/..." of FOLDER has x among ALLOWED
# (one grep and one awk per folder: the suite runs on a loaded machine).
check() {
    folder=$1
    shift
    grep -Hn '^#include "[a-z_]*/' "$folder"/*.[ch] |
        awk -v folder="$folder" -v allowed=" $* " '
            { p = $0; sub(/^[^"]*"/, "", p); sub(/\/.*/, "", p)
              if (index(allowed, " " p " ") == 0)
                  print "layering: " $0 ": " folder "/ may not include " p "/" }'
}
# A folder whose files cannot be read, or an awk that fails, must not pass for a clean one.
for d in core solver models io writers cli; do
    grep -q '^#include "' "$d"/*.c || { echo "layering: no includes read in $d/"; exit 1; }
done
out=$(
    check core core cefo
    check solver solver core cefo
    check models models solver core cefo
    check io io models core cefo
    check writers writers core cefo
    check cli cli
    for f in core/*.[ch] models/*.[ch] io/*.[ch] writers/*.[ch] cli/*.[ch]; do
        grep -Hn '^#include <\(glpk\|cblas\|lapacke\|openblas\)' "$f"
    done | sed 's|^|layering: only solver/ includes GLPK, BLAS or LAPACK: |'
    for f in core/*.[ch] solver/*.[ch] models/*.[ch] writers/*.[ch] cli/*.[ch]; do
        grep -Hn '^#include <libxml/' "$f"
    done | sed 's|^|layering: only io/ includes libxml2: |'
)
if [ -n "$out" ]; then
    printf '%s\n' "$out"
    bad=1
fi
exit $bad
