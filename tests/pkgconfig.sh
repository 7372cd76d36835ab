#!/bin/sh
# pkgconfig.sh BUILD_DIR SOURCE_DIR - a host program compiles and links against libcefo using
# nothing but the pkg-config file, then runs: once from the build tree, once installed (the
# installed header and cefo.pc, `meson install` into a staging folder: docs/c-api.md).
set -eu
build=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
flags=$(PKG_CONFIG_PATH="$build/meson-uninstalled" pkg-config --cflags --libs cefo)
# shellcheck disable=SC2086 # flags are a word list
${CC:-cc} -std=c17 -Wall -Werror -o "$out/embed" "$src/examples/embed.c" $flags -lm
LD_LIBRARY_PATH="$build" "$out/embed" "$src/examples/zhenan-cluster.xml" >/dev/null

stage="$out/stage"
meson install -C "$build" --no-rebuild --quiet --destdir "$stage" >/dev/null
pc=$(find "$stage" -name cefo.pc | head -n 1)
[ -n "$pc" ] || { echo "pkgconfig: meson install put no cefo.pc under $stage"; exit 1; }
prefix=$(sed -n 's/^prefix=//p' "$pc")
mkdir "$out/pc"
# The installed cefo.pc, as if the staging folder were its prefix.
sed "s|^prefix=.*|prefix=$stage$prefix|" "$pc" >"$out/pc/cefo.pc"
flags=$(PKG_CONFIG_PATH="$out/pc" pkg-config --cflags --libs cefo)
case $flags in
*"$stage"*) ;;
*) echo "pkgconfig: the installed cefo.pc does not point into $stage: $flags"; exit 1 ;;
esac
# shellcheck disable=SC2086 # flags are a word list
${CC:-cc} -std=c17 -Wall -Wextra -Werror -o "$out/embed-installed" "$src/examples/embed.c" \
    $flags -lm
libdir=$(PKG_CONFIG_PATH="$out/pc" pkg-config --variable=libdir cefo)
LD_LIBRARY_PATH="$libdir" "$out/embed-installed" "$src/examples/zhenan-cluster.xml" >"$out/a"
LD_LIBRARY_PATH="$build" "$out/embed" "$src/examples/zhenan-cluster.xml" >"$out/b"
cmp -s "$out/a" "$out/b" || { echo "pkgconfig: installed and build-tree programs differ"; exit 1; }
grep -q "total cost" "$out/a" || { echo "pkgconfig: embed printed no plan"; exit 1; }
echo "pkgconfig: ok"
