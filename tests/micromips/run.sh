#!/usr/bin/env bash
# microMIPS tests of the simulator (issue 12).
#
# 1. Directed programs build/target/tests/micromips/t_*.elf (tests/micromips/t_*.S): a MIPS32
#    test frame (tests/common/testdev.inc) that enters microMIPS code and checks mode switches,
#    exceptions, EPC/BD/BadInstr and the BOOTISA boot against MD00582/MD00090 (each program's
#    header names its sources).  Pass = exit 0 with every check passed.
# 2. A differential test against `qemu-mipsel -cpu M14Kc` (toolchain.md: QEMU's microMIPS
#    model; M14Kc code needs -march=m14kc -mnan=legacy): mmgen writes a random microMIPS body
#    (mmgen.c says what and why), assembled once with -mmicromips and linked into the MIPS32
#    harness halves of tests/diff (tests/diff/linux.c built with DIFF_BODY_MICROMIPS for QEMU, tests/diff/bare.S for the simulator).
#    Both print the GPRs, HI/LO, the Ov/Tr exception log and the data area; they must agree.
#    A mismatch is bisected to the first differing unit (mmgen --units K).
#
#   tests/micromips/run.sh [--seeds N] [--first S] [--insns N] [--seed S [--keep]]
set -uo pipefail

B=${B:-build}
SIM=${SIM:-$B/san/bin/pic32mz-sim}
CROSS=${CROSS:-mipsel-linux-gnu-}
GEN=$B/san/bin/mmgen
OBJ=$B/target/tests/micromips
QEMU=${QEMU:-qemu-mipsel}
SEEDS=${MM_SEEDS:-32}
FIRST=${MM_FIRST:-1}
INSNS=${MM_INSNS:-3200}
JOBS=${MM_JOBS:-$(nproc 2>/dev/null || echo 2)}
ONE=
KEEP=
while [ $# -gt 0 ]; do
    case $1 in
    --seeds) SEEDS=$2; shift 2 ;;
    --first) FIRST=$2; shift 2 ;;
    --insns) INSNS=$2; shift 2 ;;
    --seed) ONE=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "usage: $0 [--seeds N] [--first S] [--insns N] [--seed S [--keep]]" >&2; exit 2 ;;
    esac
done

FLAGS=(-EL -march=m14kc -mnan=legacy -mno-abicalls -fno-pic -fno-pie -G0)
LDFLAGS=(-nostdlib -no-pie -static -Wl,--build-id=none)
failed=0
pass() { echo "PASS micromips/$1"; }
fail() {
    echo "FAIL micromips/$1: $2"
    failed=1
}

for f in "$GEN" "$SIM" "$OBJ/frame.o" "$OBJ/report.o" "$OBJ/linux_mm.o" "$OBJ/bare.o" \
    "$OBJ/linux.ld" "$OBJ/bare.ld"; do
    if [ ! -e "$f" ]; then
        fail build "$f missing (run make all)"
        exit 1
    fi
done
if ! command -v "$QEMU" > /dev/null; then
    fail build "$QEMU not installed (make deps)"
    exit 1
fi

T=$(mktemp -d)
if [ -n "$KEEP" ]; then echo "files in $T"; else trap 'rm -rf "$T"' EXIT; fi

# ---------------------------------------------------------------- directed programs
if [ -z "$ONE" ]; then
    for elf in "$OBJ"/t_*.elf; do
        [ -e "$elf" ] || continue
        name=$(basename "$elf" .elf)
        timeout 60 "$SIM" --test --max-cycles 5000000 "$elf" > "$T/out" 2>&1
        rc=$?
        if grep -q 'Sanitizer\|runtime error' "$T/out"; then
            fail "$name" "sanitizer report: $(tr '\n' ' ' < "$T/out" | head -c 400)"
        elif [ "$rc" -ne 0 ] || ! grep -q '^testdev: [1-9][0-9]* checks passed, 0 failed' "$T/out"; then
            fail "$name" "exit $rc: $(tr '\n' ' ' < "$T/out" | head -c 600)"
        else
            pass "$name ($(grep -o '[0-9]* checks passed' "$T/out"))"
        fi
    done
fi

