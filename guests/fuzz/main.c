/*
 * The random-instruction fuzz guest of the isolation tests (tests/isolation/fuzz.sh): executes
 * seeded random 32-bit words — every encoding: integer, privileged (CP0, TLB, CACHE, WAIT,
 * ERET, HYPCALL), VZ, FPU (CU1 on), DSP (MX on) and undefined ones — one at a time with random
 * register values, recovering from its own exceptions (exec.S).  It prints
 *     fuzz: seed SSSSSSSS steps N exc E
 * every 65536 words (E: exceptions it took itself so far).
 *
 * The seed is fuzz_params[0] in its flash, written by the test like the hostile guest's
 * parameters.  A few words would only stop the fuzzer itself, not test tinyVP, and are
 * replaced by a NOP (documented in docs/security.md): MTC0 to the guest's Status (BEV/ERL/KSU
 * would take its own vectors away), EBase and Compare (a far Compare makes WAIT sleep for
 * seconds), a branch to itself, and SDBBP (a known hole: docs/security.md).  For the same
 * hole the fuzzer stays in MIPS32 mode (no JALX, JR/JALR targets made even) and does not jump
 * through k0 into its register array (seed 5 ran an SDBBP found there and stopped tinyVP).
 */
#include <stdbool.h>

#include "../rt/pic32mz.h"

const volatile uint32_t fuzz_params[1] __attribute__((section(".rodata.fuzz_params"))) = {1};

extern char fz_vectors[];
extern volatile uint32_t fz_exc[32];
void fuzz_exec(uint32_t word, uint32_t *regs) __attribute__((noreturn));
void fuzz_next(void) __attribute__((noreturn));

#define FIELD_START 0xA0001000u /* KSEG1, after data, bss and stack */
#define FIELD_END   0xA0040000u
#define BREAK_WORD  0x0000000Du

static uint32_t rng_state;
static uint32_t steps;
/* $0..$31, HI, LO: in the landing field, away from the harness's own data, since k0 points
 * at it while the word runs (exec.S) and stores through k0 land around it. */
#define regs ((uint32_t *)0x80030000u)

static uint32_t rng(void)
{
    uint32_t x = rng_state; /* xorshift32 (Marsaglia 2003) */
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rng_state = x;
    return x;
}

static void puthex(uint32_t v)
{
    for (int s = 28; s >= 0; s -= 4)
        console_putc("0123456789abcdef"[(v >> s) & 15u]);
}

static bool is_branch(uint32_t w)
{
    uint32_t op = w >> 26, rs = (w >> 21) & 31u;
    return op == 0x01 || (op >= 0x04 && op <= 0x07) || (op >= 0x14 && op <= 0x17) ||
           (op == 0x11 && rs == 0x08) || (op == 0x10 && rs == 0x08);
}

static uint32_t filter(uint32_t w)
{
    uint32_t op = w >> 26, rs = (w >> 21) & 31u, rd = (w >> 11) & 31u, sel = w & 7u;
    if (op == 0x10 && rs == 0x04 &&
        ((rd == 12 && sel == 0) || (rd == 15 && sel == 1) || (rd == 11 && sel == 0)))
        return 0; /* MTC0 Status, EBase, Compare */
    if (op == 0x1C && (w & 0x3Fu) == 0x3Fu)
        return 0; /* SDBBP */
    if (is_branch(w) && (w & 0xFFFFu) == 0xFFFFu)
        return 0; /* a branch to itself */
    if (op == 0x1D)
        return 0; /* JALX: microMIPS words would need a filter of their own (their SDBBPs) */
    if (op == 0 && ((w & 0x3Fu) == 0x08 || (w & 0x3Fu) == 0x09)) {
        if (rs == 26)
            return 0;    /* JR/JALR $k0 would run regs[] (random words: SDBBPs among them) */
        regs[rs] &= ~1u; /* JR/JALR: to an even address, MIPS32 kept (same reason) */
    }
    return w;
}

/* Register values: mostly uniform, some of the values programs meet most. */
static uint32_t random_value(void)
{
    uint32_t r = rng();
    switch (r & 7u) {
    case 0: return 0;
    case 1: return r >> 28;                         /* small */
    case 2: return 0x80010000u | (rng() & 0xFFFCu); /* its landing field, KSEG0 */
    default: return rng();
    }
}

void fuzz_next(void)
{
    if (!(++steps & 0xFFFFu)) {
        uint32_t e = 0;
        for (unsigned k = 0; k < 32; k++)
            e += fz_exc[k];
        console_puts("fuzz: seed ");
        puthex(fuzz_params[0]);
        console_puts(" steps ");
        console_putdec(steps);
        console_puts(" exc ");
        console_putdec(e);
        console_puts("\n");
    }
    for (int k = 0; k < 4; k++)
        regs[rng() % 34u] = random_value();
    regs[0] = 0;
    fuzz_exec(filter(rng()), regs);
}

int main(void)
{
    console_init(4);
    mtc0(15, 1, (uint32_t)fz_vectors);
    mtc0(12, 0, STATUS_CU1 | STATUS_FR | STATUS_MX);
    for (uint32_t a = FIELD_START; a < FIELD_END; a += 4)
        *(volatile uint32_t *)a = BREAK_WORD;
    /* A Compare match in the past: TI stays set, so every WAIT ends at once. */
    uint32_t until = core_count() + 10;
    mtc0(11, 0, until);
    while ((int32_t)(core_count() - until) < 0)
        ;
    rng_state = fuzz_params[0] ? fuzz_params[0] : 1;
    for (unsigned k = 1; k < 34; k++)
        regs[k] = random_value();
    console_puts("fuzz: start seed ");
    puthex(fuzz_params[0]);
    console_puts("\n");
    fuzz_next();
}
