/*
 * Software reset (pic32mz-ef.md §2.11): RSWRST = 1 (through RSWRSTSET, as XC32 does) after the
 * SYSKEY unlock, then a read of RSWRST, resets the whole chip: the core restarts at the reset
 * vector with reset state (this program runs again from the start), RCON.SWR is set, POR is
 * not, RAM keeps its contents, the devices are back to their reset values (EVIC INTCON, a
 * UART's BRG, CFGPG, SYSKEY locked).  Locked, the RSWRST write has no effect.
 */
#include "sp.h"

#define U1BRG SFR(UART_PHYS(1) + UxBRG)

int main(void)
{
    if (KEEP32(0) != SP_MAGIC) {
        /* First run: after power-on RCON has POR (and BOR), not SWR (§10.3). */
        CHECK_EQ(OSC(OSC_RCON) & (RCON_POR | RCON_SWR), RCON_POR);
        OSC(OSC_RCON + SFR_CLR) = RCON_POR | RCON_BOR;
        CHECK_EQ(OSC(OSC_RCON) & RCON_POR, 0);
        /* Locked: the write does not arm the reset, the read does not reset. */
        OSC(OSC_RSWRST + SFR_SET) = RSWRST_SWRST;
        CHECK_EQ(OSC(OSC_RSWRST), 0);
        /* State that a reset must undo, and RAM that it must keep. */
        EVIC(EVIC_INTCON) = INTCON_MVEC;
        U1BRG = 0x55;
        CFG(CFG_CFGPG) = 1u << CFGPG_DMAPG_SHIFT;
        for (unsigned i = 1; i < 64; i++)
            KEEP32(i) = i * 0x01010101u;
        KEEP32(0) = SP_MAGIC;
        unlock();
        OSC(OSC_RSWRST + SFR_SET) = RSWRST_SWRST;
        (void)OSC(OSC_RSWRST); /* resets here */
        CHECK(0);              /* not reached */
        return 0;
    }
    /* Second run, after the software reset. */
    KEEP32(0) = 0;
    CHECK_EQ(OSC(OSC_RCON) & (RCON_POR | RCON_SWR), RCON_SWR);
    unsigned bad = 0;
    for (unsigned i = 1; i < 64; i++)
        bad += KEEP32(i) != i * 0x01010101u;
    CHECK_EQ(bad, 0);
    CHECK_EQ(EVIC(EVIC_INTCON) & INTCON_MVEC, 0);
    CHECK_EQ(U1BRG, 0);
    CHECK_EQ(CFG(CFG_CFGPG), 0);
    CHECK_EQ(OSC(OSC_RSWRST), 0);
    /* SYSKEY is locked after the reset. */
    CFG(CFG_CFGCON) |= CFGCON_PMDLOCK;
    CHECK_EQ(CFG(CFG_CFGCON) & CFGCON_PMDLOCK, 0);
    /* Erased DEVCFG3 has PMDL1WAY = 1 (§10.2): PMDLOCK, once set, stays set until reset. */
    unlock();
    CFG(CFG_CFGCON) |= CFGCON_PMDLOCK;
    CFG(CFG_CFGCON) &= ~CFGCON_PMDLOCK;
    CHECK_EQ(CFG(CFG_CFGCON) & CFGCON_PMDLOCK, CFGCON_PMDLOCK);
    relock();
    return 0;
}