# ---------------------------------------------------------------- differential test
# build_run DIR SEED [UNITS]: 0 = same output, 1 = differ, 2 = the program did not build.
build_run() {
    local d=$1 seed=$2 units=${3:-}
    mkdir -p "$d"
    "$GEN" --seed "$seed" --insns "$INSNS" ${units:+--units "$units"} -o "$d/body.S" \
        > "$d/gen.out" 2> "$d/build.err" &&
        "${CROSS}gcc" "${FLAGS[@]}" -mmicromips -c "$d/body.S" -o "$d/body.o" 2>> "$d/build.err" &&
        "${CROSS}gcc" "${FLAGS[@]}" "${LDFLAGS[@]}" -T "$OBJ/linux.ld" "$OBJ/linux_mm.o" \
            "$OBJ/frame.o" "$OBJ/report.o" "$d/body.o" -o "$d/linux.elf" 2>> "$d/build.err" &&
        "${CROSS}gcc" "${FLAGS[@]}" "${LDFLAGS[@]}" -T "$OBJ/bare.ld" "$OBJ/bare.o" \
            "$OBJ/frame.o" "$OBJ/report.o" "$d/body.o" -o "$d/bare.elf" 2>> "$d/build.err" ||
        return 2
    timeout 60 "$QEMU" -cpu M14Kc "$d/linux.elf" > "$d/q.out" 2> "$d/q.err"
    echo "status $?" >> "$d/q.out"
    timeout 120 "$SIM" --test --max-cycles 50000000 "$d/bare.elf" > "$d/s.out" 2> "$d/s.err"
    echo "status $?" >> "$d/s.out"
    cmp -s "$d/q.out" "$d/s.out" || return 1
}

first_diff() {
    diff "$1/q.out" "$1/s.out" | grep '^[<>]' | head -2 | tr '\n' ' '
}

check_seed() {
    local seed=$1 d=$T/s$1 res=$T/$1.res
    build_run "$d" "$seed"
    local rc=$? insns
    insns=$(awk '{print $4}' "$d/gen.out" 2> /dev/null)
    if [ $rc -eq 2 ]; then
        { echo "bad ${insns:-0} seed $seed: build failed"; head -5 "$d/build.err"; } > "$res"
        return
    fi
    if [ $rc -eq 0 ]; then
        echo "ok $insns $(grep -c ' code 00c ' "$d/q.out") $(grep -c ' code 00d ' "$d/q.out")" > "$res"
        return
    fi
    local lo=0 hi units
    units=$(awk '{print $2}' "$d/gen.out")
    hi=$units
    while [ $((hi - lo)) -gt 1 ]; do
        local mid=$(((lo + hi) / 2))
        if build_run "$d/b" "$seed" "$mid"; then lo=$mid; else hi=$mid; fi
    done
    {
        echo "bad $insns seed $seed: qemu (<) vs simulator (>): $(first_diff "$d")"
        echo "    first differing unit: $((hi - 1)) of $units (tests/micromips/run.sh --seed $seed --keep):"
        awk -v u="# unit $((hi - 1))" '$0 ~ u"$" {p=1; print; next} p && /# unit/ {exit} p' \
            "$d/body.S" | sed 's/^/    /'
    } > "$res"
}

start=$SECONDS
if [ -n "$ONE" ]; then
    check_seed "$ONE"
    cat "$T/$ONE.res"
    read -r verdict _ < "$T/$ONE.res"
    [ "$verdict" = ok ]
    exit
fi
last=$((FIRST + SEEDS - 1))
running=0
for ((s = FIRST; s <= last; s++)); do
    check_seed "$s" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait
total=0 ov=0 tr=0 bad=0
for ((s = FIRST; s <= last; s++)); do
    read -r verdict count o t _ < "$T/$s.res"
    total=$((total + ${count:-0}))
    if [ "$verdict" = ok ]; then
        ov=$((ov + o))
        tr=$((tr + t))
    else
        bad=$((bad + 1))
        sed 's/^/    /' "$T/$s.res"
    fi
done
if [ "$bad" -ne 0 ]; then
    fail "diff-seeds-$FIRST-$last" "$bad of $SEEDS seeds differ from qemu"
elif [ "$ov" -eq 0 ] || [ "$tr" -eq 0 ]; then
    fail "diff-seeds-$FIRST-$last" "outputs agree, but only $ov Ov and $tr Tr exceptions were taken"
else
    pass "diff-seeds-$FIRST-$last ($total instructions, $ov Ov and $tr Tr exceptions, $((SECONDS - start)) s)"
fi
exit $failed
