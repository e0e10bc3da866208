#!/usr/bin/env bash
# tvpconf tests: every construct and every error of the configuration language (with its
# line number), the allocator, whole runs of the shipped configurations (their generated C
# compiled for the target), merge (cross-checked with srec_cat), and a bounded fuzz run.
# Expected values come from config-format.md / pic32mz-ef.md and from hand calculation.
set -uo pipefail
B=${B:-build}
TVPCONF=${TVPCONF:-$B/san/bin/tvpconf}
CROSS=${CROSS:-mipsel-linux-gnu-}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; fails=$((fails + 1)); }

LIB=configs/device.lib
BOARD=configs/boards/wifire

# ---- small guest and hypervisor ELFs (cross compiler) ----
mkdir -p "$T/img/build/target/guests/poll" "$T/img/build/target/guests/irq" "$T/img/build/target/guests/dma"
cat > "$T/g.c" <<'C'
int counter = 5;
int bss[100];
void _start(void) { for (;;) { counter++; bss[counter & 63]++; } }
C
cat > "$T/g.ld" <<'L'
ENTRY(_start)
SECTIONS {
  . = 0x9fc00000;
  .text : { *(.text*) *(.rodata*) }
  . = 0x80000000;
  .data : AT(LOADADDR(.text) + SIZEOF(.text)) { *(.data*) *(.sdata*) }
  .bss : { *(.bss*) *(.sbss*) *(COMMON) }
  /DISCARD/ : { *(.reginfo) *(.MIPS.abiflags) *(.pdr) *(.comment) *(.gnu.attributes) }
}
L
sed -e 's/0x9fc00000/0x9d001000/' -e 's/0x80000000/0x80078000/' "$T/g.ld" > "$T/hv.ld"
CFL="-march=m5100 -mno-abicalls -fno-pic -fno-pie -G0 -O2 -nostdlib -no-pie -static -Wl,--build-id=none"
if ! ${CROSS}gcc $CFL -T "$T/g.ld" "$T/g.c" -o "$T/guest.elf" ||
   ! ${CROSS}gcc $CFL -T "$T/hv.ld" "$T/g.c" -o "$T/hv.elf"; then
    fail setup "cannot build the test ELFs with ${CROSS}gcc"
    exit 1
fi
for g in poll irq dma; do cp "$T/guest.elf" "$T/img/build/target/guests/$g/guest.elf"; done
for g in poll irq; do # the per-board demo guests (configs/demo-dm320007.conf, demo-olimex.conf)
    for b in dm320007 olimex; do cp "$T/guest.elf" "$T/img/build/target/guests/$g/guest-$b.elf"; done
done
for g in test-a test-b; do cp "$T/guest.elf" "$T/img/build/target/guests/$g.elf"; done

run() { # run CONFIG [extra args]: output in $T/out, stdout $T/stdout, stderr $T/stderr
    local conf=$1; shift
    rm -rf "$T/out"; mkdir -p "$T/out"
    "$TVPCONF" -b "${RBOARD:-$BOARD}" -d "${RLIB:-$LIB}" --image-root "$T/img" -o "$T/out" "$@" \
        "$conf" > "$T/stdout" 2> "$T/stderr"
}

# ---- errors: each must print FILE:LINE: message, exit 1 and write nothing ----
# expect_error NAME LINE SUBSTRING  (config text on stdin; FILE is the config)
expect_error() {
    local name=$1 line=$2 sub=$3 file=${4:-$T/c.conf}
    [ "$file" = "$T/c.conf" ] && cat > "$T/c.conf" || cat > /dev/null
    run "$T/c.conf"
    local rc=$?
    if [ $rc -ne 1 ]; then fail "error-$name" "exit status $rc, expected 1"; return; fi
    local where="$file:$line:"
    [ "$line" = 0 ] && where="$file:"
    if ! grep -q "^$where .*$sub" "$T/stderr"; then
        fail "error-$name" "expected '$file:$line: ...$sub', got: $(head -3 "$T/stderr" | tr '\n' '|')"
        return
    fi
    if [ -n "$(ls -A "$T/out")" ]; then fail "error-$name" "output left behind"; return; fi
    pass "error-$name"
}

VM1='.vm
    id = 1
    .mmap
        ram = 0 0x1000 rw
    .'
expect_error unknown-key 3 "unknown key 'colour'" <<<".vm
    id = 1
    colour = 2
