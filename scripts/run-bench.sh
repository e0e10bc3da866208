#!/usr/bin/env bash
# `make bench`: runs every bench/<name>/run.sh and prints their figures.  Benchmarks report;
# they never pass or fail on a number.  Record what you measure in bench/RESULTS.md.
set -uo pipefail
cd "$(dirname "$0")/.."
export B=${B:-build}
export SIM_REL=${SIM_REL:-$B/rel/bin/pic32mz-sim}
status=0
for run in bench/*/run.sh; do
    echo "== $(basename "$(dirname "$run")")"
    bash "$run" || status=1
done
exit $status
