/*
 * System bus arbiter (pic32mz-ef.md §8; DS60001320 §4.2-4.3):
 * - DMA fencing as tinyVP sets it up: DMA in permission group 1 (CFGPG.DMAPG), RAM target T2
 *   region 0 for group 0 only, region 1 a 1 KB window open to groups 0 and 1.  A DMA copy
 *   inside the window works; a DMA write outside it is blocked (the destination keeps its
 *   contents), the channel reports an address error (CHERIF, DMASTAT/DMAADDR), and the
 *   violation is logged in SBT2ELOG1 (CMD 1 = write, INITID 5 = DMA write, REGION 0) and
 *   SBT2ELOG2 (group 1); SBFLAG bit 2 and IRQ 106 follow once SBT2ECON.ERRP = 1; reading
 *   SBT2ECLRS clears the log.
 * - the CPU (group 0) denied a 1 KB window: loads and stores there raise DBE (ExcCode 7),
 *   also through KSEG0 after the page was already used (the simulator's soft TLB must not
 *   bypass the arbiter), the neighbouring 1 KB is fine; logged as CMD 2 = read, INITID 1.
 * - PGLOCK freezes the permission registers.
 */
#include "sp.h"

#define RAM_T2 SBT_RAM0
#define WINDOW 0x00010000u /* DMA window (phys), 1 KB */
#define DENIED 0x00020000u /* CPU-denied window (phys), 1 KB */
#define SIZE1K SBTREG_VAL(0, 10)