."
expect_error unknown-block 2 "unknown block '.foo'" <<<".vm
    .foo
    .
."
expect_error unknown-top-block 2 "unknown block '.mmap'" <<<"# comment
.mmap
."
expect_error unclosed-vm 1 "block '.vm' is not closed" <<<".vm
    id = 1"
expect_error unclosed-list 4 "list 'regs =' is not closed" <<<".vm
    id = 1
    .device
        regs =
            0x1f840000 0x100 rwu"
expect_error stray-end 1 "closes no block" <<<"."
expect_error bad-number 3 "malformed number '0x12g'" <<<".vm
    id = 1
    entry = 0x12g
."
expect_error number-too-big 2 "does not fit in 32 bits" <<<".vm
    id = 0x100000000
."
expect_error vm-id-range 2 "VM id 8 out of range 1..7" <<<".vm
    id = 8
."
expect_error vm-id-repeated 11 "VM id 1 is used twice" <<<"$VM1
.
.vm
    id = 2
.
.vm
    id = 1
."
expect_error vm-no-id 1 "VM has no 'id ='" <<<".vm
."
expect_error device-missing 3 "device 'nosuch' is not in the device library" <<<".vm
    id = 1
    device = nosuch
."
expect_error device-twice-in-two-vms 13 "device 'uart1' is not shared" <<<"$VM1
    device = uart1
.
.vm
    id = 2
    .mmap
        ram = 0 0x1000 rw
    .
    device = uart1
."
expect_error irq-twice 13 "IRQ 9 is already owned by VM 1" <<<"$VM1
    irq = 9
.
.vm
    id = 2
    .mmap
        ram = 0 0x1000 rw
    .
    irq = 9
."
expect_error irq-reserved 3 "IRQ 108 is a reserved vector" <<<".vm
    id = 1
    irq = 108
."
expect_error memory-overlap 10 "overlaps VM 1 region" <<<".vm
    id = 1
    .mmap
        data = 0 0x2000 rw
    .
.
.vm
    id = 2
    .mmap
        data = 0x1000 0x1000 rw 0x1000
    .
."
expect_error overlap-tinyvp-data 4 "overlaps tinyVP's data and stack" <<<".vm
    id = 1
    .mmap
        data = 0x78000 0x1000 rw
    .
."
expect_error overlap-tinyvp-code 4 "overlaps tinyVP's code" <<<".vm
    id = 1
    .mmap
        code = 0x1fc00000 0x1000 rx 0x1d000000
    .
."
expect_error ram-outside-pool 4 "outside the board's ram pool" <<<".vm
    id = 1
    .mmap
        data = 0x7a000 0x1000 rw 0x7a000
    .
."
expect_error beyond-chip 4 "beyond the chip" <<<".vm
    id = 1
    .mmap
        data = 0x10000000 0x1000 rw
    .
."
expect_error rom-exhausted 4 "no room for 0x300000 bytes" <<<".vm
    id = 1
    .mmap
        rom = 0x9fc00000 0x300000 rx 0x1000
    .
."
expect_error dma-not-pow2 3 "not a power of two" <<<".vm
    id = 1
    dma = 0 0x3000 rw
."
expect_error dma-unaligned 3 "not aligned to its size" <<<".vm
    id = 1
    dma = 0x1000 0x2000 rw
."
expect_error dma-gpa-rpa 3 "differs from its physical" <<<".vm
    id = 1
    dma = 0x10000 0x10000 rw 0x20000
."
DMAVM() { printf '.vm\n    id = %s\n    dma = %s 0x1000 rw\n    .device\n        name = d%s\n        dma-cfgpg-position = %s\n    .\n.\n' "$1" "$2" "$1" "$3"; }
{ DMAVM 1 0x10000 4; DMAVM 2 0x20000 8; DMAVM 3 0x30000 16; } > "$T/dma3.conf"
expect_error too-many-dma-guests 20 "more DMA guests than the bus arbiter can fence" < "$T/dma3.conf"
expect_error dma-without-zone 3 "has no 'dma =' zone" <<<".vm
    id = 1
    .device
        name = d
        dma-cfgpg-position = 4
    .
."
expect_error e-with-a 5 "'e' cannot be combined with 'a' or 't'" <<<".vm
    id = 1
    .device
        name = d
        regs = 0x1f840000 0x100 rwea
        emulator = console
    .
