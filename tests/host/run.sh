#!/usr/bin/env bash
# Host side of pic32mz-sim (issue 4 "Host side", docs/simulator.md): scripted console sessions
# against bare-metal programs (tests/host/*.c) on every board, script failures and malformed
# scripts, LEDs and buttons (expect-led, press/release, --events, --vcd), the console on a pty
# and on TCP, a gdb-multiarch session, --stats, --trace, --bootloader and the terminal.
# Expected values come from the documents (pic32mz-ef.md §5.3 pins, §4.5 consoles; 200 MHz
# cycles), from the programs' sources and from mipsel-linux-gnu-nm; every wait is bounded.
set -uo pipefail

B=${B:-build}
SIM=${SIM:-$B/san/bin/pic32mz-sim}
CROSS=${CROSS:-mipsel-linux-gnu-}
DIR=$B/target/tests/host
T=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
    rm -rf "$T"
}
trap cleanup EXIT
failed=0

pass() { echo "PASS $1"; }
fail() {
    echo "FAIL $1: $2"
    failed=1
}
# No sanitizer report in a run's stderr.
clean() { ! grep -q 'Sanitizer\|runtime error' "$1"; }
oneline() { tr '\n' ' ' <"$1" | head -c 400; }

if [ ! -x "$SIM" ] || [ ! -f "$DIR/echo-wifire.elf" ]; then
    fail build "$SIM or $DIR missing (run make all)"
    exit 1
fi

# ---- scripted console sessions: the echo program on each board's console UART ----------
cat >"$T/echo.script" <<'S'
# The echo program (tests/host/echo.c) answers every byte; CR comes back as CR LF.
expect "echo ready\r\n" within 5ms
send "hello\r"
expect "hello\r\n" within 10ms
send "\x41\x42\\\"\t"          # escapes: A B backslash quote tab
expect "AB\\\"\t" within 10 ms
expect-no "hello" for 1ms     # already consumed by the expect above
# 64 bytes at once: the RX FIFO holds 8, the rest waits for room (back-pressure, no loss)
send "0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789ABCDEF"
expect "0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789ABCDEF" within 20ms
run 100us
send "\x04"
expect "bye" within 5ms
exit
S
for b in wifire dm320007 olimex; do
    "$SIM" --board "$b" --script "$T/echo.script" "$DIR/echo-$b.elf" >"$T/out" 2>"$T/err"
    rc=$?
    if [ $rc -ne 0 ] || ! clean "$T/err"; then
        fail "script-echo-$b" "status $rc: $(oneline "$T/err")"
    elif ! grep -q 'echo ready' "$T/out"; then
        fail "script-echo-$b" "console output missing on stdout: $(oneline "$T/out")"
    else
        pass "script-echo-$b"
    fi
done

# Same inputs, same run: two runs of a script give the same output and the same events.
for i in 1 2; do
    "$SIM" --script "$T/echo.script" --events "$T/ev$i" --stats "$DIR/echo-wifire.elf" \
        >"$T/out$i" 2>"$T/err$i"
done
if cmp -s "$T/out1" "$T/out2" && cmp -s "$T/err1" "$T/err2" && cmp -s "$T/ev1" "$T/ev2" &&
    grep -q '^stats: [0-9]* cycles' "$T/err1"; then
    pass script-deterministic
else
    fail script-deterministic "two runs differ: $(diff "$T/err1" "$T/err2" | head -4 | tr '\n' ' ')"
fi

# A failed expectation: status 1 and a message naming FILE:LINE.
printf 'expect "echo ready" within 5ms\nsend "abc"\n\n# wrong on purpose:\nexpect "abd" within 2ms\nexit\n' \
    >"$T/fail.script"
"$SIM" --script "$T/fail.script" "$DIR/echo-wifire.elf" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 1 ] && grep -q "fail.script:5: expect \"abd\": not seen within 400000 cycles" "$T/err" &&
    clean "$T/err"; then
    pass script-expect-fails
else
    fail script-expect-fails "status $rc: $(oneline "$T/err")"
fi
printf 'expect "echo ready" within 5ms\nsend "secret"\nexpect-no "cre" for 1ms\n' >"$T/no.script"
"$SIM" --script "$T/no.script" "$DIR/echo-wifire.elf" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 1 ] && grep -q 'no.script:3: expect-no "cre": seen' "$T/err"; then
    pass script-expect-no-fails
