/*
 * Return and hazard instructions (MD00086 ERET, ERETNC, DERET, EHB, JR.HB, JALR.HB; mips-vz.md
 * §4.6; MIPS32 PRA MD00090 ch. 8 CP0 hazards):
 * - ERET clears the LL bit: an SC after LL; ERET fails (rt = 0, memory unchanged);
 * - ERETNC exists only with Config5.LLB = 1; the M5150 has LLB = 0 (mips-vz.md §5.17, §6), so
 *   its encoding 0x42000058 is a Reserved Instruction (BadInstr = the word);
 * - DERET and ERET are privileged: Coprocessor Unusable (CE = 0) in user mode with CU0 = 0;
 * - JR.HB / JALR.HB: the jump sees a TLB write made just before it (the instruction hazard is
 *   cleared): the same VA runs the code of the new mapping; JALR.HB links.
 * - EHB: an MTC0 is seen by the MFC0 after EHB.
 */
#include "testdev.inc"
#include "priv.inc"
#include "../isa/user.inc"

    .section .bss
    .balign 16
word:   .space 16
    .previous

    TEST_BEGIN
    USER_MAP
    /* ERET clears LL. */
    la      $s0, word
    li      $t0, 0x11
    sw      $t0, 0($s0)
    ll      $t1, 0($s0)
    la      $t0, 1f
    mtc0    $t0, C0_EPC
    SET_STATUS STATUS_BEV | STATUS_EXL
    eret
1:  li      $t1, 0x22
    sc      $t1, 0($s0)
    CHECK   $t1, 0
    CHECK_WORD $s0, 0, 0x11
    ll      $t1, 0($s0)                 /* without ERET the SC succeeds */
    li      $t1, 0x33
    sc      $t1, 0($s0)
    CHECK   $t1, 1
    CHECK_WORD $s0, 0, 0x33

    /* ERETNC: Reserved Instruction on the M5150. */
    la      $t0, 2f                     /* where it would return as an ERET */
    mtc0    $t0, C0_EPC
    SET_STATUS STATUS_BEV
    EXPECT_EXC 7f
6:  .word   0x42000058                  /* ERETNC */
    nop
2:  nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_CODE, EXCCODE_RI
    CHECK_REC_INSN EXC_BADINSTR, 6b
    SET_STATUS STATUS_BEV

    /* User mode: ERET and DERET raise CpU. */
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  eret
    nop
7:  CHECK_EXC EXCCODE_CPU, USER(6b)
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  deret
    nop
7:  CHECK_EXC EXCCODE_CPU, USER(6b)

    /* EHB. */
    li      $t0, 0x2468ACE0
    mtc0    $t0, C0_KSCRATCH1
    ehb
    mfc0    $t1, C0_KSCRATCH1
    CHECK   $t1, 0x2468ACE0

    /* JR.HB after remapping the jump target: VA 0x00800000 -> page of code_a, then of code_b
     * (code_a and code_b sit at the same offset in two 4 KB pages). */
    .macro MAP_CODE label
    la      $t0, \label
    ext     $t1, $t0, 12, 17
    sll     $t1, $t1, ENTRYLO_PFN_SHIFT
    ori     $t1, $t1, (2 << ENTRYLO_C_SHIFT) | ENTRYLO_V | ENTRYLO_G
    mtc0    $t1, C0_ENTRYLO0
    mtc0    $zero, C0_ENTRYLO1
    li      $t1, 0x00800000
    mtc0    $t1, C0_ENTRYHI
    mtc0    $zero, C0_PAGEMASK
    li      $t1, 5
    mtc0    $t1, C0_INDEX
    ehb
    tlbwi
    andi    $t0, $t0, 0xFFF
    li      $s1, 0x00800000
    addu    $s1, $s1, $t0
    .endm
    EXPECT_EXC 1f
    MAP_CODE code_a
    li      $t2, 0
    jalr.hb $s1
    nop
    CHECK   $t2, 0xA
    MAP_CODE code_b
    jalr.hb $s1
    nop
    CHECK   $t2, 0xB
    la      $t3, 3f
    MAP_CODE code_a
    move    $ra, $t3
    jr.hb   $s1
    li      $t2, 0
3:  CHECK   $t2, 0xA
1:  CHECK_NO_EXC
    TLB_INVALIDATE 5
    TEST_EXIT

    .section .text.code_a, "ax"
    .balign 4096
code_a:
    jr      $ra
    li      $t2, 0xA
    .balign 4096
code_b:
    jr      $ra
    li      $t2, 0xB
