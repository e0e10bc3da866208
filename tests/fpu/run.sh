#!/usr/bin/env bash
# FPU (CP1) tests of the simulator (issue 3).
#
# 1. Directed programs build/target/tests/fpu/NAME.elf (tests/fpu/directed/NAME.S): bare metal,
#    self-checking through the test device; expected values are written in the programs, from
#    IEEE 754 and the MIPS documents cited there.  A program passes when the simulator exits 0.
# 2. Differential test against qemu-mipsel -cpu P5600 (QEMU's MIPS32 Release 5 model, which
#    runs the NaN-2008 code of -march=m5100; the 24Kf/34Kf models are legacy-NaN): diff_core.c
#    runs ~6900 operations with fixed seeds (every arithmetic op, madd family, the 32
#    compares, every conversion; random operands with NaNs, infinities, denormals; every
#    rounding mode) and prints each result and the FCSR after it.  Compared: the result bits
#    (32 bits for S and W, 64 for D and L) and the whole FCSR (Cause, Flags, FCCs).  Not
#    compared, by design: FCSR.FS = 1 (QEMU flushes tiny results to zero without Underflow
#    and Inexact and does not flush denormal operands; the model follows the MIPS documents,
#    see sim/cpu/fpu_ieee.c) and trapping (Enables stay 0, a trap would end the Linux side).
#    One report line per operation.
# 3. The same program built with -mfp32 runs with Status.FR = 0 in the simulator (even/odd
#    register pairs) and must give the same results as the FR=1 reference.  (QEMU's P5600
#    Linux user mode runs -mfp32 programs with FR=1 too, so it cannot be the FR=0 reference.)
set -uo pipefail

B=${B:-build}
SIM=${SIM:-$B/san/bin/pic32mz-sim}
DIR=$B/target/tests/fpu
QEMU=${QEMU:-qemu-mipsel}
MAX_CYCLES=${FPU_MAX_CYCLES:-200000000}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failed=0

pass() { echo "PASS fpu/$1"; }
fail() {
    echo "FAIL fpu/$1: $2"
    failed=1
}

if [ ! -x "$SIM" ] || [ ! -e "$DIR/diff-sim.elf" ] || [ ! -e "$DIR/diff-qemu.elf" ] ||
    [ ! -e "$DIR/diff-sim-fr0.elf" ]; then
    fail build "$SIM or $DIR/diff-*.elf missing (run make all)"
    exit 1
fi

oneline() { tr '\n' ' ' <"$1" | head -c 600; }

# ---------------------------------------------------------------- directed programs
for elf in "$DIR"/*.elf; do
    name=$(basename "$elf" .elf)
    case $name in diff-*) continue ;; esac
    timeout 60 "$SIM" --test --max-cycles "$MAX_CYCLES" "$elf" >"$T/out" 2>&1
    rc=$?
    if grep -q 'Sanitizer\|runtime error' "$T/out"; then
        fail "$name" "sanitizer report: $(oneline "$T/out")"
    elif [ "$rc" -ne 0 ] || ! grep -q '^testdev: [1-9][0-9]* checks passed, 0 failed' "$T/out"; then
        fail "$name" "exit $rc: $(oneline "$T/out")"
    else
        pass "$name"
    fi
done

# ---------------------------------------------------------------- differential test
# sim_run NAME ELF: runs a differential program in the simulator, output in $T/NAME.txt.
sim_run() {
    timeout 120 "$SIM" --test --max-cycles "$MAX_CYCLES" "$2" >"$T/$1.txt" 2>"$T/$1.err"
    local rc=$?
    if grep -q 'Sanitizer\|runtime error' "$T/$1.err"; then
        fail "$1" "sanitizer report: $(oneline "$T/$1.err")"
        return 1
    elif [ "$rc" -ne 0 ]; then
        fail "$1" "simulator exit $rc (99: unexpected exception): $(oneline "$T/$1.err")"
        return 1
    fi
    return 0
}

if ! command -v "$QEMU" >/dev/null; then
    fail diff "$QEMU not found (package qemu-user)"
    exit 1
fi
if ! timeout 120 "$QEMU" -cpu P5600 "$DIR/diff-qemu.elf" >"$T/qemu.txt" 2>"$T/qemu.err"; then
    fail diff "qemu-mipsel failed: $(oneline "$T/qemu.err")"
    exit 1
fi
sim_run sim "$DIR/diff-sim.elf" || exit 1

# Both sides must run with FR=1 and print the same number of lines.
if [ "$(head -1 "$T/qemu.txt")" != "fr 1" ] || [ "$(head -1 "$T/sim.txt")" != "fr 1" ]; then
    fail diff-mode "FR mode: qemu '$(head -1 "$T/qemu.txt")', simulator '$(head -1 "$T/sim.txt")'"
fi
nq=$(wc -l <"$T/qemu.txt")
ns=$(wc -l <"$T/sim.txt")
if [ "$nq" -lt 5000 ] || [ "$nq" -ne "$ns" ]; then
    fail diff-lines "qemu printed $nq lines, the simulator $ns (want equal, >= 5000)"
fi

# compare NAME REF OUT: one PASS/FAIL per operation name (first word of each line).
compare() {
    local name=$1 ref=$2 out=$3
    paste -d '|' <(tail -n +2 "$ref") <(tail -n +2 "$out") | awk -F'|' -v tag="$name" '
        { split($1, w, " "); op = w[1]; if (!(op in n)) order[k++] = op; n[op]++
          if ($1 != $2) { bad[op]++; if (!(op in first)) first[op] = "want \"" $1 "\" got \"" $2 "\"" } }
        END { for (i = 0; i < k; i++) { op = order[i]
                if (op in bad) printf "FAIL fpu/%s/%s: %d of %d differ, first: %s\n", tag, op, bad[op], n[op], first[op]
                else printf "PASS fpu/%s/%s\n", tag, op } }'
}

compare diff "$T/qemu.txt" "$T/sim.txt" >"$T/report"
cat "$T/report"
grep -q '^FAIL' "$T/report" && failed=1

# ---------------------------------------------------------------- FR=0 against FR=1
if sim_run sim-fr0 "$DIR/diff-sim-fr0.elf"; then
    if [ "$(head -1 "$T/sim-fr0.txt")" != "fr 0" ]; then
        fail diff-fr0-mode "the -mfp32 program saw '$(head -1 "$T/sim-fr0.txt")', want 'fr 0'"
    fi
    compare diff-fr0 "$T/qemu.txt" "$T/sim-fr0.txt" >"$T/report0"
    if grep -q '^FAIL' "$T/report0"; then
        grep '^FAIL' "$T/report0"
        failed=1
    else
        pass diff-fr0
    fi
fi

exit $failed