int main(void)
{
    volatile uint32_t *win = (volatile uint32_t *)K1(WINDOW);
    volatile uint32_t *outside = (volatile uint32_t *)K1(WINDOW + 0x400);
    for (unsigned i = 0; i < 16; i++) {
        win[i] = 0xA5000000u | i;
        win[64 + i] = 0;
        outside[i] = 0xC0FFEE00u | i;
    }
    CHECK_EQ(SBT(RAM_T2, SBT_RD(0)), SBTPERM_RESET);
    CHECK_EQ(SBT(RAM_T2, SBT_REG(0)), SBTREG_VAL(0, 18)); /* 256 KB at 0 (§8.4 example) */

    /* tinyVP-style fencing. */
    CFG(CFG_CFGPG) = 1u << CFGPG_DMAPG_SHIFT;
    SBT(RAM_T2, SBT_RD(0)) = SBTPERM_GROUP(0);
    SBT(RAM_T2, SBT_WR(0)) = SBTPERM_GROUP(0);
    SBT(RAM_T2, SBT_REG(1)) = WINDOW | SIZE1K;
    SBT(RAM_T2, SBT_RD(1)) = SBTPERM_GROUP(0) | SBTPERM_GROUP(1);
    SBT(RAM_T2, SBT_WR(1)) = SBTPERM_GROUP(0) | SBTPERM_GROUP(1);
    CHECK_EQ(SBT(RAM_T2, SBT_REG(1)), WINDOW | SIZE1K);

    DMA(DMA_DMACON) = DMACON_ON;
    /* Inside the window: allowed. */
    DCH(0, DCH_SSA) = WINDOW;
    DCH(0, DCH_DSA) = WINDOW + 0x100;
    DCH(0, DCH_SSIZ) = DCH(0, DCH_DSIZ) = DCH(0, DCH_CSIZ) = 64;
    DCH(0, DCH_CON) = DCHCON_CHEN;
    DCH(0, DCH_ECON + SFR_SET) = DCHECON_CFORCE;
    spin(200);
    CHECK_EQ(win[64 + 15], 0xA500000Fu);
    CHECK_EQ(DCH(0, DCH_INT) & (DCHINT_CHERIF | DCHINT_CHBCIF), DCHINT_CHBCIF);
    CHECK_EQ(SBT(RAM_T2, SBT_ELOG1), 0);
    /* Writing outside: blocked and logged. */
    DCH(0, DCH_INT) = 0;
    DCH(0, DCH_DSA) = WINDOW + 0x400;
    DCH(0, DCH_CON) = DCHCON_CHEN;
    DCH(0, DCH_ECON + SFR_SET) = DCHECON_CFORCE;
    spin(200);
    CHECK_EQ(outside[0], 0xC0FFEE00u);
    CHECK_EQ(DCH(0, DCH_INT) & (DCHINT_CHERIF | DCHINT_CHBCIF), DCHINT_CHERIF);
    CHECK_EQ(DCH(0, DCH_CON) & DCHCON_CHEN, 0);
    CHECK_EQ(DMA(DMA_DMASTAT), 0); /* channel 0, a write */
    CHECK_EQ(DMA(DMA_DMAADDR), WINDOW + 0x400);
    uint32_t elog1 = SBT(RAM_T2, SBT_ELOG1);
    CHECK_EQ(elog1 & ELOG1_CMD, ELOG_CMD_WRITE);
    CHECK_EQ((elog1 & ELOG1_INITID) >> ELOG1_INITID_SHIFT, INITID_DMA_WR);
    CHECK_EQ((elog1 & ELOG1_REGION) >> ELOG1_REGION_SHIFT, 0);
    CHECK_EQ(elog1 & ELOG1_MULTI, 0);
    CHECK_EQ(SBT(RAM_T2, SBT_ELOG2) & ELOG2_GROUP, 1);
    CHECK_EQ(SFR(SBFLAG_PHYS), 0); /* not reported: ERRP = 0 */
    CHECK(!evic_flag(IRQ_SB_VIOLATION));
    SBT(RAM_T2, SBT_ECON) = ECON_ERRP;
    CHECK_EQ(SFR(SBFLAG_PHYS), 1u << RAM_T2);
    CHECK(evic_flag(IRQ_SB_VIOLATION));
    /* A second violation: MULTI. Reading from outside the window. */
    DCH(0, DCH_SSA) = WINDOW + 0x800;
    DCH(0, DCH_DSA) = WINDOW + 0x100;
    DCH(0, DCH_CON) = DCHCON_CHEN;
    DCH(0, DCH_ECON + SFR_SET) = DCHECON_CFORCE;
    spin(200);
    CHECK_EQ(DMA(DMA_DMASTAT), DMASTAT_RDWR);
    CHECK_EQ(SBT(RAM_T2, SBT_ELOG1) & (ELOG1_MULTI | ELOG1_CMD), ELOG1_MULTI | ELOG_CMD_WRITE);
    (void)SBT(RAM_T2, SBT_ECLRM);
    CHECK_EQ(SBT(RAM_T2, SBT_ELOG1), 0);
    CHECK_EQ(SFR(SBFLAG_PHYS), 0);
    evic_ack(IRQ_SB_VIOLATION);

    /* CPU (group 0) denied a window: use it first through KSEG0 (soft TLB). */
    volatile uint32_t *k0 = (volatile uint32_t *)KSEG0(DENIED);
    k0[0] = 0x11111111u;
    CHECK_EQ(k0[0], 0x11111111u);
    SBT(RAM_T2, SBT_REG(2)) = DENIED | SIZE1K;
    SBT(RAM_T2, SBT_RD(2)) = SBTPERM_GROUP(1);
    SBT(RAM_T2, SBT_WR(2)) = SBTPERM_GROUP(1);
    expect_exception();
    uint32_t v = k0[0];
    (void)v;
    CHECK_EQ(exception_code(), EXCCODE_DBE);
    elog1 = SBT(RAM_T2, SBT_ELOG1);
    CHECK_EQ(elog1 & ELOG1_CMD, ELOG_CMD_READ);
    CHECK_EQ((elog1 & ELOG1_INITID) >> ELOG1_INITID_SHIFT, INITID_CPU);
    CHECK_EQ((elog1 & ELOG1_REGION) >> ELOG1_REGION_SHIFT, 2);
    CHECK_EQ(SBT(RAM_T2, SBT_ELOG2), 0);
    (void)SBT(RAM_T2, SBT_ECLRS);
    expect_exception();
    REG32(K1(DENIED) + 0x3FC) = 0x22222222u;
    CHECK_EQ(exception_code(), EXCCODE_DBE);
    CHECK_EQ((SBT(RAM_T2, SBT_ELOG1) & ELOG1_CMD), ELOG_CMD_WRITE);
    /* The next 1 KB is not in the window. */
    expect_exception();
    k0[256] = 0x33333333u;
    CHECK_EQ(k0[256], 0x33333333u);
    CHECK_EQ(exception_code(), -1);
    evic_ack(IRQ_SB_VIOLATION);

    /* PGLOCK: permissions frozen; open the window again and lock. */
    SBT(RAM_T2, SBT_RD(2)) = SBTPERM_GROUP(0);
    unlock();
    CFG(CFG_CFGCON) |= CFGCON_PGLOCK;
    relock();
    SBT(RAM_T2, SBT_RD(2)) = SBTPERM_GROUP(1);
    CHECK_EQ(SBT(RAM_T2, SBT_RD(2)), SBTPERM_GROUP(0));
    CHECK_EQ(k0[0], 0x11111111u); /* the denied store above changed nothing */
    return 0;
}
