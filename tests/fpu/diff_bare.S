/*
 * FPU differential test, simulator side: bare metal from the reset vector (tests/common
 * baremetal.ld).  Start-up as real PIC32MZ code does it: Status.CU1 = 1 (FPU usable) and
 * Status.FR = 1 (32 64-bit registers, what -mfp64 code needs; mips-vz.md §2.4), BEV kept
 * for the boot-flash vectors.  An unexpected exception ends the run with status 99.
 * Built with -DDIFF_FR=0 (and -mfp32 code) for the FR=0 run.
 */
#include "soc/cp0.h"
#include "soc/testdev.h"

#ifndef DIFF_FR
#define DIFF_FR 1
#endif

    .section .text.start, "ax"
    .set noreorder
    .globl _start
_start:
    b       1f
    nop
    .org    0x380                   /* general exception vector with BEV = 1 */
    li      $k1, TESTDEV_KSEG1
    li      $k0, 99
    sw      $k0, TESTDEV_EXIT($k1)
2:  b       2b
    nop
1:  li      $t0, STATUS_CU1 | (DIFF_FR * STATUS_FR) | STATUS_BEV
    mtc0    $t0, C0_STATUS
    ehb
    li      $sp, 0x80080000 - 32    /* top of the 512 KB data RAM (KSEG0) */
    jal     fpu_diff_main
    nop
    li      $k1, TESTDEV_KSEG1
    sw      $zero, TESTDEV_EXIT($k1)
3:  b       3b
    nop

/* plat_write(buf, len): bytes to the test device's console. */
    .text
    .globl  plat_write
plat_write:
    li      $t0, TESTDEV_KSEG1
1:  beqz    $a1, 2f
    nop
    lbu     $t1, 0($a0)
    sw      $t1, TESTDEV_PUTC($t0)
    addiu   $a0, $a0, 1
    b       1b
    addiu   $a1, $a1, -1
2:  jr      $ra
    nop
