#!/usr/bin/env bash
# Privileged-architecture tests of the simulator's M5150 core (issue 3): CP0 reset values and
# writable masks, exception vectors with BEV = 0/1, EXL/ERL rules, exception priority, TLB
# instructions and exceptions, segments, the core timer, WAIT, shadow register sets.  Every
# program build/target/tests/priv/NAME.elf (from tests/priv/NAME.S) runs in the sanitized
# simulator with the test device and passes when the simulator exits 0 having recorded at
# least one check and no failure.  Expected values are written in the programs, with the
# document section they come from (MD00090, MD00086, mips-vz.md).
set -uo pipefail

B=${B:-build}
SIM=${SIM:-$B/san/bin/pic32mz-sim}
MAX_CYCLES=${PRIV_MAX_CYCLES:-20000000}
DIR=$B/target/tests/priv
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failed=0

pass() { echo "PASS priv/$1"; }
fail() {
    echo "FAIL priv/$1: $2"
    failed=1
}

shopt -s nullglob
elfs=("$DIR"/*.elf)
if [ ! -x "$SIM" ] || [ ${#elfs[@]} -eq 0 ]; then
    fail build "$SIM or $DIR/*.elf missing (run make all)"
    exit 1
fi

for elf in "${elfs[@]}"; do
    name=$(basename "$elf" .elf)
    # The timeout only guards against a simulator that ignores --max-cycles.
    extra=()
    [ "$name" = pagemask_1mb ] && extra=(--max-page-size 0x100000) # the 1 MB reading
    timeout 60 "$SIM" --test --max-cycles "$MAX_CYCLES" "${extra[@]}" "$elf" >"$T/out" 2>&1
    rc=$?
    if grep -q 'Sanitizer\|runtime error' "$T/out"; then
        fail "$name" "sanitizer report: $(tr '\n' ' ' <"$T/out" | head -c 600)"
    elif [ "$rc" -ne 0 ] || ! grep -q '^testdev: [1-9][0-9]* checks passed, 0 failed' "$T/out"; then
        fail "$name" "exit $rc: $(tr '\n' ' ' <"$T/out" | head -c 800)"
    else
        pass "$name ($(grep -o '^testdev: [0-9]* checks' "$T/out" | grep -o '[0-9]*') checks)"
    fi
done

exit $failed
