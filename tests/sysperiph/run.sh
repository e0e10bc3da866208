#!/usr/bin/env bash
# System-peripheral tests (issue 4): SYSKEY/CFGCON/PMD/DEVID, software reset, watchdog reset,
# DMA, the system bus arbiter, --warn-unmodelled and the BOOTISA check.  Each t_*.c is a
# bare-metal program (tests/irq run-time, sysperiph.ld) run on the sanitized simulator with the
# test device; its header comment names the document sections it checks.  A case passes when
# the program ends through the test device with at least one check passed, none failed, and
# no sanitizer report; t_unmodelled also checks the simulator's messages (the BOOTISA boot is
# tested in tests/micromips/t_bootisa).
set -uo pipefail

. tests/common/suite.sh
suite_begin
suite_elfs "$B/target/tests/sysperiph" "t_*.elf"

for elf in "${elfs[@]}"; do
    name=$(basename "$elf" .elf)
    extra=()
    [ "$name" = t_unmodelled ] && extra=(--warn-unmodelled)
    run_sim --test --max-cycles 50000000 "${extra[@]}" "$elf"
    if [ "$name" = t_unmodelled ]; then
        n=$(grep -c 'unmodelled SFR' "$T/err")
        if [ "$n" -ne 2 ] || ! grep -q 'read of 4 bytes at 0x1f800010' "$T/err" ||
            ! grep -q 'write of 4 bytes at 0x1f8ff000' "$T/err"; then
            fail "$name" "want 2 reports (0x1f800010 read, 0x1f8ff000 write), got $n: $(grep 'unmodelled' "$T/err" | tr '\n' ' ')"
            continue
        fi
    fi
    judge_testdev "$name"
done

exit $failed
