/*
 * DEVCFG0.BOOTISA = 0 (pic32mz-ef.md §10.2, §10.3): the core leaves reset in microMIPS at
 * 0xBFC00000, with Config3.ISA = 3 (both ISAs, microMIPS at boot) and Config3.ISAOnExc = 1
 * (mips-vz.md §2.8, §7).  This reset code is microMIPS: run as MIPS32 it would fail.
 */
#include "soc/cp0.h"
#include "soc/testdev.h"

    .set    micromips
    .set    noreorder
    .section .text.start, "ax"
    .globl  _start
_start:
    li      $s0, TESTDEV_KSEG1
    mfc0    $t0, $16, 3             /* Config3 */
    ext     $t1, $t0, CONFIG3_ISA_SHIFT, 2
    li      $t2, 3
    bne     $t1, $t2, fail
    nop
    ext     $t1, $t0, 16, 1         /* ISAOnExc */
    li      $t2, 1
    bne     $t1, $t2, fail
    nop
    li      $t3, 1
    sw      $t3, TESTDEV_PASS($s0)
    sw      $zero, TESTDEV_EXIT($s0)
1:  b       1b
    nop
fail:
    li      $t3, 1
    sw      $t3, TESTDEV_FAIL($s0)
    sw      $zero, TESTDEV_EXIT($s0)
2:  b       2b
    nop

    /* DEVCFG3..DEVCFG0 at 0xBFC0FFC0: watchdogs off, BOOTISA (DEVCFG0 bit 6) = 0. */
    .section .devcfg, "a"
    .word   0xFFFFFFFF, 0xFFF9B11A, 0x7F7FFFFF, 0xFFFFF7BF
