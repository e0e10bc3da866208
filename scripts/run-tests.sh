#!/usr/bin/env bash
# Runs every test suite and prints the closing line "N passed, N failed".
#
# A suite is an executable tests/<suite>/run.sh.  It is started from the repository root with
# the environment below, and reports one line per test case on stdout:
#     PASS <name>
#     FAIL <name>: <reason>
# Anything else it prints is passed through.  A suite that exits non-zero without having
# reported a FAIL line counts as one failure, so a crashed suite can never look green.
#
#   TESTS=isa,diff scripts/run-tests.sh     runs only the named suites
set -uo pipefail
cd "$(dirname "$0")/.."

export B=${B:-build}
export SIM=${SIM:-$B/san/bin/pic32mz-sim}          # sanitized builds for tests
export SIM_REL=${SIM_REL:-$B/rel/bin/pic32mz-sim}
export TVPCONF=${TVPCONF:-$B/san/bin/tvpconf}
export CROSS=${CROSS:-mipsel-linux-gnu-}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

passed=0
failed=0
only=${TESTS:-}

for run in tests/*/run.sh; do
    suite=$(basename "$(dirname "$run")")
    if [ -n "$only" ] && [[ ",$only," != *",$suite,"* ]]; then
        continue
    fi
    echo "== $suite"
    start=$SECONDS
    out=$(mktemp)
    bash "$run" > >(tee "$out") 2>&1
    rc=$?
    wait
    p=$(grep -c '^PASS ' "$out")
    f=$(grep -c '^FAIL ' "$out")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "FAIL $suite: suite exited with status $rc"
        f=1
    fi
    rm -f "$out"
    echo "== $suite: $p passed, $f failed ($((SECONDS - start)) s)"
    passed=$((passed + p))
    failed=$((failed + f))
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
