#!/usr/bin/env bash
# Loader tests: the simulator's ELF, S-record and Intel HEX loaders (sim/host/loader*.c, issue 2).
#
# loader-probe (sanitized build) loads a file into a fake PIC32MZ-EF memory map and reports the
# entry, the written ranges and, on request, the bytes.  Expected values never come from the
# loaders themselves:
#   - valid images are built from image.S/image.ld with the cross toolchain and converted by
#     objcopy and srec_cat; their bytes are checked against objcopy -O binary, against srec_cat
#     (reading the text file back), and against constants written in image.S;
#   - ranges and entries of text files are checked against srec_info's reading of the same file;
#   - malformed files (bad/, handwritten, and ELF copies patched here) must fail with the exact
#     message of the loader contract: FILE:LINE: ... or FILE: offset 0x...: ...
# Then a bounded libFuzzer run (FUZZ_TIME seconds, default 20) over tests/fuzz/loaders/.
set -uo pipefail

B=${B:-build}
CROSS=${CROSS:-mipsel-linux-gnu-}
PROBE=$B/san/bin/loader-probe
FUZZ=$B/fuzz/bin/fuzz-loaders
IMG=$B/target/loaders/image.elf
BAD=tests/loaders/bad
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failed=0

pass() { echo "PASS $1"; }
fail() {
    echo "FAIL $1: $2"
    failed=1
}

for f in "$PROBE" "$IMG"; do
    if [ ! -e "$f" ]; then
        fail build "$f missing (run make all)"
        exit 1
    fi
done

# ---------------------------------------------------------------- helpers

# probe NAME FILE [--dump ...]: runs the probe; stdout in $T/out, stderr in $T/err, status in $rc.
probe() {
    local name=$1
    shift
    "$PROBE" "$@" >"$T/out" 2>"$T/err"
    rc=$?
    if grep -q 'Sanitizer' "$T/err"; then
        fail "$name" "sanitizer report: $(grep -m1 'ERROR\|runtime error' "$T/err")"
        return 1
    fi
    return 0
}

# expect_ok NAME FILE EXPECTED [--dump ...]: loads; entry and ranges must equal EXPECTED.
expect_ok() {
    local name=$1 file=$2 want=$3
    shift 3
    probe "$name" "$file" "$@" || return 1
    if [ "$rc" -ne 0 ]; then
        fail "$name" "exit $rc: $(head -c 300 "$T/err")"
        return 1
    fi
    local got
    got=$(grep -v '^writes' "$T/out")
    if [ "$got" != "$want" ]; then
        fail "$name" "got [$(echo "$got" | tr '\n' ' ')] want [$(echo "$want" | tr '\n' ' ')]"
        return 1
    fi
    return 0
}

# expect_err NAME FILE MESSAGE [WRITES]: exit 2 and stderr exactly FILE + MESSAGE; the sink saw
# WRITES calls, a glob (default 0: a malformed file never reaches memory; a sink refusal comes
# after the pieces before it were written).
expect_err() {
    local name=$1 file=$2 msg=$3 writes=${4:-0}
    probe "$name" "$file" || return
    local got
    got=$(cat "$T/err")
    if [ "$rc" -ne 2 ]; then
        fail "$name" "exit $rc, want 2 (stderr: $got)"
    elif [ "$got" != "$file$msg" ]; then
        fail "$name" "message [$got] want [$file$msg]"
    elif [[ "$(cat "$T/out")" != "writes "$writes ]]; then
        fail "$name" "$(cat "$T/out"), want $writes"
    else
        pass "$name"
    fi
}

# same_bytes NAME GOT WANT: compares two binary files.
same_bytes() {
    if ! cmp -s "$2" "$3"; then
        fail "$1" "bytes of $(basename "$2") differ from $(basename "$3"): $(cmp "$2" "$3" 2>&1 | head -1)"
        return 1
    fi
    return 0
}

# word FILE OFFSET: the little-endian 32-bit word at OFFSET, as 8 lowercase hex digits.
word() {
    od -An -tx4 -j "$2" -N4 "$1" | tr -d ' \n'
}

