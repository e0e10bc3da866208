/*
 * Shared by the random program generators of the differential tests (tests/diff/diffgen.c,
 * tests/micromips/mmgen.c): the seeded random stream, the growing text of the unit being
 * built, the register preload every generated body starts with, and the all-or-nothing write
 * of the output file.
 */
#ifndef TESTS_COMMON_GEN_H
#define TESTS_COMMON_GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The program name in error messages ("diffgen", "mmgen"). */
extern const char *gen_prog;

/* splitmix64; `salt` keeps the generators' streams apart for the same --seed. */
void gen_seed(unsigned long seed, unsigned salt);
uint64_t rnd64(void);
unsigned rnd(unsigned n); /* 0 .. n-1 */
bool chance(unsigned percent);

/* Text of one unit and the number of instructions in it. */
struct gen_text {
    char *buf;
    size_t len, cap;
    unsigned insns;
};

void gen_text_printf(struct gen_text *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A copy of the text; `t` is emptied for the next unit. */
char *gen_text_take(struct gen_text *t);

/* realloc that exits with a message when memory runs out. */
void *gen_realloc(void *p, size_t size);
/* A number option; exits with a message naming `what` on bad input. */
unsigned long gen_num(const char *s, const char *what);

/* Loads HI, LO (init[32], init[33]) and $1..$31 (init[1..31]) with LUI/ORI. */
void gen_write_preload(FILE *f, const uint32_t init[34]);
/* Output goes to out.tmp (gen_create) and is renamed to `out` only once complete
 * (gen_commit): never a half-written file.  Both exit with a message on failure. */
FILE *gen_create(const char *out);
void gen_commit(FILE *f, const char *out);

#endif
