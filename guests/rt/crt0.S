/*
 * Start-up code for bare-metal PIC32MZ programs (and tinyVP guests, which start the same way:
 * architecture.md "an unmodified bare-metal image starts at its reset entry").
 * The reset vector in boot flash jumps to _start in program flash (KSEG0), as XC32 does
 * (pic32mz-ef.md §1.3); _start sets up the stack, copies .data, clears .bss and calls main().
 */
#include "soc/cp0.h"

    .set    noreorder
    .section .reset, "ax"
    .globl  _reset
_reset:
    la      $k0, _start
    jr      $k0
    nop

    .text
    .globl  _start
    .ent    _start
_start:
    la      $sp, _stack_top
    la      $gp, 0
    /* Leave the boot state (ERL=1 makes kuseg unmapped; MD00090 §4.3): kernel mode, BEV kept
     * until the program installs its own vectors, interrupts off. */
    mfc0    $t0, C0_STATUS
    li      $t1, ~(STATUS_ERL | STATUS_EXL | STATUS_IE)
    and     $t0, $t0, $t1
    mtc0    $t0, C0_STATUS
    ehb
    /* kseg0 cacheable, write-back (Config.K0 = 3), as XC32's start-up code does. */
    mfc0    $t0, C0_CONFIG
    ins     $t0, $zero, 0, 3
    ori     $t0, $t0, 3
    mtc0    $t0, C0_CONFIG
    ehb
    /* .data from its load address in flash. */
    la      $t0, _data_load
    la      $t1, _data_start
    la      $t2, _data_end
1:  beq     $t1, $t2, 2f
    nop
    lw      $t3, 0($t0)
    sw      $t3, 0($t1)
    addiu   $t0, $t0, 4
    b       1b
    addiu   $t1, $t1, 4
2:  la      $t1, _bss_start
    la      $t2, _bss_end
3:  beq     $t1, $t2, 4f
    nop
    sw      $zero, 0($t1)
    b       3b
    addiu   $t1, $t1, 4
4:  jal     main
    nop
5:  wait
    b       5b
    nop
    .end    _start
