/*
 * The common epilogue of every generated sequence, on both sides (Linux under qemu-mipsel and
 * bare metal in pic32mz-sim): saves all 31 GPRs and HI/LO through offset($0) stores (the save
 * area lies below 0x8000, layout.h), so no register has to be given up, then calls the report
 * code on a fresh stack.
 */
#include "layout.h"

    .set noreorder
    .set noat
    .text
    .globl diff_epilogue
    .type diff_epilogue, @function
diff_epilogue:
    .irp n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sw      $\n, DIFF_SAVE + 4 * \n($0)
    .endr
    mfhi    $1
    sw      $1, DIFF_SAVE + DIFF_SAVE_HI($0)
    mflo    $1
    sw      $1, DIFF_SAVE + DIFF_SAVE_LO($0)
    lui     $sp, %hi(DIFF_STACK_TOP)
    addiu   $sp, $sp, %lo(DIFF_STACK_TOP)
    jal     diff_report
    nop
1:  b       1b
    nop
    .size diff_epilogue, . - diff_epilogue

/* The save area and the exception log, zero at start (the data area follows, generated). */
    .section .diff.save, "aw", @progbits
    .space  DIFF_DATA - DIFF_SAVE
