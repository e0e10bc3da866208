/*
 * Conditional moves and set-on-less-than: MIPS32 Instruction Set (MD00086) pages MOVN, MOVZ,
 * SLT, SLTI, SLTIU, SLTU (SLTIU sign-extends its immediate, then compares unsigned).
 */
#include "testdev.inc"

    TEST_BEGIN
    li      $t0, 0x11111111
    li      $t2, 0x22222222
    movz    $t2, $t0, $zero
    CHECK   $t2, 0x11111111
    li      $t2, 0x22222222
    li      $t1, 1
    movz    $t2, $t0, $t1
    CHECK   $t2, 0x22222222
    movn    $t2, $t0, $t1
    CHECK   $t2, 0x11111111
    li      $t2, 0x22222222
    movn    $t2, $t0, $zero
    CHECK   $t2, 0x22222222
    li      $t1, 0x80000000
    movn    $t2, $t0, $t1
    CHECK   $t2, 0x11111111

    li      $t0, -1
    li      $t1, 1
    slt     $t2, $t0, $t1
    CHECK   $t2, 1
    slt     $t2, $t1, $t0
    CHECK   $t2, 0
    slt     $t2, $t1, $t1
    CHECK   $t2, 0
    sltu    $t2, $t0, $t1
    CHECK   $t2, 0
    sltu    $t2, $t1, $t0
    CHECK   $t2, 1
    sltu    $t2, $t1, $t1
    CHECK   $t2, 0
    li      $t3, 0x80000000
    li      $t4, 0x7FFFFFFF
    slt     $t2, $t3, $t4
    CHECK   $t2, 1
    sltu    $t2, $t3, $t4
    CHECK   $t2, 0

    li      $t0, -5
    slti    $t2, $t0, -4
    CHECK   $t2, 1
    slti    $t2, $t0, -5
    CHECK   $t2, 0
    li      $t0, 5
    slti    $t2, $t0, -4
    CHECK   $t2, 0
    slti    $t2, $t0, 0x7FFF
    CHECK   $t2, 1
    li      $t0, 0xFFFFFFFE
    sltiu   $t2, $t0, -1            /* 0xFFFFFFFE < 0xFFFFFFFF */
    CHECK   $t2, 1
    li      $t0, 5
    sltiu   $t2, $t0, -1
    CHECK   $t2, 1
    li      $t0, 0x8000
    sltiu   $t2, $t0, 0x7FFF
    CHECK   $t2, 0
    sltiu   $t2, $zero, 1
    CHECK   $t2, 1
    li      $t0, 0xFFFF8000
    sltiu   $t2, $t0, -0x8000       /* equal after sign extension */
    CHECK   $t2, 0
    TEST_EXIT
