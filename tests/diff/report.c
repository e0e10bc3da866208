/*
 * Prints the final state of a generated sequence, identically on both sides: the 31 GPRs,
 * HI/LO, the exception log and every word of the data area, one "name value" per line, so
 * that run.sh can name the first differing register or word.  Freestanding: the platform
 * (linux.c or bare.S) provides diff_out and diff_exit.
 */
#include <stdint.h>

#include "layout.h"

void diff_out(const char *s, unsigned n);
_Noreturn void diff_exit(void);
void diff_report(void);

struct outbuf {
    char b[256];
    unsigned n;
};

static void flush(struct outbuf *o)
{
    if (o->n)
        diff_out(o->b, o->n);
    o->n = 0;
}

static void put(struct outbuf *o, char ch)
{
    if (o->n == sizeof(o->b))
        flush(o);
    o->b[o->n++] = ch;
}

static void puts_(struct outbuf *o, const char *s)
{
    while (*s)
        put(o, *s++);
}

static void hex(struct outbuf *o, uint32_t v, int digits)
{
    static const char d[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; i--)
        put(o, d[(v >> (4 * i)) & 15]);
}

static void dec(struct outbuf *o, uint32_t v)
{
    char t[10];
    int n = 0;
    do {
        t[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        put(o, t[--n]);
}

static uint32_t word(uint32_t addr)
{
    return *(volatile const uint32_t *)addr;
}

void diff_report(void)
{
    struct outbuf o;
    o.n = 0;
    for (unsigned r = 1; r < 32; r++) {
        put(&o, 'r');
        dec(&o, r);
        put(&o, ' ');
        hex(&o, word(DIFF_SAVE + 4 * r), 8);
        put(&o, '\n');
    }
    puts_(&o, "hi ");
    hex(&o, word(DIFF_SAVE + DIFF_SAVE_HI), 8);
    puts_(&o, "\nlo ");
    hex(&o, word(DIFF_SAVE + DIFF_SAVE_LO), 8);
    puts_(&o, "\nexceptions ");
    uint32_t n = word(DIFF_LOG);
    dec(&o, n);
    put(&o, '\n');
    for (uint32_t i = 0; i < n && i < DIFF_LOG_MAX; i++) {
        puts_(&o, "exc");
        dec(&o, i);
        puts_(&o, " code ");
        hex(&o, word(DIFF_LOG + 4 + 8 * i), 3);
        puts_(&o, " pc ");
        hex(&o, word(DIFF_LOG + 8 + 8 * i), 8);
        put(&o, '\n');
    }
    uint32_t sum = 0;
    for (uint32_t a = DIFF_DATA; a < DIFF_DATA + DIFF_DATA_SIZE; a += 4) {
        uint32_t v = word(a);
        sum = (sum << 5 | sum >> 27) ^ v;
        put(&o, 'm');
        hex(&o, a, 4);
        put(&o, ' ');
        hex(&o, v, 8);
        put(&o, '\n');
    }
    puts_(&o, "datasum ");
    hex(&o, sum, 8);
    puts_(&o, "\nend\n");
    flush(&o);
    diff_exit();
}
