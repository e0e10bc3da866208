/*
 * Shifts and rotates: MIPS32 Instruction Set (MD00086) pages SLL, SRL, SRA, SLLV, SRLV, SRAV,
 * ROTR, ROTRV (variable forms use rs<4:0>).
 */
#include "testdev.inc"

    TEST_BEGIN
    li      $t0, 0x80000001
    sll     $t2, $t0, 1
    CHECK   $t2, 0x00000002
    sll     $t2, $t0, 31
    CHECK   $t2, 0x80000000
    sll     $t2, $t0, 0
    CHECK   $t2, 0x80000001
    srl     $t2, $t0, 1
    CHECK   $t2, 0x40000000
    srl     $t2, $t0, 31
    CHECK   $t2, 1
    sra     $t2, $t0, 1
    CHECK   $t2, 0xC0000000
    sra     $t2, $t0, 31
    CHECK   $t2, 0xFFFFFFFF
    li      $t1, 0x7FFFFFF0
    sra     $t2, $t1, 4
    CHECK   $t2, 0x07FFFFFF
    li      $t1, 0x12345678
    rotr    $t2, $t1, 4
    CHECK   $t2, 0x81234567
    rotr    $t2, $t1, 8
    CHECK   $t2, 0x78123456
    rotr    $t2, $t1, 0
    CHECK   $t2, 0x12345678
    rotr    $t2, $t1, 31
    CHECK   $t2, 0x2468ACF0

    /* Variable shifts use the low five bits of rs. */
    li      $t3, 33
    sllv    $t2, $t0, $t3
    CHECK   $t2, 2
    li      $t3, 0x20
    srlv    $t2, $t0, $t3
    CHECK   $t2, 0x80000001
    li      $t3, 4
    srlv    $t2, $t0, $t3
    CHECK   $t2, 0x08000000
    li      $t3, 0xFFFFFFFF
    srav    $t2, $t0, $t3
    CHECK   $t2, 0xFFFFFFFF
    li      $t3, 4
    srav    $t2, $t0, $t3
    CHECK   $t2, 0xF8000000
    li      $t3, 36
    rotrv   $t2, $t1, $t3
    CHECK   $t2, 0x81234567
    rotrv   $t2, $t1, $zero
    CHECK   $t2, 0x12345678
    li      $t3, 0x3F
    rotrv   $t2, $t1, $t3
    CHECK   $t2, 0x2468ACF0
    move    $t2, $t0
    sllv    $t2, $t2, $t2           /* rd == rt == rs: shift by 1 */
    CHECK   $t2, 2
    TEST_EXIT
