/* Simulator speed, CPU-bound: an integer loop with no memory traffic (issue 2 benchmark). */
#include "soc/testdev.h"
    .set    noreorder
    .section .text.start
    .globl  _start
_start:
    li      $t0, 40000000          /* iterations: 7 instructions each */
    li      $t1, 0
    li      $t2, 0x12345
1:  addu    $t1, $t1, $t2
    xor     $t2, $t2, $t1
    sll     $t3, $t1, 3
    subu    $t1, $t1, $t3
    addiu   $t0, $t0, -1
    bnez    $t0, 1b
    nop
    li      $k1, TESTDEV_KSEG1
    sw      $zero, TESTDEV_EXIT($k1)
2:  b       2b
    nop
