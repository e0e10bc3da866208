#!/usr/bin/env bash
# DSP ASE revision 2 of the simulated M5150 (sim/cpu/dsp*.c).
#
#  1. Directed programs build/target/tests/dsp/NAME.elf (tests/dsp/NAME.S): expected values
#     written in the programs from the DSP specification (MD00374), each section citing the
#     instruction page it checks.  A program passes when the sanitized simulator exits 0 with
#     at least one check and none failed.
#  2. Differential test: difftest.c runs under qemu-mipsel -cpu 74Kf (DSP r2, Linux user mode)
#     and in the simulator; every output line (a hash of all results of one instruction form,
#     one immediate) must be equal.  One PASS/FAIL per instruction mnemonic.  A difference is
#     found with a -DVERBOSE build of difftest.c (see its header).
set -uo pipefail

B=${B:-build}
SIM=${SIM:-$B/san/bin/pic32mz-sim}
DIR=$B/target/tests/dsp
QEMU=${QEMU:-qemu-mipsel}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failed=0

pass() { echo "PASS dsp/$1"; }
fail() {
    echo "FAIL dsp/$1: $2"
    failed=1
}

if [ ! -x "$SIM" ] || [ ! -e "$DIR/diff-bare.elf" ]; then
    fail build "$SIM or $DIR/*.elf missing (run make all)"
    exit 1
fi

oneline() { tr '\n' ' ' <"$1" | head -c 600; }

# ---------------------------------------------------------------- directed programs
for elf in "$DIR"/*.elf; do
    name=$(basename "$elf" .elf)
    case $name in diff-*) continue ;; esac
    timeout 60 "$SIM" --test --max-cycles 20000000 "$elf" >"$T/out" 2>&1
    rc=$?
    if grep -q 'Sanitizer\|runtime error' "$T/out"; then
        fail "$name" "sanitizer report: $(oneline "$T/out")"
    elif [ "$rc" -ne 0 ] || ! grep -q '^testdev: [1-9][0-9]* checks passed, 0 failed' "$T/out"; then
        fail "$name" "exit $rc: $(oneline "$T/out")"
    else
        pass "$name"
    fi
done

# ---------------------------------------------------------------- differential against QEMU
if ! command -v "$QEMU" >/dev/null; then
    fail diff "$QEMU not found (Debian package qemu-user)"
    exit 1
fi
timeout 120 "$QEMU" -cpu 74Kf "$DIR/diff-linux.elf" >"$T/ref" 2>"$T/ref.err"
qrc=$?
timeout 120 "$SIM" --test --entry file --max-cycles 4000000000 "$DIR/diff-bare.elf" >"$T/got" 2>"$T/got.err"
src=$?
if [ "$qrc" -ne 0 ] || [ ! -s "$T/ref" ]; then
    fail diff "qemu-mipsel exit $qrc: $(oneline "$T/ref.err")"
elif grep -q 'Sanitizer\|runtime error' "$T/got.err"; then
    fail diff "sanitizer report: $(oneline "$T/got.err")"
elif [ "$src" -ne 0 ]; then
    fail diff "simulator exit $src: $(tail -c 300 "$T/got") $(oneline "$T/got.err")"
elif [ "$(wc -l <"$T/ref")" -ne "$(wc -l <"$T/got")" ]; then
    fail diff "$(wc -l <"$T/got") result lines, QEMU printed $(wc -l <"$T/ref")"
else
    # Lines are "NAME[/ IMM] HASH"; group by NAME.
    paste -d' ' "$T/ref" "$T/got" | awk '
        { name = $1; sub("/.*", "", name)
          n = NF / 2
          a = ""; b = ""
          for (i = 1; i <= n; i++) a = a " " $i
          for (i = n + 1; i <= NF; i++) b = b " " $i
          if (!(name in seen)) { seen[name] = 1; order[++k] = name }
          if (a != b) { bad[name] = bad[name] ? bad[name] : $0 } }
        END { for (i = 1; i <= k; i++) {
                  nm = order[i]
                  if (nm in bad) print "FAIL dsp/diff/" nm ": qemu and simulator differ: " bad[nm]
                  else print "PASS dsp/diff/" nm } }' >"$T/res"
    cat "$T/res"
    grep -q '^FAIL' "$T/res" && failed=1
fi

exit $failed
