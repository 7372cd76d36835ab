#!/bin/sh
# bad-inputs.sh CEFO - each bad input of the robustness list through `cefo solve -o OUT`: its
# exit code, a FILE:LINE: message (or FILE: where no line exists), and no output file left.
set -u
cefo=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 2
failures=0
H='<?xml version="1.0"?>'
M='<material id="m" unit="t"/>'
P='<process id="p"><output material="m" amount="1"/></process>'

# case NAME WANT_RC WANT_STDERR_PREFIX: runs cefo on NAME.xml.
case_() {
    name=$1 want=$2 prefix=$3
    "$cefo" solve "$name.xml" -o out.json 2>err.txt >/dev/null
    rc=$?
    if [ "$rc" != "$want" ]; then
        echo "$name: exit $rc, want $want: $(cat err.txt)"; failures=$((failures + 1))
    elif ! grep -q "^$prefix" err.txt; then
        echo "$name: message '$(cat err.txt)' does not start with '$prefix'"; failures=$((failures + 1))
    fi
    if [ -e out.json ] || ls out.json.* >/dev/null 2>&1; then
        echo "$name: an output file was left"; failures=$((failures + 1)); rm -f out.json out.json.*
    fi
}

: >empty.xml;                                        case_ empty 65 "empty.xml:1:"
printf '%s\n<network version="1">\n%s\n<process id="p"' "$H" "$M" >truncated.xml
                                                     case_ truncated 65 "truncated.xml:4:"
printf '%s\n<network version="1"/>\n<network version="1"/>\n' "$H" >two-roots.xml
                                                     case_ two-roots 65 "two-roots.xml:3:"
printf '%s\n<network version="1">\n<material id="\377" unit="t"/>\n</network>\n' "$H" >utf8.xml
                                                     case_ utf8 65 "utf8.xml:3:"
printf '%s\n<!DOCTYPE network [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<network version="1" name="&c;"/>\n' "$H" >bomb.xml
                                                     case_ bomb 65 "bomb.xml:2:"
printf '%s\n<!DOCTYPE network [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<network version="1" name="&x;"/>\n' "$H" >external-entity.xml
                                                     case_ external-entity 65 "external-entity.xml:2:"
printf '%s\n<!DOCTYPE network SYSTEM "http://example.invalid/network.dtd">\n<network version="1"/>\n' "$H" >external-dtd.xml
                                                     case_ external-dtd 65 "external-dtd.xml:2:"
printf '%s\n<network version="1">%s</network>\n' "$H" "$M" | gzip >compressed.xml
                                                     case_ compressed 65 "compressed.xml:"
truncate -s 600M oversize.xml;                       case_ oversize 65 "oversize.xml:"; rm -f oversize.xml
{ printf '%s\n<network version="1">\n' "$H"; i=0; while [ $i -lt 300 ]; do printf '<a>'; i=$((i + 1)); done; printf '\n</network>\n'; } >deep.xml
                                                     case_ deep 65 "deep.xml:3:"
for v in NaN Inf 1e999 0x1A; do
    printf '%s\n<network version="1">\n<material id="m" unit="t" import-cost="%s"/>\n</network>\n' "$H" "$v" >"number-$v.xml"
    case_ "number-$v" 65 "number-$v.xml:3:"
done
printf '%s\n<network version="1">\n%s\n%s\n</network>\n' "$H" "$M" "$M" >duplicate.xml
                                                     case_ duplicate 65 "duplicate.xml:4:"
printf '%s\n<network version="1">\n%s\n<demand material="x" amount="1"/>\n</network>\n' "$H" "$M" >unknown-ref.xml
                                                     case_ unknown-ref 65 "unknown-ref.xml:4:"
printf '%s\n<network version="1">\n%s\n<process id="p">\n<output material="m" amount="-1"/>\n</process>\n</network>\n' "$H" "$M" >negative.xml
                                                     case_ negative 65 "negative.xml:5:"
