#!/usr/bin/env bash
# Random-instruction fuzzing (issue 10), part of tests/isolation: the fuzz guest
# (guests/fuzz) executes seeded random instruction words next to the light victim
# (guests/victim built with -DVICTIM_WAITS), tests/isolation/fuzz.conf.  For every seed:
#   - tinyVP never panics, and the simulator stops at the cycle limit (no fault, no hang),
#   - the victim's heartbeat goes on to the end: every beat with the sums victim-ref computes,
#     numbered without a gap, the last one in the final 20 ms,
#   - tinyVP's flash (code, tables, eret page) and the victim's flash are as loaded,
# and the seeds together execute at least 10^7 random words (the guest's own count).
#
#   FUZZ_SEEDS=N    run seeds 1..N instead of the fixed set 1 2 3 4 6 7 8 9: more words.
#                   Seed 5 is left out of the fixed set: it reaches the known SDBBP hole
#                   (docs/security.md: a guest's SDBBP puts the core in root debug mode; in the
#                   simulator, with boot flash empty, tinyVP then panics), run it with
#                   FUZZ_SEEDS=5.
#   FUZZ_CYCLES=N   simulated cycles per seed (default 600000000: 3 s)
set -u
status=0
pass() { echo "PASS isolation/fuzz/$1"; }
fail() { echo "FAIL isolation/fuzz/$1: $2"; status=1; }
SIMR=${SIM_REL:-$B/rel/bin/pic32mz-sim}
if [ -n "${FUZZ_SEEDS:-}" ]; then
    SEEDLIST=$(seq 1 "$FUZZ_SEEDS")
else
    SEEDLIST="1 2 3 4 6 7 8 9"
    echo "KNOWN isolation/fuzz/seed-5: not run: it reaches the known SDBBP hole (docs/security.md)"
fi
SEEDS=$(echo $SEEDLIST | wc -w)
CYCLES=${FUZZ_CYCLES:-600000000}
WANT_WORDS=10000000
T=$(mktemp -d)
trap '[ -n "${FUZZ_KEEP:-}" ] || rm -rf "$T"' EXIT
conf=tests/isolation/fuzz.conf
# Copies: other work in the checkout may rebuild them while the runs go on.
cp "$B/hv/isolation-fuzz/tinyvp.srec" "$T/fuzz-system.srec"
cp "$B/target/guests/fuzz.elf" "$T/fuzz.elf"
img=$T/fuzz-system.srec
map=$("$TVPCONF" -b configs/boards/wifire -d configs/device.lib "$conf" 2>/dev/null)
region() { echo "$map" | awk -v vm="vm$1:" -v kind="$2" '$1 == vm { on = 1; next }
    /^vm[0-9]+:/ { on = 0 } on && $1 == kind { print $3, $6; exit }'; }
read -r _ fuzz_rom < <(region 1 rom)
read -r vrange vrom < <(region 2 rom)
off=$(($("${CROSS}nm" "$T/fuzz.elf" | awk '$3 == "fuzz_params" { print "0x" substr($1, length($1) - 7) }') - 0x9D000000))
sums="--dump-checksum 0x1d000000:0x10000 --dump-checksum $vrom:$((${vrange#*..} - ${vrange%..*} + 1))"
# What the flash holds before anything runs: the same checksums after 0 cycles.
"$SIMR" --board wifire --bootloader --max-cycles 0 $sums "$img" >/dev/null 2>"$T/loaded"

word_le() { printf "\\x$(printf %02x $(($1 & 255)))\\x$(printf %02x $((($1 >> 8) & 255)))\\x$(printf %02x $((($1 >> 16) & 255)))\\x$(printf %02x $((($1 >> 24) & 255)))"; }
for s in $SEEDLIST; do
    word_le "$s" >"$T/$s.bin"
    "${CROSS}objcopy" -I binary -O srec --change-addresses $((fuzz_rom + off)) "$T/$s.bin" "$T/$s.srec"
done
export T SIMR CYCLES img sums
echo $SEEDLIST | tr ' ' '\n' | xargs -P 2 -I{} bash -c '
    "$SIMR" --board wifire --bootloader --max-cycles $CYCLES $sums "$img" "$T/{}.srec" \
        >"$T/{}.raw" 2>"$T/{}.err"
    echo $? >"$T/{}.rc"
    tr -d "\r" <"$T/{}.raw" >"$T/{}.out"'

"$B/rel/bin/victim-ref" 2000 25000 >"$T/ref"
total=0
for s in $SEEDLIST; do
    why=""
    rc=$(cat "$T/$s.rc")
    [ "$rc" -eq 0 ] || why="simulator status $rc: $(grep -v '^checksum' "$T/$s.err" | head -c 200)"
    grep -aq PANIC "$T/$s.out" && why="${why:+$why; }$(grep -a -m1 PANIC "$T/$s.out")"
    grep -ao 'victim: beat [0-9]* sum [0-9a-f]\{8\} ram [0-9a-f]\{8\} at [0-9a-f]\{8\}$' "$T/$s.out" |
        awk '{ print $3, $5, $7, $9 }' >"$T/$s.beats"
    bad=$(awk 'NR == FNR { want[$2] = $4 " " $6; next }
               { n++; if ($1 != n) { print "beat " $1 " where " n " was due"; exit }
                 if (want[$1] != $2 " " $3) { print "beat " $1 " sum " $2 ", want " want[$1]; exit } }
               END { if (!n) print "no beat" }' "$T/ref" "$T/$s.beats")
    [ -z "$bad" ] || why="${why:+$why; }victim: $bad"
    # The last beat within the final 20 ms (Count ticks = cycles / 2): the victim never stalled.
    last=$(tail -1 "$T/$s.beats" | awk '{ print $4 }')
    if [ -n "$last" ] && [ $((0x$last)) -lt $((CYCLES / 2 - 2000000)) ]; then
        why="${why:+$why; }victim's last beat at Count 0x$last, run ends at $((CYCLES / 2))"
    fi
    diff -q <(grep '^checksum' "$T/loaded") <(grep '^checksum' "$T/$s.err") >/dev/null ||
        why="${why:+$why; }flash changed: $(grep '^checksum' "$T/$s.err" | tr '\n' ' ')"
    words=$(grep -a '^fuzz: seed' "$T/$s.out" | tail -1 | awk '{ print $5 }')
    words=${words:-0}
    total=$((total + words))
    if [ -z "$why" ]; then
        pass "seed-$s"
    else
        fail "seed-$s" "$why"
    fi
    echo "isolation/fuzz: seed $s: $words random words, $(wc -l <"$T/$s.beats") victim beats"
done
echo "isolation/fuzz: $total random instruction words executed over $SEEDS seeds"
if [ "$total" -ge $WANT_WORDS ] || [ -n "${FUZZ_SEEDS:-}" ]; then
    pass words
else
    fail words "$total random words, want >= $WANT_WORDS"
fi
exit $status
