/*
 * FPU compares and condition codes: MIPS32 Instruction Set (MD00086) C.cond.fmt (the 16
 * predicates: cond bit 0 = unordered, bit 1 = equal, bit 2 = less than, bit 3 = signaling,
 * i.e. Invalid also for quiet NaNs), BC1F/BC1T/BC1FL/BC1TL (delay slot; the likely forms
 * nullify the slot when not taken), MOVF/MOVT, MOVF.fmt/MOVT.fmt, MOVZ.fmt/MOVN.fmt; FCCR
 * (MD00082).  Exceptions: MIPS32 PRA (MD00090) §6.2 (EPC/BD for a delay slot).
 */
#include "fpu.inc"

/* CMP fmt-suffixed insn, cc, want, cause: runs `insn $fccN, $f2, $f4` with every FCC clear,
 * then FCCR must be want << cc and FEXR the Cause with the same Flags. */
    .macro CMP insn, cc, want, cause
    ctc1    $zero, $31
    \insn   $fcc\cc, $f2, $f4
    cfc1    $t0, $25
    CHECK   $t0, \want << \cc
    cfc1    $t0, $26
    CHECK   $t0, \cause | (\cause >> 10)
    .endm

/* All 16 predicates for one operand pair: `lt`, `eq`, `un` say which relation holds, `sig`
 * whether the operands make a signaling predicate invalid (a NaN); `snan` makes all invalid. */
    .macro ALL16 fmt, lt, eq, un, snan
    CMP c.f.\fmt,    0, 0, (\snan * C_V)
    CMP c.un.\fmt,   1, \un, (\snan * C_V)
    CMP c.eq.\fmt,   2, \eq, (\snan * C_V)
    CMP c.ueq.\fmt,  3, (\eq | \un), (\snan * C_V)
    CMP c.olt.\fmt,  4, \lt, (\snan * C_V)
    CMP c.ult.\fmt,  5, (\lt | \un), (\snan * C_V)
    CMP c.ole.\fmt,  6, (\lt | \eq), (\snan * C_V)
    CMP c.ule.\fmt,  7, (\lt | \eq | \un), (\snan * C_V)
    CMP c.sf.\fmt,   0, 0, (\un * C_V)
    CMP c.ngle.\fmt, 1, \un, (\un * C_V)
    CMP c.seq.\fmt,  2, \eq, (\un * C_V)
    CMP c.ngl.\fmt,  3, (\eq | \un), (\un * C_V)
    CMP c.lt.\fmt,   4, \lt, (\un * C_V)
    CMP c.nge.\fmt,  5, (\lt | \un), (\un * C_V)
    CMP c.le.\fmt,   6, (\lt | \eq), (\un * C_V)
    CMP c.ngt.\fmt,  7, (\lt | \eq | \un), (\un * C_V)
    .endm

    TEST_BEGIN
    FPU_ON  1

    LI_S    $f2, 0x3F800000                                   /* 1.0 < 2.0 */
    LI_S    $f4, 0x40000000
    ALL16   s, 1, 0, 0, 0
    LI_S    $f2, 0x80000000                                   /* -0 == +0 */
    LI_S    $f4, 0x00000000
    ALL16   s, 0, 1, 0, 0
    LI_S    $f2, 0x40000000                                   /* 2.0 > -inf */
    LI_S    $f4, 0xFF800000
    ALL16   s, 0, 0, 0, 0
    LI_S    $f2, 0x7FC00000                                   /* quiet NaN: unordered */
    LI_S    $f4, 0x3F800000
    ALL16   s, 0, 0, 1, 0
    LI_D    $f2, 0xFFF00000, 0                                /* -inf < denormal */
    LI_D    $f4, 0x00000000, 1
    ALL16   d, 1, 0, 0, 0
    LI_D    $f2, 0x7FF00000, 0                                /* inf == inf */
    LI_D    $f4, 0x7FF00000, 0
    ALL16   d, 0, 1, 0, 0
    LI_D    $f2, 0x3FF00000, 0                                /* signaling NaN: unordered, */
    LI_D    $f4, 0x7FF00000, 1                                /* Invalid for every predicate */
    ALL16   d, 0, 0, 1, 1

    /* A compare writes only its own condition code. */
    li      $t0, 0xFF
    ctc1    $t0, $25
    LI_S    $f2, 0x40000000
    LI_S    $f4, 0x3F800000
    c.lt.s  $fcc5, $f2, $f4                                   /* false */
    cfc1    $t0, $25
    CHECK   $t0, 0xDF

    /* ---- Branches on FCC3 = 1, FCC0 = 0. */
    li      $t0, 0x08
    ctc1    $t0, $25
    .set noreorder
    li      $t1, 0
    bc1t    $fcc3, 1f                                         /* taken: slot runs */
    addiu   $t1, $t1, 1
    addiu   $t1, $t1, 100
