/*
 * Logical operations: MIPS32 Instruction Set (MD00086) pages AND, ANDI, OR, ORI, XOR, XORI,
 * NOR (the 16-bit immediates are zero-extended).
 */
#include "testdev.inc"

    TEST_BEGIN
    li      $t0, 0xF0F0F0F0
    li      $t1, 0x0FF00FF0
    and     $t2, $t0, $t1
    CHECK   $t2, 0x00F000F0
    or      $t2, $t0, $t1
    CHECK   $t2, 0xFFF0FFF0
    xor     $t2, $t0, $t1
    CHECK   $t2, 0xFF00FF00
    nor     $t2, $t0, $t1
    CHECK   $t2, 0x000F000F
    nor     $t2, $zero, $zero
    CHECK   $t2, 0xFFFFFFFF
    andi    $t2, $t0, 0xFFFF
    CHECK   $t2, 0x0000F0F0
    andi    $t2, $t0, 0x8000
    CHECK   $t2, 0x00008000
    ori     $t2, $zero, 0x8000
    CHECK   $t2, 0x00008000
    ori     $t2, $t0, 0x0F0F
    CHECK   $t2, 0xF0F0FFFF
    xori    $t2, $t0, 0xFFFF
    CHECK   $t2, 0xF0F00F0F
    xori    $t2, $t0, 0
    CHECK   $t2, 0xF0F0F0F0
    move    $t2, $t0
    and     $t2, $t2, $t1           /* rd == rs */
    CHECK   $t2, 0x00F000F0
    or      $zero, $t0, $t1
    CHECK   $zero, 0
    TEST_EXIT
