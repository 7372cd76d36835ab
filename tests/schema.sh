#!/bin/sh
# schema.sh SOURCE_DIR - the XML Schemas of schema/ accept every valid file cefo ships and
# refuse invalid ones, agreeing with cefo's loader on what the schema can see.
set -u
cd "$1" || exit 2
command -v xmllint >/dev/null || { echo "schema: xmllint not installed (libxml2-utils)"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
valid() { xmllint --noout --schema "schema/$1.xsd" "$2" 2>/dev/null || { echo "schema: $2 refused by $1.xsd"; failures=$((failures + 1)); }; }
invalid() {
    printf '%s\n' "$3" >"$dir/bad.xml"
    if xmllint --noout --schema "schema/$1.xsd" "$dir/bad.xml" 2>/dev/null; then
        echo "schema: $1.xsd accepted $2"; failures=$((failures + 1))
    fi
}
for f in tests/golden/*.xml examples/zhenan-cluster.xml examples/rectification.xml examples/rectification-levers.xml examples/recruitment.xml examples/programme.xml tests/cli/data/periods-order.xml examples/registries/rectification.xml; do valid network "$f"; done
for f in examples/miller-blair.xml tests/cli/data/kitzes-src.xml; do valid iotable "$f"; done
for f in tests/scenarios/*.xml; do valid scenarios "$f"; done
M='<material id="m" unit="t"/>'
invalid network "an unknown element" "<network version=\"1\">$M<proces id=\"p\"/></network>"
invalid network "NaN" "<network version=\"1\"><material id=\"m\" unit=\"t\" import-cost=\"NaN\"/></network>"
invalid network "a negative amount" "<network version=\"1\">$M<process id=\"p\"><output material=\"m\" amount=\"-1\"/></process></network>"
invalid network "a duplicate id" "<network version=\"1\">$M$M</network>"
invalid network "a dangling reference" "<network version=\"1\">$M<demand material=\"x\" amount=\"1\"/></network>"
invalid network "a link to nowhere" "<network version=\"1\">$M<link from=\"a\" to=\"b\" material=\"m\"/></network>"
invalid network "a use of an unknown resource" "<network version=\"1\">$M<process id=\"p\"><use resource=\"land\" amount=\"1\"/></process></network>"
invalid network "a term without of" "<network version=\"1\">$M<resource id=\"r\" unit=\"t\"><term sector=\"s\"/></resource></network>"
invalid network "an <at> of an unknown attribute" "<network version=\"1\"><periods><period id=\"y\"/></periods><pollutant id=\"k\" unit=\"t\"><at period=\"y\" capacity=\"1\"/></pollutant></network>"
invalid network "an <at> of an unknown period" "<network version=\"1\"><periods><period id=\"y\"/></periods><pollutant id=\"k\" unit=\"t\"><at period=\"z\" cap=\"1\"/></pollutant></network>"
invalid network "a wrong version" "<network version=\"2\">$M</network>"
invalid iotable "a row of an unknown sector" '<iotable version="1"><sector id="a"/><transactions><row sector="b">1</row></transactions></iotable>'
invalid iotable "a hexadecimal value" '<iotable version="1"><sector id="a"/><transactions><row sector="a">0x1</row></transactions></iotable>'
invalid scenarios "an unknown edit" '<scenarios version="1"><scenario id="s"><rename sel="/network"/></scenario></scenarios>'
invalid scenarios "a scale without factor" '<scenarios version="1"><scenario id="s"><scale sel="//x"/></scenario></scenarios>'
echo "schema: $failures failures"
[ $failures = 0 ]
