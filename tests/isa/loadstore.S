/*
 * Loads and stores of every size: MIPS32 Instruction Set (MD00086) pages LB, LBU, LH, LHU, LW,
 * SB, SH, SW (little-endian byte lanes, sign/zero extension, signed 16-bit offsets); MIPS32 PRA
 * (MD00090) §6.2 Address Error (AdEL/AdES, BadVAddr = the address; the destination register
 * and the memory are not changed).
 */
#include "testdev.inc"

    .section .bss
    .balign 16
buf:    .space 32
    .previous

    .macro LD op, off, want
    li      $t2, 0x5A5A5A5A
    \op     $t2, \off($s0)
    CHECK   $t2, \want
    .endm

    TEST_BEGIN
    la      $s0, buf
    EXPECT_EXC 1f
    li      $t0, 0x80FF7F01
    sw      $t0, 0($s0)
    LD lw, 0, 0x80FF7F01
    LD lb, 0, 0x01
    LD lb, 1, 0x7F
    LD lb, 2, 0xFFFFFFFF
    LD lb, 3, 0xFFFFFF80
    LD lbu, 2, 0xFF
    LD lbu, 3, 0x80
    LD lh, 0, 0x7F01
    LD lh, 2, 0xFFFF80FF
    LD lhu, 2, 0x80FF
    LD lhu, 0, 0x7F01

    sw      $zero, 4($s0)
    li      $t0, 0x12345678
    sb      $t0, 5($s0)
    CHECK_WORD $s0, 4, 0x00007800
    li      $t0, 0xFFFFABCD
    sh      $t0, 6($s0)
    CHECK_WORD $s0, 4, 0xABCD7800
    li      $t0, 0x99
    sb      $t0, 4($s0)
    CHECK_WORD $s0, 4, 0xABCD7899
    sh      $t0, 4($s0)
    CHECK_WORD $s0, 4, 0xABCD0099
    CHECK_WORD $s0, 0, 0x80FF7F01

    /* Negative offsets, the KSEG1 alias of the same RAM, and $zero as destination. */
    addiu   $s1, $s0, 8
    move    $t3, $s0
    move    $s0, $s1
    LD lw, -8, 0x80FF7F01
    addiu   $s0, $t3, 0x10
    LD lhu, -10, 0xABCD
    move    $s0, $t3
    li      $t0, 0x20000000
    or      $t1, $s0, $t0           /* KSEG0 -> KSEG1 */
    lw      $t2, 4($t1)
    CHECK   $t2, 0xABCD0099
    li      $t0, 0xCAFEF00D
    sw      $t0, 8($t1)
    CHECK_WORD $s0, 8, 0xCAFEF00D
    lw      $zero, 0($s0)
    CHECK   $zero, 0

    /* Loads from boot flash (this program's constants). */
    la      $t1, consts
    lw      $t2, 0($t1)
    CHECK   $t2, 0x8091A2B3
    lb      $t2, 0($t1)
    CHECK   $t2, 0xFFFFFFB3
    lhu     $t2, 2($t1)
    CHECK   $t2, 0x8091
    lh      $t2, 2($t1)
    CHECK   $t2, 0xFFFF8091
1:  CHECK_NO_EXC

    /* Misaligned accesses: AdEL/AdES, BadVAddr, nothing written. */
    li      $t2, 0x5A5A5A5A
    EXPECT_EXC 7f
6:  lh      $t2, 1($s0)
    nop
7:  CHECK_EXC EXCCODE_ADEL, 6b
    addiu   $t3, $s0, 1
    CHECK_REC EXC_BADVADDR, buf + 1
    CHECK   $t2, 0x5A5A5A5A
    EXPECT_EXC 7f
6:  lhu     $t2, 3($s0)
    nop
7:  CHECK_EXC EXCCODE_ADEL, 6b
    CHECK_REC EXC_BADVADDR, buf + 3
    CHECK   $t2, 0x5A5A5A5A
    EXPECT_EXC 7f
6:  lw      $t2, 2($s0)
    nop
7:  CHECK_EXC EXCCODE_ADEL, 6b
    CHECK_REC EXC_BADVADDR, buf + 2
    CHECK   $t2, 0x5A5A5A5A
    EXPECT_EXC 7f
6:  lw      $t2, 7($s0)
    nop
7:  CHECK_EXC EXCCODE_ADEL, 6b
    CHECK_REC EXC_BADVADDR, buf + 7
    CHECK   $t2, 0x5A5A5A5A
    li      $t0, 0x11111111
    EXPECT_EXC 7f
6:  sh      $t0, 9($s0)
    nop
7:  CHECK_EXC EXCCODE_ADES, 6b
    CHECK_REC EXC_BADVADDR, buf + 9
    CHECK_WORD $s0, 8, 0xCAFEF00D
    EXPECT_EXC 7f
6:  sw      $t0, 10($s0)
    nop
7:  CHECK_EXC EXCCODE_ADES, 6b
    CHECK_REC EXC_BADVADDR, buf + 10
    CHECK_WORD $s0, 8, 0xCAFEF00D
    CHECK_WORD $s0, 12, 0
    EXPECT_EXC 7f
6:  sw      $t0, -1($s1)
    nop
7:  CHECK_EXC EXCCODE_ADES, 6b
    CHECK_REC EXC_BADVADDR, buf + 7
    CHECK_WORD $s0, 4, 0xABCD0099
    TEST_EXIT

    .balign 4
consts: .word 0x8091A2B3
