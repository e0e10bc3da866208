/*
 * Exception priority where two conditions coincide (MIPS32 PRA MD00090 §6.2.1 priority table;
 * mips-vz.md §4.3: ... interrupt > instruction fetch (AdEL > TLB refill > TLB invalid >
 * TLBXI) > execution exceptions (RI, CpU, ...) > data (AdEL/AdES > TLB refill > TLB invalid >
 * TLBRI > TLB modified); mips-vz.md §3 "check order after a match": V, then XI/RI, then D):
 * - a fetch from a misaligned, unmapped kuseg address: AdEL, not a TLB refill;
 * - a misaligned load/store to an unmapped address: AdEL/AdES, not TLBL/TLBS;
 * - LWC1 with Status.CU1 = 0 and a misaligned address: CpU (execution) before AdEL (data);
 *   CACHE in user mode (CU0 = 0) on a kseg0 address: CpU before the AdEL of user access;
 * - a store to a page with V = 0 and D = 0: TLB invalid (TLBS), not Modified; a load from a
 *   page with V = 0 and RI = 1 (PageGrain.RIE, IEC = 1): TLBL, not TLBRI; a fetch from a page
 *   with V = 0 and XI = 1: TLBL, not TLBXI; a load from RI = 1, XI = 1: TLBRI; a store to
 *   RI = 1, D = 0: Modified (RI does not apply to stores);
 * - an interrupt pending when the next instruction is a SYSCALL, or a fetch that would miss
 *   in the TLB or is misaligned: the interrupt is taken first, EPC = that instruction, and
 *   BadVAddr is not written.
 */
#include "testdev.inc"
#include "priv.inc"
#include "../isa/user.inc"

#define RAM_PA 0x00040000               /* scratch page, KSEG0 0x80040000 */

    TEST_BEGIN
    /* Fetch: AdEL before refill. */
    li      $t4, 0x00400002
    EXPECT_EXC 7f
    jr      $t4
    nop
7:  CHECK_EXC EXCCODE_ADEL, 0x00400002
    CHECK_REC EXC_BADVADDR, 0x00400002

    /* Data: AdEL/AdES before refill. */
    li      $t0, 0x00400000
    EXPECT_EXC 7f
6:  lw      $t1, 2($t0)
    nop
7:  CHECK_EXC EXCCODE_ADEL, 6b
    CHECK_REC EXC_BADVADDR, 0x00400002
    EXPECT_EXC 7f
6:  sh      $t1, 1($t0)
    nop
7:  CHECK_EXC EXCCODE_ADES, 6b
    CHECK_REC EXC_BADVADDR, 0x00400001

    /* Execution before data: LWC1 with CU1 = 0 at a misaligned unmapped address. */
    li      $t1, 0x11111111
    mtc0    $t1, C0_BADVADDR            /* read-only: just make sure it is not written */
    mfc0    $s1, C0_BADVADDR
    EXPECT_EXC 7f
6:  lwc1    $f0, 1($t0)
    nop
7:  CHECK_EXC EXCCODE_CPU, 6b
    CHECK_REC EXC_CAUSE, (EXCCODE_CPU << CAUSE_EXCCODE_SHIFT) | (1 << CAUSE_CE_SHIFT)
    lui     $k0, %hi(__tst_area + EXC_BADVADDR)
    lw      $k0, %lo(__tst_area + EXC_BADVADDR)($k0)
    xor     $k0, $k0, $s1
    CHECK_K0 0
    /* CACHE in user mode on a kseg0 address: CpU (CE = 0), not AdEL. */
    USER_MAP
    li      $t0, 0x80040000
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  cache   0x15, 0($t0)                /* Hit Writeback Invalidate D */
    nop
7:  CHECK_EXC EXCCODE_CPU, USER(6b)
    CHECK_REC EXC_CAUSE, (EXCCODE_CPU << CAUSE_EXCCODE_SHIFT)

    /* TLB checks after a match.  Entry 4: VA 0x00600000 -> even page V = 0, D = 0, RI, XI;
     * odd page (0x00601000) V = 1, D = 0, RI, XI. */
    li      $t1, PAGEGRAIN_RIE | PAGEGRAIN_XIE | PAGEGRAIN_IEC
    mtc0    $t1, C0_PAGEGRAIN
    TLB_WRITE 4, 0x00600000, ENTRYLO(RAM_PA, ENTRYLO_RI | ENTRYLO_XI), ENTRYLO(RAM_PA, ENTRYLO_RI | ENTRYLO_XI | ENTRYLO_V), 0
    li      $t0, 0x00600000
    EXPECT_EXC 7f
6:  sw      $t1, 0($t0)
    nop
7:  CHECK_EXC EXCCODE_TLBS, 6b          /* invalid before Modified */
    EXPECT_EXC 7f
6:  lw      $t1, 0($t0)
    nop
7:  CHECK_EXC EXCCODE_TLBL, 6b          /* invalid before TLBRI */
    EXPECT_EXC 7f
    jr      $t0
    nop
7:  CHECK_EXC EXCCODE_TLBL, 0x00600000  /* invalid before TLBXI */
    li      $t0, 0x00601000
    EXPECT_EXC 7f
6:  lw      $t1, 0($t0)
    nop
7:  CHECK_EXC EXCCODE_TLBRI, 6b
    EXPECT_EXC 7f
6:  sw      $t1, 0($t0)
    nop
7:  CHECK_EXC EXCCODE_MOD, 6b           /* RI does not stop a store; D = 0 does */
    EXPECT_EXC 7f
    jr      $t0
    nop
7:  CHECK_EXC EXCCODE_TLBXI, 0x00601000
    TLB_INVALIDATE 4
    mtc0    $zero, C0_PAGEGRAIN

    /* Interrupt before the next instruction's exceptions (BEV = 0 table: drops IP0).  Each
     * time: EXL = 1 blocks the pending, enabled IP0; ERET to the instruction unblocks it. */
    PRIV_VECTORS
    SET_EBASE_PRIV
    .irp target, int_sys, 0x00700000, 0x00700002
    li      $t1, 0x22222222
    mtc0    $t1, C0_BADVADDR
    mfc0    $s1, C0_BADVADDR
    SET_STATUS STATUS_EXL | (1 << STATUS_IM_SHIFT) | STATUS_IE
    li      $t1, CAUSE_IP0
    mtc0    $t1, C0_CAUSE
    la      $t1, \target
    mtc0    $t1, C0_EPC
    EXPECT_EXC 7f
    ehb
    eret
    .ifc \target, int_sys
int_sys:
    .endif
    syscall
    nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_CODE, EXCCODE_INT
    CHECK_REC EXC_VECTOR, 0x1180
    CHECK_REC EXC_EPC, \target
    lui     $k0, %hi(__tst_area + EXC_BADVADDR)
    lw      $k0, %lo(__tst_area + EXC_BADVADDR)($k0)
    xor     $k0, $k0, $s1
    CHECK_K0 0
    .endr
    SET_STATUS STATUS_BEV
    TEST_EXIT
