#!/usr/bin/env bash
# Simulated instructions per host CPU second (user time of the simulator process, so that
# other work on the machine matters less than with wall-clock time; 1 instruction = 1 cycle),
# best of 2 runs.
#   cpu_bound, load_store     bare-metal loops (bench/sim-speed/*.S)
#   work bare-metal           the CPU-bound benchmark guest (guests/bench/work.c) alone on the chip
#   work under tinyVP         the same as tinyVP's only guest (bench/systems/work1.conf)
#   two work guests           two copies sharing the CPU (bench/systems/work2.conf)
#   MMIO-heavy guest          a guest polling an emulated console register (bench/systems/poll.conf)
# Rates still depend on the host and its load; the simulated counts do not.
set -euo pipefail
B=${B:-build}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
run() { # NAME CYCLES SIM-ARGS...
    local name=$1 n=$2 best= cycles= secs rate
    shift 2
    for a in "$@"; do
        case $a in -*) ;; *) [ -f "$a" ] || { printf '%-22s not built\n' "$name"; return; } ;; esac
    done
    for _ in 1 2; do
        secs=$({ TIMEFORMAT=%3U; time "$SIM_REL" --stats --max-cycles "$n" "$@" \
            >/dev/null 2>"$T/err" || true; } 2>&1)
        cycles=$(sed -n 's/^stats: \([0-9]*\) cycles.*/\1/p' "$T/err")
        rate=$(awk -v c="$cycles" -v s="$secs" 'BEGIN { printf "%.0f", (s > 0) ? c / s / 1e6 : 0 }')
        if [ -z "$best" ] || [ "$rate" -gt "$best" ]; then best=$rate; fi
    done
    printf '%-22s %12s instructions  %5s M instructions/CPU s\n' "$name" "$cycles" "$best"
}
for prog in cpu_bound load_store; do
    run "$prog" 10000000000 --test "$B/target/bench/sim-speed/$prog.elf"
done
run "work bare-metal" 300000000 "$B/target/guests/bench/work-bare.elf"
run "work under tinyVP" 300000000 --bootloader "$B/hv/bench-work1/tinyvp.srec"
run "two work guests" 300000000 --bootloader "$B/hv/bench-work2/tinyvp.srec"
run "MMIO-heavy guest" 100000000 --bootloader "$B/hv/bench-poll/tinyvp.srec"
