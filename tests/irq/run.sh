#!/usr/bin/env bash
# Interrupt-path tests: the EVIC model (sim/soc/evic.c) and the core's interrupt entry in EIC
# and compatibility mode, the core timer and WAIT (issue 3).  Each t_*.c is a bare-metal
# program (tests/irq/rt.S, rt.c) run on the sanitized simulator with the test device; its
# header comment names the document sections it checks.  A case passes when the program ends
# through the test device with at least one check passed, none failed, and no sanitizer report.
set -uo pipefail

B=${B:-build}
SIM=${SIM:-$B/san/bin/pic32mz-sim}
DIR=$B/target/tests/irq
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failed=0

pass() { echo "PASS $1"; }
fail() {
    echo "FAIL $1: $2"
    failed=1
}

if [ ! -x "$SIM" ]; then
    fail build "$SIM missing (run make all)"
    exit 1
fi

# Cycle budgets: generous for every case; the stress case handles thousands of interrupts.
declare -A MAX_CYCLES=([t_stress]=400000000)

shopt -s nullglob
elfs=("$DIR"/t_*.elf)
if [ ${#elfs[@]} -eq 0 ]; then
    fail build "no test programs in $DIR (run make all)"
    exit 1
fi

for elf in "${elfs[@]}"; do
    name=$(basename "$elf" .elf)
    max=${MAX_CYCLES[$name]:-50000000}
    timeout 120 "$SIM" --test --max-cycles "$max" "$elf" >"$T/out" 2>"$T/err"
    rc=$?
    summary=$(grep -m1 '^testdev: ' "$T/err")
    if grep -q 'Sanitizer\|runtime error' "$T/err"; then
        fail "$name" "sanitizer report: $(grep -m1 'ERROR\|runtime error' "$T/err")"
    elif [ "$rc" -ne 0 ]; then
        fail "$name" "exit $rc; $(tr '\n' ' ' <"$T/out" | head -c 600) $(grep -v '^testdev: [0-9]' "$T/err" | tr '\n' ' ' | head -c 300)"
    elif ! [[ "$summary" =~ ^testdev:\ ([0-9]+)\ checks\ passed,\ 0\ failed$ ]] ||
        [ "${BASH_REMATCH[1]}" -eq 0 ]; then
        fail "$name" "unexpected summary '$summary'"
    else
        pass "$name"
    fi
done

# evic_set_irq() and the presentation to the core, host side (tests/irq/evic_lines.c).
LINES=$B/san/bin/evic-lines
if [ ! -x "$LINES" ]; then
    fail evic_lines "$LINES missing (run make all)"
else
    "$LINES" >"$T/lines" 2>&1
    rc=$?
    sed -n 's/^\(PASS\|FAIL\) /\1 evic_lines_/p' "$T/lines"
    grep -q '^FAIL' "$T/lines" && failed=1
    if ! grep -q '^PASS' "$T/lines" || grep -q 'Sanitizer\|runtime error' "$T/lines"; then
        fail evic_lines "exit $rc: $(grep -m1 'FAIL\|ERROR\|runtime error' "$T/lines")"
    fi
fi

exit $failed
