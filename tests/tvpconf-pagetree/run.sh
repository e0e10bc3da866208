#!/usr/bin/env bash
# tvpconf page trees, ELF reader and image writers.  Run from the repository root by
# scripts/run-tests.sh (B, CROSS in the environment).  PT_SETS=N runs N random region sets
# in the property test instead of 3000 (PT_SEED=S to start elsewhere).
set -uo pipefail
B=${B:-build}
CROSS=${CROSS:-mipsel-linux-gnu-}
BIN=$B/san/bin
DIR=tests/tvpconf-pagetree
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
status=0

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; status=1; }

# --- page trees: hand-made maps, errors, the demo guests, the property test ---------------
"$BIN/tvpconf-pt-test" --sets "${PT_SETS:-3000}" --seed "${PT_SEED:-1}" || status=1

# --- emitted C: compile pt_emit_c's output with a checker built on the reference walkers,
#     on the host; compile it for the target; and walk it with the MIPS assembly walker of
#     walk_mips.S under qemu-mipsel, against the C reference walk, on all 4 GB -----------
for seed in 0 1 2 3 4 5; do
    name=pt_emit_c_seed_$seed
    if ! "$BIN/tvpconf-pt-test" --emit $seed "$WORK/map$seed.c" 2>"$WORK/err"; then
        fail $name "emit: $(head -1 "$WORK/err")"
        continue
    fi
    if ! gcc -std=c11 -Wall -Wextra -Werror -Iinclude -I$DIR -o "$WORK/check$seed" \
        "$WORK/map$seed.c" $DIR/emitcheck.c 2>"$WORK/err"; then
        fail $name "host compile: $(head -1 "$WORK/err")"
    elif ! "$WORK/check$seed" 2>"$WORK/err"; then
        fail $name "$(head -1 "$WORK/err")"
    elif ! ${CROSS}gcc -std=c11 -Wall -Wextra -Werror -EL -march=m5100 -ffreestanding \
        -mno-abicalls -fno-pic -G0 -O2 -Iinclude -I$DIR -c -o "$WORK/map$seed.o" \
        "$WORK/map$seed.c" 2>"$WORK/err"; then
        fail $name "target compile: $(head -1 "$WORK/err")"
    elif ! ${CROSS}gcc -std=c11 -Wall -Wextra -Werror -O2 -static -Iinclude -I$DIR \
        -o "$WORK/walk$seed" "$WORK/map$seed.c" $DIR/walk_mips_main.c $DIR/walk_mips.S \
        2>"$WORK/err"; then
        fail $name "MIPS walker build: $(head -1 "$WORK/err")"
    elif ! qemu-mipsel "$WORK/walk$seed" >"$WORK/out" 2>&1; then
        fail $name "assembly walk under qemu-mipsel: $(head -2 "$WORK/out" | tr '\n' ' ')"
    else
        pass $name
    fi
done

# --- ELF reader: programs built with the cross compiler, compared with readelf and nm ------
TGT="-std=c11 -EL -march=m5100 -mno-abicalls -fno-pic -fno-pie -ffreestanding -G0 -O2"
TGT_LD="-nostdlib -no-pie -static -Wl,--build-id=none -Wl,-z,max-page-size=4096"
SYMS="start thread_main counter table banner no_such_symbol"
# expected output from binutils: LOAD lines of `readelf -lW`, symbols from `nm`
expect_elf() {
    local entry
    entry=$(${CROSS}readelf -hW "$1" | sed -n 's/.*Entry point address: *//p')
    printf 'entry 0x%08x\n' $((entry))
    ${CROSS}readelf -lW "$1" | while read -r type off va pa fs ms rest; do
        [ "$type" = LOAD ] || continue
        printf 'load 0x%06x 0x%08x 0x%08x 0x%05x 0x%05x %-3.3s\n' $((off)) $((va)) $((pa)) \
            $((fs)) $((ms)) "${rest% 0x*}"
    done
    for s in $SYMS; do
        v=$(${CROSS}nm "$1" 2>/dev/null | awk -v s=$s '$3 == s {print substr($1, length($1) - 7)}')
        if [ -n "$v" ]; then echo "sym $s 0x$v"; else echo "sym $s missing"; fi
    done
    ${CROSS}nm "$1" 2>/dev/null | grep -q ' start$' && echo "entry symbol matches e_entry"
}
if ${CROSS}gcc $TGT $TGT_LD -T $DIR/elfguest.ld -o "$WORK/guest.elf" $DIR/elfguest.c \
        2>"$WORK/err"; then
    ${CROSS}strip -o "$WORK/stripped.elf" "$WORK/guest.elf"
    ${CROSS}gcc $TGT -mmicromips $TGT_LD -Wl,-Ttext=0x9FC00000 -Wl,-e,start \
        -o "$WORK/micro.elf" $DIR/elfguest.c 2>>"$WORK/err"
    for f in guest stripped micro; do
        if [ ! -f "$WORK/$f.elf" ]; then fail elf_read_$f "not built"; continue; fi
        expect_elf "$WORK/$f.elf" >"$WORK/$f.want"
        if ! "$BIN/tvpconf-elf-test" --dump "$WORK/$f.elf" $SYMS >"$WORK/$f.got" 2>&1; then
            fail elf_read_$f "$(head -1 "$WORK/$f.got")"
        elif ! diff -u "$WORK/$f.want" "$WORK/$f.got" >"$WORK/diff"; then
            fail elf_read_$f "differs from readelf/nm: $(grep '^[-+][a-z]' "$WORK/diff" | head -2 | tr '\n' ' ')"
        else
            pass elf_read_$f
        fi
    done
    "$BIN/tvpconf-elf-test" --malformed "$WORK/guest.elf" || status=1