# phys ADDR: KSEG0/KSEG1 -> physical (pic32mz-ef.md §1.1), for the reference side.
phys() {
    local a=$(($1))
    if [ $a -ge $((0x80000000)) ] && [ $a -le $((0xBFFFFFFF)) ]; then
        a=$((a & 0x1FFFFFFF))
    fi
    echo $a
}

# oracle NAME FILE FORMATFLAG: the entry and the physical ranges must equal srec_info's reading
# of FILE, and every range's bytes what srec_cat reads from it.
oracle() {
    local name=$1 file=$2 flag=$3 info entry want lo hi i=0 args=()
    if ! info=$(srec_info "$file" $flag 2>/dev/null); then
        fail "$name" "srec_info cannot read $file"
        return 1
    fi
    entry=$(echo "$info" | sed -n 's/^Execution Start Address: *//p')
    # "Data:   LO - HI" and continuation lines "        LO - HI" (file addresses, merged).
    echo "$info" | sed -n 's/^Data: *//p; s/^ \{2,\}\([0-9A-Fa-f]\{4,\} - \)/\1/p' |
        while read -r lo _ hi; do echo $((0x$lo)) $((0x$hi - 0x$lo + 1)); done >"$T/info"
    want=$(
        if [ -n "$entry" ] && [ $((0x$entry)) -ne 0 ]; then
            printf 'entry 0x%08x\n' $((0x$entry))
        else
            echo "entry none"
        fi
        while read -r lo len; do
            printf 'range 0x%08x 0x%x\n' "$(phys "$lo")" "$len"
        done <"$T/info" | sort
    )
    while read -r lo len; do
        args+=(--dump "$(phys "$lo")" "$len" "$T/o$i.bin")
        srec_cat "$file" $flag -crop "$lo" $((lo + len)) -offset $((-lo)) -o "$T/r$i.bin" -binary 2>/dev/null
        i=$((i + 1))
    done <"$T/info"
    expect_ok "$name" "$file" "$want" "${args[@]}" || return 1
    for ((i = i - 1; i >= 0; i--)); do
        same_bytes "$name" "$T/o$i.bin" "$T/r$i.bin" || return 1
    done
    pass "$name"
}

# ---------------------------------------------------------------- unit checks

"$PROBE" --selftest >"$T/self" 2>&1
cat "$T/self"
grep -q '^FAIL' "$T/self" && failed=1

# ---------------------------------------------------------------- the test image, every format

# What the image holds (image.S, image.ld): RAM code 0x10 bytes + 0x100 bss at 0x80001000;
# flash text 0x300 bytes at 0x9D000000, then the 0x10-byte load image of .data (its 0x40-byte
# bss must not be written); 8 bytes at physical 0x1D100000; boot code and config words (KSEG1).
for s in boot config text data ramcode phys; do
    "${CROSS}objcopy" -O binary -j ".$s" "$IMG" "$T/$s.bin"
done
head -c 256 /dev/zero >"$T/zero.bin"
BOOT_LEN=$(printf 0x%x "$(stat -c %s "$T/boot.bin")")
RANGES_TAIL="range 0x1d000000 0x310
range 0x1d100000 0x8
range 0x1fc00000 $BOOT_LEN
range 0x1fc0ffc0 0x10"
WANT_ELF="entry 0xbfc00000
range 0x00001000 0x110
$RANGES_TAIL"
WANT_TEXT="entry 0xbfc00000
range 0x00001000 0x10
$RANGES_TAIL"