."
expect_error x-on-device 4 "cannot be executable" <<<".vm
    id = 1
    .device
        regs = 0x1f840000 0x1000 rx
    .
."
expect_error unknown-flag 4 "unknown flag letter 'q'" <<<".vm
    id = 1
    .mmap
        data = 0 0x1000 rwq
    .
."
expect_error unknown-emulator 4 "tinyVP has no emulator 'vga'" <<<".vm
    id = 1
    .device
        emulator = vga
    .
."
expect_error e-without-emulator 5 "names no emulator" <<<".vm
    id = 1
    .device
        name = d
        regs = 0x1f840000 0x100 erwu
    .
."
expect_error x-smaller-than-4k 4 "smaller than 4 KB" <<<".vm
    id = 1
    .mmap
        code = 0x1d100000 0x800 rx
    .
."
expect_error thread-srs-of-vm 7 "shadow register set 1 belongs to VM 1" <<<"$VM1
.
.thread
    id = 8
    entry = loop
    srs = 1
."
expect_error thread-no-entry 1 "thread has no 'entry ='" <<<".thread
    id = 8
."
expect_error setup-not-sfr 3 "is not a special function register" <<<".vm
    id = 1
    setup = 0x1000 1
."
expect_error gpa-mapped-twice 5 "are mapped twice" <<<".vm
    id = 1
    .mmap
        data = 0 0x2000 rw
        data = 0x1000 0x1000 rw 0x10000
    .
."
expect_error partial-page-memory 4 "not made of whole 4 KB pages" <<<".vm
    id = 1
    .mmap
        data = 0x100 0x1000 rw
    .
."
# GuestID width: the M5150 of the PIC32MZ-EF implements 3 bits (sim/cpu/cp0_reset.c), 1..7
expect_error gid-too-wide 3 "gid 8 does not fit the 3-bit GuestID" <<<".vm
    id = 1
    gid = 8
."
{ cat "$BOARD"; echo "guestid-bits = 2"; } > "$T/gid2.board"
RBOARD="$T/gid2.board" expect_error gid-default-too-wide 2 "GuestID (= id) 4 does not fit the 2-bit" <<<".vm
    id = 4
."
printf 'rom = 0x1d010000 0x1d200000\nguestid-bits = 9\n' > "$T/gid9.board"
RBOARD="$T/gid9.board" expect_error board-guestid-bits 2 "guestid-bits 9 out of range 1..8" "$T/gid9.board" <<<""
printf '.device\n    name = a\n.\n.device\n    name = a\n.\n' > "$T/dup.lib"
RLIB="$T/dup.lib" expect_error lib-duplicate 4 "device 'a' is defined twice" "$T/dup.lib" <<<""
printf '.device\n    irq = 1\n.\n' > "$T/noname.lib"
RLIB="$T/noname.lib" expect_error lib-no-name 1 "device has no 'name ='" "$T/noname.lib" <<<""
printf 'rom = 0x1d010000 0x1d200000\ncolour = red\n' > "$T/bad.board"
RBOARD="$T/bad.board" expect_error board-unknown-key 2 "unknown board key 'colour'" "$T/bad.board" <<<""
printf 'rom = 0x1d200000 0x1d010000\n' > "$T/bad2.board"
RBOARD="$T/bad2.board" expect_error board-pool-order 1 "is not above start" "$T/bad2.board" <<<""
printf 'rom = 0x1d010000 0x1d200000\nram = 0 0x78000\nvzcode = 0x9d000000\n' > "$T/bad3.board"
RBOARD="$T/bad3.board" expect_error board-missing-key 0 "board file has no .vzdata =." "$T/bad3.board" <<<""

# ---- every construct: values checked in the generated tables ----
cat > "$T/img/x.map" <<'M'
# a map file as the original tool wrote them
    entry = 0x9fc00000
    .mmap
        rom = 0x9fc00000 0x1800 rx 0x1000
        ram = 0x80000000 0x400 rw 0x1000
    .
