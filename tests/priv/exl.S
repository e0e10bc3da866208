/*
 * EXL and ERL rules of exception entry (MIPS32 PRA MD00090 §6.2.1 general exception
 * processing, §9 EPC, Cause, BadInstr, NestedEPC, NestedExc; mips-vz.md §4.2 step 1, §2.2):
 * - with Status.EXL = 1, an exception writes Cause.ExcCode but not EPC, Cause.BD or
 *   BadInstr/BadInstrP, and a TLB refill uses the general vector (tests/isa/tlb.S, vectors.S);
 * - with ERL = 1 and EXL = 0, the exception is processed normally (EPC written, EXL set,
 *   ERL stays 1: ERET would then use ErrorEPC, so the handler clears ERL);
 * - Nested Fault (Config5.NF = 1): NestedEPC "ignores the value of Status.EXL" and is written
 *   by every exception with the restart PC; NestedExc holds the values of Status.EXL (bit 1)
 *   and Status.ERL (bit 2) before the current exception (MD00090 NestedEPC/NestedExc register
 *   pages; the J-Link and XC32 register lists describe NestedExc the same way).
 * - interrupts are not taken while EXL = 1 or ERL = 1 (MD00090 §6.1; mips-vz.md §4.2).
 */
#include "testdev.inc"
#include "priv.inc"

    TEST_BEGIN
    /* A delay-slot exception with EXL = 0 sets EPC = branch, BD = 1, BadInstr = BREAK. */
    EXPECT_EXC 7f
2:  beq     $zero, $zero, 7f
3:  break
7:  CHECK_EXC_DS EXCCODE_BP, 2b, 3b
    CHECK_C0 14, 2, 2b                  /* NestedEPC = this exception's restart PC */
    CHECK_C0 13, 5, 0                   /* NestedExc: EXL = ERL = 0 before it */

    /* EXL = 1: SYSCALL updates ExcCode only.  (The handler wrote EPC = its resume address;
     * a marker makes "unchanged" visible.) */
    li      $t0, 0x0DDC0DE0
    mtc0    $t0, C0_EPC
    SET_STATUS STATUS_BEV | STATUS_EXL
    EXPECT_EXC 7f
6:  syscall
    nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_VECTOR, 0x380
    CHECK_REC EXC_CODE, EXCCODE_SYS
    CHECK_REC EXC_EPC, 0x0DDC0DE0       /* not written */
    CHECK_REC EXC_BD, 1                 /* still set by the BREAK */
    CHECK_REC_INSN EXC_BADINSTR, 3b     /* still the BREAK */
    CHECK_REC_INSN EXC_BADINSTRP, 2b
    CHECK_C0 14, 2, 6b                  /* NestedEPC = the SYSCALL */
    CHECK_C0 13, 5, STATUS_EXL          /* NestedExc.EXL = 1 */

    /* EXL = 1 in a delay slot: BD and EPC untouched. */
    mtc0    $zero, C0_CAUSE             /* BD is read-only: still 1 from the BREAK */
    li      $t0, 0x0BADC0DC
    mtc0    $t0, C0_EPC
    SET_STATUS STATUS_BEV | STATUS_EXL
    EXPECT_EXC 7f
2:  bne     $zero, $zero, 7f
3:  syscall
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_CODE, EXCCODE_SYS
    CHECK_REC EXC_EPC, 0x0BADC0DC
    CHECK_C0 14, 2, 2b                  /* NestedEPC: the branch, as EPC would be */
    CHECK_C0 13, 5, STATUS_EXL

    /* A plain exception with EXL = 0 clears BD again. */
    EXPECT_EXC 7f
6:  syscall
    nop
7:  CHECK_EXC EXCCODE_SYS, 6b

    /* ERL = 1, EXL = 0: EPC written, EXL set, ERL kept. */
    SET_STATUS STATUS_BEV | STATUS_ERL
    EXPECT_EXC 7f
6:  syscall
    nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_CODE, EXCCODE_SYS
    CHECK_REC EXC_EPC, 6b
    CHECK_REC EXC_BD, 0
    CHECK_REC EXC_STATUS, STATUS_BEV | STATUS_ERL | STATUS_EXL
    CHECK_C0 13, 5, STATUS_ERL          /* NestedExc.ERL = 1 */
    CHECK_C0 14, 2, 6b

    /* ERL = 1 and EXL = 1: EPC not written; NestedExc has both. */
    li      $t0, 0x0DDC0DE0
    mtc0    $t0, C0_EPC
    SET_STATUS STATUS_BEV | STATUS_ERL | STATUS_EXL
    EXPECT_EXC 7f
6:  syscall
    nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_EPC, 0x0DDC0DE0
    CHECK_C0 13, 5, STATUS_ERL | STATUS_EXL
    CHECK_C0 14, 2, 6b

    /* Interrupts wait while EXL = 1 or ERL = 1 (BEV = 0 table: its entry drops IP0). */
    PRIV_VECTORS
    SET_EBASE_PRIV
    mtc0    $zero, C0_CAUSE
    SET_STATUS STATUS_EXL | (1 << STATUS_IM_SHIFT) | STATUS_IE
    EXPECT_EXC 7f
    li      $t0, CAUSE_IP0
    mtc0    $t0, C0_CAUSE
    ehb
    nop
    nop
    CHECK_NO_EXC
    SET_STATUS STATUS_ERL | (1 << STATUS_IM_SHIFT) | STATUS_IE
    EXPECT_EXC 7f
    nop
    nop
    CHECK_NO_EXC
    EXPECT_EXC 7f
    SET_STATUS (1 << STATUS_IM_SHIFT) | STATUS_IE
    nop
    nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_CODE, EXCCODE_INT
    CHECK_REC EXC_VECTOR, 0x1180
    SET_STATUS STATUS_BEV
    TEST_EXIT
