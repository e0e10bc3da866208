/*
 * Integer add/subtract: MIPS32 Instruction Set (MD00086) pages ADD, ADDI, ADDIU, ADDU, SUB,
 * SUBU, LUI; the Integer Overflow exception of MIPS32 PRA (MD00090) §6.2 (ExcCode 12, EPC,
 * BadInstr; "the destination register is not modified").
 */
#include "testdev.inc"

/* OV insn: `insn` overflows: Ov at its address, BadInstr = its word, $t2 (the destination)
 * keeps 0x5A5A5A5A. */
    .macro OV insn:vararg
    li      $t2, 0x5A5A5A5A
    EXPECT_EXC 7f
6:  \insn
    nop
7:  CHECK_EXC EXCCODE_OV, 6b
    CHECK_REC_INSN EXC_BADINSTR, 6b
    CHECK   $t2, 0x5A5A5A5A
    .endm

    TEST_BEGIN
    EXPECT_EXC 1f                   /* none of the non-trapping forms may trap */
    li      $t0, 0x7FFFFFFF
    li      $t1, 1
    addu    $t2, $t0, $t1
    CHECK   $t2, 0x80000000
    li      $t0, 0xFFFFFFFF
    addu    $t2, $t0, $t0
    CHECK   $t2, 0xFFFFFFFE
    li      $t0, 5
    addiu   $t2, $t0, -6
    CHECK   $t2, 0xFFFFFFFF
    addiu   $t2, $t0, 0x7FFF
    CHECK   $t2, 0x8004
    addiu   $t2, $t0, -0x8000
    CHECK   $t2, 0xFFFF8005
    li      $t0, 0x7FFFFFFF
    addiu   $t2, $t0, 1
    CHECK   $t2, 0x80000000
    li      $t0, 0x80000000
    li      $t1, 1
    subu    $t2, $t0, $t1
    CHECK   $t2, 0x7FFFFFFF
    subu    $t2, $zero, $t0
    CHECK   $t2, 0x80000000

    /* ADD/ADDI/SUB without overflow. */
    li      $t0, 0x7FFFFFFE
    li      $t1, 1
    add     $t2, $t0, $t1
    CHECK   $t2, 0x7FFFFFFF
    li      $t0, -1
    add     $t2, $t0, $t0
    CHECK   $t2, 0xFFFFFFFE
    li      $t0, 0x80000000
    li      $t1, 0x7FFFFFFF
    add     $t2, $t0, $t1
    CHECK   $t2, 0xFFFFFFFF
    addi    $t2, $t0, 0x7FFF
    CHECK   $t2, 0x80007FFF
    addi    $t2, $t1, -0x8000
    CHECK   $t2, 0x7FFF7FFF
    li      $t0, 5
    li      $t1, 7
    sub     $t2, $t0, $t1
    CHECK   $t2, 0xFFFFFFFE
    li      $t0, -1
    li      $t1, 0x80000000
    sub     $t2, $t0, $t1           /* -1 - INT_MIN = INT_MAX */
    CHECK   $t2, 0x7FFFFFFF

    /* $zero as destination stays zero. */
    li      $t0, 3
    addu    $zero, $t0, $t0
    CHECK   $zero, 0
    addiu   $zero, $t0, 1
    CHECK   $zero, 0
    lui     $t2, 0x8001
    CHECK   $t2, 0x80010000
    lui     $t2, 0
    CHECK   $t2, 0
1:  CHECK_NO_EXC

    /* Overflow: Ov, destination unchanged. */
    li      $t0, 0x7FFFFFFF
    li      $t1, 1
    OV add $t2, $t0, $t1
    li      $t0, 0x80000000
    OV add $t2, $t0, $t0
    li      $t1, -1
    OV add $t2, $t0, $t1
    li      $t0, 0x7FFFFFFF
    OV addi $t2, $t0, 1
    li      $t0, 0x80000000
    OV addi $t2, $t0, -1
    li      $t0, 0x7FFF8001
    OV addi $t2, $t0, 0x7FFF
    li      $t0, 0x80000000
    li      $t1, 1
    OV sub $t2, $t0, $t1
    li      $t0, 0x7FFFFFFF
    li      $t1, -1
    OV sub $t2, $t0, $t1
    li      $t1, 0x80000000
    OV sub $t2, $zero, $t1
    /* rd == rs: the source survives too. */
    li      $t2, 0x7FFFFFFF
    EXPECT_EXC 7f
6:  addi    $t2, $t2, 1
    nop
7:  CHECK_EXC EXCCODE_OV, 6b
    CHECK   $t2, 0x7FFFFFFF
    TEST_EXIT