else
    fail script-expect-no-fails "status $rc: $(oneline "$T/err")"
fi
# The program ends (Ctrl-D: "bye", then it waits forever) while an expect is pending.
printf 'expect "echo ready" within 5ms\nsend "\\x04"\nexpect "never" within 10ms\n' >"$T/end.script"
"$SIM" --script "$T/end.script" "$DIR/echo-wifire.elf" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 1 ] && grep -q 'end.script:3: expect "never": not seen within' "$T/err"; then
    pass script-idle-core
else
    fail script-idle-core "status $rc: $(oneline "$T/err")"
fi

# Malformed scripts: status 2, FILE:LINE and what is wrong, and nothing runs.
i=0
while IFS='|' read -r line want; do
    i=$((i + 1))
    printf '# a comment\n\nrun 10\n%s\n' "$line" >"$T/bad$i.script"
    "$SIM" --script "$T/bad$i.script" "$DIR/echo-wifire.elf" >"$T/out" 2>"$T/err"
    rc=$?
    if [ $rc -eq 2 ] && grep -qF "bad$i.script:4: $want" "$T/err" && [ ! -s "$T/out" ] &&
        clean "$T/err"; then
        pass "script-malformed-$i"
    else
        fail "script-malformed-$i" "'$line': status $rc: $(oneline "$T/err")"
    fi
done <<'CASES'
expect hello|expect needs a quoted string
send "abc|unterminated string
send "\q"|unknown escape
send "\x4"|\x needs two hexadecimal digits
run 10 parsecs|unexpected 'parsecs'
run 3 fortnights|unexpected 'fortnights'
run 3xs|'xs': unknown unit
run|a duration is missing
expect "x" within|a duration is missing
expect "x" soon|expected 'within DURATION'
expect-no "x"|expect-no needs 'for DURATION'
expect-led LD9 on|board wifire has no LED 'LD9' (it has LD1, LD2, LD3, LD4)
expect-led LD1 dim|expect-led: 'dim' is neither on nor off
press SW1|board wifire has no button 'SW1' (it has BTN1, BTN2)
jump 3|unknown command 'jump'
exit now|unexpected 'now'
expect ""|expect needs a non-empty string
CASES

