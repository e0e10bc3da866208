#!/usr/bin/env bash
# Peripheral register-level tests (issue 4): UART, GPIO/change notice, PPS, timers.  Each
# t_*.c is a bare-metal program (tests/irq run-time) run on the sanitized simulator with the
# test device; its header comment names the document sections it checks.  A case passes when
# the program ends through the test device with at least one check passed, none failed, and
# no sanitizer report.  A file's "// board: NAME" line selects the board (default wifire).
set -uo pipefail

B=${B:-build}
SIM=${SIM:-$B/san/bin/pic32mz-sim}
DIR=$B/target/tests/periph
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
    board=$(sed -n 's|^// board: *\([a-z0-9]*\).*|\1|p' "tests/periph/$name.c" 2>/dev/null | head -1)
    timeout 120 "$SIM" --test --board "${board:-wifire}" --max-cycles 100000000 "$elf" \
        >"$T/out" 2>"$T/err"
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

exit $failed
