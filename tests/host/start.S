/*
 * Start-up of the tests/host programs: the reset vector (boot flash) jumps to _start in
 * program flash, which sets up the stack, clears .bss and calls main().  Programs started the
 * boot loader's way (app.ld, --bootloader) have no reset section and enter at _start.
 */
#include "soc/cp0.h"

    .set    noreorder
    .section .reset, "ax"
    .globl  _reset
_reset:
    la      $k0, _start
    jr      $k0
    nop

    .section .text.start, "ax"
    .globl  _start
    .ent    _start
_start:
    la      $sp, _stack_top
    /* Kernel mode without ERL/EXL (ERL=1 would leave kuseg unmapped: MD00090 §4.3). */
    mfc0    $t0, C0_STATUS
    li      $t1, ~(STATUS_ERL | STATUS_EXL | STATUS_IE)
    and     $t0, $t0, $t1
    mtc0    $t0, C0_STATUS
    ehb
    la      $t1, _bss_start
    la      $t2, _bss_end
1:  beq     $t1, $t2, 2f
    nop
    sw      $zero, 0($t1)
    b       1b
    addiu   $t1, $t1, 4
2:  jal     main
    nop
3:  wait
    b       3b
    nop
    .end    _start
