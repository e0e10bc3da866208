/*
 * CP0 after reset, read by the first instructions the core executes (no TEST_BEGIN: it writes
 * Status).  Only what the documents define is checked:
 * - MIPS32 PRA (MD00090) §9 per register: Status.BEV = ERL = 1 and TS = SR = NMI = RP = 0 at
 *   a power-on reset; Wired = 0, so Random is within 0..15 (Random counts down between Wired
 *   and the last entry); PageGrain.RIE/XIE/IEC = 0; HWREna = 0; SRSCtl.ESS/PSS/CSS = 0;
 *   IntCtl.VS = 0; EBase = 0x80000000 | CPUNum (CPUNum 0 on the single-core PIC32MZ);
 *   Debug.DM = 0; Cause.DC = 0 (Count runs).
 * - What the M5150 in a PIC32MZ-EF announces (mips-vz.md §2.8, §6; issue 3): PRId
 *   0x0001A7xx; Config0.M = 1, BE = 0, AT = 0 (MIPS32), AR = 1 (Release 2..5), MT = 1
 *   (standard TLB), VI = 0; Config1.M = 1, MMUSize-1 = 15 (16 entries), C2 = 0, MD = 0,
 *   EP = 1, FP = 1; Config2.M = 1; Config3.M = 1, VZ, VEIC, VInt, BI, BP, RXI, ULRI, DSPP,
 *   DSP2P = 1, ISA = 2 or 3 (MIPS32 and microMIPS), SC = 0, MSAP = 0, CMGCR = 0, and
 *   ISAOnExc = the boot ISA (0 when ISA = 2); Config4.M = 1, IE = 1 (EHINV only: TLBINV and
 *   TLBINVF absent), KScrExist = 0x0C (KScratch at selects 2 and 3), AE = 0 (8-bit ASID);
 *   Config5.LLB = 0 (no ERETNC), NF = 1 (NestedEPC/NestedExc present); Config7.WII = 1;
 *   SRSCtl.HSS = 7 (8 register sets), IntCtl.IPTI names IP2..IP7.
 * - Unimplemented selects read 0, also after a write (MD00090 §9.1): (0,1) MVPControl (no MT),
 *   (4,1) ContextConfig (Config3.CTXTC = 0), (5,2)-(5,4) SegCtl0-2 (Config3.SC = 0), (15,3)
 *   CMGCRBase (Config3.CMGCR = 0), (18,0)/(19,0) WatchLo/Hi and (25,0)/(25,1) PerfCtl0/Cnt0
 *   (Config1.WR = PC = 0), (31,4)-(31,7) KScratch3-6 (not in Config4.KScrExist).
 * Failures are reported through the test device by check number (CHECK_EQ).
 */
#include "testdev.inc"

    .set __rid, 0
    /* RCHK reg, sel, mask, value: (MFC0 & mask) == value. */
    .macro RCHK reg, sel, mask, value
    .set __rid, __rid + 1
    mfc0    $t0, $\reg, \sel
    li      $t1, \mask
    and     $t0, $t0, $t1
    CHECK_EQ $t0, \value, __rid
    .endm

    /* RZERO reg, sel: an unimplemented select reads 0, before and after writing ones. */
    .macro RZERO reg, sel
    RCHK    \reg, \sel, 0xFFFFFFFF, 0
    li      $t2, 0xFFFFFFFF
    mtc0    $t2, $\reg, \sel
    ehb
    RCHK    \reg, \sel, 0xFFFFFFFF, 0
    .endm

    .section .text.start, "ax"
    .set noreorder
    .set noat
    .globl _start
_start:
    RCHK    12, 0, STATUS_BEV | STATUS_ERL | STATUS_TS | STATUS_SR | STATUS_NMI | STATUS_RP, STATUS_BEV | STATUS_ERL
    /* Random in Wired..15 with Wired = 0. */
    RCHK    6, 0, 0xFFFFFFFF, 0
    RCHK    1, 0, 0xFFFFFFF0, 0
    RCHK    5, 1, PAGEGRAIN_RIE | PAGEGRAIN_XIE | PAGEGRAIN_IEC, 0
    RCHK    7, 0, 0xFFFFFFFF, 0
    RCHK    12, 2, 0xFFFFFFFF, 7 << SRSCTL_HSS_SHIFT
    RCHK    12, 1, INTCTL_VS, 0
    mfc0    $t0, C0_INTCTL          /* IPTI in 2..7 */
    ext     $t0, $t0, INTCTL_IPTI_SHIFT, 3
    sltiu   $t0, $t0, 2
    .set __rid, __rid + 1
    CHECK_EQ $t0, 0, __rid
    RCHK    15, 1, 0xFFFFFC00, 0x80000000
    RCHK    15, 0, 0xFFFFFF00, 0x0001A700
    RCHK    23, 0, DEBUG_DM, 0
    RCHK    13, 0, CAUSE_DC, 0
    RCHK    16, 0, 0x8000FF88, CONFIG_M | (1 << CONFIG0_AR_SHIFT) | (1 << CONFIG0_MT_SHIFT)
    RCHK    16, 1, 0xFE000063, CONFIG_M | (15 << CONFIG1_MMUSIZE_SHIFT) | CONFIG1_EP | CONFIG1_FP
    RCHK    16, 2, CONFIG_M, CONFIG_M
    RCHK    16, 3, 0xBE803C60, CONFIG_M | CONFIG3_VZ | CONFIG3_BI | CONFIG3_BP | CONFIG3_RXI | CONFIG3_ULRI | CONFIG3_DSPP | CONFIG3_DSP2P | CONFIG3_VEIC | CONFIG3_VINT
    RCHK    16, 3, CONFIG3_ISA & (2 << CONFIG3_ISA_SHIFT), 2 << CONFIG3_ISA_SHIFT
    mfc0    $t0, C0_CONFIG3         /* ISAOnExc = 1 exactly when the core boots microMIPS (ISA = 3) */
    ext     $t1, $t0, CONFIG3_ISA_SHIFT, 1
    ext     $t2, $t0, 16, 1
    xor     $t0, $t1, $t2
    .set __rid, __rid + 1
    CHECK_EQ $t0, 0, __rid
    RCHK    16, 4, 0xF0FF0000, CONFIG_M | (1 << CONFIG4_IE_SHIFT) | (0x0C << CONFIG4_KSCREXIST_SHIFT)
    RCHK    16, 5, CONFIG5_LLB | CONFIG5_NF, CONFIG5_NF
    RCHK    16, 7, 0x80000000, 0x80000000
    /* Count runs after reset (Cause.DC = 0). */
    mfc0    $t3, C0_COUNT
    nop
    nop
    nop
    nop
    mfc0    $t0, C0_COUNT
    subu    $t0, $t0, $t3
    sltu    $t0, $zero, $t0
    .set __rid, __rid + 1
    CHECK_EQ $t0, 1, __rid
    /* Unimplemented selects. */
    RZERO   0, 1
    RZERO   4, 1
    RZERO   5, 2
    RZERO   5, 3
    RZERO   5, 4
    RZERO   15, 3
    RZERO   18, 0
    RZERO   19, 0
    RZERO   25, 0
    RZERO   25, 1
    RZERO   31, 4
    RZERO   31, 5
    RZERO   31, 6
    RZERO   31, 7
    TEST_EXIT
