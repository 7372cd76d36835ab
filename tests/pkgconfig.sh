#!/bin/sh
# pkgconfig.sh BUILD_DIR SOURCE_DIR - a host program compiles and links against libcefo using
# nothing but the pkg-config file, then runs.
set -eu
build=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
flags=$(PKG_CONFIG_PATH="$build/meson-uninstalled" pkg-config --cflags --libs cefo)
# shellcheck disable=SC2086 # flags are a word list
${CC:-cc} -std=c17 -Wall -Werror -o "$out/embed" "$src/examples/embed.c" $flags -lm
LD_LIBRARY_PATH="$build" "$out/embed" "$src/examples/zhenan-cluster.xml" >/dev/null
echo "pkgconfig: ok"
