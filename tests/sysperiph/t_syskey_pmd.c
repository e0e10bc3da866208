/*
 * SYSKEY, CFGCON lock bits, PMD and DEVID (pic32mz-ef.md §2.2-§2.6):
 * - DEVID<27:0> is the Wi-FIRE part's 0x0720E053 (§0), read-only;
 * - CFGCON.PMDLOCK/PGLOCK change only after either unlock sequence (with or without the
 *   leading 0, §2.2); any other SYSKEY write locks again;
 * - PMD writes are ignored while PMDLOCK = 1 ("appear to execute", §2.5);
 * - a module switched off in PMD does not respond: its registers read 0 and ignore writes
 *   (DS60001320 §33.4), here UART2 (PMD5.U2MD) and Timer2 (PMD4.T2MD); switched on again,
 *   they work;
 * - CFGPG cannot change while PGLOCK = 1 (§2.4, DS60001320 §4.3).
 * DEVCFG3 clears PGL1WAY/PMDL1WAY/IOL1WAY (§10.2), so the locks may be cleared again; the
 * erased value (1) would allow only one change (t_rswrst runs with it).
 */
#include "sp.h"

DEVCFG_WORDS(0xC7FFFFFFu, 0xFFF9B11Au, 0x7F7FFFFFu, 0xFFFFF7FFu);

#define U2(off) SFR(UART_PHYS(2) + (off))
#define T2(off) SFR(0x1F840200u + (off)) /* Timer2 base (§6.2): T2CON +0, TMR2 +0x10, PR2 +0x20 */

int main(void)
{
    CHECK_EQ(CFG(CFG_DEVID) & DEVID_DEVID, 0x0720E053);
    CFG(CFG_DEVID) = 0;
    CHECK_EQ(CFG(CFG_DEVID) & DEVID_DEVID, 0x0720E053);
    CHECK_EQ(CFG(CFG_CFGCON) & (CFGCON_PMDLOCK | CFGCON_PGLOCK | CFGCON_IOLOCK), 0);

    /* Locked: lock bits do not change. */
    CFG(CFG_CFGCON) |= CFGCON_PMDLOCK;
    CHECK_EQ(CFG(CFG_CFGCON) & CFGCON_PMDLOCK, 0);
    /* A first key alone does not unlock. */
    CFG(CFG_SYSKEY) = SYSKEY_UNLOCK1;
    CFG(CFG_CFGCON) |= CFGCON_PMDLOCK;
    CHECK_EQ(CFG(CFG_CFGCON) & CFGCON_PMDLOCK, 0);
    /* Keys in the wrong order do not unlock. */
    CFG(CFG_SYSKEY) = SYSKEY_UNLOCK2;
    CFG(CFG_SYSKEY) = SYSKEY_UNLOCK1;
    CFG(CFG_SYSKEY) = 0x12345678u;
    CFG(CFG_CFGCON) |= CFGCON_PMDLOCK;
    CHECK_EQ(CFG(CFG_CFGCON) & CFGCON_PMDLOCK, 0);

    /* Linux/Harmony sequence. */
    unlock();
    CFG(CFG_CFGCON) |= CFGCON_PMDLOCK;
    CHECK_EQ(CFG(CFG_CFGCON) & CFGCON_PMDLOCK, CFGCON_PMDLOCK);
    relock();
    /* PMDLOCK = 1: PMD writes appear to execute but change nothing. */
    CFG(CFG_PMD(5) + SFR_SET) = PMD5_UMD(2);
    CHECK_EQ(CFG(CFG_PMD(5)), 0);
    /* Locked again: PMDLOCK cannot be cleared. */
    CFG(CFG_CFGCON) &= ~CFGCON_PMDLOCK;
    CHECK_EQ(CFG(CFG_CFGCON) & CFGCON_PMDLOCK, CFGCON_PMDLOCK);
    /* tinyVP sequence (no leading 0). */
    unlock_tinyvp();
    CFG(CFG_CFGCON) &= ~CFGCON_PMDLOCK;
    CHECK_EQ(CFG(CFG_CFGCON) & CFGCON_PMDLOCK, 0);
    relock();

    /* UART2 and Timer2 respond while on. */
    U2(UxBRG) = 0x1234;
    CHECK_EQ(U2(UxBRG), 0x1234);
    T2(0x20) = 0x4321;
    CHECK_EQ(T2(0x20), 0x4321);
    /* PMD write with PMDLOCK = 0 needs no unlock; UART2 and Timer2 off. */
    CFG(CFG_PMD(5) + SFR_SET) = PMD5_UMD(2);
    CFG(CFG_PMD(4) + SFR_SET) = PMD4_TMD(2);
    CHECK_EQ(CFG(CFG_PMD(5)), PMD5_UMD(2));
    CHECK_EQ(CFG(CFG_PMD(4)), PMD4_TMD(2));
    expect_exception();
    CHECK_EQ(U2(UxBRG), 0); /* no response: reads 0 ... */
    U2(UxBRG) = 0x5555;     /* ... writes dropped ... */
    CHECK_EQ(T2(0x20), 0);
    CHECK_EQ(exception_code(), -1); /* ... and no bus error */
    /* UART1 is still on. */
    SFR(UART_PHYS(1) + UxBRG) = 0x77;
    CHECK_EQ(SFR(UART_PHYS(1) + UxBRG), 0x77);
    /* Unimplemented PMD bits stay 0. */
    CFG(CFG_PMD(2) + SFR_SET) = ~0u;
    CHECK_EQ(CFG(CFG_PMD(2)), PMD2_IMPL);
    CFG(CFG_PMD(2)) = 0;
    /* On again: the registers answer (the write while off had no effect). */
    CFG(CFG_PMD(5) + SFR_CLR) = PMD5_UMD(2);
    CFG(CFG_PMD(4) + SFR_CLR) = PMD4_TMD(2);
    CHECK(U2(UxBRG) != 0x5555);
    U2(UxBRG) = 0x99;
    CHECK_EQ(U2(UxBRG), 0x99);

    /* CFGPG: writable while PGLOCK = 0, frozen while 1. */
    CFG(CFG_CFGPG) = 2u << CFGPG_DMAPG_SHIFT;
    CHECK_EQ(CFG(CFG_CFGPG), 2u << CFGPG_DMAPG_SHIFT);
    unlock();
    CFG(CFG_CFGCON) |= CFGCON_PGLOCK;
    relock();
    CHECK_EQ(CFG(CFG_CFGCON) & CFGCON_PGLOCK, CFGCON_PGLOCK);
    CFG(CFG_CFGPG) = 0;
    CHECK_EQ(CFG(CFG_CFGPG), 2u << CFGPG_DMAPG_SHIFT);
    unlock();
    CFG(CFG_CFGCON) &= ~CFGCON_PGLOCK;
    relock();
    CFG(CFG_CFGPG) = 0;
    CHECK_EQ(CFG(CFG_CFGPG), 0);
    return 0;
}
