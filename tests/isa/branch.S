/*
 * Branches and jumps with their delay slots: MIPS32 Instruction Set (MD00086) pages B, BAL,
 * BEQ, BNE, BLEZ, BGTZ, BLTZ, BGEZ, BLTZAL, BGEZAL, the Branch Likely forms (BEQL ... BGEZALL:
 * the delay slot is nullified when not taken), J, JAL, JR, JALR, JR.HB, JALR.HB; MD00090 §5
 * (delay slots).  Links are PC + 8, also for a not-taken BLTZAL/BGEZAL(L).  UNPREDICTABLE cases
 * with the simulator's documented choice (docs/dev/sim-internals.md): a branch or jump in a
 * delay slot raises Reserved Instruction; JALR with rd == rs jumps to the old rs.
 */
#include "testdev.inc"

/* BR slot, fall, insn: runs `insn 7f` (insn ends with a comma when it has operands) with `addiu $s0, 1` in the delay slot and `addiu $s1, 1`
 * after it; checks how often each ran (slot: 1, or 0 for a not-taken likely; fall: 0 if
 * taken, else 1). */
    .macro BR slot, fall, insn:vararg
    li      $s0, 0
    li      $s1, 0
    \insn 7f
    addiu   $s0, $s0, 1
    addiu   $s1, $s1, 1
7:  CHECK   $s0, \slot
    CHECK   $s1, \fall
    .endm

/* BRL slot, fall, insn: BR for a linking branch; also checks $ra = the branch + 8. */
    .macro BRL slot, fall, insn:vararg
    li      $s0, 0
    li      $s1, 0
    li      $ra, 0
2:  \insn 7f
    addiu   $s0, $s0, 1
    addiu   $s1, $s1, 1
7:  CHECK   $s0, \slot
    CHECK   $s1, \fall
    CHECK   $ra, 2b + 8
    .endm

/* JMP slot, rd, insn: a register jump to 7f (in $t4) with rd = the link register to check
 * (or $zero). */
    .macro JMP rd, insn:vararg
    li      $s0, 0
    li      $s1, 0
    li      \rd, 0
    la      $t4, 7f
2:  \insn
    addiu   $s0, $s0, 1
    addiu   $s1, $s1, 1
7:  CHECK   $s0, 1
    CHECK   $s1, 0
    .ifnc \rd, $zero
    CHECK   \rd, 2b + 8
    .endif
    .endm

    TEST_BEGIN
    EXPECT_EXC 1f                   /* nothing here may raise an exception */
    li      $t0, 5
    li      $t1, 5
    li      $t2, 6
    li      $t3, -1
    BR 1, 0, beq $t0, $t1,
    BR 1, 1, beq $t0, $t2,
    BR 1, 0, bne $t0, $t2,
    BR 1, 1, bne $t0, $t1,
    BR 1, 0, blez $zero,
    BR 1, 0, blez $t3,
    BR 1, 1, blez $t0,
    BR 1, 0, bgtz $t0,
    BR 1, 1, bgtz $zero,
    BR 1, 1, bgtz $t3,
    BR 1, 0, bltz $t3,
    BR 1, 1, bltz $zero,
    BR 1, 0, bgez $zero,
    BR 1, 0, bgez $t0,
    BR 1, 1, bgez $t3,
    BR 1, 0, beq $zero, $zero,

    /* Branch likely: the slot only runs when taken. */
    BR 1, 0, beql $t0, $t1,
    BR 0, 1, beql $t0, $t2,
    BR 1, 0, bnel $t0, $t2,
    BR 0, 1, bnel $t0, $t1,
    BR 1, 0, blezl $t3,
    BR 0, 1, blezl $t0,
    BR 1, 0, bgtzl $t0,
    BR 0, 1, bgtzl $zero,
    BR 1, 0, bltzl $t3,
    BR 0, 1, bltzl $zero,
    BR 1, 0, bgezl $zero,
    BR 0, 1, bgezl $t3,

    /* Link forms: $ra = branch + 8 whether or not taken. */
    BRL 1, 0, bltzal $t3,
    BRL 1, 1, bltzal $t0,
    BRL 1, 0, bgezal $t0,
    BRL 1, 1, bgezal $t3,
    BRL 1, 0, bal
    BRL 1, 0, bltzall $t3,
    BRL 0, 1, bltzall $t0,
    BRL 1, 0, bgezall $zero,
    BRL 0, 1, bgezall $t3,
    BRL 1, 0, jal

    /* The delay slot sees the branch's link; a branch decides before its slot runs. */
    li      $ra, 0
2:  bal     3f
    move    $t4, $ra
3:  CHECK   $t4, 2b + 8
    li      $t5, 1
    bgtz    $t5, 3f
    li      $t5, -1
    b       4f
    nop
3:  CHECK   $t5, -1
4:
    /* Backward branch. */
    li      $t4, 3
    li      $t5, 0
3:  addiu   $t4, $t4, -1
    bnez    $t4, 3b
    addiu   $t5, $t5, 1
    CHECK   $t5, 3
    CHECK   $t4, 0

    /* J (target in the 256 MB region of the delay slot), JR/JALR and the .HB forms. */
    BR 1, 0, j
    JMP $zero, jr $t4
    JMP $zero, jr.hb $t4
    JMP $ra, jalr $t4
    JMP $t6, jalr $t6, $t4
    JMP $ra, jalr.hb $t4
    JMP $t6, jalr.hb $t6, $t4
1:  CHECK_NO_EXC

    /* JALR $t4, $t4 (rd == rs, UNPREDICTABLE): jumps to the old $t4, $t4 = link. */
    li      $s1, 0
    la      $t4, 7f
2:  .word   (12 << 21) | (12 << 11) | 9
    nop
    li      $s1, 1
7:  CHECK   $s1, 0
    CHECK   $t4, 2b + 8

    /* A branch in a delay slot: Reserved Instruction on the second branch (EPC = the first
     * branch, BD = 1); the jump does not happen. */
    li      $s1, 0
    EXPECT_EXC 7f
2:  beq     $zero, $zero, 5f
3:  b       5f
    nop
5:  li      $s1, 1
7:  CHECK_EXC_DS EXCCODE_RI, 2b, 3b
    CHECK   $s1, 0
    EXPECT_EXC 7f
    la      $t4, 5f
2:  jr      $t4
3:  jal     5f
    nop
5:  li      $s1, 1
7:  CHECK_EXC_DS EXCCODE_RI, 2b, 3b
    CHECK   $s1, 0
    EXPECT_EXC 7f
2:  bnel    $zero, $t0, 5f
3:  jr      $t4
    nop
5:  li      $s1, 1
7:  CHECK_EXC_DS EXCCODE_RI, 2b, 3b
    CHECK   $s1, 0
    TEST_EXIT