M
cp tests/fuzz/tvpconf/constructs.conf "$T/k.conf"
# constructs.conf gives gid = 9: a board whose core implements a 4-bit GuestID (1..15)
{ cat "$BOARD"; echo "guestid-bits = 4"; } > "$T/gid4.board"
if RBOARD="$T/gid4.board" run "$T/k.conf"; then
    C="$T/out/tvp_config.c"
    ok=1; why=
    chk() { grep -q -- "$1" "$2" || { ok=0; why="$why [$3]"; }; }
    # entry given after the map file wins; gid
    chk '.entry = 0x9fc00010u' "$C" entry
    chk '.guestid = 9,' "$C" gid
    chk '#define TVP_GUESTID_BITS 4' "$T/out/tvp_config.h" guestid-bits
    # .setup: consecutive words from 0x1f801400; setup = ADDRESS VALUE
    grep -A1 '.addr = 0x1f801408u' "$C" | grep -q '.value = 0x00000003u' || { ok=0; why="$why [.setup third word]"; }
    grep -A1 '.addr = 0x1f860610u' "$C" | grep -q '.value = 0x00000040u' || { ok=0; why="$why [setup]"; }
    # thread: symbol entry, user mode, explicit stack and sp
    chk '.entry = loop,' "$C" thread-entry
    chk '.mode = TVP_THREAD_USER,' "$C" thread-mode
    chk '.sp = (void \*)0x80079400u,' "$C" thread-sp
    # DMA guest: CFGPG field at bit 8 = group 1; zone in RAM bank 2 (T3 region 1 = 0x40000, 16 KB:
    # SIZE = log2(16K) - 9 = 5 -> 0x40000 | 5 << 3 = 0x40028, pic32mz-ef.md §8.4)
    chk '#define TVP_CFGPG 0x00000100u' "$T/out/tvp_config.h" cfgpg
    grep -A1 '.addr = 0x1f8f8c60u' "$C" | grep -q '.value = 0x00040028u' || { ok=0; why="$why [SBT3REG1]"; }
    # dma-set 3: SBT7REG1 (0x1f8f9c60) opened, 64 KB at 0x1f840000 -> 0x1f840038; RD1 = groups 0,1
    grep -A1 '.addr = 0x1f8f9c60u' "$C" | grep -q '.value = 0x1f840038u' || { ok=0; why="$why [SBT7REG1]"; }
    grep -A1 '.addr = 0x1f8f9c70u' "$C" | grep -q '.value = 0x00000003u' || { ok=0; why="$why [SBT7RD1]"; }
    # pmd4 = 0 clears bit 0 of the board's PMD4 (0xffffffff)
    chk '0xfffffffeu' "$C" pmd4
    # IRQ 9 and 14 (irq =) and 4 (device) owned by VM 3: IFS0 bits 4, 9, 14 = 0x4210
    grep -A1 '.irq_owned = {' "$C" | grep -q '0x00004210u,' || { ok=0; why="$why [irq-owned]"; }
    # the last rom wins over the map file's (0x2000 bytes, alignment 0x4000 -> 0x1d010000 is
    # 16 KB aligned: first fit); rom from the map file is gone
    grep -q 'rom    gpa 0x1fc00000..0x1fc01fff -> rpa 0x1d010000' "$T/stdout" || { ok=0; why="$why [rom last wins]"; }
    [ "$(grep -c '^  rom ' "$T/stdout")" = 1 ] || { ok=0; why="$why [one rom]"; }
    # trapped page with the 0x40 bytes of device t: words 0..15 -> mask word 0 = 0x0000ffff
    grep -A3 '.gpa = 0x1f840000u' "$C" | grep -q '0x0000ffffu' || { ok=0; why="$why [mask]"; }
    [ $ok = 1 ] && pass constructs || fail constructs "$why"
else
    fail constructs "$(head -3 "$T/stderr" | tr '\n' '|')"
fi

# ---- allocator: VM order, alignment, around fixed regions ----
cat > "$T/a.conf" <<'A'
.vm
    id = 2
    dma = 0 0x10000 rw
    .mmap
        rom = 0x9fc00000 0x3000 rx 0x1000
        ram = 0x20000 0x1000 rw 0x1000
    .
.
.vm
    id = 1
    .mmap
        rom = 0x9fc00000 0x1000 rx 0x10000
        ram = 0x4000 0x4000 rw 0x1000
    .
