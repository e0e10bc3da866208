/*
 * Multiply and divide, HI/LO: MIPS32 Instruction Set (MD00086) pages MULT, MULTU, DIV, DIVU,
 * MADD, MADDU, MSUB, MSUBU, MUL, MFHI, MFLO, MTHI, MTLO.  HI/LO after MUL are UNPREDICTABLE and
 * not checked; DIV/DIVU by zero leave HI and LO unchanged (docs/dev/sim-internals.md).
 */
#include "testdev.inc"

    .macro HILO hi, lo
    mfhi    $t8
    mflo    $t9
    CHECK   $t8, \hi
    CHECK   $t9, \lo
    .endm

    .macro SETHILO hi, lo
    li      $t8, \hi
    li      $t9, \lo
    mthi    $t8
    mtlo    $t9
    .endm

    TEST_BEGIN
    SETHILO 0x12345678, 0x9ABCDEF0
    HILO    0x12345678, 0x9ABCDEF0

    li      $t0, -3
    li      $t1, 7
    mult    $t0, $t1
    HILO    0xFFFFFFFF, 0xFFFFFFEB
    li      $t0, 0x80000000
    mult    $t0, $t0
    HILO    0x40000000, 0
    li      $t0, -1
    mult    $t0, $t0
    HILO    0, 1
    multu   $t0, $t0
    HILO    0xFFFFFFFE, 1
    li      $t0, 0x80000000
    li      $t1, 2
    multu   $t0, $t1
    HILO    1, 0
    mult    $t0, $t1
    HILO    0xFFFFFFFF, 0

    /* DIV truncates toward zero; the remainder has the dividend's sign. */
    li      $t0, 7
    li      $t1, -2
    div     $zero, $t0, $t1
    HILO    1, 0xFFFFFFFD
    li      $t0, -7
    li      $t1, 2
    div     $zero, $t0, $t1
    HILO    0xFFFFFFFF, 0xFFFFFFFD
    li      $t1, -2
    div     $zero, $t0, $t1
    HILO    0xFFFFFFFF, 3
    li      $t0, 0xFFFFFFFF
    li      $t1, 2
    divu    $zero, $t0, $t1
    HILO    1, 0x7FFFFFFF
    li      $t0, 7
    li      $t1, 0xFFFFFFFF
    divu    $zero, $t0, $t1
    HILO    7, 0
    /* By zero: no exception, HI/LO unchanged (the simulator's documented choice). */
    EXPECT_EXC 1f
    SETHILO 0x1111, 0x2222
    div     $zero, $t0, $zero
    HILO    0x1111, 0x2222
    divu    $zero, $t0, $zero
    HILO    0x1111, 0x2222
1:  CHECK_NO_EXC

    /* Multiply-accumulate on HI:LO (64 bits, wrapping). */
    SETHILO 0x00000001, 0xFFFFFFFF
    li      $t0, 2
    li      $t1, 3
    madd    $t0, $t1
    HILO    2, 5
    li      $t0, -1
    li      $t1, 1
    madd    $t0, $t1
    HILO    2, 4
    SETHILO 0, 0
    li      $t0, -2
    li      $t1, 3
    madd    $t0, $t1
    HILO    0xFFFFFFFF, 0xFFFFFFFA
    SETHILO 0, 0
    li      $t0, 0xFFFFFFFF
    li      $t1, 2
    maddu   $t0, $t1
    HILO    1, 0xFFFFFFFE
    SETHILO 0xFFFFFFFF, 0xFFFFFFFF
    li      $t0, 1
    maddu   $t0, $t0
    HILO    0, 0
    SETHILO 0, 0
    li      $t0, 2
    li      $t1, 3
    msub    $t0, $t1
    HILO    0xFFFFFFFF, 0xFFFFFFFA
    SETHILO 0, 0
    li      $t0, -2
    msub    $t0, $t1
    HILO    0, 6
    SETHILO 1, 0
    li      $t0, 1
    msubu   $t0, $t0
    HILO    0, 0xFFFFFFFF
    SETHILO 0, 0
    li      $t0, 0xFFFFFFFF
    li      $t1, 1
    msubu   $t0, $t1
    HILO    0xFFFFFFFF, 1

    /* MUL: low 32 bits of the signed product in rd. */
    li      $t0, 0x10000
    mul     $t2, $t0, $t0
    CHECK   $t2, 0
    li      $t0, -3
    li      $t1, 7
    mul     $t2, $t0, $t1
    CHECK   $t2, 0xFFFFFFEB
    li      $t0, 0x7FFFFFFF
    li      $t1, 2
    mul     $t2, $t0, $t1
    CHECK   $t2, 0xFFFFFFFE
    li      $t0, 0x12345
    li      $t1, 0x6789
    mul     $t2, $t0, $t1
    CHECK   $t2, 0x75CCA2ED      /* 0x12345 * 0x6789 */
    TEST_EXIT
