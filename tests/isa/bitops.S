/*
 * Bit-field and byte operations: MIPS32 Instruction Set (MD00086) pages CLZ, CLO, EXT, INS,
 * SEB, SEH, WSBH.  EXT/INS with fields outside the register are UNPREDICTABLE; the simulator
 * raises Reserved Instruction (docs/dev/sim-internals.md), checked at the end.
 */
#include "testdev.inc"

    .macro CL op, value, want
    li      $t0, \value
    \op     $t2, $t0
    CHECK   $t2, \want
    .endm

    TEST_BEGIN
    CL clz, 0, 32
    CL clz, 1, 31
    CL clz, 0x80000000, 0
    CL clz, 0x00010000, 15
    CL clz, 0x0000FFFF, 16
    CL clo, 0xFFFFFFFF, 32
    CL clo, 0, 0
    CL clo, 0xFFFF0000, 16
    CL clo, 0x7FFFFFFF, 0
    CL clo, 0xFFFFFFFE, 31

    li      $t0, 0x12345678
    ext     $t2, $t0, 4, 8
    CHECK   $t2, 0x67
    ext     $t2, $t0, 0, 32
    CHECK   $t2, 0x12345678
    ext     $t2, $t0, 28, 4
    CHECK   $t2, 1
    ext     $t2, $t0, 8, 16
    CHECK   $t2, 0x3456
    ext     $t2, $t0, 0, 1
    CHECK   $t2, 0
    li      $t1, 0x80000000
    ext     $t2, $t1, 31, 1
    CHECK   $t2, 1

    li      $t2, 0xFFFFFFFF
    ins     $t2, $t0, 8, 8
    CHECK   $t2, 0xFFFF78FF
    li      $t2, 0xFFFFFFFF
    ins     $t2, $t0, 0, 32
    CHECK   $t2, 0x12345678
    li      $t2, 0x0000000F
    li      $t1, 0xA
    ins     $t2, $t1, 28, 4
    CHECK   $t2, 0xA000000F
    li      $t2, 0
    li      $t1, 0xFFFFFFFF
    ins     $t2, $t1, 31, 1
    CHECK   $t2, 0x80000000
    li      $t2, 0xFFFFFFFF
    ins     $t2, $zero, 4, 24
    CHECK   $t2, 0xF000000F

    li      $t0, 0x12345680
    seb     $t2, $t0
    CHECK   $t2, 0xFFFFFF80
    li      $t0, 0x8765437F
    seb     $t2, $t0
    CHECK   $t2, 0x7F
    li      $t0, 0x00018000
    seh     $t2, $t0
    CHECK   $t2, 0xFFFF8000
    li      $t0, 0xFFFF7FFF
    seh     $t2, $t0
    CHECK   $t2, 0x7FFF
    li      $t0, 0x11223344
    wsbh    $t2, $t0
    CHECK   $t2, 0x22114433

    /* EXT $t1, $t0 with lsb 16, msbd 16 (field past bit 31); INS $t1, $t0 with msb 3 < lsb 8:
     * Reserved Instruction, $t1 unchanged. */
    li      $t1, 0x5A5A5A5A
    EXPECT_EXC 7f
6:  .word   0x7D098400
    nop
7:  CHECK_EXC EXCCODE_RI, 6b
    CHECK   $t1, 0x5A5A5A5A
    EXPECT_EXC 7f
6:  .word   0x7D091A04
    nop
7:  CHECK_EXC EXCCODE_RI, 6b
    CHECK   $t1, 0x5A5A5A5A
    TEST_EXIT
