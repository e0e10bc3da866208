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
#     on the host and (compile only) for the target -------------------------------------
for seed in 0 1 2 3 4 5 6 7 8 9 10 11; do
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
    else
        pass $name
    fi
done

exit $status
