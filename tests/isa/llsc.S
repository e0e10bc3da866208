/*
 * Load linked / store conditional: MIPS32 Instruction Set (MD00086) pages LL, SC (SC stores and
 * writes 1 to rt only while the LLbit is set, else writes 0 and stores nothing) and ERET
 * ("clears the LLbit"); MIPS32 PRA (MD00090) §6.2 Address Error for misaligned LL/SC.
 */
#include "testdev.inc"

    .section .bss
    .balign 16
buf:    .space 16
    .previous

    TEST_BEGIN
    la      $s0, buf
    li      $t0, 41
    sw      $t0, 0($s0)

    /* LL, then SC with nothing in between: succeeds. */
    EXPECT_EXC 1f
    ll      $t1, 0($s0)
    CHECK   $t1, 41
    addiu   $t1, $t1, 1
    sc      $t1, 0($s0)
    CHECK   $t1, 1
    CHECK_WORD $s0, 0, 42
    ll      $t1, 4($s0)
    li      $t1, 0x1234
    sc      $t1, 4($s0)
    CHECK   $t1, 1
    CHECK_WORD $s0, 4, 0x1234
1:  CHECK_NO_EXC

    /* An exception and its ERET between LL and SC: SC fails, memory unchanged. */
    ll      $t1, 0($s0)
    EXPECT_EXC 1f
    syscall
1:  li      $t1, 99
    sc      $t1, 0($s0)
    CHECK   $t1, 0
    CHECK_WORD $s0, 0, 42
    CHECK_REC EXC_CODE, EXCCODE_SYS

    /* ERET alone (no exception) also clears the LLbit. */
    ll      $t1, 0($s0)
    la      $t0, 1f
    mtc0    $t0, C0_EPC
    mfc0    $t0, C0_STATUS
    ori     $t0, $t0, STATUS_EXL
    mtc0    $t0, C0_STATUS
    ehb
    eret
    nop
1:  li      $t1, 77
    sc      $t1, 0($s0)
    CHECK   $t1, 0
    CHECK_WORD $s0, 0, 42

    /* Misaligned: AdEL for LL, AdES for SC, with BadVAddr. */
    li      $t1, 0x5A5A5A5A
    EXPECT_EXC 7f
6:  ll      $t1, 2($s0)
    nop
7:  CHECK_EXC EXCCODE_ADEL, 6b
    CHECK_REC EXC_BADVADDR, buf + 2
    CHECK   $t1, 0x5A5A5A5A
    ll      $t1, 0($s0)
    EXPECT_EXC 7f
6:  sc      $t1, 1($s0)
    nop
7:  CHECK_EXC EXCCODE_ADES, 6b
    CHECK_REC EXC_BADVADDR, buf + 1
    CHECK   $t1, 42
    CHECK_WORD $s0, 0, 42
    TEST_EXIT
