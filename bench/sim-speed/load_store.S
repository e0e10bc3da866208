/* Simulator speed, load/store heavy: 6 of 8 instructions touch RAM (issue 2 benchmark). */
#include "soc/testdev.h"
    .set    noreorder
    .section .text.start
    .globl  _start
_start:
    li      $t0, 30000000          /* iterations: 8 instructions each */
    li      $s0, 0x80001000
1:  lw      $t1, 0($s0)
    addiu   $t1, $t1, 1
    sw      $t1, 0($s0)
    lbu     $t2, 5($s0)
    sb      $t2, 9($s0)
    lh      $t3, 2($s0)
    addiu   $t0, $t0, -1
    bnez    $t0, 1b
    nop
    li      $k1, TESTDEV_KSEG1
    sw      $zero, TESTDEV_EXIT($k1)
2:  b       2b
    nop