.
A
# Expected (first fit in file order, config-format.md): VM 2 rom at the pool start 0x1d010000
# (0x3000 bytes); VM 2 ram: the DMA zone holds 0..0xffff, so 0x10000; VM 1 rom: next 64 KB
# boundary after 0x1d013000 = 0x1d020000; VM 1 ram (16 KB, gpa 0x4000): first 16 KB-aligned
# free address congruent to 0x4000 mod 16 KB above 0x11000 = 0x14000.
if run "$T/a.conf"; then
    exp="0x1d010000 0x00010000 0x1d020000 0x00014000"
    # stdout lists VMs in file order with mmap in statement order (dma, rom, ram)
    got=$(grep -E '^  (rom|ram) ' "$T/stdout" | awk '{print $6}' | xargs)
    [ "$got" = "$exp" ] && pass allocator || fail allocator "expected $exp, got $got"
else
    fail allocator "$(head -3 "$T/stderr" | tr '\n' '|')"
fi

# ---- guest code extents per segment cluster (docs/tvpconf.md, "Guest extents") ----
# A hello-shaped guest as XC32 and guests/rt/pic32mz.ld link it: a reset stub in boot flash
# (0xbfc00000, guest physical 0x1fc00000), code in program flash (0x9d000000, GPA 0x1d000000)
# and initialised data in RAM loaded from flash after the code.
mkdir -p "$T/img2/build/target/guests/poll" "$T/img2/build/target/guests/irq"
cat > "$T/h.c" <<'C'
int counter = 5;
int bss[100];
void main_loop(void) { for (;;) { counter++; bss[counter & 63]++; } }
/* boot flash and program flash are in different 256 MB regions: jump through a register */
__asm__(".section .reset,\"ax\",@progbits\n.globl _reset\n_reset:\n"
        "la $t0, main_loop\njr $t0\nnop\n.previous\n");
C
cat > "$T/h.ld" <<'L'
ENTRY(_reset)
MEMORY {
  boot (rx) : ORIGIN = 0xbfc00000, LENGTH = 0x1000
  flash (rx) : ORIGIN = 0x9d000000, LENGTH = 0x200000
  ram (rw) : ORIGIN = 0x80000000, LENGTH = 0x10000
}
SECTIONS {
  .reset : { KEEP(*(.reset)) } > boot
  .text : { *(.text*) *(.rodata*) } > flash
  .data : { *(.data*) *(.sdata*) } > ram AT > flash
  .bss : { *(.bss*) *(.sbss*) *(COMMON) } > ram
  /DISCARD/ : { *(.reginfo) *(.MIPS.abiflags) *(.pdr) *(.comment) *(.gnu.attributes) }
}
L
# Clustering: A at 0x9d000000 and B 16 KB after A's page share one extent; C, 20 KB after
# B's page, is an extent of its own.
cat > "$T/c.S" <<'S'
    .section .a, "ax"
    .globl _reset
_reset: .word 0x11111111
    .section .b, "a"
    .word 0x22222222
    .section .c, "a"
    .word 0x33333333
