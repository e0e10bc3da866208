#!/usr/bin/env bash
# The demo, end to end (issue 9): the seed README's walkthrough as a scripted session in
# simulated time on the Wi-FIRE demo (walkthrough.script) with its LED events checked, the
# DMA demo, and each demo guest alone on each board's bare chip.
# Expected behaviour: ../shared/seed/tinyVP-README.txt steps 5-6, docs/console.md.
set -u
status=0
pass() { echo "PASS demo/$1"; }
fail() { echo "FAIL demo/$1: $2"; status=1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
G=$B/target/guests

# run NAME BOARD IMAGE SCRIPT [SIM OPTIONS...]: a scripted session; PASS when it holds.
run() {
    local name=$1 board=$2 image=$3 script=$4
    shift 4
    if "$SIM" --board "$board" --leds off --events "$T/$name.events" --script "$script" \
        "$@" "$image" >"$T/$name.out" 2>"$T/$name.err"; then
        pass "$name"
        return 0
    fi
    fail "$name" "$(grep -m1 'pic32mz-sim' "$T/$name.err" || head -c 300 "$T/$name.err")"
    return 1
}

# --- The walkthrough -------------------------------------------------------------------
run walkthrough wifire "$B/hv/demo-wifire/tinyvp.srec" tests/demo/walkthrough.script \
    --bootloader
ev=$T/walkthrough.events
tr -d '\r' <"$T/walkthrough.out" >"$T/walkthrough.log"
# Both guests blink: LD1 on and off (guest 1, every 500 ms), and the pattern of guest 2 lights
# each of LD2, LD3, LD4 in turn, never two at once.
n1=$(grep -c ' LD1 \(on\|off\)$' "$ev")
[ "$n1" -ge 8 ] && grep -q ' LD1 on$' "$ev" && grep -q ' LD1 off$' "$ev" &&
    pass walkthrough/ld1-blinks || fail walkthrough/ld1-blinks "$n1 LD1 changes"
if awk '$3 ~ /^LD[234]$/ { lit[$3] = ($4 == "on"); if ($4 == "on") seen[$3] = 1
         n = lit["LD2"] + lit["LD3"] + lit["LD4"]; if (n > 1) bad = 1 }
         END { exit !(seen["LD2"] && seen["LD3"] && seen["LD4"] && !bad) }' "$ev"; then
    pass walkthrough/ld2-ld4-pattern
else
    fail walkthrough/ld2-ld4-pattern "LD2-LD4 not lit one at a time in turn"
fi
# While VM 1 is stopped (1s ... 1c, 1.2 s at least) LD1 does not change, LD2-LD4 do.
if awk '$3 == "LD1" { if (last && $2 - last > gap) { gap = $2 - last; from = last; to = $2 }
                      last = $2 }
        { t[NR] = $2; name[NR] = $3 }
        END { if (gap < 1.2) exit 1
              for (i = 1; i <= NR; i++) if (name[i] ~ /^LD[234]$/ && t[i] > from && t[i] < to) n++
              exit n < 3 }' "$ev"; then
    pass walkthrough/stop-freezes-ld1-only
else
    fail walkthrough/stop-freezes-ld1-only "no 1.2 s LD1 pause with LD2-LD4 going on"
fi
# The root's time lines come once a second.
if awk '/^\[tvp\] system time / { split($4, a, "."); n++; if (a[1] != n) exit 1 }
        END { exit n < 5 }' "$T/walkthrough.log"; then
    pass walkthrough/time-every-second
else
    fail walkthrough/time-every-second "$(grep -m3 'system time' "$T/walkthrough.log" | tr '\n' '|')"
fi
# Every console line is whole: root's, or one guest's.
bad=$(grep -v -E '^(\[tvp\] .*|guest [12]: .*|)$' "$T/walkthrough.log" | head -3)
[ -z "$bad" ] && pass walkthrough/whole-lines || fail walkthrough/whole-lines "$bad"

# --- The DM320007 and Olimex demos boot from reset through tinyVP's own boot code
# (hv/arch/mips/boot.S at 0xBFC00000, no --bootloader): both guests print and blink.
cat >"$T/board-demo.script" <<'EOS'
expect "[tvp] tinyVP: 2 VMs" within 100ms
expect "guest 1: polling demo on" within 300ms
expect "guest 2: interrupt-driven demo on" within 300ms
expect "guest 2: #" within 1500ms
expect "guest 1: *" within 1500ms
EOS
for b in dm320007 olimex; do
    run "demo-$b" "$b" "$B/hv/demo-$b/tinyvp.srec" "$T/board-demo.script"
    grep -q ' LED1 on$' "$T/demo-$b.events" && pass "demo-$b/led1" ||
        fail "demo-$b/led1" "LED1 never lit"
done

# --- The DMA demo --------------------------------------------------------------------------
cat >"$T/dma.script" <<'EOS'
expect "[tvp] tinyVP: 2 VMs" within 100ms
expect "dma guest: memory-to-memory DMA" within 300ms
expect "dma guest: copy 1 ok" within 700ms
expect "guest 1: *" within 700ms
expect "dma guest: copy 3 ok" within 1500ms
EOS
run dma wifire "$B/hv/demo-dma/tinyvp.srec" "$T/dma.script" --bootloader

# --- Each demo guest alone on the bare chip (no paravirtualisation) ------------------------
cat >"$T/bare-poll.script" <<'EOS'
expect "guest 1: polling demo" within 100ms
expect "guest 1: *" within 700ms
send "="
expect "guest 1: =" within 700ms
EOS
cat >"$T/bare-irq.script" <<'EOS'
expect "guest 2: interrupt-driven demo" within 100ms
expect "guest 2: #" within 500ms
send "+"
expect "guest 2: +" within 500ms
EOS
cat >"$T/bare-dma.script" <<'EOS'
expect "dma guest: memory-to-memory DMA" within 100ms
expect "dma guest: copy 2 ok" within 1200ms
EOS
for b in wifire dm320007 olimex; do
    s=; [ "$b" = wifire ] || s=-$b
    run "bare-poll-$b" "$b" "$G/poll/guest$s.elf" "$T/bare-poll.script"
    run "bare-irq-$b" "$b" "$G/irq/guest$s.elf" "$T/bare-irq.script"
done
run bare-dma-wifire wifire "$G/dma/guest.elf" "$T/bare-dma.script"
grep -q ' LD1 on$' "$T/bare-poll-wifire.events" && pass bare-poll-wifire/ld1 ||
    fail bare-poll-wifire/ld1 "LD1 never lit"
exit $status
