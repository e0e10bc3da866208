/*
 * Bare-metal start for the DSP differential program (difftest.c) in pic32mz-sim: linked in
 * RAM (diff_bare.ld) and started with --entry file.  Kernel mode with Status.MX = 1 (the DSP
 * ASE enabled, mips-vz.md §2.4), BEV = 0 and EBase = 0x80000000 so that any exception reaches
 * the handler below, which prints it and ends the run with status 99.
 */
#include "soc/cp0.h"
#include "soc/testdev.h"

    .set noreorder
    .section .text.start, "ax"
    .globl _start
_start:
    b       1f
    nop
    .org    0x180                   /* general exception vector, EBase + 0x180 */
    la      $k0, exc_msg
    li      $k1, TESTDEV_KSEG1
2:  lbu     $a0, 0($k0)
    beqz    $a0, 3f
    addiu   $k0, $k0, 1
    b       2b
    sw      $a0, TESTDEV_PUTC($k1)
3:  mfc0    $a0, C0_CAUSE
    jal     put_hex_raw
    nop
    mfc0    $a0, C0_EPC
    jal     put_hex_raw
    nop
    li      $a0, 99
    li      $k1, TESTDEV_KSEG1
    sw      $a0, TESTDEV_EXIT($k1)
4:  b       4b
    nop

1:  la      $t0, 0x80000000
    mtc0    $t0, C0_EBASE
    li      $t0, STATUS_MX
    mtc0    $t0, C0_STATUS          /* kernel mode, ERL = EXL = BEV = IE = 0, DSP on */
    ehb
    la      $sp, __stack_top
    jal     main
    nop
    li      $k1, TESTDEV_KSEG1
    sw      $v0, TESTDEV_EXIT($k1)  /* 0: status from the (absent) checks, i.e. 0 */
5:  b       5b
    nop

/* put_hex_raw: $a0 as " xxxxxxxx" on the test device; uses $a1-$a3, $k1. */
put_hex_raw:
    li      $k1, TESTDEV_KSEG1
    li      $a1, ' '
    sw      $a1, TESTDEV_PUTC($k1)
    li      $a2, 8
6:  srl     $a1, $a0, 28
    sltiu   $a3, $a1, 10
    bnez    $a3, 7f
    addiu   $a1, $a1, '0'
    addiu   $a1, $a1, 'a' - '0' - 10
7:  sw      $a1, TESTDEV_PUTC($k1)
    addiu   $a2, $a2, -1
    bnez    $a2, 6b
    sll     $a0, $a0, 4
    jr      $ra
    nop

/* void out_write(const char *buf, unsigned len) */
    .text
    .globl out_write
out_write:
    li      $t0, TESTDEV_KSEG1
    beqz    $a1, 9f
    addu    $a1, $a0, $a1
8:  lbu     $t1, 0($a0)
    addiu   $a0, $a0, 1
    bne     $a0, $a1, 8b
    sw      $t1, TESTDEV_PUTC($t0)
9:  jr      $ra
    nop

    .section .rodata
exc_msg: .asciz "\nexception: cause/epc"
