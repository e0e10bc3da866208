/*
 * Exceptions in branch delay slots: MIPS32 PRA (MD00090) §6.2.1 (EPC = the branch and
 * Cause.BD = 1 when the faulting instruction is in a delay slot; BD = 0 otherwise) and the
 * BadInstr/BadInstrP registers (BadInstr = the faulting instruction, BadInstrP = the branch);
 * mips-vz.md §2.2, §4.7.  The branch's own effects (the link) have happened.  UNPREDICTABLE
 * cases with the simulator's documented choice (docs/dev/sim-internals.md): ERET in a delay
 * slot raises Reserved Instruction.
 */
#include "testdev.inc"

    .section .bss
    .balign 16
buf:    .space 16
    .previous

    TEST_BEGIN
    la      $s0, buf
    li      $t0, 1
    li      $t1, 2

    /* Taken BEQ, SYSCALL in the slot. */
    EXPECT_EXC 7f
2:  beq     $t0, $t0, 5f
3:  syscall
5:  nop
7:  CHECK_EXC_DS EXCCODE_SYS, 2b, 3b

    /* Not-taken BNE (also a delay slot), BREAK in the slot.  (QEMU reports BD = 0 for
     * `bne rX, rX`; the architecture says BD = 1: toolchain.md.) */
    EXPECT_EXC 7f
2:  bne     $t0, $t0, 5f
3:  break
5:  nop
7:  CHECK_EXC_DS EXCCODE_BP, 2b, 3b

    /* JR, ADD overflow in the slot: rd unchanged. */
    la      $t4, 5f
    li      $t2, 0x7FFFFFFF
    li      $t3, 0x5A5A5A5A
    EXPECT_EXC 7f
2:  jr      $t4
3:  add     $t3, $t2, $t2
5:  nop
7:  CHECK_EXC_DS EXCCODE_OV, 2b, 3b
    CHECK   $t3, 0x5A5A5A5A

    /* JAL, misaligned LW in the slot: AdEL with BadVAddr; $ra was written by the JAL. */
    li      $ra, 0
    EXPECT_EXC 7f
2:  jal     5f
3:  lw      $t3, 1($s0)
5:  nop
7:  CHECK_EXC_DS EXCCODE_ADEL, 2b, 3b
    CHECK_REC EXC_BADVADDR, buf + 1
    CHECK   $ra, 2b + 8

    /* Taken BEQL, a trap in the slot. */
    EXPECT_EXC 7f
2:  beql    $t0, $t0, 5f
3:  teq     $zero, $zero
5:  nop
7:  CHECK_EXC_DS EXCCODE_TR, 2b, 3b

    /* BGEZAL, misaligned SW in the slot: AdES. */
    EXPECT_EXC 7f
2:  bgezal  $t1, 5f
3:  sw      $t0, 2($s0)
5:  nop
7:  CHECK_EXC_DS EXCCODE_ADES, 2b, 3b
    CHECK_REC EXC_BADVADDR, buf + 2

    /* JALR, a reserved instruction in the slot. */
    la      $t4, 5f
    EXPECT_EXC 7f
2:  jalr    $t4
3:  .word   0x00000005
5:  nop
7:  CHECK_EXC_DS EXCCODE_RI, 2b, 3b

    /* Bus error in the slot (a store to program flash): EPC and BD as for any exception;
     * BadInstr is not defined for DBE. */
    li      $t4, 0xBD000000
    EXPECT_EXC 7f
2:  bltz    $t1, 5f
3:  sw      $t0, 0($t4)
5:  nop
7:  CHECK_REC EXC_CODE, EXCCODE_DBE
    CHECK_REC EXC_EPC, 2b
    CHECK_REC EXC_BD, 1

    /* ERET in a delay slot: Reserved Instruction (the simulator's choice). */
    EXPECT_EXC 7f
2:  b       5f
3:  eret
5:  nop
7:  CHECK_EXC_DS EXCCODE_RI, 2b, 3b

    /* The next exception outside a slot clears BD. */
    EXPECT_EXC 7f
6:  syscall
    nop
7:  CHECK_EXC EXCCODE_SYS, 6b

    /* With EXL already 1, an exception leaves EPC, BD and BadInstr alone (MD00090 §6.2.1). */
    li      $t0, 0x12345678
    mtc0    $t0, C0_EPC
    li      $t0, STATUS_BEV | STATUS_EXL
    mtc0    $t0, C0_STATUS
    ehb
    EXPECT_EXC 7f
2:  beq     $zero, $zero, 5f
3:  syscall
5:  nop
7:  CHECK_REC EXC_CODE, EXCCODE_SYS
    CHECK_REC EXC_EPC, 0x12345678
    CHECK_REC EXC_BD, 0
    CHECK_REC_INSN EXC_BADINSTR, 6b
    TEST_EXIT
