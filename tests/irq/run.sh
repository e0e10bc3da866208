#!/usr/bin/env bash
# Interrupt-path tests: the EVIC model (sim/soc/evic.c) and the core's interrupt entry in EIC
# and compatibility mode, the core timer and WAIT (issue 3).  Each t_*.c is a bare-metal
# program (tests/irq/rt.S, rt.c) run on the sanitized simulator with the test device; its
# header comment names the document sections it checks.  A case passes when the program ends
# through the test device with at least one check passed, none failed, and no sanitizer report.
set -uo pipefail

. tests/common/suite.sh
suite_begin
suite_elfs "$B/target/tests/irq" "t_*.elf"

# Cycle budgets: generous for every case; the stress case handles thousands of interrupts.
declare -A MAX_CYCLES=([t_stress]=400000000)

for elf in "${elfs[@]}"; do
    name=$(basename "$elf" .elf)
    max=${MAX_CYCLES[$name]:-50000000}
    run_sim --test --max-cycles "$max" "$elf"
    judge_testdev "$name"
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
