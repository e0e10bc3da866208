/*
 * The victim of the isolation tests (tests/isolation): a compute-bound polling guest that
 * never gives up the CPU, so that its progress measures its time share.  Every beat it runs
 * BEAT_ITER steps of a 32-bit LCG folded into a running sum, folds in a checksum of a 16 KB
 * pattern it keeps in its RAM, and prints
 *     victim: beat N sum SSSSSSSS ram RRRRRRRR at CCCCCCCC
 * where CCCCCCCC is the core timer (Count) when the beat's work ended.  tests/isolation/run.sh
 * recomputes SSSSSSSS and RRRRRRRR independently: any foreign write into the victim's RAM or
 * registers, or any lost or repeated work, changes them.  Built with -DVICTIM_WAITS it does a
 * tenth of the work a beat and sleeps 4 ms after each (the fuzz runs' victim).
 */
#include "../rt/pic32mz.h"

#ifdef VICTIM_WAITS
/* The light variant (tests/isolation fuzz runs): a short beat, then 4 ms asleep in WAIT. */
#define BEAT_ITER   25000u
#define SLEEP_TICKS (4u * (CORE_TIMER_HZ / 1000u))
#else
#define BEAT_ITER 250000u
#endif
#define PATTERN_WORDS 4096u /* 16 KB */

static uint32_t pattern[PATTERN_WORDS];

static void puthex(uint32_t v)
{
    for (int s = 28; s >= 0; s -= 4)
        console_putc("0123456789abcdef"[(v >> s) & 15u]);
}

static uint32_t rotl5(uint32_t s)
{
    return (s << 5) | (s >> 27);
}

int main(void)
{
    console_init(4);
    for (uint32_t i = 0; i < PATTERN_WORDS; i++)
        pattern[i] = i * 0x9E3779B9u;
    console_puts("victim: start\n");
    uint32_t x = 1, sum = 0;
    for (uint32_t beat = 1;; beat++) {
        for (uint32_t i = 0; i < BEAT_ITER; i++) {
            x = x * 1664525u + 1013904223u;
            sum = rotl5(sum) ^ x;
        }
        uint32_t ram = 0;
        for (uint32_t i = 0; i < PATTERN_WORDS; i++)
            ram = rotl5(ram) ^ pattern[i];
        sum ^= ram;
        uint32_t at = core_count();
        console_puts("victim: beat ");
        console_putdec(beat);
        console_puts(" sum ");
        puthex(sum);
        console_puts(" ram ");
        puthex(ram);
        console_puts(" at ");
        puthex(at);
        console_puts("\n");
#ifdef VICTIM_WAITS
        uint32_t wake = core_count() + SLEEP_TICKS;
        mtc0(11, 0, wake);
        while ((int32_t)(core_count() - wake) < 0)
            __asm__ volatile("wait");
#endif
    }
}