S
cat > "$T/c.ld" <<'L'
ENTRY(_reset)
PHDRS { a PT_LOAD; b PT_LOAD; c PT_LOAD; }
SECTIONS {
  .a 0x9d000000 : { *(.a) } :a
  .b 0x9d005000 : { *(.b) } :b
  .c 0x9d00b000 : { *(.c) } :c
  /DISCARD/ : { *(.reginfo) *(.MIPS.abiflags) *(.pdr) *(.comment) *(.gnu.attributes) }
}
L
if ${CROSS}gcc $CFL -T "$T/h.ld" "$T/h.c" -o "$T/hello.elf" &&
   ${CROSS}gcc $CFL -T "$T/c.ld" "$T/c.S" -o "$T/clus.elf"; then
    cp "$T/hello.elf" "$T/img2/build/target/guests/poll/guest.elf"
    cp "$T/hello.elf" "$T/img2/build/target/guests/irq/guest.elf"
    # segments: reset stub, code (+ .data's load image), data in RAM: three PT_LOADs
    nload=$(${CROSS}readelf -lW "$T/hello.elf" | grep -c '^ *LOAD')
    if [ "$nload" != 3 ]; then
        fail extents-two-segments "test guest has $nload PT_LOAD segments, expected 3"
    elif "$TVPCONF" -b "$BOARD" -d "$LIB" --image-root "$T/img2" configs/demo-wifire.conf \
        > "$T/hstdout" 2> "$T/stderr"; then
        # each VM: rom 0x1d000000..0x1d000fff and rom 0x1fc00000..0x1fc00fff, separately placed
        # in the pool 0x1d010000..0x1d1fffff, four distinct 4 KB pieces of flash
        roms=$(grep -E '^  rom ' "$T/hstdout" | awk '{print $3}' | xargs)
        rpas=$(grep -E '^  rom ' "$T/hstdout" | awk '{print $6}' | sort -u | wc -l)
        inpool=
        for r in $(grep -E '^  rom ' "$T/hstdout" | awk '{print $6}'); do
            [ $((r)) -ge $((0x1d010000)) ] && [ $((r)) -le $((0x1d1ff000)) ] || inpool="$inpool $r"
        done
        exp="0x1d000000..0x1d000fff 0x1fc00000..0x1fc00fff 0x1d000000..0x1d000fff 0x1fc00000..0x1fc00fff"
        if [ "$roms" != "$exp" ]; then
            fail extents-two-segments "rom extents: expected $exp, got $roms"
        elif [ "$rpas" != 4 ] || [ -n "$inpool" ]; then
            fail extents-two-segments "rom rpas not 4 distinct pages in the pool"
        else
            pass extents-two-segments
        fi
        # the TLB: each guest's entries printed; both guests together within the 16-entry TLB
        grep -E '^vm[0-9]+: [0-9]+ TLB entries' "$T/hstdout" | sed 's/$/ (hello-shaped guests)/'
        sum=$(grep -E '^vm[0-9]+: [0-9]+ TLB entries' "$T/hstdout" | awk '{s += $2} END {print s + 0}')
        n=$(grep -cE '^vm[0-9]+: [0-9]+ TLB entries' "$T/hstdout")
        [ "$n" = 2 ] && [ "$sum" -le 16 ] && pass demo-hello-tlb-fits ||
            fail demo-hello-tlb-fits "$n VMs need $sum TLB entries, more than 16"
    else
        fail extents-two-segments "$(head -3 "$T/stderr" | tr '\n' '|')"
    fi
    # merge: each segment's bytes at the flash allocated for the extent holding it
    if "$TVPCONF" merge -b "$BOARD" -d "$LIB" --image-root "$T/img2" --hv "$T/hv.elf" \
        --srec "$T/h.srec" configs/demo-wifire.conf > "$T/mstdout" 2> "$T/stderr"; then
        ok=1; why=
        for vm in 1 2; do
            for sec in .reset .text .data; do
                # load address of the section (LMA) in guest physical terms
                lma=$(${CROSS}objdump -h "$T/hello.elf" | awk -v s=$sec '$2 == s {print "0x" $5}')
                g=$((lma & 0x1fffffff))
                # the extent that holds it and where it was allocated
                ext=
                while read -r range rpa; do
                    lo=$((${range%%..*})); hi=$((${range##*..}))
                    [ $g -ge $lo ] && [ $g -le $hi ] && ext="$lo $((rpa))"
                done < <(awk -v vm=vm$vm: '$1 == vm {v=1; next} /^vm[0-9]+:/ {v=0}
                    v && $1 == "rom" && $2 == "gpa" {print $3, $6}' "$T/hstdout")
                [ -n "$ext" ] || { ok=0; why="$why [vm$vm $sec: no extent]"; continue; }
                set -- $ext
                at=$(( $2 + g - $1 ))
                ${CROSS}objcopy -O binary -j $sec "$T/hello.elf" "$T/s.bin"
                n=$(stat -c %s "$T/s.bin")
                srec_cat "$T/h.srec" -crop $at $((at + n)) -offset -$at -o "$T/s2.bin" -binary 2>/dev/null
                cmp -s "$T/s.bin" "$T/s2.bin" || { ok=0; why="$why [vm$vm $sec not at $(printf 0x%x $at)]"; }
            done
        done
        [ $ok = 1 ] && pass merge-two-segments || fail merge-two-segments "$why"
    else
        fail merge-two-segments "$(head -3 "$T/stderr" | tr '\n' '|')"
    fi
    # clustering rule: A+B (16 KB apart) one extent, C (20 KB further) another
    mkdir -p "$T/img3"; cp "$T/clus.elf" "$T/img3/clus.elf"
    printf '.vm\n    id = 1\n    elf = clus.elf\n.\n' > "$T/clus.conf"
    if "$TVPCONF" -b "$BOARD" -d "$LIB" --image-root "$T/img3" "$T/clus.conf" > "$T/cstdout" 2> "$T/stderr"; then
        roms=$(grep -E '^  rom ' "$T/cstdout" | awk '{print $3}' | xargs)
        exp="0x1d000000..0x1d005fff 0x1d00b000..0x1d00bfff"
        [ "$roms" = "$exp" ] && pass extents-cluster-gap || fail extents-cluster-gap "expected $exp, got $roms"
    else
        fail extents-cluster-gap "$(head -3 "$T/stderr" | tr '\n' '|')"
    fi
    # a later rom line replaces all of the ELF's code extents (they count as one statement)
    printf '.vm\n    id = 1\n    elf = clus.elf\n    .mmap\n        rom = 0x9d000000 0x10000 rx 0x1000\n    .\n.\n' > "$T/clus2.conf"
    if "$TVPCONF" -b "$BOARD" -d "$LIB" --image-root "$T/img3" "$T/clus2.conf" > "$T/cstdout" 2> "$T/stderr"; then
        roms=$(grep -E '^  rom ' "$T/cstdout" | awk '{print $3}' | xargs)
        [ "$roms" = "0x1d000000..0x1d00ffff" ] && pass extents-replaced-by-rom ||
            fail extents-replaced-by-rom "got $roms"
    else
        fail extents-replaced-by-rom "$(head -3 "$T/stderr" | tr '\n' '|')"
    fi
else
    fail extents-two-segments "cannot build the two-segment guest with ${CROSS}gcc"
fi

# ---- shipped configurations: run, compile the tables for the target, TLB entries ----
for pair in demo-wifire:wifire demo-dma:wifire demo-dm320007:dm320007 demo-olimex:olimex \
    test-two-guests:wifire; do
    conf=${pair%%:*}; board=${pair##*:}
    if ! RBOARD=configs/boards/$board run configs/$conf.conf; then
        fail "config-$conf" "$(head -3 "$T/stderr" | tr '\n' '|')"; continue
    fi
    if ! grep -q "generated by tvpconf from configs/$conf.conf; do not edit" "$T/out/tvp_config.c"; then
        fail "config-$conf" "no 'generated by' line"; continue
    fi
    if ! ${CROSS}gcc -std=c11 -Wall -Wextra -Werror -march=m5100 -mno-abicalls -fno-pic -G0 \
        -ffreestanding -Iinclude -I"$T/out" -c "$T/out/tvp_config.c" -o "$T/out/t.o" 2> "$T/cc"; then
        fail "config-$conf" "generated C does not compile: $(head -3 "$T/cc" | tr '\n' '|')"; continue
    fi
    pass "config-$conf"
    if [ "$conf" = demo-wifire ]; then
        grep -E '^vm[0-9]+: [0-9]+ TLB entries' "$T/stdout"
        bad=$(grep -E '^vm[0-9]+: [0-9]+ TLB entries' "$T/stdout" | awk '$2 > 5')
        n=$(grep -cE '^vm[0-9]+: [0-9]+ TLB entries' "$T/stdout")
        [ "$n" = 2 ] && [ -z "$bad" ] && pass demo-tlb-entries-le-5 ||
            fail demo-tlb-entries-le-5 "over 5 or not printed: $bad"
    fi
done

# ---- merge: image content cross-checked with srec_cat and objcopy ----
rm -f "$T/m.srec" "$T/m.hex"
if "$TVPCONF" merge -b "$BOARD" -d "$LIB" --image-root "$T/img" --hv "$T/hv.elf" \
    --srec "$T/m.srec" --hex "$T/m.hex" configs/demo-wifire.conf > "$T/mstdout" 2> "$T/stderr"; then
    ok=1; why=
    # both formats hold the same bytes (srec_cat reads each independently)
    srec_cat "$T/m.srec" -o "$T/a.bin" -binary 2>/dev/null
    srec_cat "$T/m.hex" -intel -o "$T/b.bin" -binary 2>/dev/null
    cmp -s "$T/a.bin" "$T/b.bin" || { ok=0; why="$why [srec != hex]"; }
    # VM 1's code (guest 0x9fc00000, .text + .data load image) is at its allocated rpa
    rpa=$("$TVPCONF" -b "$BOARD" -d "$LIB" --image-root "$T/img" configs/demo-wifire.conf |
        awk '/^vm1: guestid/{v=1} /^vm2: guestid/{v=0} v && /^  rom/{print $6}')
    ${CROSS}objcopy -O binary "$T/guest.elf" "$T/g.bin"
    n=$(stat -c %s "$T/g.bin")
    srec_cat "$T/m.srec" -crop $rpa $((rpa + n)) -offset -$rpa -o "$T/g2.bin" -binary 2>/dev/null
    cmp -s "$T/g.bin" "$T/g2.bin" || { ok=0; why="$why [guest code not at $rpa]"; }
    # tinyVP at its link address 0x1d001000
    ${CROSS}objcopy -O binary "$T/hv.elf" "$T/h.bin"
    n=$(stat -c %s "$T/h.bin")
    srec_cat "$T/m.srec" -crop 0x1d001000 $((0x1d001000 + n)) -offset -0x1d001000 -o "$T/h2.bin" -binary 2>/dev/null
    cmp -s "$T/h.bin" "$T/h2.bin" || { ok=0; why="$why [tinyVP not at 0x1d001000]"; }
    grep -q 'guest flash pool' "$T/mstdout" || { ok=0; why="$why [no memory map printed]"; }
    [ $ok = 1 ] && pass merge || fail merge "$why"
else
    fail merge "$(head -3 "$T/stderr" | tr '\n' '|')"
fi
# merge with configuration words (dm320007): DEVCFG3..0 at 0x1fc0ffc0 (pic32mz-ef.md §10.1, §10.4)
sed -e 's/0x9d001000/0x9fc00000/' -e 's/0x80000000/0x80078000/' "$T/g.ld" > "$T/hvb.ld"
${CROSS}gcc $CFL -T "$T/hvb.ld" "$T/g.c" -o "$T/hvb.elf"
if "$TVPCONF" merge -q -b configs/boards/dm320007 -d "$LIB" --image-root "$T/img" --hv "$T/hvb.elf" \
    --hex "$T/d.hex" configs/demo-dm320007.conf 2> "$T/stderr"; then
    srec_cat "$T/d.hex" -intel -crop 0x1fc0ffc0 0x1fc0ffd0 -o - -hex-dump 2>/dev/null | head -1 > "$T/dump"
    grep -qi 'FF FF FF FE 1A B1 F9 FF 39 38 74 3F D7 F7 FF FF' "$T/dump" && pass merge-devcfg ||
        fail merge-devcfg "words: $(cat "$T/dump")"
else
    fail merge-devcfg "$(head -3 "$T/stderr" | tr '\n' '|')"
fi
# a merge that fails (tinyVP outside its code area) leaves no image behind
"$TVPCONF" merge -q -b configs/boards/dm320007 -d "$LIB" --image-root "$T/img" --hv "$T/hv.elf" \
    --srec "$T/e.srec" --hex "$T/e.hex" configs/demo-dm320007.conf 2> "$T/stderr"
rc=$?
if [ $rc -eq 0 ]; then
    fail merge-error "merge succeeded"
elif [ -e "$T/e.srec" ] || [ -e "$T/e.hex" ]; then
    fail merge-error "image left behind"
elif grep -q "outside tinyVP's code" "$T/stderr"; then
    pass merge-error
else
    fail merge-error "$(head -2 "$T/stderr" | tr '\n' '|')"
fi

# ---- --help ----
"$TVPCONF" --help | grep -q 'usage: tvpconf' && pass help || fail help "no usage text"

# ---- bounded fuzz run of the parsers (corpus: tests/fuzz/tvpconf) ----
FUZZ=$B/fuzz/bin/fuzz-tvpconf
if [ -x "$FUZZ" ]; then
    mkdir -p "$T/corpus"
    if "$FUZZ" -max_total_time=${FUZZ_SECONDS:-30} -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$T/" "$T/corpus" tests/fuzz/tvpconf > "$T/fuzz.log" 2>&1; then
        pass "fuzz ($(grep -o 'Done [0-9]* runs' "$T/fuzz.log"))"
    else
        fail fuzz "$(grep -m3 -E 'ERROR|SUMMARY|runtime error' "$T/fuzz.log" | tr '\n' '|') (input: $(ls "$T"/crash-* "$T"/timeout-* 2>/dev/null | head -1))"
    fi
else
    fail fuzz "$FUZZ not built: clang's libFuzzer runtime (Debian package libclang-rt-14-dev) is missing"
fi

[ $fails -eq 0 ]
