#!/usr/bin/env bash
# Simulated instructions per host second (1 instruction = 1 cycle), best of 3 runs.
set -euo pipefail
for prog in cpu_bound load_store; do
    elf=$B/target/bench/sim-speed/$prog.elf
    best=
    for _ in 1 2 3; do
        start=$(date +%s.%N)
        out=$("$SIM_REL" --test --stats "$elf" 2>&1)
        end=$(date +%s.%N)
        cycles=$(sed -n 's/^stats: \([0-9]*\) cycles.*/\1/p' <<<"$out")
        rate=$(awk -v c="$cycles" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", c / (e - s) / 1e6 }')
        if [ -z "$best" ] || [ "$rate" -gt "$best" ]; then best=$rate; fi
    done
    printf '%-12s %12s instructions  %5s M instructions/s\n' "$prog" "$cycles" "$best"
done
