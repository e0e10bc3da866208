/*
 * WAIT with nothing that can wake the core: MIPS32 Instruction Set (MD00086) WAIT (the core
 * stops until an interrupt; Status.IE = 0 and no interrupt source enabled here, so nothing can
 * end it).  run.sh expects the simulator to end the run with its "nothing can wake it" report
 * (exit status 3 under --test) instead of running to the cycle limit or hanging.
 */
#include "testdev.inc"

    TEST_BEGIN
    li      $t0, 1
    CHECK   $t0, 1
    mfc0    $t0, C0_STATUS
    CHECK   $t0, STATUS_BEV         /* IE = 0, IM = 0 */
    la      $t1, msg
    li      $t2, TESTDEV_KSEG1
2:  lbu     $t3, 0($t1)
    beqz    $t3, 3f
    addiu   $t1, $t1, 1
    b       2b
    sw      $t3, TESTDEV_PUTC($t2)
3:  wait
    nop
    /* Never reached: a wake-up would report a failure and end the run. */
    CHECK   $zero, 1
    TEST_EXIT
msg:    .asciz "wait: checks done\n"