# check_image NAME FILE WANT: ranges, then bytes against objcopy and image.S.
check_image() {
    local name=$1 file=$2 want=$3
    expect_ok "$name" "$file" "$want" \
        --dump 0x1d000000 0x300 "$T/g_text.bin" --dump 0x1d000300 0x10 "$T/g_data.bin" \
        --dump 0x1fc00000 "$BOOT_LEN" "$T/g_boot.bin" --dump 0x1fc0ffc0 0x10 "$T/g_config.bin" \
        --dump 0x1000 0x10 "$T/g_ramcode.bin" --dump 0x1d100000 8 "$T/g_phys.bin" \
        --dump 0x1010 0x100 "$T/g_bss.bin" || return
    for s in boot config text data ramcode phys; do
        same_bytes "$name" "$T/g_$s.bin" "$T/$s.bin" || return
    done
    # Constants from image.S, independent of objcopy.
    local w
    for w in "g_config 12 c0f16040" "g_text 0 9d000000" "g_text 764 9d0000bf" \
        "g_data 0 da7a0000" "g_ramcode 12 4a110003" "g_phys 4 1d100004"; do
        set -- $w
        if [ "$(word "$T/$1.bin" "$2")" != "$3" ]; then
            fail "$name" "word at $1+$2 is $(word "$T/$1.bin" "$2"), image.S says $3"
            return
        fi
    done
    if [ "$want" = "$WANT_ELF" ] && ! cmp -s "$T/g_bss.bin" "$T/zero.bin"; then
        fail "$name" "bss at 0x80001010 not zero-filled"
        return
    fi
    pass "$name"
}

check_image elf "$IMG" "$WANT_ELF"

"${CROSS}objcopy" -O srec "$IMG" "$T/objcopy.srec"         # S0, S3, S7
"${CROSS}objcopy" -O ihex "$IMG" "$T/objcopy.hex"          # 04, 00, 05, 01
srec_cat "$T/objcopy.srec" -o "$T/cat.srec" -enable=data-count # S0, S3, S5, S7
srec_cat "$T/objcopy.srec" -o "$T/cat.hex" -Intel          # 04, 00, 05, 01
sed 's/$/\r/' "$T/objcopy.srec" >"$T/crlf.srec"
sed 's/$/\r/' "$T/objcopy.hex" >"$T/crlf.hex"
tr 'A-F' 'a-f' <"$T/objcopy.hex" >"$T/lower.hex"
sed 's/^S3/S3/; 1a\\' "$T/objcopy.srec" >"$T/blank.srec"   # a blank line in the middle
for f in objcopy.srec objcopy.hex cat.srec cat.hex crlf.srec crlf.hex lower.hex blank.srec; do
    check_image "image_${f/./_}" "$T/$f" "$WANT_TEXT"
done
for f in objcopy.srec cat.srec; do
    oracle "oracle_${f/./_}" "$T/$f" ""
done
for f in objcopy.hex cat.hex; do
    oracle "oracle_${f/./_}" "$T/$f" -Intel
done

# Every address width and record type, on the RAM piece moved to physical addresses.
ram() { srec_cat "$T/objcopy.srec" -crop 0x80001000 0x80001010 -offset "$1" -o "$T/$2" "${@:3}"; }
ram -0x80000000 s19.srec -address-length=2 -enable=data-count -execution-start-address=0x1000
ram -0x7FFC0000 s28.srec -address-length=3 -enable=data-count       # S2, S5, no S8 (no start)
ram -0x80000000 i8.hex -Intel -address-length=2                      # 00, 01 only
ram -0x7FFC0000 i16.hex -Intel -address-length=3 -execution-start-address=0x12345 # 02, 03
ram -0x80000000 i32.hex -Intel -address-length=4 -execution-start-address=0x9D000010
srec_cat -generate 0 0x10001 -constant 0x5A -o "$T/s6.srec" -obs=1 -enable=data-count # S6
for f in s19.srec s28.srec s6.srec; do
    oracle "record_${f/./_}" "$T/$f" ""
done
for f in i8.hex i16.hex i32.hex; do
    oracle "record_${f/./_}" "$T/$f" -Intel
done
grep -q '^S5' "$T/s19.srec" && grep -q '^S9' "$T/s19.srec" && grep -q '^S6' "$T/s6.srec" &&
    grep -q '^:......03' "$T/i16.hex" && grep -q '^:......02' "$T/i16.hex" &&
    grep -q '^S2' "$T/s28.srec" || fail record_types "srec_cat did not write the record types these cases rely on"

