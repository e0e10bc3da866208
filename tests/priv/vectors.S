/*
 * Exception vectors with Status.BEV = 0 and EBase (MIPS32 PRA MD00090 §6.2.2 vector table,
 * §9 EBase; mips-vz.md §4.1, §2.7).  The BEV = 1 vectors are used by every other program
 * (TEST_BEGIN's handlers: refill 0xBFC00200, general 0xBFC00380, tests/isa/tlb.S for the
 * EXL = 1 refill) and by bev_irq.S for interrupts.  Here, with BEV = 0:
 * - TLB refill with EXL = 0: EBase + 0x000; with EXL = 1: EBase + 0x180 and EPC unchanged;
 * - TLB invalid (a matching entry with V = 0): EBase + 0x180, never the refill vector;
 * - SYSCALL (all other exceptions): EBase + 0x180;
 * - interrupts (compatibility mode, software interrupt IP0): Cause.IV = 0 -> EBase + 0x180,
 *   IV = 1 with IntCtl.VS = 0 -> EBase + 0x200;
 * - EBase<29:12> moves every vector (a second table); with WG = 0, EBase<31:30> cannot be
 *   written (they stay 0b10, so EBase is in kseg0/kseg1); with WG = 1 they can (WG is set by
 *   a first write, then the upper bits change, so both readings of the write gate agree).
 */
#include "testdev.inc"
#include "priv.inc"

    TEST_BEGIN
    PRIV_VECTORS
    SET_EBASE_PRIV
    SET_STATUS 0

    EXPECT_EXC 7f
6:  syscall
    nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_VECTOR, 0x1180
    CHECK_REC EXC_CODE, EXCCODE_SYS
    CHECK_REC EXC_EPC, 6b

    /* Refill, EXL = 0: all TLB entries are invalid after reset. */
    li      $t0, 0x00001000
    EXPECT_EXC 7f
6:  lw      $t1, 0($t0)
    nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_VECTOR, 0x1000
    CHECK_REC EXC_CODE, EXCCODE_TLBL
    CHECK_REC EXC_EPC, 6b
    CHECK_REC EXC_BADVADDR, 0x00001000

    /* Refill, EXL = 1: general vector, EPC not written. */
    li      $t0, 0x13572468
    mtc0    $t0, C0_EPC
    SET_STATUS STATUS_EXL
    li      $t0, 0x00005000
    EXPECT_EXC 7f
6:  sw      $t1, 0($t0)
    nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_VECTOR, 0x1180
    CHECK_REC EXC_CODE, EXCCODE_TLBS
    CHECK_REC EXC_EPC, 0x13572468
    CHECK_REC EXC_BADVADDR, 0x00005000
    SET_STATUS 0

    /* TLB invalid: general vector. */
    TLB_WRITE 0, 0x00002000, ENTRYLO(0, 0), ENTRYLO(0, 0), 0
    li      $t0, 0x00002004
    EXPECT_EXC 7f
6:  lw      $t1, 0($t0)
    nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_VECTOR, 0x1180
    CHECK_REC EXC_CODE, EXCCODE_TLBL
    CHECK_REC EXC_BADVADDR, 0x00002004
    TLB_INVALIDATE 0

    /* Interrupt, IV = 0: EBase + 0x180, ExcCode Int. */
    mtc0    $zero, C0_CAUSE
    SET_STATUS (1 << STATUS_IM_SHIFT) | STATUS_IE
    EXPECT_EXC 7f
    li      $t0, CAUSE_IP0
    mtc0    $t0, C0_CAUSE
5:  ehb
6:  nop
    nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_VECTOR, 0x1180
    CHECK_REC EXC_CODE, EXCCODE_INT
    CHECK_REC_IN EXC_EPC, 5b, 6b

    /* Interrupt, IV = 1, VS = 0: EBase + 0x200. */
    mtc0    $zero, C0_INTCTL
    li      $t0, CAUSE_IV
    mtc0    $t0, C0_CAUSE
    ehb
    EXPECT_EXC 7f
    li      $t0, CAUSE_IV | CAUSE_IP0
    mtc0    $t0, C0_CAUSE
5:  ehb
6:  nop
    nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_VECTOR, 0x1200
    CHECK_REC EXC_CODE, EXCCODE_INT
    CHECK_REC_IN EXC_EPC, 5b, 6b
    SET_STATUS 0
    mtc0    $zero, C0_CAUSE

    /* A second table: EBase<29:12> moves the vectors. */
    la      $t0, ebase2
    mtc0    $t0, C0_EBASE
    ehb
    EXPECT_EXC 7f
6:  syscall
    nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_VECTOR, 0x2180
    CHECK_REC EXC_EPC, 6b
    /* ... also through its kseg0 alias (EBase<29> = 0). */
    la      $t0, ebase2 - 0x20000000
    mtc0    $t0, C0_EBASE
    ehb
    CHECK_C0 15, 1, ebase2 - 0x20000000
    EXPECT_EXC 7f
6:  syscall
    nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_VECTOR, 0x2180
    CHECK_REC EXC_EPC, 6b

    /* EBase write gate, with BEV = 1 (no exception uses EBase meanwhile). */
    SET_STATUS STATUS_BEV
    li      $t0, 0x40001000             /* WG = 0: bits 31:30 keep 0b10 */
    mtc0    $t0, C0_EBASE
    ehb
    CHECK_C0 15, 1, 0x80001000
    li      $t0, 0x80001000 | EBASE_WG  /* WG = 1 ... */
    mtc0    $t0, C0_EBASE
    ehb
    CHECK_C0 15, 1, 0x80001000 | EBASE_WG
    li      $t0, 0x40002000 | EBASE_WG  /* ... then bits 31:30 are writable */
    mtc0    $t0, C0_EBASE
    ehb
    CHECK_C0 15, 1, 0x40002000 | EBASE_WG
    li      $t0, 0x00003000 | EBASE_WG
    mtc0    $t0, C0_EBASE
    ehb
    CHECK_C0 15, 1, 0x00003000 | EBASE_WG
    li      $t0, 0x80000000 | EBASE_WG
    mtc0    $t0, C0_EBASE
    li      $t0, 0x80000000
    mtc0    $t0, C0_EBASE
    ehb
    CHECK_C0 15, 1, 0x80000000
    TEST_EXIT

    .section .text.ebase2, "ax"
    .balign 4096
ebase2:
    PRIV_VEC 0x000, 0x2000
    PRIV_VEC 0x180, 0x2000
    PRIV_VEC 0x200, 0x2000
