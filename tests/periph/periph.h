/*
 * Helpers for the peripheral tests (tests/periph): register access by block, range checks,
 * cycle measurements.  The run-time (reset entry, vectors, checks) is tests/irq's rt.S/rt.c.
 *
 * Time: the simulator counts one cycle per SYSCLK period, 200 MHz (docs/dev/sim-internals.md,
 * pic32mz-ef.md §0); PBCLK2 (UARTs) and PBCLK3 (timers) are 100 MHz at reset-default
 * dividers (pic32mz-ef.md §2.7, §4.4, §6.2): one peripheral clock = 2 cycles.
 */
#ifndef TESTS_PERIPH_H
#define TESTS_PERIPH_H

#include "rt.h"
#include "soc/memmap.h"

#define CYCLES_PER_PBCLK 2u

#define SFR(pa) REG32(KSEG1(pa))

static inline void check_range_(const char *file, unsigned line, const char *what, uint32_t got,
                                uint32_t lo, uint32_t hi)
{
    if (got >= lo && got <= hi) {
        TESTDEV(TESTDEV_PASS) = line;
        return;
    }
    print(file);
    print(": ");
    print(what);
    print(": got ");
    print_hex(got);
    print(" want ");
    print_hex(lo);
    print("..");
    print_hex(hi);
    print("\n");
    TESTDEV(TESTDEV_FAIL) = line;
}
/* lo <= got <= hi */
#define CHECK_RANGE(got, lo, hi)                                                                   \
    check_range_(__FILE__, __LINE__, #got, (uint32_t)(got), (uint32_t)(lo), (uint32_t)(hi))

/* Accesses for bus-error checks: kept out of branch delay slots (the exception recorder of
 * rt.c resumes at EPC + 4). */
static inline uint32_t probe_read(uint32_t addr)
{
    uint32_t v;
    __asm__ volatile(".set push\n\t.set noreorder\n\tlw %0, 0(%1)\n\tnop\n\t.set pop"
                     : "=r"(v)
                     : "r"(addr)
                     : "memory");
    return v;
}

static inline void probe_write(uint32_t addr, uint32_t v)
{
    __asm__ volatile(".set push\n\t.set noreorder\n\tsw %0, 0(%1)\n\tnop\n\t.set pop"
                     :
                     : "r"(v), "r"(addr)
                     : "memory");
}

/* Polls until (REG32(addr) & mask) == want or `limit` cycles pass; returns the cycle counter
 * when it happened (0xFFFFFFFF on timeout). */
static inline uint32_t wait_bits(uint32_t addr, uint32_t mask, uint32_t want, uint32_t limit)
{
    uint32_t start = simcycles();
    for (;;) {
        uint32_t now = simcycles();
        if ((REG32(addr) & mask) == want)
            return now;
        if (now - start > limit)
            return 0xFFFFFFFFu;
    }
}

#endif