# Records that wrap at a 64 KB offset (Intel HEX spec: segment addresses wrap in the segment,
# linear ones continue) and a 03 start record (CS*16+IP), against srec_info/srec_cat.
for f in hex_segment_wrap.hex hex_linear_wrap.hex hex_kseg_wrap.hex; do
    oracle "${f%.hex}" "$BAD/$f" -Intel
done
oracle srec_s6_s8 "$BAD/srec_s6.srec" ""

# ---------------------------------------------------------------- malformed text files

expect_err srec_bad_digit $BAD/srec_bad_digit.srec ":2: bad hex digit 'X' at column 13"
expect_err srec_short $BAD/srec_short.srec ":3: short record: byte count 0x07 needs 14 hex digits after it, found 7"
expect_err srec_odd $BAD/srec_odd.srec ":2: short record: byte count 0x07 needs 14 hex digits after it, found 13"
expect_err srec_long $BAD/srec_long.srec ":2: record longer than its byte count 0x07: 16 hex digits after it, expected 14"
expect_err srec_checksum $BAD/srec_checksum.srec ":2: checksum error: record has 0x00, computed 0xb0"
expect_err srec_s4 $BAD/srec_s4.srec ":2: unsupported record type S4 (reserved)"
expect_err srec_bad_type $BAD/srec_bad_type.srec ":2: bad record type 'X' after 'S'"
expect_err srec_no_s $BAD/srec_no_s.srec ":2: expected 'S' at the start of a record, found 'T'"
expect_err srec_after_end $BAD/srec_after_end.srec ":4: record after the termination record on line 3"
expect_err srec_count $BAD/srec_count.srec ":4: S5 record count 3 does not match the 2 data records before it"
expect_err srec_count_len $BAD/srec_count_len.srec ":3: wrong byte count 0x04 for an S5 record (expected 0x03)"
expect_err srec_s9_data $BAD/srec_s9_data.srec ":3: wrong byte count 0x04 for an S9 record (expected 0x03)"
expect_err srec_count_small $BAD/srec_count_small.srec ":2: wrong byte count 0x03: an S3 record has at least 5 bytes (address and checksum)"
expect_err srec_outside $BAD/srec_outside.srec ":2: address 0x9d200000 (len 4) is outside the memory map" 1
expect_err srec_wrap $BAD/srec_wrap.srec ":2: address 0xfffffffc (len 8) is outside the memory map"
expect_err srec_kseg_straddle $BAD/srec_kseg_straddle.srec ":2: address 0x9ffffffe (len 4) is outside the memory map"

expect_err hex_bad_digit $BAD/hex_bad_digit.hex ":1: bad hex digit 'g' at column 10"
expect_err hex_short $BAD/hex_short.hex ":2: short record: 11 hex digits, byte count 0x04 needs 18"
expect_err hex_short_header $BAD/hex_short_header.hex ":2: short record: 4 hex digits, byte count 0x00 needs 10"
expect_err hex_no_count $BAD/hex_no_count.hex ":2: short record: no byte count after ':'"
expect_err hex_long $BAD/hex_long.hex ":1: record longer than its byte count 0x04: 20 hex digits, expected 18"
expect_err hex_checksum $BAD/hex_checksum.hex ":1: checksum error: record has 0x00, computed 0xb4"
expect_err hex_type06 $BAD/hex_type06.hex ":2: unknown record type 0x06"
expect_err hex_eof_len $BAD/hex_eof_len.hex ":2: wrong byte count 0x01 for an end-of-file record (expected 0x00)"
expect_err hex_ela_len $BAD/hex_ela_len.hex ":1: wrong byte count 0x04 for an extended linear address record (expected 0x02)"
expect_err hex_ssa_len $BAD/hex_ssa_len.hex ":2: wrong byte count 0x02 for a start segment address record (expected 0x04)"
expect_err hex_after_eof $BAD/hex_after_eof.hex ":3: record after the end-of-file record on line 2"
expect_err hex_no_eof $BAD/hex_no_eof.hex ":2: file ends after this record without an end-of-file record (type 01)"
expect_err hex_no_colon $BAD/hex_no_colon.hex ":2: expected ':' at the start of a record, found '0'"
expect_err hex_two_starts $BAD/hex_two_starts.hex ":3: second start address record (the first is on line 2)"
expect_err hex_outside $BAD/hex_outside.hex ":2: address 0x9d200000 (len 4) is outside the memory map" 1
expect_err hex_outside_kuseg $BAD/hex_outside_kuseg.hex ":2: address 0x00080000 (len 4) is outside the memory map" 1

