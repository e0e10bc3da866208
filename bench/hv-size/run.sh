#!/usr/bin/env bash
# tinyVP footprint (issue targets: code <= 16 KB without the generated tables, RAM <= 12 KB
# for two guests): mipsel-linux-gnu-size of the hypervisor and of its generated tables.
set -euo pipefail
SIZE=${CROSS:-mipsel-linux-gnu-}size
for name in two-guests checks; do
    dir=$B/hv/$name
    [ -f "$dir/tinyvp.elf" ] || { echo "$name: not built"; continue; }
    read -r text data bss _ < <("$SIZE" "$dir/tinyvp.elf" | tail -1)
    read -r ttext tdata tbss _ < <("$SIZE" "$dir/obj/gen/tvp_config.o" | tail -1)
    stack=$(sed -n 's/^#define TVP_VZSTACKSIZE \(0x[0-9a-f]*\)u.*/\1/p' "$dir/gen/tvp_config.h")
    code=$((text - ttext))
    ram=$((data + bss + stack))
    printf '%-11s code %6d B (text+rodata without tables)  tables %6d B  RAM %6d B (data %d + bss %d + stack %d)\n' \
        "$name" "$code" "$ttext" "$ram" "$data" "$bss" "$((stack))"
done
