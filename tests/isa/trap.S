/*
 * Trap instructions: MIPS32 Instruction Set (MD00086) pages TEQ, TNE, TGE, TGEU, TLT, TLTU and
 * the immediate forms TEQI, TNEI, TGEI, TGEIU, TLTI, TLTIU (the immediate is sign-extended, the
 * U forms compare unsigned); MIPS32 PRA (MD00090) §6.2 Trap exception (ExcCode 13, EPC =
 * the trap, BadInstr = its word).
 */
#include "testdev.inc"

    .macro TRAP insn:vararg
    EXPECT_EXC 7f
6:  \insn
    nop
7:  CHECK_EXC EXCCODE_TR, 6b
    CHECK_REC_INSN EXC_BADINSTR, 6b
    .endm

    .macro NOTRAP insn:vararg
    EXPECT_EXC 7f
    \insn
7:  CHECK_NO_EXC
    .endm

    TEST_BEGIN
    li      $t0, -1
    li      $t1, 1
    TRAP    tge $t1, $t0
    TRAP    tge $t0, $t0
    NOTRAP  tge $t0, $t1
    TRAP    tgeu $t0, $t1
    TRAP    tgeu $t1, $t1
    NOTRAP  tgeu $t1, $t0
    TRAP    tlt $t0, $t1
    NOTRAP  tlt $t1, $t0
    NOTRAP  tlt $t1, $t1
    TRAP    tltu $t1, $t0
    NOTRAP  tltu $t0, $t1
    NOTRAP  tltu $t0, $t0
    TRAP    teq $t0, $t0
    NOTRAP  teq $t0, $t1
    TRAP    tne $t0, $t1
    NOTRAP  tne $t1, $t1
    TRAP    teq $zero, $zero, 0x3FF     /* the code field is the handler's business */

    TRAP    tgei $t1, -1
    TRAP    tgei $t0, -1
    NOTRAP  tgei $t0, 0
    TRAP    tgeiu $t0, 1
    TRAP    tgeiu $t0, -1               /* 0xFFFFFFFF >= 0xFFFFFFFF */
    NOTRAP  tgeiu $t1, -1               /* 1 < 0xFFFFFFFF */
    TRAP    tlti $t0, 0
    NOTRAP  tlti $t1, 0
    NOTRAP  tlti $t0, -1
    TRAP    tltiu $t1, -1
    NOTRAP  tltiu $t0, 1
    NOTRAP  tltiu $t0, -1
    TRAP    teqi $t0, -1
    NOTRAP  teqi $t1, 0
    TRAP    tnei $t1, 0
    NOTRAP  tnei $t0, -1
    TEST_EXIT
