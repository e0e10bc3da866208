/*
 * Cache and ordering instructions: MIPS32 Instruction Set (MD00086) pages SYNC, SYNCI, PREF
 * ("does not cause addressing-related exceptions, including TLB exceptions") and CACHE
 * (Coprocessor Unusable, CE = 0, when CP0 is not usable: user mode with Status.CU0 = 0); the
 * same rule for MFC0/MTC0 in user mode; with CU0 = 1 user mode may use them (MD00090 §9
 * Status.CU0).
 */
#include "testdev.inc"
#include "user.inc"

    .section .bss
    .balign 16
buf:    .space 32
    .previous

    TEST_BEGIN
    USER_MAP
    la      $s0, buf
    EXPECT_EXC 1f
    sync
    sync    0x10
    synci   0($s0)
    synci   16($s0)
    la      $t0, 1f
    synci   0($t0)                  /* boot flash */
    pref    0, 0($s0)
    pref    1, 4($s0)
    li      $t0, 0x00400000         /* kuseg, no TLB entry: would be a TLB refill */
    pref    0, 0($t0)
    li      $t0, 0xBF8C0000         /* nothing there */
    pref    0, 0($t0)
    cache   0x15, 0($s0)            /* Hit Writeback Invalidate D */
    cache   0x10, 0($s0)            /* Hit Invalidate I */
    cache   0x01, 0($s0)            /* Index Writeback Invalidate D */
1:  CHECK_NO_EXC

    /* User mode: PREF and SYNC are fine, CACHE and MFC0/MTC0 are not. */
    li      $s1, 0
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  sync
    pref    0, 0($zero)
    li      $t0, 0x80000000
    pref    0, 0($t0)               /* a kernel address: still no exception */
    li      $s1, 1
    syscall
7:  CHECK_EXC EXCCODE_SYS, USER(6b) + 20
    CHECK   $s1, 1
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  cache   0x15, 0($zero)
    nop
7:  CHECK_EXC EXCCODE_CPU, USER(6b)
    CHECK_REC_INSN EXC_BADINSTR, 6b
    lui     $k0, %hi(__tst_area + EXC_CAUSE)
    lw      $k0, %lo(__tst_area + EXC_CAUSE)($k0)
    ext     $k0, $k0, CAUSE_CE_SHIFT, 2
    CHECK_K0 0
    li      $t1, 0x5A5A5A5A
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  mfc0    $t1, C0_STATUS
    nop
7:  CHECK_EXC EXCCODE_CPU, USER(6b)
    CHECK   $t1, 0x5A5A5A5A
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  mtc0    $zero, C0_EPC
    nop
7:  CHECK_EXC EXCCODE_CPU, USER(6b)

    /* With Status.CU0 = 1, user mode may use CACHE and the CP0 moves. */
    li      $t0, STATUS_BEV | STATUS_CU0
    mtc0    $t0, C0_STATUS
    ehb
    li      $t1, 0
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  cache   0x15, 0($zero)
    mfc0    $t1, C0_STATUS
    syscall
7:  CHECK_EXC EXCCODE_SYS, USER(6b) + 8
    CHECK   $t1, STATUS_BEV | STATUS_CU0 | (STATUS_KSU_USER << STATUS_KSU_SHIFT)
    li      $t0, STATUS_BEV
    mtc0    $t0, C0_STATUS
    ehb
    TEST_EXIT