# Truncated tool output: cut inside the last data record, and at a line boundary before 01.
n=$(grep -c '' "$T/objcopy.hex")
head -n $((n - 2)) "$T/objcopy.hex" >"$T/cut_lines.hex"
expect_err hex_truncated_lines "$T/cut_lines.hex" ":$((n - 2)): file ends after this record without an end-of-file record (type 01)"
# cut FILE PATTERN KEEP OUT: FILE up to the first line matching PATTERN, of which only KEEP
# characters remain (no line end); prints that line's number.
cut_in_line() {
    local k
    k=$(grep -n -m1 "$2" "$1" | cut -d: -f1)
    { head -n $((k - 1)) "$1"; sed -n "${k}p" "$1" | head -c "$3"; } >"$4"
    echo "$k"
}
k=$(cut_in_line "$T/objcopy.hex" '^:10' 22 "$T/cut_mid.hex")
expect_err hex_truncated_mid "$T/cut_mid.hex" ":$k: short record: 21 hex digits, byte count 0x10 needs 42"
k=$(cut_in_line "$T/objcopy.srec" '^S315' 25 "$T/cut_mid.srec")
expect_err srec_truncated_mid "$T/cut_mid.srec" ":$k: short record: byte count 0x15 needs 42 hex digits after it, found 21"

expect_err empty $BAD/empty.srec ": empty file"
expect_err unknown $BAD/unknown.txt ": unknown format (expected ELF, Motorola S-record or Intel HEX)"
expect_err missing "$T/no-such-file.hex" ": cannot open: No such file or directory"
expect_err directory "$BAD" ": read error: Is a directory"

# ---------------------------------------------------------------- malformed ELF files

# patch FILE OFFSET HEXBYTES: overwrites bytes in place.
patch() {
    printf "$(echo "$3" | sed 's/../\\x&/g')" | dd of="$1" bs=1 seek=$(($2)) conv=notrunc status=none
}
# le32 VALUE: 8 hex digits, little-endian byte order.
le32() { printf '%02x%02x%02x%02x' $(($1 & 255)) $(($1 >> 8 & 255)) $(($1 >> 16 & 255)) $(($1 >> 24 & 255)); }
# phdr VADDR: file offset of the program header whose p_vaddr is VADDR (readelf's order).
phdr() {
    local i
    i=$("${CROSS}readelf" -lW "$IMG" | awk '$1 ~ /^[A-Z_]+$/ && $2 ~ /^0x/ {print $3}' |
        grep -n -i -x "$1" | cut -d: -f1)
    echo $((0x34 + 32 * (i - 1)))
}
elf() { # elf NAME: a fresh copy of the image to patch
    cp "$IMG" "$T/$1.elf"
    echo "$T/$1.elf"
}
PH_TEXT=$(phdr 0x9d000000)
PH_BSS=$(phdr 0x80001010)
PH_DATA=$(phdr 0x80000100)
PHNUM=$("${CROSS}readelf" -h "$IMG" | sed -n 's/^ *Number of program headers: *//p')

