/*
 * Interrupt vectors with Status.BEV = 1 (MD00090 §6.2.1 table "Exception Vector Base
 * Addresses"; mips-vz.md §4.1): compatibility mode, Cause.IV = 0 -> 0xBFC00380 (the general
 * vector), Cause.IV = 1 -> 0xBFC00400 (0x200 past the BEV base 0xBFC00200; no vectoring and
 * no vector spacing while BEV = 1, even with IntCtl.VS != 0).  The source is the software
 * interrupt IP0 (Cause.IP0 with Status.IM0); the handlers here clear it, record which vector
 * ran, and return.
 */
#include "soc/cp0.h"
#include "soc/testdev.h"

    .set    noreorder
    .section .text.start, "ax"
    .globl  _start
_start:
    b       main
    nop

    .org    0x380                   /* BEV general vector: IV = 0 interrupts come here */
    b       handler
    li      $k1, 0x380
    .org    0x400                   /* BEV interrupt vector: IV = 1 */
    b       handler
    li      $k1, 0x400

handler:
    mfc0    $k0, C0_CAUSE
    sw      $k1, 0($s1)             /* vector */
    sw      $k0, 4($s1)             /* Cause */
    ins     $k0, $zero, CAUSE_IP_SHIFT, 2   /* clear IP1:0: the request ends */
    mtc0    $k0, C0_CAUSE
    ehb
    eret
    nop

    /* check VALUE_REG == WANT, id */
    .macro CHECK reg, want, id
    li      $t9, \want
    li      $t8, \id
    bne     \reg, $t9, 91f
    nop
    b       92f
    sw      $t8, TESTDEV_PASS($s0)
91: sw      $t8, TESTDEV_FAIL($s0)
92:
    .endm

    /* raise IP0 with IV = \iv (and VS = \vs), let it be taken, check the vector */
    .macro RAISE iv, vs, want, id
    sw      $zero, 0($s1)
    li      $t0, \iv
    sll     $t0, $t0, 23            /* Cause.IV */
    ori     $t0, $t0, CAUSE_IP0
    li      $t1, \vs << INTCTL_VS_SHIFT
    mtc0    $t1, C0_INTCTL
    mtc0    $t0, C0_CAUSE           /* request pending, IM0 enabled, IE = 1: taken next */
    ehb
    nop
    nop
    lw      $t2, 0($s1)
    CHECK   $t2, \want, \id
    lw      $t2, 4($s1)
    andi    $t2, $t2, CAUSE_EXCCODE
    CHECK   $t2, 0, \id + 100       /* ExcCode Int */
    .endm

main:
    li      $s0, TESTDEV_KSEG1
    li      $s1, 0xA0001000         /* record area in RAM */
    /* Kernel, ERL = 0, EXL = 0, BEV = 1, IM0 and IE set. */
    li      $t0, STATUS_BEV | (1 << STATUS_IM_SHIFT) | STATUS_IE
    mtc0    $t0, C0_STATUS
    ehb
    RAISE   0, 0, 0x380, 1
    RAISE   1, 0, 0x400, 2
    RAISE   1, 1, 0x400, 3          /* VS != 0: still no vectoring with BEV = 1 */
    RAISE   0, 1, 0x380, 4
    sw      $zero, TESTDEV_EXIT($s0)
1:  b       1b
    nop
