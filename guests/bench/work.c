/*
 * CPU-bound benchmark work for issue 11, shaped like CoreMark's kernels (list processing,
 * matrix arithmetic, a state machine, CRC) but written here.  Every round does the same work
 * on the same data (fixed seed), so every round executes the same instructions; the round's
 * CRC must equal the first round's (printed once), or the program says BAD (once).  Each round ends
 * by calling bench_round_done, where the benchmarks count rounds.
 * Runs bare-metal (guests/rt/pic32mz.ld) and as a tinyVP guest (guests/rt/guest.ld).
 */
#include <stdbool.h>

#include "../rt/pic32mz.h"

#define NODES 48
#define MAT   10
#define TEXT  160

struct node {
    struct node *next;
    int32_t key;
    uint16_t tag;
};

static struct node pool[NODES];
static int16_t ma[MAT][MAT], mb[MAT][MAT];
static int32_t mc[MAT][MAT];
static char text[TEXT];

static uint32_t seed;

static uint32_t rnd(void)
{
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
}

static uint16_t crc16(uint16_t crc, uint32_t v, unsigned bytes)
{
    for (unsigned b = 0; b < bytes; b++) {
        crc ^= (uint16_t)((v >> (8 * b)) & 0xFFu) << 8;
        for (int i = 0; i < 8; i++)
            crc = (crc & 0x8000u) ? (uint16_t)((crc << 1) ^ 0x1021u) : (uint16_t)(crc << 1);
    }
    return crc;
}

/* List: build, sort by key (insertion), reverse, look keys up, fold into the CRC. */
static uint16_t list_work(uint16_t crc)
{
    struct node *head = 0;
    for (int i = 0; i < NODES; i++) {
        pool[i].key = (int32_t)(rnd() & 0xFFFF) - 0x8000;
        pool[i].tag = (uint16_t)i;
        pool[i].next = head;
        head = &pool[i];
    }
    struct node *sorted = 0;
    while (head) {
        struct node *n = head;
        head = head->next;
        struct node **p = &sorted;
        while (*p && (*p)->key < n->key)
            p = &(*p)->next;
        n->next = *p;
        *p = n;
    }
    struct node *rev = 0;
    while (sorted) {
        struct node *n = sorted;
        sorted = sorted->next;
        n->next = rev;
        rev = n;
    }
    for (int i = 0; i < NODES; i += 3) {
        int32_t want = pool[i].key;
        unsigned pos = 0;
        for (struct node *n = rev; n && n->key != want; n = n->next)
            pos++;
        crc = crc16(crc, pos, 1);
    }
    for (struct node *n = rev; n; n = n->next)
        crc = crc16(crc, n->tag, 1);
    return crc;
}

/* Matrix: C = A * B, then add a constant and fold bit fields of the result. */
static uint16_t matrix_work(uint16_t crc)
{
    for (int i = 0; i < MAT; i++)
        for (int j = 0; j < MAT; j++) {
            ma[i][j] = (int16_t)(rnd() & 0x3FF) - 0x200;
            mb[i][j] = (int16_t)(rnd() & 0x3FF) - 0x200;
        }
    for (int i = 0; i < MAT; i++)
        for (int j = 0; j < MAT; j++) {
            int32_t s = 0;
            for (int k = 0; k < MAT; k++)
                s += ma[i][k] * mb[k][j];
            mc[i][j] = s;
        }
    uint32_t fold = 0;
    for (int i = 0; i < MAT; i++)
        for (int j = 0; j < MAT; j++)
            fold += ((uint32_t)(mc[i][j] + 7) >> 3) & 0x7Fu;
    return crc16(crc, fold, 4);
}

/* State machine: classify the comma-separated tokens of a text as integers, decimals,
 * exponent numbers or invalid, counting the transitions. */
enum st { S_START, S_INT, S_DOT, S_DEC, S_E, S_ESIGN, S_EXP, S_BAD, S_N };

static uint16_t state_work(uint16_t crc)
{
    static const char alphabet[] = "0123456789.e+-,x";
    for (int i = 0; i < TEXT - 1; i++)
        text[i] = alphabet[rnd() & 15];
    text[TEXT - 1] = 0;
    unsigned counts[S_N] = {0};
    enum st s = S_START;
    for (const char *p = text;; p++) {
        char ch = *p;
        if (ch == ',' || ch == 0) {
            counts[s]++;
            s = S_START;
            if (!ch)
                break;
            continue;
        }
        bool digit = ch >= '0' && ch <= '9';
        switch (s) {
        case S_START: s = digit ? S_INT : (ch == '+' || ch == '-') ? S_INT : S_BAD; break;
        case S_INT: s = digit ? S_INT : ch == '.' ? S_DOT : ch == 'e' ? S_E : S_BAD; break;
        case S_DOT: s = digit ? S_DEC : S_BAD; break;
        case S_DEC: s = digit ? S_DEC : ch == 'e' ? S_E : S_BAD; break;
        case S_E: s = digit ? S_EXP : (ch == '+' || ch == '-') ? S_ESIGN : S_BAD; break;
        case S_ESIGN: s = digit ? S_EXP : S_BAD; break;
        case S_EXP: s = digit ? S_EXP : S_BAD; break;
        default: break;
        }
    }
    for (int i = 0; i < S_N; i++)
        crc = crc16(crc, counts[i], 2);
    return crc;
}

static uint16_t round_work(void)
{
    seed = 0x2016u;
    uint16_t crc = 0xFFFFu;
    crc = list_work(crc);
    crc = matrix_work(crc);
    crc = state_work(crc);
    return crc;
}

/* Not inlined: its entry is the once-per-round address the benchmarks count. */
void bench_round_done(uint16_t crc, uint16_t first) __attribute__((noinline));
void bench_round_done(uint16_t crc, uint16_t first)
{
    static bool reported;
    if (crc != first && !reported) {
        reported = true; /* once: printing is console exits, which would skew the figures */
        console_puts("bench work: BAD\n");
    }
}

int main(void)
{
    console_init(4);
    uint16_t first = round_work();
    console_puts("bench work: crc ");
    console_putdec(first);
    console_puts("\n");
    for (;;) {
        bench_round_done(round_work(), first);
    }
}
