/*
 * Exception and interrupt vectors for interrupt-driven PIC32MZ programs (and tinyVP guests,
 * which are the same programs).  A 4 KB-aligned page becomes EBase (MD00090 EBase):
 * EBase + 0x180 general exceptions, EBase + 0x200 the single-vector interrupt entry; in
 * multi-vector mode each EVIC vector enters where its OFFn register says (pic32mz-ef.md
 * §3.4), one of the ISR_SLOTS stubs below that irq_connect() assigns.
 *
 * Interrupt entry (XC32's pattern): save what C may clobber, EPC and Status, raise
 * Status.IPL to the request's level (Cause.RIPL), leave EXL and enable interrupts so that a
 * higher level can nest, run the handler, then restore with interrupts off and ERET.
 * k0/k1 are only used while interrupts are off.
 */
#include "soc/cp0.h"

#define ISR_SLOTS 8
#define FRAME     96 /* 22 words saved + padding, 8-byte aligned */

    .set    noreorder
    .set    noat

/* What C may clobber besides a0, which the entry stubs save first: frame words 5..21. */
    .macro  caller_saved op
    .equ    cs_off, 20
    .irp    r, at,v0,v1,a1,a2,a3,t0,t1,t2,t3,t4,t5,t6,t7,t8,t9,ra
    \op     $\r, cs_off($sp)
    .equ    cs_off, cs_off + 4
    .endr
    .endm

    .section .text.ebase, "ax"
    .balign 4096
    .globl  _ebase
_ebase:
    .org    0x180
    j       exc_entry
    nop
    .org    0x200
    addiu   $sp, $sp, -FRAME
    sw      $a0, 16($sp)
    b       isr_common
    li      $a0, -1                 /* single-vector mode: the handler reads INTSTAT */

/* One stub per slot: a0 = slot number. */
    .globl  isr_slots
isr_slots:
    .irp    n, 0,1,2,3,4,5,6,7
    addiu   $sp, $sp, -FRAME
    sw      $a0, 16($sp)
    b       isr_common
    li      $a0, \n
    .endr

isr_common:
    caller_saved sw
    mfhi    $t0
    mflo    $t1
    sw      $t0, 88($sp)
    sw      $t1, 92($sp)
    mfc0    $k0, C0_EPC
    sw      $k0, 0($sp)
    mfc0    $k0, C0_STATUS
    sw      $k0, 4($sp)
    mfc0    $k1, C0_CAUSE
    ext     $k1, $k1, 10, 6         /* Cause.RIPL */
    ins     $k0, $k1, 10, 6         /* Status.IPL = RIPL */
    ins     $k0, $zero, 1, 1        /* EXL = 0 */
    ori     $k0, $k0, STATUS_IE
    mtc0    $k0, C0_STATUS
    ehb
    jal     isr_dispatch
    nop
    di
    ehb
    lw      $t0, 88($sp)
    lw      $t1, 92($sp)
    mthi    $t0
    mtlo    $t1
    lw      $k0, 0($sp)
    mtc0    $k0, C0_EPC
    lw      $k0, 4($sp)
    caller_saved lw
    lw      $a0, 16($sp)
    addiu   $sp, $sp, FRAME
    mtc0    $k0, C0_STATUS          /* EXL = 1 again, the interrupted IPL and IE */
    ehb
    eret

/* General exception: the C handler gets Cause, EPC and BadVAddr and returns where to go on
 * (exc_handler in irq.c: records the exception and skips the instruction). */
exc_entry:
    addiu   $sp, $sp, -FRAME
    sw      $a0, 16($sp)
    caller_saved sw
    mfc0    $a0, C0_CAUSE
    mfc0    $a1, C0_EPC
    jal     exc_handler
    mfc0    $a2, C0_BADVADDR
    mtc0    $v0, C0_EPC
    lw      $a0, 16($sp)
    caller_saved lw
    addiu   $sp, $sp, FRAME
    ehb
    eret
