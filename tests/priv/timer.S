/*
 * The core timer in compatibility interrupt mode, and WAIT (mips-vz.md §2.3, §2.5, §2.8;
 * MIPS32 PRA MD00090 §9 Count, Compare, Cause.DC/TI, IntCtl.IPTI, Config7; MD00086 WAIT):
 * - Count advances at half the clock (SYSCLK / 2 on the PIC32MZ; the test device's cycle
 *   counter is the clock);
 * - Count reaching Compare sets Cause.TI and, outside EIC mode, Cause.IP[IntCtl.IPTI];
 *   writing Compare clears both;
 * - Cause.DC = 1 stops Count (and so no match happens); DC = 0 lets it run on;
 * - Config7.WII = 1: WAIT with Status.IE = 0 ends when an interrupt is pending and unmasked
 *   by IM (here the timer), without taking it: execution goes on after WAIT.
 */
#include "testdev.inc"
#include "priv.inc"

    TEST_BEGIN
    mtc0    $zero, C0_CAUSE
    mfc0    $t0, C0_INTCTL
    ext     $t0, $t0, INTCTL_IPTI_SHIFT, 3
    li      $s2, 1
    addiu   $t0, $t0, CAUSE_IP_SHIFT
    sllv    $s2, $s2, $t0               /* $s2 = Cause.IP[IPTI] */
    li      $s3, TESTDEV_KSEG1

    /* Rate: 2 * (Count delta) = cycle delta, within 2. */
    lw      $t0, TESTDEV_CYCLES_LO($s3)
    mfc0    $t1, C0_COUNT
    li      $t2, 1000
1:  addiu   $t2, $t2, -1
    bnez    $t2, 1b
    nop
    mfc0    $t3, C0_COUNT
    lw      $t4, TESTDEV_CYCLES_LO($s3)
    subu    $t3, $t3, $t1
    sll     $t3, $t3, 1
    subu    $t4, $t4, $t0
    subu    $t3, $t3, $t4
    addiu   $t3, $t3, 3
    sltiu   $t3, $t3, 7                 /* -3 <= 2*dCount - dCycles <= 3 */
    CHECK   $t3, 1

    /* Compare match: TI and IP[IPTI], polled with IE = 0. */
    mfc0    $t0, C0_COUNT
    addiu   $s0, $t0, 50
    mtc0    $s0, C0_COMPARE
    ehb
    mfc0    $t1, C0_CAUSE
    and     $t1, $t1, $s2
    CHECK   $t1, 0
    li      $t2, 1000
1:  mfc0    $t1, C0_CAUSE
    srl     $t1, $t1, 30
    andi    $t1, $t1, 1
    bnez    $t1, 2f
    addiu   $t2, $t2, -1
    bnez    $t2, 1b
    nop
2:  CHECK   $t1, 1
    mfc0    $t0, C0_COUNT
    subu    $t0, $t0, $s0
    sltiu   $t0, $t0, 20                /* seen soon after Count reached Compare */
    CHECK   $t0, 1
    mfc0    $t1, C0_CAUSE
    and     $t1, $t1, $s2
    sltu    $t1, $zero, $t1
    CHECK   $t1, 1
    mtc0    $s0, C0_COMPARE             /* any Compare write clears TI */
    ehb
    CHECK_C0_MASK 13, 0, CAUSE_TI, 0
    mfc0    $t1, C0_CAUSE
    and     $t1, $t1, $s2
    CHECK   $t1, 0

    /* DC stops Count and the match. */
    mfc0    $t0, C0_COUNT
    addiu   $s0, $t0, 20
    mtc0    $s0, C0_COMPARE
    li      $t1, CAUSE_DC
    mtc0    $t1, C0_CAUSE
    ehb
    mfc0    $t1, C0_COUNT
    li      $t2, 200
1:  addiu   $t2, $t2, -1
    bnez    $t2, 1b
    nop
    mfc0    $t3, C0_COUNT
    subu    $t3, $t3, $t1
    CHECK   $t3, 0
    CHECK_C0_MASK 13, 0, CAUSE_TI, 0
    mtc0    $zero, C0_CAUSE
    ehb
    li      $t2, 200
1:  addiu   $t2, $t2, -1
    bnez    $t2, 1b
    nop
    mfc0    $t3, C0_COUNT
    subu    $t3, $t3, $t1
    sltu    $t3, $zero, $t3
    CHECK   $t3, 1
    CHECK_C0_MASK 13, 0, CAUSE_TI, CAUSE_TI
    mtc0    $s0, C0_COMPARE

    /* WAIT with IE = 0 and the timer unmasked: wakes at the match, no exception. */
    PRIV_VECTORS
    SET_EBASE_PRIV
    srl     $t0, $s2, CAUSE_IP_SHIFT
    sll     $t0, $t0, STATUS_IM_SHIFT
    mtc0    $t0, C0_STATUS              /* BEV = 0, IE = 0, IM[IPTI] = 1 */
    ehb
    EXPECT_EXC 7f
    mfc0    $t0, C0_COUNT
    addiu   $s0, $t0, 2000
    mtc0    $s0, C0_COMPARE
    ehb
    lw      $t4, TESTDEV_CYCLES_LO($s3)
    wait
    nop
    lw      $t5, TESTDEV_CYCLES_LO($s3)
    CHECK_NO_EXC
    mfc0    $t0, C0_COUNT
    subu    $t0, $t0, $s0
    sltiu   $t0, $t0, 20                /* woke at the match */
    CHECK   $t0, 1
    subu    $t5, $t5, $t4
    sltiu   $t5, $t5, 3900              /* slept ~4000 cycles */
    CHECK   $t5, 0
    CHECK_C0_MASK 13, 0, CAUSE_TI, CAUSE_TI
    mtc0    $s0, C0_COMPARE
    b       8f
    nop
7:  CHECK_REC EXC_COUNT, 0              /* only reached through an exception: fails */
8:  SET_STATUS STATUS_BEV
    TEST_EXIT
