/*
 * SYSCALL, BREAK and SDBBP: MIPS32 Instruction Set (MD00086) pages SYSCALL, BREAK, SDBBP;
 * MIPS32 PRA (MD00090) §6.2 System Call (ExcCode 8) and Breakpoint (9) exceptions with EPC,
 * Cause.BD and BadInstr (the code field is only in the instruction word); EJTAG (MD00047)
 * debug exception for SDBBP: debug vector 0xBFC00480 (no probe; mips-vz.md §4.1), Debug.DM = 1,
 * Debug.DBp = 1, DEPC = the SDBBP; DERET returns.
 */
#include "testdev.inc"

    TEST_BEGIN
    EXPECT_EXC 7f
6:  syscall
    nop
7:  CHECK_EXC EXCCODE_SYS, 6b
    CHECK_REC_INSN EXC_BADINSTR, 6b
    CHECK_REC EXC_STATUS, STATUS_BEV | STATUS_EXL
    EXPECT_EXC 7f
6:  syscall 0x12345
    nop
7:  CHECK_EXC EXCCODE_SYS, 6b
    CHECK_REC_INSN EXC_BADINSTR, 6b
    EXPECT_EXC 7f
6:  break
    nop
7:  CHECK_EXC EXCCODE_BP, 6b
    CHECK_REC_INSN EXC_BADINSTR, 6b
    EXPECT_EXC 7f
6:  break   7, 9
    nop
7:  CHECK_EXC EXCCODE_BP, 6b
    CHECK_REC_INSN EXC_BADINSTR, 6b

    /* The handler's default return (EPC + 4) continues after the SYSCALL. */
    EXPECT_EXC 0
    li      $t0, 0
    syscall
    li      $t0, 1
    CHECK   $t0, 1
    CHECK_REC EXC_COUNT, 1

    /* SDBBP: debug exception, not a general one. */
    mfc0    $s1, C0_EPC
    li      $t0, 0
    EXPECT_EXC 7f
6:  sdbbp   5
    li      $t0, 1
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_VECTOR, 0x480
    CHECK_REC EXC_DEPC, 6b
    lui     $k0, %hi(__tst_area + EXC_DEBUG)
    lw      $k0, %lo(__tst_area + EXC_DEBUG)($k0)
    li      $k1, DEBUG_DM | 2       /* DM, DBp */
    and     $k0, $k0, $k1
    CHECK_K0 DEBUG_DM | 2
    CHECK   $t0, 0
    mfc0    $t1, C0_EPC             /* a debug exception leaves EPC alone */
    subu    $t1, $t1, $s1
    CHECK   $t1, 0
    mfc0    $t1, C0_STATUS
    CHECK   $t1, STATUS_BEV
    TEST_EXIT
