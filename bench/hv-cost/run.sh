#!/usr/bin/env bash
# tinyVP's costs in simulated cycles (issue 11), measured from outside by sim-probe
# (bench/probe): simulator breakpoints and interrupt/exception hooks record the cycle at
# given points, so the simulated system runs exactly as without them.  1 instruction = 1
# cycle at 200 MHz; Count ticks = cycles / 2.  Median and max over >= 1000 events, after
# dropping the first 20 (cold TLB).  Prints figures; never fails on a number.
set -uo pipefail
. bench/probe/probe.sh
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

micro=$B/target/guests/bench/micro.elf
img=$B/hv/bench-micro/tinyvp.srec
hv=$B/hv/bench-micro/tinyvp.elf
for f in "$PROBE" "$micro" "$img" "$hv" "$B/hv/bench-work2/tinyvp.elf"; do
    [ -e "$f" ] || { echo "hv-cost: $f not built (make all; did tinyVP link?)"; exit 0; }
done
hc=$(sym bench_hcall "$micro")
ld=$(sym bench_mmio_load "$micro")
st=$(sym bench_mmio_store "$micro")
isr=$(sym bench_isr "$micro")
idle=$(sym bench_idle_loop "$micro")
idle_end=$(sym bench_idle_end "$micro")
ebase=$(sym hv_vectors "$hv")

# bench-micro: one VM (guests/bench/micro.c): 1100 null hypercalls (HCALL_VM_STATUS), 1100
# loads of U4STA and 1100 stores to U4BRG (console registers tinyVP emulates), then Timer2
# interrupts (routed to the VM, root level 2; the root timer is level 1) every 20,000 cycles
# while the guest spins in bench_idle_loop.
out=$("$PROBE" --bootloader --console "$T/micro" --max-cycles 200000000 --skip 20 --stop-after 1000 \
    --span hcall "g1:$hc" "g1:$((hc + 4))" \
    --span mmio-load "g1:$ld" "g1:$((ld + 4))" \
    --span mmio-store "g1:$st" "g1:$((st + 4))" \
    --span irq-inject irq:2 "g1:$isr" \
    --span irq-roundtrip irq:2 "g1:$idle-$idle_end" \
    --count root-refill-vector "exc:$ebase" \
    "$img")
line() { grep "^span $1 " <<<"$out"; }

# bench-work2: two CPU-bound guests; every root timer interrupt (level 1) ends a slice and
# switches.  Measured: that interrupt -> the first instruction of the other VM's own code
# (its flash, 0x9D000000.., so not the LL-clear trampoline tinyVP runs first).  1000 slices
# of 10 ms: 2 simulated seconds, run without breakpoints.
img2=$B/hv/bench-work2/tinyvp.srec
hv2=$B/hv/bench-work2/tinyvp.elf
rp=$(refill_point "$hv2")
out2=$("$PROBE" --bootloader --console "$T/work2" --max-cycles 2400000000 --skip 2 \
    --stop-after 1000 --span switch irq:1 gnew:0x9d000000-0x9d100000 "$img2")

echo "tinyVP costs in simulated cycles (1 instruction = 1 cycle at 200 MHz; ticks = Count = cycles/2)"
printf '%-38s %6s %8s %8s %8s %8s\n' figure events median ticks max ticks
span_row "hypercall round trip (null)" "$(line hcall)"
span_row "emulated console load (U4STA)" "$(line mmio-load)"
span_row "emulated console store (U4BRG)" "$(line mmio-store)"
span_row "IRQ injection (root IRQ -> handler)" "$(line irq-inject)"
span_row "device IRQ round trip" "$(line irq-roundtrip)"
span_row "forced VM switch" "$(grep '^span switch ' <<<"$out2")"
echo "  (round trip: Timer2 IRQ taken by root -> guest handler clears its EVIC flag (an exit)"
echo "   -> ERET -> first instruction back in the interrupted loop; hypercall: HYPCALL's"
echo "   cycle included; switch: root timer IRQ in VM1 -> first instruction of VM2's code)"
grep -q 'BAD' "$T/work2" &&
    echo "  WARNING: a work guest computed a wrong CRC in bench-work2 (guest state lost in a switch)"

# Root TLB refills in steady state (after 0.5 s): real refills (an entry written by
# tlb_refill) per second; the refill vector also emulates trap-page accesses.
refills() { # NAME IMAGE ELF GUESTS
    local img=$2 elf=$3 p
    [ -f "$img" ] || { printf '%-38s not built\n' "$1"; return; }
    p=$(refill_point "$elf")
    [ -n "$p" ] || { printf '%-38s not measurable (no write_entry call in tlb_refill)\n' "$1"; return; }
    local o
    o=$("$PROBE" --bootloader --console /dev/null --from-cycle 100000000 --max-cycles 300000000 \
        --count real "r:$p" --count vector "exc:$(sym hv_vectors "$elf")" "$img")
    printf '%-38s %s real refills/s, %s refill-vector entries/s (1 s after 0.5 s)\n' "$1" \
        "$(field "$(grep '^count real ' <<<"$o")" n)" "$(field "$(grep '^count vector ' <<<"$o")" n)"
}
echo "root TLB refills in steady state:"
refills "bench-work2 (2 CPU-bound VMs)" "$img2" "$hv2"
refills "two-guests (tests/hv, 2 VMs)" "$B/hv/two-guests/tinyvp.srec" "$B/hv/two-guests/tinyvp.elf"
refills "demo-wifire" "$B/hv/demo-wifire/tinyvp.srec" "$B/hv/demo-wifire/tinyvp.elf"
