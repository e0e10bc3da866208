#!/usr/bin/env bash
# Peripheral register-level tests (issue 4): UART, GPIO/change notice, PPS, timers.  Each
# t_*.c is a bare-metal program (tests/irq run-time) run on the sanitized simulator with the
# test device; its header comment names the document sections it checks.  A case passes when
# the program ends through the test device with at least one check passed, none failed, and
# no sanitizer report.  A file's "// board: NAME" line selects the board (default wifire).
set -uo pipefail

. tests/common/suite.sh
suite_begin
suite_elfs "$B/target/tests/periph" "t_*.elf"

for elf in "${elfs[@]}"; do
    name=$(basename "$elf" .elf)
    board=$(sed -n 's|^// board: *\([a-z0-9]*\).*|\1|p' "tests/periph/$name.c" 2>/dev/null | head -1)
    run_sim --test --board "${board:-wifire}" --max-cycles 100000000 "$elf"
    judge_testdev "$name"
done

exit $failed