# ---- LEDs and buttons on each board (pic32mz-ef.md §5.3) --------------------------------
# blink.c lights LED k alone during the k-th millisecond after "blink ready", every LED
# while the first button is pressed.
led_script() { # LED names..., first button last
    local n=$(($# - 1)) btn=${!#} k
    local names=("${@:1:$n}")
    echo 'expect "blink ready\r\n" within 10ms'
    echo 'run 500us'
    for ((k = 0; k <= n; k++)); do
        local on=$((k % n))
        for ((j = 0; j < n; j++)); do
            [ $j -eq $on ] && echo "expect-led ${names[$j]} on" || echo "expect-led ${names[$j]} off"
        done
        echo 'run 1ms'
    done
    echo "press $btn"
    echo 'run 1500us'
    for ((j = 0; j < n; j++)); do echo "expect-led ${names[$j]} on"; done
    # The light stood still on LED 2 (index) while pressed; after the release it moves on:
    # LED 2 at the next millisecond, LED 3 (mod n) at the one after.
    echo "release $btn"
    echo 'run 1500us'
    for ((j = 0; j < n; j++)); do
        [ $j -eq $((3 % n)) ] && echo "expect-led ${names[$j]} on" || echo "expect-led ${names[$j]} off"
    done
}
declare -A LEDS=([wifire]="LD1 LD2 LD3 LD4 BTN1" [dm320007]="LED1 LED2 LED3 SW1"
    [olimex]="LED1 LED2 LED3 BUT1")
for b in wifire dm320007 olimex; do
    # shellcheck disable=SC2086
    led_script ${LEDS[$b]} >"$T/leds-$b.script"
    "$SIM" --board "$b" --script "$T/leds-$b.script" --events "$T/ev-$b" --vcd "$T/$b.vcd" \
        "$DIR/blink-$b.elf" >"$T/out" 2>"$T/err"
    rc=$?
    if [ $rc -eq 0 ] && clean "$T/err"; then
        pass "leds-$b"
    else
        fail "leds-$b" "status $rc: $(oneline "$T/err")"
    fi
done
# A wrong LED expectation fails with its line.
printf 'expect "blink ready" within 10ms\nrun 500us\nexpect-led LD2 on\n' >"$T/ledbad.script"
"$SIM" --script "$T/ledbad.script" "$DIR/blink-wifire.elf" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 1 ] && grep -q 'ledbad.script:3: expect-led: LD2 is off at cycle' "$T/err"; then
    pass leds-expect-fails
else
    fail leds-expect-fails "status $rc: $(oneline "$T/err")"
fi

# --events: "cycle seconds name state"; seconds = cycle * 5 ns; LD1..LD4 take turns every
# 200000 cycles (1 ms at 200 MHz), give or take the program's loop.
ev=$T/ev-wifire
if awk 'NR == 1 { next }
        { split($2, s, "."); ns = s[1] * 1000000000 + s[2];
          if (ns != $1 * 5) { print "bad time: " $0; exit 1 } }
        $4 == "on" && $3 ~ /^LD/ { if (last && ($1 - last < 199900 || $1 - last > 200100) && n < 4)
                                       { print "spacing " $1 - last; exit 1 }
                                   last = $1; n++ }
        END { if (n < 4) { print "only " n " LED-on events"; exit 1 } }' "$ev" >"$T/awk" &&
    grep -q '^[0-9]* [0-9.]* BTN1 pressed$' "$ev" && grep -q '^[0-9]* [0-9.]* BTN1 released$' "$ev"; then
    pass leds-events
else
    fail leds-events "$(cat "$T/awk") $(head -5 "$ev" | tr '\n' ' ')"
fi

# --vcd: LD1 and its pin RG6 (Wi-FIRE) change together; times are multiples of 5 ns and grow.
vcd=$T/wifire.vcd
if awk '/\$var wire 1 .* LD1 \$end/ { led = $4 } /\$var wire 1 .* RG6 \$end/ { pin = $4 }
        /\$timescale 1ns \$end/ { ts = 1 }
        /^#/ { t = substr($0, 2) + 0; if (t < last || t % 5) { print "time " t; exit 1 } last = t }
        /^[01]/ { id = substr($0, 2); v = substr($0, 1, 1)
                  if (id == led) { nl++; lv[t] = v } if (id == pin) { np++; pv[t] = v } }
        END { if (!ts || !led || !pin || nl < 4 || nl != np) { print "ts " ts " LD1 " nl " RG6 " np; exit 1 }
              for (k in lv) if (pv[k] != lv[k]) { print "differ at " k; exit 1 } }' \
    "$vcd" >"$T/awk"; then
    pass leds-vcd
else
    fail leds-vcd "$(cat "$T/awk")"
fi

# ---- console connections ---------------------------------------------------------------
# wait_for FILE PATTERN: up to 10 s for a line of the simulator's stderr.
wait_for() {
    local k
    for ((k = 0; k < 100; k++)); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}
# read_until FD TEXT: reads from FD until TEXT was seen (5 s per byte at most) into $got.
read_until() {
    local c
    got=""
    while IFS= read -r -t 5 -d '' -n 1 -u "$1" c; do
        got+=${c:-$'\n'}
        [[ "$got" == *"$2"* ]] && return 0
    done
    return 1
}

# pty: the test is the terminal on the other side.
"$SIM" --console pty --max-cycles 4000000000 "$DIR/echo-wifire.elf" >"$T/out" 2>"$T/pty.err" &
pid=$!
pids+=("$pid")
if wait_for "$T/pty.err" 'on /dev/pts/'; then
    pts=$(sed -n 's/.*(console) on \(\/dev\/pts\/[0-9]*\).*/\1/p' "$T/pty.err")
    # The client runs in a session of its own: opening a terminal can make it the controlling
    # terminal of a session without one, and this script's later jobs must not inherit that.
    export -f read_until
    if setsid -w bash -c 'exec 3<>"$1" && read_until 3 "echo ready" &&
                          printf "over pty\r" >&3 && read_until 3 "over pty" &&
                          printf "%s" "$got" >"$2"' client "$pts" "$T/pty.got"; then
        pass console-pty
    else
        fail console-pty "got '$(cat "$T/pty.got" 2>/dev/null)'"
    fi
else
    fail console-pty "no pty path: $(oneline "$T/pty.err")"
fi
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
clean "$T/pty.err" || fail console-pty-clean "$(oneline "$T/pty.err")"

# TCP on 127.0.0.1, a port the system picks; output sent before the client came is kept.
"$SIM" --console tcp:0 --uart-instant --max-cycles 4000000000 "$DIR/echo-wifire.elf" \
    >"$T/out" 2>"$T/tcp.err" &
pid=$!
pids+=("$pid")
if wait_for "$T/tcp.err" 'on tcp 127.0.0.1:'; then
    port=$(sed -n 's/.*on tcp 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$T/tcp.err")
    if exec 3<>"/dev/tcp/127.0.0.1/$port" && read_until 3 'echo ready' &&
        printf 'over tcp\r\x04' >&3 && read_until 3 'bye'; then
        [[ "$got" == *"over tcp"* ]] && pass console-tcp || fail console-tcp "got '$got'"
    else
        fail console-tcp "got '$got'"
    fi
    exec 3>&-
else
    fail console-tcp "no port: $(oneline "$T/tcp.err")"
fi
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
if grep -q 'on tcp 127.0.0.1:' "$T/tcp.err" && ! grep -q 'on tcp 0.0.0.0' "$T/tcp.err"; then
    pass console-tcp-loopback
else
    fail console-tcp-loopback "$(oneline "$T/tcp.err")"
fi

# A file; and a second UART attached the same way (--uart 1: nothing to say, but it exists).
"$SIM" --console "file:$T/console.txt" --uart "1:file:$T/u1.txt" --script "$T/echo.script" \
    "$DIR/echo-wifire.elf" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 0 ] && grep -q 'echo ready' "$T/console.txt" && [ ! -s "$T/out" ] &&
    [ -f "$T/u1.txt" ] && ! ls "$T"/console.txt.* >/dev/null 2>&1; then
    pass console-file
else
    fail console-file "status $rc: $(oneline "$T/err")"
fi
"$SIM" --console bogus "$DIR/echo-wifire.elf" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 2 ] && grep -q "expected stdio, pty" "$T/err" && pass console-bad-spec ||
    fail console-bad-spec "status $rc: $(oneline "$T/err")"

