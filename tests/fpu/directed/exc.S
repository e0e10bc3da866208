/*
 * Floating-Point exception (ExcCode 15, MIPS32 PRA MD00090 §6.2 "Floating Point Exception"):
 * an arithmetic instruction whose condition has its Enable bit set (MD00082 "FPU
 * exceptions"; MIPS R4000 User's Manual §7: "If the corresponding Enable bit is set, the
 * Flag bit is not set and the FPU generates an interrupt") does not write its destination,
 * sets Cause, leaves the Flags alone, and traps with EPC = the instruction and BadInstr =
 * its word.  When one instruction raises an enabled and a disabled condition (overflow with
 * inexact), this core sets no Flag at all (the instruction did not complete; QEMU does the
 * same) - see fpu_commit() in sim/cpu/fpu_regs.c.
 * Underflow with its trap enabled is signaled on tininess alone, even for an exact result
 * (IEEE 754-2008 §7.5).
 */
#include "fpu.inc"

/* TRAP_D insn, fcsr, a, b, cause: `insn $f0, $f2, $f4` must trap, $f0 keeps its pattern,
 * FCSR = fcsr | cause (no new Flags). */
    .macro TRAP_D insn, fcsr, ahi, alo, bhi, blo, cause
    SET_FCSR \fcsr
    LI_D    $f0, 0x5A5A5A5A, 0xA5A5A5A5
    LI_D    $f2, \ahi, \alo
    LI_D    $f4, \bhi, \blo
    EXPECT_EXC 1f
6:  \insn   $f0, $f2, $f4
    nop
1:  CHECK_EXC EXCCODE_FPE, 6b
    CHECK_REC_INSN EXC_BADINSTR, 6b
    CHECK_D $f0, 0x5A5A5A5A, 0xA5A5A5A5
    CHECK_FCSR \fcsr | \cause
    .endm

    TEST_BEGIN
    FPU_ON  1

    TRAP_D div.d, E_V, 0, 0, 0, 0, C_V                                       /* 0/0 */
    TRAP_D sub.d, E_V | F_Z, 0x7FF00000, 0, 0x7FF00000, 0, C_V               /* Flags kept */
    TRAP_D add.d, E_V, 0x7FF00000, 1, 0x3FF00000, 0, C_V                     /* sNaN */
    TRAP_D div.d, E_Z, 0x3FF00000, 0, 0, 0, C_Z                              /* 1/0 */
    TRAP_D add.d, E_I | RM_RZ, 0x3FB99999, 0x9999999A, 0x3FC99999, 0x9999999A, C_I
    TRAP_D mul.d, E_O, 0x7FEFFFFF, 0xFFFFFFFF, 0x40000000, 0, C_O | C_I
    TRAP_D mul.d, E_I, 0x7FEFFFFF, 0xFFFFFFFF, 0x40000000, 0, C_O | C_I      /* via Inexact */
    TRAP_D mul.d, E_U, 0x00100000, 0, 0x3FE00000, 0, C_U                     /* exact tiny */
    TRAP_D mul.d, E_U, 0x00100000, 0, 0x3FD55555, 0x55555555, C_U | C_I

    /* Disabled conditions do not trap, even with other Enables set. */
    SET_FCSR E_V | E_Z | E_O | E_U
    LI_D    $f2, 0x3FF00000, 0
    LI_D    $f4, 0x40080000, 0
    EXPECT_EXC 1f
    div.d   $f0, $f2, $f4                                     /* 1/3: Inexact only */
1:  CHECK_NO_EXC
    CHECK_FCSR E_V | E_Z | E_O | E_U | C_I | F_I

    /* Conversions and multiply-adds trap the same way. */
    SET_FCSR E_V
    LI_D    $f2, 0x7FF00000, 0                                /* +inf */
    LI_S    $f0, 0x12345678
    EXPECT_EXC 1f
10: cvt.w.d $f0, $f2
    nop
1:  CHECK_EXC EXCCODE_FPE, 10b
    CHECK_S $f0, 0x12345678
    CHECK_FCSR E_V | C_V
    SET_FCSR E_I
    LI_S    $f6, 0x3F800000
    LI_S    $f2, 0x3F800400
    LI_S    $f4, 0x3F7FF800
    EXPECT_EXC 1f
11: msub.s  $f0, $f6, $f2, $f4                                /* inexact product */
    nop
1:  CHECK_EXC EXCCODE_FPE, 11b
    CHECK_S $f0, 0x12345678
    CHECK_FCSR E_I | C_I

    /* Non-arithmetic instructions never trap, even on a signaling NaN with V enabled. */
    SET_FCSR E_V
    LI_S    $f2, 0x7F800001
    EXPECT_EXC 1f
    abs.s   $f0, $f2
    neg.s   $f0, $f0
    mov.s   $f4, $f0
1:  CHECK_NO_EXC
    CHECK_S $f4, 0xFF800001
    CHECK_FCSR E_V

    /* The handler clears Cause (as a kernel does) and execution goes on normally. */
    SET_FCSR E_Z
    LI_D    $f2, 0x3FF00000, 0
    LI_D    $f4, 0, 0
    EXPECT_EXC 1f
12: div.d   $f0, $f2, $f4
    nop
1:  CHECK_EXC EXCCODE_FPE, 12b
    SET_FCSR 0
    div.d   $f0, $f2, $f4
    CHECK_D $f0, 0x7FF00000, 0
    CHECK_FCSR C_Z | F_Z

    TEST_EXIT
