/*
 * Helpers of the system-peripheral tests: register access, SYSKEY unlock, physical
 * addresses for DMA, RAM that survives a chip reset, configuration words.
 */
#ifndef TESTS_SYSPERIPH_SP_H
#define TESTS_SYSPERIPH_SP_H

#include "rt.h"
#include "soc/devcfg.h"
#include "soc/dma.h"
#include "soc/memmap.h"
#include "soc/sba.h"
#include "soc/syscfg.h"
#include "soc/uart.h"
#include "soc/wdt.h"

#define K1(pa)      ((pa) | KSEG1_BASE)
#define SFR(pa)     REG32(K1(pa))
#define PHYS(p)     ((uint32_t)(uintptr_t)(p)&KSEG_PHYS_MASK)
#define CFG(off)    SFR(CFG_PHYS + (off))
#define OSC(off)    SFR(OSC_PHYS + (off))
#define DMA(off)    SFR(DMA_PHYS + (off))
#define DCH(n, r)   SFR(DMA_PHYS + DCH_REG(n, r))
#define SBT(x, off) SFR(SBT_PHYS(x) + (off))

/* RAM kept across a chip reset (sysperiph.ld: not data, bss or stack). */
#define SP_KEEP   0xA0060000u
#define KEEP32(i) REG32(SP_KEEP + 4 * (i))
#define SP_MAGIC  0x5EB007EDu

/* The two SYSKEY sequences in use (pic32mz-ef.md §2.2). */
static inline void unlock(void) /* Linux, Harmony, XC32 */
{
    CFG(CFG_SYSKEY) = 0;
    CFG(CFG_SYSKEY) = SYSKEY_UNLOCK1;
    CFG(CFG_SYSKEY) = SYSKEY_UNLOCK2;
}
static inline void unlock_tinyvp(void)
{
    CFG(CFG_SYSKEY) = SYSKEY_UNLOCK1;
    CFG(CFG_SYSKEY) = SYSKEY_UNLOCK2;
}
static inline void relock(void)
{
    CFG(CFG_SYSKEY) = 0x33333333u;
}

/* DEVCFG3..DEVCFG0 as they lie from 0xBFC0FFC0 (pic32mz-ef.md §10.1). */
#define DEVCFG_WORDS(d3, d2, d1, d0)                                                               \
    __attribute__((section(".devcfg"), used)) static const uint32_t devcfg_words[4] = {d3, d2, d1, \
                                                                                       d0}

/* Busy-waits n simulated cycles. */
static inline void spin(uint32_t n)
{
    uint32_t t0 = simcycles();
    while (simcycles() - t0 < n)
        ;
}

#endif