# The terminal: under a pseudo-terminal (script(1)) the LED status line appears in a scroll
# region that is given back at the end, and the terminal settings are the same afterwards.
if command -v script >/dev/null; then
    cmd="stty -a >$T/stty1; $SIM --max-cycles 2000000 $DIR/blink-wifire.elf; stty -a >$T/stty2"
    timeout 30 script -qec "$cmd" /dev/null </dev/null >"$T/tty.out" 2>&1
    if grep -q $'LD1 \u25CF' "$T/tty.out" && grep -q $'LD2 \u25CB' "$T/tty.out" &&
        grep -q $'\e\[1;[0-9]*r' "$T/tty.out" && grep -q $'\e\[r' "$T/tty.out" &&
        [ -s "$T/stty1" ] && cmp -s "$T/stty1" "$T/stty2"; then
        pass terminal-status-line
    else
        fail terminal-status-line "$(head -c 300 "$T/tty.out" | od -c | head -5 | tr '\n' ' ')"
    fi
fi

# ---- gdb -------------------------------------------------------------------------------
if command -v gdb-multiarch >/dev/null; then
    elf=$DIR/gdbt.elf
    sym() { "${CROSS}nm" "$elf" | awk -v s="$1" '$3 == s { print substr($1, length($1) - 7) }'; }
    tick=$(sym tick)
    next=$(printf '%08x' $((0x$tick + 4)))
    # gdb_session: one simulator + gdb-multiarch run; 0 when the session went as expected.
    # It is tried twice: under heavy load the stub has been seen to miss the stop after a
    # `continue` (a race still to find; the session then hits gdb's 60 s guard).  A broken stub
    # fails both tries.
    gdb_session() {
        "$SIM" --gdb 0 --max-cycles 4000000000 "$elf" >"$T/out" 2>"$T/gdb.err" &
        pid=$!
        pids+=("$pid")
        local ok=1
        if wait_for "$T/gdb.err" 'waiting for gdb on'; then
            port=$(sed -n 's/.*waiting for gdb on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$T/gdb.err")
            timeout 60 gdb-multiarch -batch -nx -ex 'set architecture mips:isa32r2' \
                -ex "file $elf" -ex "target remote 127.0.0.1:$port" \
                -ex 'printf "pc0 %08x\n", $pc' -ex 'break tick' -ex continue \
                -ex 'printf "hit %08x %d\n", $pc, counter' -ex continue \
                -ex 'printf "hit %08x %d\n", $pc, counter' -ex stepi \
                -ex 'printf "step %08x\n", $pc' -ex 'printf "sp %08x\n", $sp' \
                -ex 'x/4xw &pattern' -ex 'set var counter = 100' -ex continue \
                -ex 'printf "hit %08x %d\n", $pc, counter' -ex 'delete' -ex 'kill' \
                >"$T/gdb.out" 2>&1
            want="pc0 bfc00000|hit $tick 0|hit $tick 1|step $next|hit $tick 101"
            got=$(grep -E '^(pc0|hit|step) ' "$T/gdb.out" | tr '\n' '|')
            if [ "$got" = "$want|" ] &&
                grep -q '0x11223344	0x55667788	0x99aabbcc	0xddeeff00' "$T/gdb.out" &&
                grep -q '^sp 8007ff' "$T/gdb.out"; then
                ok=0
            else
                why="got '$got' want '$want|': $(grep -v '^$' "$T/gdb.out" | tail -5 | tr '\n' ' ')"
            fi
        else
            why="no port: $(oneline "$T/gdb.err")"
        fi
        for ((k = 0; k < 50; k++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        return $ok
    }
    why=
    if gdb_session || { echo "gdb-session: first try failed ($why); trying again"; gdb_session; }; then
        pass gdb-session
    else
        fail gdb-session "$why"
    fi
    clean "$T/gdb.err" && pass gdb-clean || fail gdb-clean "$(oneline "$T/gdb.err")"
else
    fail gdb-session "gdb-multiarch is not installed (make deps)"
fi

# ---- statistics, traces, boot loader ------------------------------------------------------
"$SIM" --stats --trace exc,irq,mmio --trace-file "$T/trace" --script "$T/echo.script" \
    "$DIR/echo-wifire.elf" >"$T/out" 2>"$T/err"
rc=$?
# UART4 is at physical 0x1F822600 (pic32mz-ef.md §4.1): TXREG +0x20, STA +0x10.
if [ $rc -eq 0 ] && grep -q '^stats: [0-9]* cycles = [0-9.]* s simulated at 200 MHz; [0-9]* instructions' "$T/err" &&
    grep -q '^stats: exceptions by cause: none' "$T/err" &&
    grep -q '^stats: interrupts by vector: none' "$T/err" && grep -q '^stats: TLB refills: 0' "$T/err" &&
    grep -q '^stats: VZ guest exits: none' "$T/err"; then
    pass stats
else
    fail stats "status $rc: $(oneline "$T/err")"
fi
if grep -q ' mmio write4 1f822620 <- 00000065 \[uart\]' "$T/trace" &&
    grep -q ' mmio read4 1f822610 -> ' "$T/trace"; then
    pass trace-mmio
else
    fail trace-mmio "$(head -3 "$T/trace" | tr '\n' ' ')"
fi
"$SIM" --trace insn --trace-file "$T/itrace" --max-cycles 3 "$DIR/echo-wifire.elf" >/dev/null 2>"$T/err"
# The first instructions: the reset stub at 0xBFC00000 (lui $k0 / addiu $k0 / jr $k0).
first=$(awk '{ print $1, $3 }' "$T/itrace" | tr '\n' '|')
[ "$first" = "0 bfc00000:|1 bfc00004:|2 bfc00008:|" ] && pass trace-insn ||
    fail trace-insn "got '$first'"
"$SIM" --trace bogus "$DIR/echo-wifire.elf" >/dev/null 2>"$T/err"
rc=$?
[ $rc -eq 2 ] && grep -q "'bogus' is not one of insn, exc, irq, mmio" "$T/err" && pass trace-bad ||
    fail trace-bad "status $rc: $(oneline "$T/err")"

# The chipKIT boot loader's way: start at 0x9D001000; a software reset comes back there.
printf 'expect "boot 1\\r\\n" within 10ms\nexpect "boot 2\\r\\n" within 10ms\n' >"$T/boot.script"
"$SIM" --bootloader --script "$T/boot.script" "$DIR/bootapp.elf" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && clean "$T/err" && pass bootloader || fail bootloader "status $rc: $(oneline "$T/err")"

exit $failed
