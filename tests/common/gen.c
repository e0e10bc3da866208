/* Shared parts of the differential-test generators (gen.h). */
#include "gen.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *gen_prog = "gen";

static uint64_t rng_state;

void gen_seed(unsigned long seed, unsigned salt)
{
    rng_state = seed * 0x2545F4914F6CDD1Dull + salt;
}

uint64_t rnd64(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

unsigned rnd(unsigned n)
{
    return (unsigned)(rnd64() % n);
}

bool chance(unsigned percent)
{
    return rnd(100) < percent;
}

void *gen_realloc(void *p, size_t size)
{
    p = realloc(p, size);
    if (!p) {
        perror(gen_prog);
        exit(2);
    }
    return p;
}

void gen_text_printf(struct gen_text *t, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = t->buf ? vsnprintf(t->buf + t->len, t->cap - t->len, fmt, ap) : 0;
        va_end(ap);
        if (n < 0) {
            perror(gen_prog);
            exit(2);
        }
        if (t->buf && t->len + (size_t)n + 1 < t->cap) {
            t->len += (size_t)n;
            return;
        }
        t->cap = 2 * t->cap + (size_t)n + 4096;
        t->buf = gen_realloc(t->buf, t->cap);
        t->buf[t->len] = 0;
    }
}

char *gen_text_take(struct gen_text *t)
{
    char *copy = strdup(t->buf ? t->buf : "");
    if (!copy) {
        perror(gen_prog);
        exit(2);
    }
    t->len = 0;
    if (t->buf)
        t->buf[0] = 0;
    t->insns = 0;
    return copy;
}

unsigned long gen_num(const char *s, const char *what)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 0);
    if (errno || *end || end == s) {
        fprintf(stderr, "%s: bad %s '%s'\n", gen_prog, what, s);
        exit(2);
    }
    return v;
}

void gen_write_preload(FILE *f, const uint32_t init[34])
{
    fprintf(f, "    lui $1, 0x%x\n    ori $1, $1, 0x%x\n    mthi $1\n", init[32] >> 16,
            init[32] & 0xFFFF);
    fprintf(f, "    lui $1, 0x%x\n    ori $1, $1, 0x%x\n    mtlo $1\n", init[33] >> 16,
            init[33] & 0xFFFF);
    for (unsigned r = 1; r < 32; r++)
        fprintf(f, "    lui $%u, 0x%x\n    ori $%u, $%u, 0x%x\n", r, init[r] >> 16, r, r,
                init[r] & 0xFFFF);
}

static void tmp_name(char *tmp, size_t n, const char *out)
{
    if ((size_t)snprintf(tmp, n, "%s.tmp", out) >= n) {
        fprintf(stderr, "%s: %s: path too long\n", gen_prog, out);
        exit(2);
    }
}

FILE *gen_create(const char *out)
{
    char tmp[4096];
    tmp_name(tmp, sizeof(tmp), out);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", gen_prog, tmp, strerror(errno));
        exit(2);
    }
    return f;
}

void gen_commit(FILE *f, const char *out)
{
    char tmp[4096];
    tmp_name(tmp, sizeof(tmp), out);
    if (fclose(f) != 0 || rename(tmp, out) != 0) {
        fprintf(stderr, "%s: %s: %s\n", gen_prog, out, strerror(errno));
        remove(tmp);
        exit(2);
    }
}
