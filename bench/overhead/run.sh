#!/usr/bin/env bash
# Overhead on real work (issue 11): the CPU-bound guest (guests/bench/work.c, CoreMark-shaped
# rounds of identical work) (a) bare-metal, (b) alone under tinyVP, (c) two copies sharing
# the CPU (round robin, equal slices: 50 % each configured).  Rounds are counted by sim-probe
# at bench_round_done over 1 simulated second after 0.1 s of start-up; (c) counts over whole
# pairs of slices (between root timer interrupts 2k apart).  Prints figures; never fails.
set -uo pipefail
. bench/probe/probe.sh
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

bare=$B/target/guests/bench/work-bare.elf
for f in "$PROBE" "$bare" "$B/hv/bench-work1/tinyvp.srec" "$B/hv/bench-work2/tinyvp.srec"; do
    [ -e "$f" ] || { echo "overhead: $f not built (make all)"; exit 0; }
done
W0=20000000
W1=$((W0 + HZ))
rb=$(sym bench_round_done "$bare")
rg=$(sym bench_round_done "$B/target/guests/bench/work-A.elf")

# rate "count ..." line: rounds per cycle from the first to the last counted round.
rate() { awk -v n="$(field "$1" n)" -v f="$(field "$1" first)" -v l="$(field "$1" last)" \
    'BEGIN { if (n > 1 && l > f) printf "%.9e", (n - 1) / (l - f); else print 0 }'; }

# (a) and (b) side by side on the two cores, then (c).
"$PROBE" --console "$T/a" --from-cycle $W0 --max-cycles $W1 --count r "r:$rb" "$bare" >"$T/a.out" &
"$PROBE" --bootloader --console "$T/b" --from-cycle $W0 --max-cycles $W1 --count r "g1:$rg" \
    "$B/hv/bench-work1/tinyvp.srec" >"$T/b.out" &
wait
a=$(cat "$T/a.out")
b=$(cat "$T/b.out")
c=$("$PROBE" --bootloader --console "$T/c" --from-cycle $W0 --max-cycles $((W0 + 2 * HZ)) \
    --window irq:1 2 --count r1 "g1:$rg" --count r2 "g2:$rg" "$B/hv/bench-work2/tinyvp.srec")
ra=$(rate "$(grep '^count r ' <<<"$a")")
rb_=$(rate "$(grep '^count r ' <<<"$b")")
win=$(grep '^window ' <<<"$c")
wlen=$(($(field "$win" last) - $(field "$win" first)))
n1=$(field "$(grep '^count r1 ' <<<"$c")" in_window)
n2=$(field "$(grep '^count r2 ' <<<"$c")" in_window)

echo "work: one round = $(awk -v r="$ra" 'BEGIN { printf "%.0f", 1 / r }') cycles bare-metal (1 instruction = 1 cycle at 200 MHz)"
printf '%-36s %14s %10s\n' system "rounds/sim s" "vs bare"
awk -v ra="$ra" -v rb="$rb_" -v n1="$n1" -v n2="$n2" -v w="$wlen" -v hz=$HZ 'BEGIN {
    printf "%-36s %14.2f %10s\n", "(a) bare-metal", ra * hz, "-"
    printf "%-36s %14.2f %9.3f%%  overhead %.3f %%\n", "(b) tinyVP, one guest", rb * hz, 100 * rb / ra,
        100 * (1 - rb / ra)
    s1 = n1 / w / ra; s2 = n2 / w / ra
    printf "%-36s %14.2f %9.3f%%  share %.2f %% of 50 %% (%+.2f %% relative)\n",
        "(c) tinyVP, two guests: VM1", n1 / w * hz, 100 * s1, 100 * s1, 100 * (s1 / 0.5 - 1)
    printf "%-36s %14.2f %9.3f%%  share %.2f %% of 50 %% (%+.2f %% relative)\n",
        "(c) tinyVP, two guests: VM2", n2 / w * hz, 100 * s2, 100 * s2, 100 * (s2 / 0.5 - 1)
    printf "%-36s %14.2f %9.3f%%  overhead %.3f %%\n", "(c) both", (n1 + n2) / w * hz,
        100 * (s1 + s2), 100 * (1 - s1 - s2)
}'
echo "  ((c) over $(field "$win" n) root timer interrupts = $((wlen / 2000000)) slices of ~10 ms)"
for f in a b c; do
    grep -q BAD "$T/$f" && echo "  WARNING: ($f) a round computed a wrong CRC (guest state lost)"
done
exit 0
