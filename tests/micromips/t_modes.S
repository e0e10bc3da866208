/*
 * microMIPS mode switches and exceptions (MD00582 JALX, JR, JALR, delay slots; MD00090 §6.2.1
 * EPC/Cause.BD; mips-vz.md §7: bit 0 of a jump target, EPC and the link = ISA mode, EPC of a
 * slot instruction = the branch, 2 or 4 bytes back).  The test frame is MIPS32
 * (tests/common/testdev.inc, Config3.ISAOnExc = 0); the code under test is microMIPS.
 * Expected addresses are the assembler's labels: GNU as/ld give microMIPS labels bit 0 = 1.
 * BadInstr of a microMIPS instruction: the halfword, or first halfword << 16 | second
 * (decision: sim/cpu/micromips_internal.h).
 */
#include "testdev.inc"

    TEST_BEGIN

    /* 1. JALX into microMIPS; JR16 $31 back to MIPS32 (the link is a MIPS32 address). */
    li      $v0, 0
    jalx    mm_li42
    nop
1:  CHECK   $v0, 42
    CHECK   $s0, 1b

    /* 2. JALR to an odd address enters microMIPS; it calls back into MIPS32 with JALX. */
    la      $t0, mm_call_back
    li      $v1, 0
    jalr    $t0
    nop
    CHECK   $v1, 0x77
    CHECK   $s1, mm_back_ret       /* the microMIPS JALX link: odd, past the 32-bit slot */

    /* 3. A trap in microMIPS outside a delay slot: EPC = the instruction | 1, BD = 0. */
    EXPECT_EXC 7f
    jalx    mm_trap
    nop
7:  CHECK_EXC EXCCODE_TR, mm_trap_insn
    CHECK_REC EXC_BADINSTR, 0x0000003C      /* TEQ $0, $0: POOL32AXf 0x003C */

    /* 4. BREAK16 in the slot of B16: EPC = B16 (2 bytes back), BD = 1, BadInstrP = B16. */
    EXPECT_EXC 7f
    jalx    mm_ds16_16
    nop
7:  CHECK_REC EXC_CODE, EXCCODE_BP
    CHECK_REC EXC_BD, 1
    CHECK_REC EXC_EPC, mm_ds16_16
    CHECK_REC EXC_BADINSTR, 0x4680
    CHECK_REC EXC_BADINSTRP, 0xCC01      /* B16 .+4: offset 1 halfword (GNU as) */

    /* 5. TEQ (32-bit) in the slot of BEQ (32-bit): EPC = BEQ, 4 bytes back. */
    EXPECT_EXC 7f
    jalx    mm_ds32_32
    nop
7:  CHECK_REC EXC_CODE, EXCCODE_TR
    CHECK_REC EXC_BD, 1
    CHECK_REC EXC_EPC, mm_ds32_32
    CHECK_REC EXC_BADINSTR, 0x0000003C

    /* 6. BREAK16 in the slot of BEQ (32-bit): EPC 4 bytes back. */
    EXPECT_EXC 7f
    jalx    mm_ds32_16
    nop
7:  CHECK_REC EXC_BD, 1
    CHECK_REC EXC_EPC, mm_ds32_16

    /* 7. TEQ (32-bit) in the slot of B16: EPC 2 bytes back. */
    EXPECT_EXC 7f
    jalx    mm_ds16_32
    nop
7:  CHECK_REC EXC_BD, 1
    CHECK_REC EXC_EPC, mm_ds16_32

    /* 8. JALS requires a 16-bit slot, BGEZAL a 32-bit one: links; a wrong-size slot (JAL with a
     * 16-bit instruction after it) is UNPREDICTABLE: Reserved Instruction here. */
    jalx    mm_links
    nop
    CHECK   $s2, mm_jals_ret
    CHECK   $s3, mm_bgezal_ret
    EXPECT_EXC 7f
    jalx    mm_badslot
    nop
7:  CHECK_REC EXC_CODE, EXCCODE_RI
    CHECK_REC EXC_BD, 1

    /* 9. ERET to an odd EPC continues in microMIPS. */
    la      $t0, mm_after_eret
    mtc0    $t0, C0_EPC
    mfc0    $t1, C0_STATUS
    ori     $t1, $t1, STATUS_EXL
    mtc0    $t1, C0_STATUS
    ehb
    li      $v0, 0
    eret
eret_back:
    CHECK   $v0, 0x55

    /* 10. Config3.ISAOnExc = 1: the handler runs in microMIPS (here at EBase + 0x180 with
     * BEV = 0); EPC keeps the MIPS32 mode of the SYSCALL (bit 0 = 0). */
    mfc0    $t0, C0_CONFIG3
    ext     $t1, $t0, 14, 2
    CHECK   $t1, 2                 /* Config3.ISA = 2: both ISAs, MIPS32 at reset */
    li      $t1, CONFIG3_ISAONEXC
    or      $t0, $t0, $t1
    mtc0    $t0, C0_CONFIG3
    la      $t0, mm_ebase
    mtc0    $t0, C0_EBASE
    mfc0    $t2, C0_STATUS
    li      $t1, ~STATUS_BEV
    and     $t1, $t2, $t1
    mtc0    $t1, C0_STATUS
    ehb
    li      $t8, 0
1:  syscall
    mtc0    $t2, C0_STATUS         /* BEV again: the frame's handlers */
    mfc0    $t0, C0_CONFIG3
    li      $t1, ~CONFIG3_ISAONEXC
    and     $t0, $t0, $t1
    mtc0    $t0, C0_CONFIG3
    ehb
    CHECK   $t8, 0x99
    CHECK   $t9, 1b
    TEST_EXIT

/* ------------------------------------------------------------------ microMIPS code */
    .set    micromips
    .balign 4              /* MIPS32 JALX targets are word-aligned */
mm_li42:
    li16    $v0, 42
    move    $s0, $ra
    jr16    $ra
    nop16

    .balign 4
mm_call_back:
    move    $s4, $ra
    jalx    m32_set77
    nop32
mm_back_ret:
    jr16    $s4
    nop16

    .balign 4
mm_trap:
mm_trap_insn:
    teq     $0, $0
    jr16    $ra
    nop16

    .balign 4
mm_ds16_16:
    b16     1f
    break16
1:  jr16    $ra
    nop16

    .balign 4
mm_ds32_32:
    beq     $0, $0, 1f
    teq     $0, $0
1:  jr16    $ra
    nop16

    .balign 4
mm_ds32_16:
    beq     $0, $0, 1f
    break16
1:  jr16    $ra
    nop16

    .balign 4
mm_ds16_32:
    b16     1f
    teq     $0, $0
1:  jr16    $ra
    nop16

    .balign 4
mm_links:
    move    $s4, $ra
    jals    1f
    nop16
mm_jals_ret:
1:  move    $s2, $ra
    bgezal  $0, 1f
    nop32
mm_bgezal_ret:
1:  move    $s3, $ra
    jr16    $s4
    nop16

    .balign 4
mm_badslot:
    jal     1f
    nop16
1:  jr16    $ra
    nop16

mm_after_eret:
    li16    $v0, 0x55
    jalx    eret_back
    nop32

    .balign 4096
mm_ebase:
    .space  0x180
    /* General exception handler in microMIPS (ISAOnExc = 1): EPC + 4 past the SYSCALL. */
    li      $t8, 0x99
    mfc0    $t9, C0_EPC
    addiu   $k0, $t9, 4
    mtc0    $k0, C0_EPC
    ehb
    eret
    .set    nomicromips
    .balign 4

m32_set77:
    li      $v1, 0x77
    move    $s1, $ra
    jr      $ra
    nop
