/*
 * The bare-metal side of the differential test, run in pic32mz-sim --test.
 *
 * The core stays at Status.ERL=1 from reset: kernel mode, and kuseg is an unmapped window onto
 * physical memory (MIPS32 PRA MD00090 §4.3.1), so the generated sequence runs at the same
 * virtual addresses as its Linux twin (layout.h).  Overflow (Ov) and trap (Tr) exceptions
 * arrive at the BEV general vector, 0xBFC00380 (MD00090 §6.2.1, memmap.h).  The handler logs
 * Cause.ExcCode (with DIFF_EXC_BD when Cause.BD=1) and EPC as linux.c logs the signal and its
 * PC, then resumes at the next instruction: EPC + 4, or EPC + 8 after a delay slot (EPC is then
 * the branch, MD00090 §6.2.1; the branch counts as not taken).  It cannot use ERET, which with ERL=1 returns to ErrorEPC and clears ERL (MD00086
 * ERET); it clears EXL itself and jumps back.  $k0/$k1 are saved in KScratch1/2 (mips-vz.md
 * §2.9), so the sequence may use all 31 registers.
 */
#include "layout.h"
#include "soc/cp0.h"
#include "soc/cp0_fields.h"
#include "soc/memmap.h"
#include "soc/testdev.h"

    .set noreorder
    .set noat
    .section .text.boot, "ax", @progbits
    .globl _reset
_reset:
    lui     $sp, %hi(DIFF_STACK_TOP)
    addiu   $sp, $sp, %lo(DIFF_STACK_TOP)
    lui     $25, %hi(diff_body)
    addiu   $25, $25, %lo(diff_body)
    jr      $25
    nop

    .org    BEV_VECTOR_BASE + VEC_GENERAL - RESET_VECTOR
general_exception:
    mtc0    $26, C0_KSCRATCH1
    mtc0    $27, C0_KSCRATCH2
    mfc0    $26, C0_CAUSE
    srl     $27, $26, 31                 /* Cause.BD */
    sll     $27, $27, 8                  /* DIFF_EXC_BD */
    ext     $26, $26, CAUSE_EXCCODE_SHIFT, 5
    or      $26, $26, $27
    sw      $26, DIFF_SAVE($0)           /* slot of $0: free until the epilogue */
    lw      $26, DIFF_LOG($0)            /* entries so far */
    addiu   $27, $26, 1
    sw      $27, DIFF_LOG($0)
    sltiu   $27, $26, DIFF_LOG_MAX
    beq     $27, $0, 1f
    sll     $26, $26, 3
    lw      $27, DIFF_SAVE($0)
    sw      $27, DIFF_LOG + 4($26)
    mfc0    $27, C0_EPC
    sw      $27, DIFF_LOG + 8($26)
1:  mfc0    $26, C0_CAUSE
    bltz    $26, 2f                      /* Cause.BD: resume after the delay slot */
    mfc0    $26, C0_EPC
    b       3f
    addiu   $26, $26, 4
2:  addiu   $26, $26, 8
3:
    mfc0    $27, C0_STATUS
    ins     $27, $0, 1, 1                /* Status.EXL = 0 (ERL stays 1: kernel mode) */
    mtc0    $27, C0_STATUS
    ehb
    mfc0    $27, C0_KSCRATCH2
    jr      $26
    mfc0    $26, C0_KSCRATCH1

    .text
/* void diff_out(const char *s, unsigned n): bytes to the test device's PUTC. */
    .globl diff_out
diff_out:
    lui     $8, %hi(TESTDEV_KSEG1)
    addiu   $8, $8, %lo(TESTDEV_KSEG1)
    beq     $5, $0, 2f
    nop
1:  lbu     $9, 0($4)
    addiu   $4, $4, 1
    addiu   $5, $5, -1
    bne     $5, $0, 1b
    sw      $9, TESTDEV_PUTC($8)
2:  jr      $31
    nop

/* void diff_exit(void): ends the run with status 0. */
    .globl diff_exit
diff_exit:
    lui     $8, %hi(TESTDEV_KSEG1)
    addiu   $8, $8, %lo(TESTDEV_KSEG1)
    sw      $0, TESTDEV_EXIT($8)
1:  b       1b
    nop
