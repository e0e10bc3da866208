#!/usr/bin/env bash
# System-peripheral tests (issue 4): SYSKEY/CFGCON/PMD/DEVID, software reset, watchdog reset,
# DMA, the system bus arbiter, --warn-unmodelled and the BOOTISA check.  Each t_*.c is a
# bare-metal program (tests/irq run-time, sysperiph.ld) run on the sanitized simulator with the
# test device; its header comment names the document sections it checks.  A case passes when
# the program ends through the test device with at least one check passed, none failed, and
# no sanitizer report; t_unmodelled and t_bootisa also check the simulator's messages.
set -uo pipefail

B=${B:-build}
SIM=${SIM:-$B/san/bin/pic32mz-sim}
DIR=$B/target/tests/sysperiph
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

shopt -s nullglob
elfs=("$DIR"/t_*.elf)
if [ ${#elfs[@]} -eq 0 ]; then
    fail build "no test programs in $DIR (run make all)"
    exit 1
fi

for elf in "${elfs[@]}"; do
    name=$(basename "$elf" .elf)
    extra=()
    [ "$name" = t_unmodelled ] && extra=(--warn-unmodelled)
    timeout 120 "$SIM" --test --max-cycles 50000000 "${extra[@]}" "$elf" >"$T/out" 2>"$T/err"
    rc=$?
    summary=$(grep -m1 '^testdev: ' "$T/err")
    if grep -q 'Sanitizer\|runtime error' "$T/err"; then
        fail "$name" "sanitizer report: $(grep -m1 'ERROR\|runtime error' "$T/err")"
    elif [ "$name" = t_bootisa ]; then
        if [ "$rc" -eq 2 ] && grep -q 'BOOTISA.*microMIPS' "$T/err"; then
            pass "$name"
        else
            fail "$name" "want exit 2 and a BOOTISA/microMIPS message, got exit $rc: $(head -c 300 "$T/err")"
        fi
        continue
    elif [ "$rc" -ne 0 ]; then
        fail "$name" "exit $rc; $(tr '\n' ' ' <"$T/out" | head -c 600) $(grep -v '^testdev: [0-9]' "$T/err" | tr '\n' ' ' | head -c 300)"
    elif ! [[ "$summary" =~ ^testdev:\ ([0-9]+)\ checks\ passed,\ 0\ failed$ ]] ||
        [ "${BASH_REMATCH[1]}" -eq 0 ]; then
        fail "$name" "unexpected summary '$summary'"
    elif [ "$name" = t_unmodelled ]; then
        n=$(grep -c 'unmodelled SFR' "$T/err")
        if [ "$n" -eq 2 ] && grep -q 'read of 4 bytes at 0x1f800010' "$T/err" &&
            grep -q 'write of 4 bytes at 0x1f8ff000' "$T/err"; then
            pass "$name"
        else
            fail "$name" "want 2 reports (0x1f800010 read, 0x1f8ff000 write), got $n: $(grep 'unmodelled' "$T/err" | tr '\n' ' ')"
        fi
    else
        pass "$name"
    fi
done

exit $failed