else
    fail elf_build_guest "$(head -1 "$WORK/err")"
fi

# --- image writers: own reader (in image_test), then srecord reads them back -------------
mkdir -p "$WORK/img" "$WORK/fixed"
"$BIN/tvpconf-image-test" "$WORK/img" || status=1
if ! "$BIN/tvpconf-image-test" --write "$WORK/fixed" 2>"$WORK/err"; then
    fail image_write_fixed "$(head -1 "$WORK/err")"
else
    # the raw chunks placed at their addresses, as srecord builds it
    ref=()
    while read -r file addr; do ref+=("$WORK/fixed/$file" -binary -offset "$addr"); done \
        <"$WORK/fixed/layout"
    for fmt in srec:-Motorola hex:-Intel; do
        ext=${fmt%%:*} opt=${fmt#*:}
        name=image_srecord_reads_$ext
        if ! srec_cmp "$WORK/fixed/img.$ext" $opt '(' "${ref[@]}" ')' >"$WORK/err" 2>&1; then
            fail $name "srec_cmp: $(head -2 "$WORK/err" | tr '\n' ' ')"
        elif ! srec_info "$WORK/fixed/img.$ext" $opt >"$WORK/info" 2>&1 ||
            ! grep -q 'Execution Start Address: BFC00000' "$WORK/info"; then
            fail $name "start address is not BFC00000: $(head -3 "$WORK/info" | tr '\n' ' ')"
        else
            pass $name
        fi
    done
    # srec_cat cuts each chunk back out of both files: the bytes must be the chunk's.  (It
    # moves the chunk to address 0 before cropping: srecord 1.64 aborts on -crop ranges that
    # end at 4 GB.)
    for fmt in srec:-Motorola hex:-Intel; do
        ext=${fmt%%:*} opt=${fmt#*:} bad=
        while read -r file addr; do
            len=$(stat -c %s "$WORK/fixed/$file")
            srec_cat "$WORK/fixed/img.$ext" $opt -offset $(((1 << 32) - addr & 0xFFFFFFFF)) \
                -crop 0 $len -o "$WORK/cut.bin" -binary 2>>"$WORK/err" &&
                cmp -s "$WORK/cut.bin" "$WORK/fixed/$file" || bad="$bad $file@$addr"
        done <"$WORK/fixed/layout"
        [ -z "$bad" ] && pass image_srec_cat_cuts_$ext || fail image_srec_cat_cuts_$ext "differs:$bad"
    done
    # and the comparison is able to fail: one changed byte must be seen
    printf '\x5a' | dd of="$WORK/fixed/chunk2.bin" bs=1 seek=17 conv=notrunc status=none
    if srec_cmp "$WORK/fixed/img.srec" -Motorola '(' "${ref[@]}" ')' >/dev/null 2>&1 &&
        srec_cmp "$WORK/fixed/img.hex" -Intel '(' "${ref[@]}" ')' >/dev/null 2>&1; then
        fail image_srecord_sees_a_changed_byte "srec_cmp found no difference"
    else
        pass image_srecord_sees_a_changed_byte
    fi
fi

# --- bounded libFuzzer run of the ELF reader (corpus: tests/fuzz/elf32) ----------------
FUZZ=$B/fuzz/bin/fuzz-elf32
if [ -x "$FUZZ" ]; then
    mkdir -p "$WORK/corpus"
    if "$FUZZ" -max_total_time=${ELF_FUZZ_SECONDS:-10} -max_len=4096 -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$WORK/" "$WORK/corpus" tests/fuzz/elf32 \
        >"$WORK/fuzz.log" 2>&1; then
        pass "elf_fuzz ($(grep -o 'Done [0-9]* runs' "$WORK/fuzz.log"))"
    else
        fail elf_fuzz "$(grep -m3 -E 'ERROR|SUMMARY|runtime error|deadly' "$WORK/fuzz.log" | tr '\n' '|')"
        for a in "$WORK"/crash-* "$WORK"/timeout-*; do
            [ -f "$a" ] && echo "   input: $(od -An -tx1 -N64 "$a" | tr -s ' \n' ' ')"
        done
    fi
else
    fail elf_fuzz "$FUZZ not built: clang's libFuzzer runtime (libclang-rt-14-dev) is missing"
fi

exit $status