f=$(elf trunc_header) && head -c 40 "$IMG" >"$f"
expect_err elf_truncated_header "$f" ": offset 0x28: file ends inside the ELF header (52 bytes)"
expect_err elf_64bit "$PROBE" ": offset 0x4: not a 32-bit ELF file (EI_CLASS 2)"
f=$(elf big) && patch "$f" 5 02
expect_err elf_big_endian "$f" ": offset 0x5: not a little-endian ELF file (EI_DATA 2)"
f=$(elf version) && patch "$f" 6 00
expect_err elf_version "$f" ": offset 0x6: unknown ELF version (EI_VERSION 0)"
"${CROSS}gcc" -Iinclude -c -o "$T/reloc.elf" tests/loaders/image.S
expect_err elf_relocatable "$T/reloc.elf" ": offset 0x10: not an executable ELF file (e_type 1)"
f=$(elf machine) && patch "$f" 0x12 0300
expect_err elf_machine "$f" ": offset 0x12: not a MIPS ELF file (e_machine 3)"
f=$(elf phnum0) && patch "$f" 0x2c 0000
expect_err elf_no_phdrs "$f" ": offset 0x2c: no program headers (e_phnum 0)"
f=$(elf xnum) && patch "$f" 0x2c ffff
expect_err elf_pn_xnum "$f" ": offset 0x2c: extended program header numbering (e_phnum 0xffff) is not supported"
f=$(elf phent) && patch "$f" 0x2a 1000
expect_err elf_phentsize "$f" ": offset 0x2a: program header size 16 is smaller than 32"
SIZE=$(stat -c %s "$IMG")
f=$(elf phoff) && patch "$f" 0x1c "$(le32 0xfffffff0)"
expect_err elf_phoff "$f" ": offset 0x1c: program headers (e_phoff 0xfffffff0, $PHNUM x 32 bytes) run past the end of the file ($(printf 0x%x "$SIZE") bytes)"
f=$(elf notload) && patch "$f" 0x2c 0100 && patch "$f" 0x34 04000000
expect_err elf_no_load "$f" ": offset 0x34: no PT_LOAD segment in the program headers"
TEXT_OFF=$(od -An -tu4 -j $((PH_TEXT + 4)) -N4 "$IMG" | tr -d ' ')
f=$(elf cut) && head -c $((TEXT_OFF + 0x100)) "$IMG" >"$f"
expect_err elf_truncated_data "$f" ": offset $(printf 0x%x $((PH_TEXT + 4))): PT_LOAD data (p_offset $(printf 0x%x "$TEXT_OFF"), p_filesz 0x300) runs past the end of the file ($(printf 0x%x $((TEXT_OFF + 0x100))) bytes)"
f=$(elf filesz) && patch "$f" $((PH_TEXT + 16)) "$(le32 0x400)"
expect_err elf_filesz_gt_memsz "$f" ": offset $(printf 0x%x $((PH_TEXT + 16))): PT_LOAD p_filesz 0x400 is larger than p_memsz 0x300"
f=$(elf offset) && patch "$f" $((PH_TEXT + 4)) "$(le32 0xffffff00)"
expect_err elf_offset_huge "$f" ": offset $(printf 0x%x $((PH_TEXT + 4))): PT_LOAD data (p_offset 0xffffff00, p_filesz 0x300) runs past the end of the file ($(printf 0x%x "$SIZE") bytes)"
# Out of the map: flash text moved past the end of program flash (physical 0x1D200000).
f=$(elf outside) && patch "$f" $((PH_TEXT + 12)) "$(le32 0x9d200000)"
expect_err elf_outside "$f" ": offset $(printf 0x%x "$PH_TEXT"): address 0x9d200000 (len 768) is outside the memory map" '[1-9]*'
# A hostile p_memsz: runs from KSEG0 into KSEG1, caught before any write.
f=$(elf memsz_huge) && patch "$f" $((PH_BSS + 20)) "$(le32 0x7fffffff)"
expect_err elf_memsz_huge "$f" ": offset $(printf 0x%x "$PH_BSS"): address 0x80001010 (len 2147483647) is outside the memory map"
# bss larger than RAM, inside KSEG0: refused by the sink, the whole range reported.
f=$(elf bss_big) && patch "$f" $((PH_BSS + 20)) "$(le32 0x100000)"
expect_err elf_bss_past_ram "$f" ": offset $(printf 0x%x "$PH_BSS"): address 0x80001010 (len 1048576) is outside the memory map" '[1-9]*'

