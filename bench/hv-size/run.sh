#!/usr/bin/env bash
# tinyVP footprint (issue 7/11 targets: code <= 16 KB without the generated tables, RAM <=
# 12 KB for two guests), from mipsel-linux-gnu-size -A of each built system:
#   code    .vectors + .entry + .text + .rodata, without the tables
#   tables  tvpconf's generated tables (read-only sections of gen/tvp_config.o)
#   eret    the LL-clear trampoline's page (.eretpage: 8 bytes used, a 4 KB page of flash)
#   RAM     .data + .bss (tables' bss, e.g. root thread stacks, included) + the exception stack
set -euo pipefail
B=${B:-build}
SIZE=${CROSS:-mipsel-linux-gnu-}size
sect() { # ELF-or-object AWK-REGEX: summed size of the matching sections
    "$SIZE" -A "$1" | awk -v re="$2" '$1 ~ re { s += $2 } END { print s + 0 }'
}
printf '%-14s %7s %7s %6s %7s %6s %6s %6s\n' system code tables eret RAM data bss stack
for name in demo-wifire two-guests bench-work2 bench-micro checks; do
    dir=$B/hv/$name
    [ -f "$dir/tinyvp.elf" ] || { printf '%-14s not built\n' "$name"; continue; }
    elf=$dir/tinyvp.elf
    cfg=$dir/obj/gen/tvp_config.o
    all=$(sect "$elf" '^\.(vectors|entry|text|rodata)$')
    tables=$(sect "$cfg" '^\.(rodata|data)')
    eret=$(sect "$elf" '^\.eretpage$')
    data=$(sect "$elf" '^\.data$')
    bss=$(sect "$elf" '^\.bss$')
    stack=$(sed -n 's/^#define TVP_VZSTACKSIZE \(0x[0-9a-fA-F]*\)u.*/\1/p' "$dir/gen/tvp_config.h")
    stack=$((${stack:-0}))
    printf '%-14s %7d %7d %6d %7d %6d %6d %6d\n' "$name" "$((all - tables))" "$tables" "$eret" \
        "$((data + bss + stack))" "$data" "$bss" "$stack"
done
echo "(bytes; code excludes the tables; RAM = data + bss + stack)"
