#!/usr/bin/env bash
# Directed tests of the simulator's integer core and memory bus (issue 2): every program
# build/target/tests/isa/NAME.elf (built from tests/isa/NAME.S by isa.mk) runs in the sanitized
# simulator with the test device; it passes when the simulator exits 0 (every check passed,
# see docs/dev/conventions.md).  Expected values are written in the programs, from MD00086 and
# MD00090.  Special cases:
#   - wait.elf ends in WAIT with nothing that can wake the core: the run must end with the
#     simulator's "nothing can wake it" report (exit status 3 under --test), not hang (a
#     timeout of 20 s stands for "hangs");
#   - loader sanity: one program as ELF, S-record and Intel HEX (objcopy) gives the same run.
set -uo pipefail

B=${B:-build}
SIM=${SIM:-$B/san/bin/pic32mz-sim}
CROSS=${CROSS:-mipsel-linux-gnu-}
MAX_CYCLES=${ISA_MAX_CYCLES:-5000000}
DIR=$B/target/tests/isa
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failed=0

pass() { echo "PASS isa/$1"; }
fail() {
    echo "FAIL isa/$1: $2"
    failed=1
}

if [ ! -x "$SIM" ] || ! ls "$DIR"/*.elf >/dev/null 2>&1; then
    fail build "$SIM or $DIR/*.elf missing (run make all)"
    exit 1
fi

# run FILE: runs the simulator; output (stdout and stderr) in $T/out, status in $rc.  The
# timeout only guards against a simulator that ignores --max-cycles.
run() {
    timeout 60 "$SIM" --test --max-cycles "$MAX_CYCLES" "$1" >"$T/out" 2>&1
    rc=$?
}

oneline() { tr '\n' ' ' <"$T/out" | head -c 600; }

for elf in "$DIR"/*.elf; do
    name=$(basename "$elf" .elf)
    run "$elf"
    if grep -q 'Sanitizer\|runtime error' "$T/out"; then
        fail "$name" "sanitizer report: $(oneline)"
    elif [ "$name" = wait ]; then
        # The checks before the WAIT must have passed, and the run must end as idle.
        if [ "$rc" -eq 3 ] && grep -q 'nothing can wake it' "$T/out" && ! grep -q 'FAILED' "$T/out" &&
            grep -q '^wait: checks done' "$T/out"; then
            pass "$name"
        else
            fail "$name" "exit $rc, want 3 with 'nothing can wake it': $(oneline)"
        fi
    elif [ "$rc" -ne 0 ] || ! grep -q '^testdev: [1-9][0-9]* checks passed, 0 failed' "$T/out"; then
        fail "$name" "exit $rc: $(oneline)"
    else
        pass "$name"
    fi
done

# Loader sanity: the same program from ELF, S-record and Intel HEX runs identically.
ref=$DIR/arith.elf
"${CROSS}objcopy" -O srec "$ref" "$T/prog.srec"
"${CROSS}objcopy" -O ihex "$ref" "$T/prog.hex"
run "$ref"
want_rc=$rc
cp "$T/out" "$T/want"
for f in prog.srec prog.hex; do
    run "$T/$f"
    if [ "$rc" -ne 0 ] || [ "$rc" -ne "$want_rc" ] || ! cmp -s "$T/out" "$T/want"; then
        fail "loader_${f#prog.}" "exit $rc (ELF: $want_rc): $(oneline)"
    else
        pass "loader_${f#prog.}"
    fi
done

exit $failed
