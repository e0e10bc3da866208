/*
 * CP0 writable and read-only fields: each register of issue 3's list is written with all
 * ones and with all zeros (a few with patterns, where a field value is UNDEFINED) and read
 * back; bits outside the writable mask must keep their value.  Masks from MIPS32 PRA (MD00090)
 * §9, the register descriptions (R/W vs R fields), and mips-vz.md §2 for the M5150:
 * - Index: Index<3:0> (16 entries), P read-only.  Random, BadVAddr, BadInstr(P), PRId,
 *   NestedExc, LLAddr, Config1/2/4: read-only.  Wired<3:0>.
 * - EntryLo0/1: PFN<25:6> (32-bit physical addresses, mips-vz.md §2.1), C, D, V, G; RI/XI
 *   writable with PageGrain.RIE/XIE = 1 (only checked then).
 * - Context: PTEBase<31:23> only (BadVPN2 is written by TLB exceptions).
 * - PageMask: Mask<28:13> (4 KB to 256 MB pages: the simulator's reading of the 1 MB/256 MB
 *   question, mips-vz.md §6 and §8 #1; MD00090 §9.8: writing all ones and reading back tells
 *   which sizes exist); MaskX<12:11> reads 0 (no 1 KB pages: Config3.SP = 0).
 * - PageGrain: RIE, XIE, IEC (ESP and ELPA read 0: Config3.SP = LPA = 0).
 * - HWREna: bits 3:0 and ULR (bit 29; Config3.ULRI = 1); bits 31:30 implementation-dependent.
 * - EntryHi: VPN2<31:13>, EHINV<10> (Config4.IE >= 1), ASID<7:0>; VPN2X and ASIDX read 0.
 * - Status: CU1, CU0, FR, MX, BEV, IM7..IM0/IPL<5:0>, KSU, ERL, EXL, IE; CU3/CU2 (no such
 *   coprocessors), bit 23, SR and NMI (writing 1 cannot set them), KX/SX/UX (MIPS32) read 0.
 *   RP, RE, CEE and bits 18:16 are implementation-dependent and not checked; TS is written 0
 *   (writing it 1 is UNPREDICTABLE).  FR is not checked for the zero write (the FPU might
 *   support FR = 1 only: mips-vz.md §6).
 * - IntCtl: VS only (written 0x10: values other than 0,1,2,4,8,16 are UNDEFINED); IPTI,
 *   IPPCI, IPFDC read-only.
 * - SRSCtl: ESS and PSS (written 7 = HSS: larger values are UNDEFINED); HSS, EICSS, CSS
 *   read-only.  SRSMap: all 8 fields (written 7).
 * - Cause: DC, IV, IP1, IP0; BD, CE, ExcCode read-only; TI, PCI, FDCI, RIPL/IP7..2 are
 *   hardware state and not compared; WP is written 0.
 * - EPC, ErrorEPC, NestedEPC, KScratch1/2, UserLocal, Count, Compare: all bits.
 * - EBase: ExceptionBase<29:12>; CPUNum read-only; with WG = 0, bits 31:30 stay 0b10
 *   (mips-vz.md §2.7; the WG = 1 path is in vectors.S).
 * - Config0: K0 only.  Config3: ISAOnExc only (microMIPS implemented).  Config5: M, LLB and
 *   NF compared (other fields are R5 options).  Config7: WII compared.
 */
#include "testdev.inc"
#include "priv.inc"

/* WRCHK reg, sel, v, wm, cmask: writes v, reads back, restores the old value; passes when
 * (read ^ ((old & ~wm) | (v & wm))) & cmask == 0.  Uses $s0, $t1-$t4. */
    .macro WRCHK reg, sel, v, wm, cmask=0xFFFFFFFF
    mfc0    $s0, $\reg, \sel
    li      $t1, \v
    mtc0    $t1, $\reg, \sel
    ehb
    mfc0    $t2, $\reg, \sel
    mtc0    $s0, $\reg, \sel
    ehb
    li      $t3, \wm
    and     $t4, $t1, $t3
    nor     $t3, $t3, $zero
    and     $t3, $s0, $t3
    or      $t3, $t3, $t4
    xor     $t2, $t2, $t3
    li      $t3, \cmask
    and     $t2, $t2, $t3
    CHECK   $t2, 0
    .endm

/* Both all ones and all zeros. */
    .macro WR10 reg, sel, wm, cmask=0xFFFFFFFF
    WRCHK   \reg, \sel, 0xFFFFFFFF, \wm, \cmask
    WRCHK   \reg, \sel, 0, \wm, \cmask
    .endm

