# Shared by the bare-metal test suites (source it from a run.sh): PASS/FAIL lines as
# scripts/run-tests.sh expects, the sanitized simulator, running one test-device program and
# judging its run.
#   suite_begin                 B, SIM, a temporary T, failed=0; fails if SIM is missing
#   suite_elfs DIR GLOB         the programs in elfs[] (fails the suite if there are none)
#   run_sim ARGS...             runs "$SIM" ARGS with a 120 s guard: $rc, $T/out, $T/err
#   judge_testdev NAME          PASS when the run ended through the test device with at least
#                               one check passed, none failed, and no sanitizer report

pass() { echo "PASS $1"; }
fail() {
    echo "FAIL $1: $2"
    failed=1
}

suite_begin() {
    B=${B:-build}
    SIM=${SIM:-$B/san/bin/pic32mz-sim}
    T=$(mktemp -d)
    trap 'rm -rf "$T"' EXIT
    failed=0
    if [ ! -x "$SIM" ]; then
        fail build "$SIM missing (run make all)"
        exit 1
    fi
}

suite_elfs() {
    shopt -s nullglob
    elfs=("$1"/$2)
    if [ ${#elfs[@]} -eq 0 ]; then
        fail build "no test programs in $1 (run make all)"
        exit 1
    fi
}

run_sim() {
    timeout 120 "$SIM" "$@" >"$T/out" 2>"$T/err"
    rc=$?
}

judge_testdev() {
    local summary
    summary=$(grep -m1 '^testdev: ' "$T/err")
    if grep -q 'Sanitizer\|runtime error' "$T/err"; then
        fail "$1" "sanitizer report: $(grep -m1 'ERROR\|runtime error' "$T/err")"
    elif [ "$rc" -ne 0 ]; then
        fail "$1" "exit $rc; $(tr '\n' ' ' <"$T/out" | head -c 600) $(grep -v '^testdev: [0-9]' "$T/err" | tr '\n' ' ' | head -c 300)"
    elif ! [[ "$summary" =~ ^testdev:\ ([0-9]+)\ checks\ passed,\ 0\ failed$ ]] ||
        [ "${BASH_REMATCH[1]}" -eq 0 ]; then
        fail "$1" "unexpected summary '$summary'"
    else
        pass "$1"
    fi
}
