#!/bin/sh
# installed.sh PYTHON BUILD_DIR SOURCE_DIR - `meson install` into a staging folder puts the
# package where PYTHON imports from under the prefix, with its header copy and the installed
# library's path; imported from there (the library found by its soname), it solves.
set -eu
py=$1
build=$2
src=$3
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
meson install -C "$build" --no-rebuild --quiet --destdir "$stage" >/dev/null
prefix=$(meson introspect "$build" --buildoptions |
    "$py" -c 'import json, sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"][0])')
site=$("$py" "$src/python/sitedir.py" "$prefix")
[ -n "$site" ] || { echo "SKIP: $py imports nothing from under $prefix"; exit 77; }
pkg="$stage$site/cefo"
for f in __init__.py _ffi.py _config.py cefo.h; do
    [ -f "$pkg/$f" ] || { echo "installed.sh: $pkg/$f is missing"; exit 1; }
done
lib=$(sed -n 's/^LIBRARY = "\(.*\)"$/\1/p' "$pkg/_config.py")
[ -e "$stage$lib" ] || { echo "installed.sh: _config.py names $lib, not installed"; exit 1; }
cd "$stage"
env -u CEFO_LIBRARY PYTHONPATH="$stage$site" LD_LIBRARY_PATH="$(dirname "$stage$lib")" "$py" -c '
import sys, cefo
assert cefo.__file__.startswith(sys.argv[1]), cefo.__file__
res = cefo.load(sys.argv[2]).solve()
assert res.status == "optimal" and abs(res.objective - 1375) < 1e-6, res
' "$stage$site" "$src/tests/golden/pollutant-cap.xml"
echo "installed: ok"