1:  CHECK   $t1, 1
    li      $t1, 0
    bc1f    $fcc3, 1f                                         /* not taken: slot runs */
    addiu   $t1, $t1, 1
    addiu   $t1, $t1, 10
1:  CHECK   $t1, 11
    li      $t1, 0
    bc1fl   $fcc3, 1f                                         /* not taken: slot nullified */
    addiu   $t1, $t1, 1
    addiu   $t1, $t1, 10
1:  CHECK   $t1, 10
    li      $t1, 0
    bc1tl   $fcc3, 1f                                         /* taken: slot runs */
    addiu   $t1, $t1, 1
    addiu   $t1, $t1, 10
1:  CHECK   $t1, 1
    li      $t1, 0
    bc1f    $fcc0, 1f                                         /* FCC0 = 0: taken */
    addiu   $t1, $t1, 1
    addiu   $t1, $t1, 10
1:  CHECK   $t1, 1
    li      $t1, 0
    bc1tl   $fcc0, 1f                                         /* not taken: nullified */
    addiu   $t1, $t1, 1
    addiu   $t1, $t1, 10
1:  CHECK   $t1, 10

    /* ---- Conditional moves. */
    li      $t1, 5
    li      $t2, 7
    movt    $t1, $t2, $fcc3                                   /* FCC3 = 1: moves */
    CHECK   $t1, 7
    movf    $t1, $zero, $fcc3                                 /* no move */
    CHECK   $t1, 7
    movf    $t1, $zero, $fcc0                                 /* FCC0 = 0: moves */
    CHECK   $t1, 0
    LI_D    $f0, 0x11111111, 0x22222222
    LI_D    $f2, 0x33333333, 0x44444444
    movf.d  $f0, $f2, $fcc3                                   /* no move */
    CHECK_D $f0, 0x11111111, 0x22222222
    movt.d  $f0, $f2, $fcc3
    CHECK_D $f0, 0x33333333, 0x44444444
    LI_S    $f4, 0x55555555
    movt.s  $f4, $f2, $fcc0                                   /* no move */
    CHECK_S $f4, 0x55555555
    movz.s  $f4, $f2, $zero                                   /* rt = 0: moves */
    CHECK_S $f4, 0x44444444
    LI_D    $f6, 0x66666666, 0x77777777
    movn.d  $f6, $f0, $zero                                   /* rt = 0: no move */
    CHECK_D $f6, 0x66666666, 0x77777777
    li      $t1, 1
    movn.d  $f6, $f0, $t1
    CHECK_D $f6, 0x33333333, 0x44444444
    /* Moves are non-arithmetic: a signaling NaN moves unchanged, FCSR untouched. */
    ctc1    $zero, $31
    LI_S    $f2, 0x7F800001
    movz.s  $f4, $f2, $zero
    CHECK_S $f4, 0x7F800001
    CHECK_FCSR 0

    /* ---- Invalid enabled: a signaling predicate on a quiet NaN traps, the condition
     * code keeps its value, Cause = V and the Flags stay clear; a quiet predicate does not. */
    SET_FCSR E_V | 0x00800000                                 /* FCC0 = 1 */
    LI_S    $f2, 0x7FC00000
    LI_S    $f4, 0x3F800000
    EXPECT_EXC 1f
10: c.lt.s  $f2, $f4
    nop
1:  CHECK_EXC EXCCODE_FPE, 10b
    CHECK_FCSR E_V | C_V | 0x00800000
    SET_FCSR E_V | 0x00800000
    EXPECT_EXC 1f
    c.eq.s  $f2, $f4
1:  CHECK_NO_EXC
    CHECK_FCSR E_V                                            /* FCC0 = 0 now */

    /* ---- A Floating-Point exception in a branch delay slot: EPC = the branch, BD = 1. */
    SET_FCSR E_Z | 0x00800000
    LI_S    $f2, 0x3F800000
    LI_S    $f4, 0
    EXPECT_EXC 1f
11: bc1t    2f
12: div.s   $f0, $f2, $f4
2:  nop
1:  CHECK_EXC_DS EXCCODE_FPE, 11b, 12b
    CHECK_FCSR E_Z | C_Z | 0x00800000

    TEST_EXIT