#define ST_WM    0x3540FF1F
#define ST_CMASK 0xF5D8FFFF

    TEST_BEGIN
    WR10    0, 0, 0x0000000F                /* Index */
    WR10    1, 0, 0, 0xFFFFFFF0             /* Random: 0..15 whatever is written */
    WR10    2, 0, 0x03FFFFFF, 0x03FFFFFF    /* EntryLo0 with RIE = XIE = 0 */
    WR10    3, 0, 0x03FFFFFF, 0x03FFFFFF
    li      $t0, PAGEGRAIN_RIE | PAGEGRAIN_XIE
    mtc0    $t0, C0_PAGEGRAIN
    ehb
    WR10    2, 0, 0xC3FFFFFF, 0xC3FFFFFF
    WR10    3, 0, 0xC3FFFFFF, 0xC3FFFFFF
    mtc0    $zero, C0_PAGEGRAIN
    WR10    4, 0, 0xFF800000                /* Context */
    WR10    5, 0, 0x1FFFE000                /* PageMask */
    WR10    5, 1, 0xC8000000                /* PageGrain */
    WR10    6, 0, 0x0000000F                /* Wired */
    WR10    7, 0, 0x2000000F, 0x3FFFFFFF    /* HWREna */
    WR10    8, 0, 0                         /* BadVAddr */
    WR10    8, 1, 0                         /* BadInstr */
    WR10    8, 2, 0                         /* BadInstrP */
    WR10    10, 0, 0xFFFFE4FF               /* EntryHi */
    WR10    11, 0, 0xFFFFFFFF               /* Compare */
    WRCHK   12, 0, 0xFFDFFFFF, ST_WM, ST_CMASK  /* Status, TS written 0 */
    WRCHK   12, 0, 0, ST_WM, ST_CMASK & ~STATUS_FR
    WRCHK   12, 1, 0xFFFFFE1F, INTCTL_VS    /* IntCtl, VS = 0x10 */
    WRCHK   12, 1, 0, INTCTL_VS
    WRCHK   12, 2, 0xFFFF7DFF, SRSCTL_ESS | SRSCTL_PSS  /* SRSCtl, ESS = PSS = 7 */
    WRCHK   12, 2, 0, SRSCTL_ESS | SRSCTL_PSS
    WRCHK   12, 3, 0x77777777, 0xFFFFFFFF   /* SRSMap */
    WRCHK   12, 3, 0, 0xFFFFFFFF
    WRCHK   13, 0, 0xFFBFFFFF, 0x08800300, 0xB8DC03FF  /* Cause, WP written 0 */
    WRCHK   13, 0, 0, 0x08800300, 0xB8DC03FF
    WR10    13, 5, 0                        /* NestedExc */
    WR10    14, 0, 0xFFFFFFFF               /* EPC */
    WR10    14, 2, 0xFFFFFFFF               /* NestedEPC */
    WR10    15, 0, 0                        /* PRId */
    WRCHK   15, 1, 0xFFFFF7FF, 0x3FFFF000   /* EBase with WG = 0 */
    WRCHK   15, 1, 0, 0x3FFFF000
    WR10    16, 0, 0x00000007               /* Config0: K0 */
    WR10    16, 1, 0
    WR10    16, 2, 0
    WR10    16, 3, 0x00010000               /* Config3: ISAOnExc */
    WR10    16, 4, 0
    WR10    16, 5, 0, 0x80000011
    WR10    16, 7, 0, 0x80000000
    WR10    17, 0, 0, 0xFFFFFFFE            /* LLAddr (LLB, bit 0, absent: Config5.LLB = 0) */
    WR10    30, 0, 0xFFFFFFFF               /* ErrorEPC */
    WR10    31, 2, 0xFFFFFFFF               /* KScratch1 */
    WR10    31, 3, 0xFFFFFFFF               /* KScratch2 */
    WR10    4, 2, 0xFFFFFFFF                /* UserLocal */

    /* Count: written values are read back (advancing by at most a few counts). */
    li      $t1, 0xFFFFFFF0
    mtc0    $t1, C0_COUNT
    ehb
    mfc0    $t2, C0_COUNT
    subu    $t2, $t2, $t1
    sltiu   $t2, $t2, 4
    CHECK   $t2, 1
    mtc0    $zero, C0_COUNT
    ehb
    mfc0    $t2, C0_COUNT
    sltiu   $t2, $t2, 4
    CHECK   $t2, 1
    mtc0    $zero, C0_COMPARE           /* clears a TI the Count writes may have caused */
    TEST_EXIT
