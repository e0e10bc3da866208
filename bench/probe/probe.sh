# Shell helpers for the benchmarks that use sim-probe (sourced by bench/*/run.sh).
# 1 instruction = 1 cycle at 200 MHz; Count ticks = cycles / 2.
B=${B:-build}
PROBE=${PROBE:-$B/rel/bin/sim-probe}
CROSS=${CROSS:-mipsel-linux-gnu-}
HZ=200000000

# sym NAME ELF: the symbol's address as 0x%x (32 bits), or nothing.
sym() {
    local v
    v=$("${CROSS}nm" "$2" 2>/dev/null | awk -v s="$1" '$3 == s { print $1; exit }')
    [ -n "$v" ] && printf '0x%x' $((0x$v & 0xffffffff))
}

# field LINE KEY: the value of KEY=... in a sim-probe output line.
field() {
    sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"
}

# refill_point TINYVP_ELF: the address of tlb_refill's call that writes a TLB entry (one per
# real refill of a mapped page; emulated registers are handled from the refill vector too,
# without writing an entry: hv/core/tlb.c), or nothing if the code no longer looks like that.
refill_point() {
    "${CROSS}objdump" -d "$1" 2>/dev/null | awk '
        /^[0-9a-f]+ <tlb_refill>:/ { on = 1; next }
        /^[0-9a-f]+ </ { on = 0 }
        on && /jal[ \t]+[0-9a-f]+ <write_entry>/ { sub(":", "", $1); print "0x" $1; exit }'
}

# span_row LABEL "span ..." line: "LABEL  n  median (ticks)  max (ticks)".
span_row() {
    local n med max
    n=$(field "$2" n)
    if [ -z "$n" ] || [ "$n" = 0 ]; then
        printf '%-38s %s\n' "$1" "no events (${3:-see above})"
        return
    fi
    med=$(field "$2" median)
    max=$(field "$2" max)
    printf '%-38s %6s %8s %8s %8s %8s\n' "$1" "$n" "$med" "$(awk -v c="$med" 'BEGIN { printf "%g", c / 2 }')" \
        "$max" "$(awk -v c="$max" 'BEGIN { printf "%g", c / 2 }')"
}
