/*
 * Run-time for the interrupt tests (tests/irq): reset entry, exception and interrupt entry
 * points, and the common entry that calls irq_dispatch() (rt.c) with a register frame.
 *
 * EBase is the start of boot flash, 0xBFC00000 (KSEG1; bits 31:30 = 10 as EBase requires,
 * mips-vz.md §2.7), written while Status.BEV = 1 as the PIC32MZ requires (pic32mz-ef.md §1.3).
 * Then, with BEV = 0 (MIPS32 PRA MD00090 §6.2.1, mips-vz.md §4.1):
 *   EBase + 0x180   general exceptions, and interrupts with Cause.IV = 0     tag 0x180
 *   EBase + 0x200   interrupts with Cause.IV = 1 in single-vector mode        tag 0x200
 *   EBase + VTAB_OFFSET(n)  one stub per EVIC vector n, for OFFn (multi-vector) tag n
 * Each stub loads its tag into $k0 and joins irq_common, which saves the caller-saved
 * registers on the current set's stack (every shadow set gets its own stack at start-up),
 * records Cause/Status/EPC/SRSCtl, calls irq_dispatch(frame), restores EPC from the frame
 * and returns with ERET.
 */
#include "soc/cp0.h"
#include "soc/testdev.h"
#include "rt.h"

    .set noreorder
    .set noat
    .section .text.start, "ax"
    .globl _start
_start:
    b       rt_start
    nop

    .org    0x180
    b       irq_common
    li      $k0, 0x180
    .org    0x200
    b       irq_common
    li      $k0, 0x200
    .org    0x380                   /* Status.BEV = 1: only before rt_start is done */
    b       irq_common
    li      $k0, 0x380
    .org    0x400
    b       irq_common
    li      $k0, 0x400

    .org    VTAB_BASE
    .globl  rt_vtab
rt_vtab:
    .set    vec, 0
    .rept   VTAB_COUNT
    b       irq_common
    li      $k0, vec
    .set    vec, vec + 1
    .endr

irq_common:
    addiu   $sp, $sp, -FRAME_SIZE
    sw      $k0, F_TAG($sp)
    sw      $1, F_R + 4 * 1($sp)
    sw      $2, F_R + 4 * 2($sp)
    sw      $3, F_R + 4 * 3($sp)
    sw      $4, F_R + 4 * 4($sp)
    sw      $5, F_R + 4 * 5($sp)
    sw      $6, F_R + 4 * 6($sp)
    sw      $7, F_R + 4 * 7($sp)
    sw      $8, F_R + 4 * 8($sp)
    sw      $9, F_R + 4 * 9($sp)
    sw      $10, F_R + 4 * 10($sp)
    sw      $11, F_R + 4 * 11($sp)
    sw      $12, F_R + 4 * 12($sp)
    sw      $13, F_R + 4 * 13($sp)
    sw      $14, F_R + 4 * 14($sp)
    sw      $15, F_R + 4 * 15($sp)
    sw      $16, F_R + 4 * 16($sp)
    sw      $24, F_R + 4 * 24($sp)
    sw      $25, F_R + 4 * 25($sp)
    sw      $30, F_R + 4 * 30($sp)
    sw      $31, F_R + 4 * 31($sp)
    mfhi    $k0
    sw      $k0, F_HI($sp)
    mflo    $k0
    sw      $k0, F_LO($sp)
    mfc0    $k0, C0_CAUSE
    sw      $k0, F_CAUSE($sp)
    mfc0    $k0, C0_STATUS
    sw      $k0, F_STATUS($sp)
    mfc0    $k0, C0_EPC
    sw      $k0, F_EPC($sp)
    mfc0    $k0, C0_SRSCTL
    sw      $k0, F_SRSCTL($sp)
    addiu   $k0, $sp, FRAME_SIZE
    sw      $k0, F_SP($sp)
    jal     irq_dispatch
    move    $a0, $sp
    lw      $k0, F_EPC($sp)
    mtc0    $k0, C0_EPC
    lw      $k0, F_HI($sp)
    mthi    $k0
    lw      $k0, F_LO($sp)
    mtlo    $k0
    lw      $1, F_R + 4 * 1($sp)
    lw      $2, F_R + 4 * 2($sp)
    lw      $3, F_R + 4 * 3($sp)
    lw      $4, F_R + 4 * 4($sp)
    lw      $5, F_R + 4 * 5($sp)
    lw      $6, F_R + 4 * 6($sp)
    lw      $7, F_R + 4 * 7($sp)
    lw      $8, F_R + 4 * 8($sp)
    lw      $9, F_R + 4 * 9($sp)
    lw      $10, F_R + 4 * 10($sp)
    lw      $11, F_R + 4 * 11($sp)
    lw      $12, F_R + 4 * 12($sp)
    lw      $13, F_R + 4 * 13($sp)
    lw      $14, F_R + 4 * 14($sp)
    lw      $15, F_R + 4 * 15($sp)
    lw      $16, F_R + 4 * 16($sp)
    lw      $24, F_R + 4 * 24($sp)
    lw      $25, F_R + 4 * 25($sp)
    lw      $30, F_R + 4 * 30($sp)
    lw      $31, F_R + 4 * 31($sp)
    addiu   $sp, $sp, FRAME_SIZE
    ehb
    eret
    nop

rt_start:
    /* Reset state: BEV = ERL = 1.  EBase first (BEV must be 1), then EIC-mode defaults:
     * IntCtl.VS = 1 (32 bytes; EIC needs VS != 0, mips-vz.md §4.4), Cause.IV = 1. */
    li      $t0, RT_EBASE
    mtc0    $t0, C0_EBASE
    li      $t0, 1 << INTCTL_VS_SHIFT
    mtc0    $t0, C0_INTCTL
    li      $t0, CAUSE_IV
    mtc0    $t0, C0_CAUSE
    mtc0    $zero, C0_STATUS        /* kernel mode, BEV = ERL = EXL = IE = 0 */
    ehb
    /* .data from boot flash, .bss cleared. */
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
    /* A stack for every shadow set n = 1..7 (through SRSCtl.PSS and WRPGPR), then set 0. */
4:  li      $t0, 1
    li      $t1, RT_STACK_TOP - RT_STACK_SIZE
5:  mfc0    $t2, C0_SRSCTL
    ins     $t2, $t0, SRSCTL_PSS_SHIFT, 4
    mtc0    $t2, C0_SRSCTL
    ehb
    wrpgpr  $sp, $t1
    addiu   $t0, $t0, 1
    sltiu   $t3, $t0, 8
    bnez    $t3, 5b
    addiu   $t1, $t1, -RT_STACK_SIZE
    mfc0    $t2, C0_SRSCTL
    ins     $t2, $zero, SRSCTL_PSS_SHIFT, 4
    mtc0    $t2, C0_SRSCTL
    ehb
    li      $sp, RT_STACK_TOP
    jal     main
    nop
    li      $k1, TESTDEV_KSEG1
    sw      $zero, TESTDEV_EXIT($k1)
6:  b       6b
    nop