printf '%s\n<network version="1">\n%s\n<process id="p"><input material="m" amount="1"/><output material="m" amount="2"/></process>\n<link from="p" to="p" material="m"/>\n</network>\n' "$H" "$M" >self-link.xml
                                                     case_ self-link 65 "self-link.xml:5:"
printf '%s\n<network version="1">\n%s\n%s\n<process id="q"><input material="m" amount="1"/></process>\n<link from="p" to="q" material="m" unit="kg"/>\n</network>\n' "$H" "$M" "$P" >link-unit.xml
                                                     case_ link-unit 65 "link-unit.xml:6:"
printf '%s\n<network version="1">\n</network>\n' "$H" >empty-network.xml
                                                     case_ empty-network 65 "empty-network.xml:2:"

# An output path that cannot be written: exit 73, nothing left.
printf '%s\n<network version="1">\n<material id="m" unit="t" import-cost="1"/>\n<demand material="m" amount="1"/>\n</network>\n' "$H" >ok.xml
mkdir ro && chmod 500 ro
"$cefo" solve ok.xml -o ro/out.json 2>err.txt
rc=$?
if [ "$(id -u)" != 0 ] && { [ $rc != 73 ] || ls ro | grep -q .; }; then
    echo "unwritable: exit $rc or files left"; failures=$((failures + 1))
fi
"$cefo" solve ok.xml -o /nonexistent-dir/out.json 2>err.txt
[ $? = 73 ] || { echo "missing directory: not 73"; failures=$((failures + 1)); }

# Interrupted while writing: the old file (or none) stays, no temporary is left, and the exit
# is 128 + the signal. Background jobs of sh ignore SIGINT, and cefo keeps an ignored signal
# ignored (nohup), so each run starts with default dispositions (env --default-signal). The
# signal is sent as soon as a temporary file shows (the write is under way): whichever thread
# receives it, the temporary must go.
{ printf '%s\n<network version="1">\n' "$H"; i=0; while [ $i -lt 3000 ]; do
    printf '<material id="m%d" unit="t" import-cost="1"/><demand material="m%d" amount="1"/>\n' $i $i; i=$((i + 1)); done
  printf '</network>\n'; } >big.xml
head -n 602 big.xml >report.xml && echo '</network>' >>report.xml # the report's layout is slower
temps() { ls -a "$1" | grep -E '\.[A-Za-z0-9]{6}$'; }
# interrupt SIG WHERE CMD...: runs CMD, sends SIG once a temporary appears in WHERE.
interrupt() {
    sig=$1 where=$2; shift 2
    mkdir -p "$where"
    echo old >"$where/out.json"
    env --default-signal=INT,TERM,HUP "$cefo" "$@" 2>/dev/null &
    pid=$!
    n=0
    while kill -0 $pid 2>/dev/null && [ -z "$(temps "$where")" ] && [ $n -lt 20000 ]; do n=$((n + 1)); done
    kill -$sig $pid 2>/dev/null
    wait $pid
    rc=$?
    case $sig in INT) want=130 ;; TERM) want=143 ;; HUP) want=129 ;; esac
    if [ $rc != 0 ] && [ $rc != $want ]; then
        echo "$* after SIG$sig: exit $rc, want $want (or 0 if it finished first)"; failures=$((failures + 1))
    fi
    if [ -n "$(temps "$where")" ]; then
        echo "$* after SIG$sig: temporary files left: $(temps "$where" | tr '\n' ' ')"; failures=$((failures + 1))
    fi
    [ -f "$where/out.json" ] && { [ "$(cat "$where/out.json")" = old ] || tail -c 2 "$where/out.json" | grep -q '}'; } ||
        { echo "$* after SIG$sig: out.json is partial"; failures=$((failures + 1)); }
    rm -rf "$where"
}
for try in 1 2; do
    for sig in INT TERM HUP; do
        interrupt $sig o solve big.xml -f json -o o/out.json
        interrupt $sig r report report.xml -o r/out.html
        interrupt $sig s sweep ok.xml --param "//demand/@amount=1:2:400" --out-dir s
    done
done
echo "bad inputs: $failures failures"
[ $failures = 0 ]