# Load address is p_paddr: the .data segment (p_vaddr 0x80000100 in RAM) lands in flash.
f=$(elf entry0) && patch "$f" 0x18 00000000
if expect_ok elf_entry_zero "$f" "entry none
range 0x00001000 0x110
$RANGES_TAIL"; then pass elf_entry_zero; fi
# When p_paddr == p_vaddr for .data (no AT>), it loads in RAM with its bss zero-filled.
f=$(elf inplace) && patch "$f" $((PH_DATA + 12)) "$(le32 0x80000100)"
if expect_ok elf_data_in_place "$f" "entry 0xbfc00000
range 0x00000100 0x50
range 0x00001000 0x110
range 0x1d000000 0x300
range 0x1d100000 0x8
range 0x1fc00000 $BOOT_LEN
range 0x1fc0ffc0 0x10"; then pass elf_data_in_place; fi

# ---------------------------------------------------------------- in the simulator

# The image runs from the reset vector and checks its own words through the test device; a
# malformed file makes pic32mz-sim exit with status 2, print the loader's message and run nothing.
SIM=${SIM:-$B/san/bin/pic32mz-sim}
if [ ! -x "$SIM" ]; then
    fail sim "$SIM not built"
else
    for f in "$IMG" "$T/objcopy.srec" "$T/objcopy.hex"; do
        b=$(basename "$f")
        name=sim_run_${b/./_}
        "$SIM" --test --max-cycles 100000 "$f" >"$T/out" 2>"$T/err"
        src=$?
        if [ "$src" -ne 0 ] || ! grep -q 'testdev: 6 checks passed, 0 failed' "$T/err"; then
            fail "$name" "exit $src: $(tr '\n' ' ' <"$T/err" | head -c 300)"
        else
            pass "$name"
        fi
    done
    for f in $BAD/srec_checksum.srec $BAD/hex_no_eof.hex "$T/phent.elf"; do
        b=$(basename "$f")
        name=sim_reject_${b/./_}
        "$PROBE" "$f" >/dev/null 2>"$T/want"
        "$SIM" --test --max-cycles 100000 "$f" >"$T/out" 2>"$T/err"
        src=$?
        if [ "$src" -ne 2 ]; then
            fail "$name" "exit $src, want 2"
        elif [ "$(cat "$T/err")" != "pic32mz-sim: $(cat "$T/want")" ]; then
            fail "$name" "stderr [$(cat "$T/err")], want [pic32mz-sim: $(cat "$T/want")]"
        elif [ -s "$T/out" ] || grep -q testdev "$T/err"; then
            fail "$name" "something ran"
        else
            pass "$name"
        fi
    done
fi

# ---------------------------------------------------------------- bounded fuzz run

FUZZ_TIME=${FUZZ_TIME:-20}
if [ ! -x "$FUZZ" ]; then
    fail fuzz "$FUZZ not built: needs clang's libFuzzer runtime (Debian package libclang-rt-14-dev)"
else
    mkdir -p "$T/corpus" "$T/artifacts"
    "$FUZZ" -max_total_time="$FUZZ_TIME" -seed="${FUZZ_SEED:-1}" -max_len=8192 -rss_limit_mb=1024 \
        -timeout=10 -dict=tests/loaders/loaders.dict -artifact_prefix="$T/artifacts/" \
        -print_final_stats=1 "$T/corpus" tests/fuzz/loaders tests/loaders/bad >"$T/fuzz.log" 2>&1
    frc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$T/fuzz.log")
    if [ "$frc" -ne 0 ] || [ -n "$(ls "$T/artifacts")" ]; then
        mkdir -p "$B/fuzz/crashes"
        cp "$T"/artifacts/* "$B/fuzz/crashes/" 2>/dev/null
        fail fuzz "libFuzzer exit $frc; inputs kept in $B/fuzz/crashes/: $(grep -m1 -E 'ERROR|runtime error|deadly' "$T/fuzz.log")"
    elif [ -z "$runs" ] || [ "$runs" -lt 1000 ]; then
        fail fuzz "only ${runs:-0} inputs executed"
    else
        echo "fuzz: $runs inputs in ${FUZZ_TIME} s"
        pass fuzz
    fi
fi

exit $failed
