/*
 * Kernel instructions of the integer ISA: MIPS32 Instruction Set (MD00086) pages DI, EI (rt =
 * Status before the change, then IE cleared/set), EHB, RDHWR (kernel mode always; user mode
 * only when the HWREna bit of the register is set, else Reserved Instruction), ERET (ERL=1:
 * PC = ErrorEPC, ERL = 0; else PC = EPC, EXL = 0; no delay slot); MIPS32 PRA (MD00090)
 * §9 HWREna, UserLocal, EBase.CPUNum; mips-vz.md §2.2 (RDHWR 0 CPUNum, 1 SYNCI_Step, 2 CC,
 * 3 CCRes, 29 UserLocal) and §2.3 (Count, hence CC, advances every 2 cycles: CCRes = 2).
 */
#include "testdev.inc"
#include "user.inc"

    TEST_BEGIN
    USER_MAP
    EXPECT_EXC 1f
    di      $t0
    CHECK   $t0, STATUS_BEV
    ei      $t0
    CHECK   $t0, STATUS_BEV
    mfc0    $t1, C0_STATUS
    CHECK   $t1, STATUS_BEV | STATUS_IE
    ei      $t0
    CHECK   $t0, STATUS_BEV | STATUS_IE
    di      $t0
    CHECK   $t0, STATUS_BEV | STATUS_IE
    mfc0    $t1, C0_STATUS
    CHECK   $t1, STATUS_BEV
    ei
    mfc0    $t1, C0_STATUS
    CHECK   $t1, STATUS_BEV | STATUS_IE
    di
    mfc0    $t1, C0_STATUS
    CHECK   $t1, STATUS_BEV

    /* EHB: an execution hazard barrier, no architectural effect of its own. */
    li      $t0, 0x13579BDF
    mtc0    $t0, C0_EPC
    ehb
    mfc0    $t1, C0_EPC
    CHECK   $t1, 0x13579BDF

    /* RDHWR in kernel mode (HWREna = 0). */
    mtc0    $zero, C0_HWRENA
    mfc0    $t0, C0_EBASE
    andi    $t0, $t0, 0x3FF
    rdhwr   $t1, $0
    subu    $t1, $t1, $t0
    CHECK   $t1, 0
    mfc0    $t0, C0_CONFIG1         /* SYNCI_Step: the smaller L1 line, 2 << IL / 2 << DL */
    ext     $t2, $t0, 19, 3
    ext     $t3, $t0, 10, 3
    sltu    $t4, $t3, $t2
    movn    $t2, $t3, $t4
    li      $t3, 2
    sllv    $t2, $t3, $t2
    rdhwr   $t1, $1
    subu    $t1, $t1, $t2
    CHECK   $t1, 0
    rdhwr   $t1, $2
    mfc0    $t0, C0_COUNT
    subu    $t0, $t0, $t1
    sltiu   $t0, $t0, 2             /* read one instruction apart: Count - CC is 0 or 1 */
    CHECK   $t0, 1
    rdhwr   $t1, $3
    CHECK   $t1, 2
    li      $t0, 0xCAFE1234
    mtc0    $t0, C0_USERLOCAL
    rdhwr   $t1, $29
    CHECK   $t1, 0xCAFE1234
1:  CHECK_NO_EXC
    li      $t1, 0x5A5A5A5A         /* unimplemented hardware register 10: RI */
    EXPECT_EXC 7f
6:  rdhwr   $t1, $10
    nop
7:  CHECK_EXC EXCCODE_RI, 6b
    CHECK_REC_INSN EXC_BADINSTR, 6b
    CHECK   $t1, 0x5A5A5A5A

    /* RDHWR in user mode: allowed by HWREna.ULR (bit 29) / HWREna.CC (bit 2), RI without. */
    li      $t0, 1 << 29
    mtc0    $t0, C0_HWRENA
    li      $t1, 0
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  rdhwr   $t1, $29
    syscall
7:  CHECK_EXC EXCCODE_SYS, USER(6b) + 4
    CHECK   $t1, 0xCAFE1234
    CHECK_REC EXC_STATUS, STATUS_BEV | STATUS_EXL | (STATUS_KSU_USER << STATUS_KSU_SHIFT)
    li      $t1, 0x5A5A5A5A
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  rdhwr   $t1, $2
    syscall
7:  CHECK_EXC EXCCODE_RI, USER(6b)
    CHECK   $t1, 0x5A5A5A5A
    li      $t0, 1 << 2
    mtc0    $t0, C0_HWRENA
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  rdhwr   $t1, $2
    syscall
7:  CHECK_EXC EXCCODE_SYS, USER(6b) + 4
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  rdhwr   $t1, $29
    syscall
7:  CHECK_EXC EXCCODE_RI, USER(6b)
    mtc0    $zero, C0_HWRENA

    /* ERET with EXL: to EPC, EXL cleared, the next instruction is not a delay slot. */
    li      $s0, 0
    la      $t0, 2f
    mtc0    $t0, C0_EPC
    li      $t0, STATUS_BEV | STATUS_EXL
    mtc0    $t0, C0_STATUS
    ehb
    eret
    addiu   $s0, $s0, 1
    addiu   $s0, $s0, 2
2:  CHECK   $s0, 0
    mfc0    $t0, C0_STATUS
    CHECK   $t0, STATUS_BEV

    /* ERET with ERL (and EXL): to ErrorEPC, only ERL cleared. */
    la      $t0, 2f
    mtc0    $t0, C0_ERROREPC
    la      $t0, 3f
    mtc0    $t0, C0_EPC
    li      $t0, STATUS_BEV | STATUS_ERL | STATUS_EXL
    mtc0    $t0, C0_STATUS
    ehb
    eret
    nop
3:  addiu   $s0, $s0, 4
2:  CHECK   $s0, 0
    mfc0    $t0, C0_STATUS
    CHECK   $t0, STATUS_BEV | STATUS_EXL
    li      $t0, STATUS_BEV
    mtc0    $t0, C0_STATUS
    ehb
    TEST_EXIT
