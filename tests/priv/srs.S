/*
 * Shadow register sets (MIPS32 PRA MD00090 ch. 7 GPR shadow registers, §9 SRSCtl;
 * MD00086 RDPGPR, WRPGPR, ERET; mips-vz.md §4.2 step 4, §4.4, §4.5, §4.6):
 * - RDPGPR/WRPGPR reach the set named by SRSCtl.PSS; $0 of every set reads 0;
 * - with SRSCtl.HSS > 0, Status.BEV = 0 and EXL = 0, exception entry copies CSS to PSS and
 *   switches CSS to ESS (also for an interrupt in compatibility mode: mips-vz.md §4.4);
 * - with EXL = 1, or with BEV = 1, entry does not touch CSS or PSS;
 * - ERET (EXL path, BEV = 0) sets CSS = PSS, whatever the entry did; with BEV = 1, or on the
 *   ERL path, ERET leaves CSS alone;
 * - RDPGPR/WRPGPR are privileged: Coprocessor Unusable (CE = 0) in user mode with CU0 = 0.
 * The BEV = 0 table (priv.inc) saves SRSCtl and the current set's $t0 on entry.
 */
#include "testdev.inc"
#include "priv.inc"
#include "../isa/user.inc"

#define SRS(ess, pss) (((ess) << SRSCTL_ESS_SHIFT) | ((pss) << SRSCTL_PSS_SHIFT))
#define HSS7 (7 << SRSCTL_HSS_SHIFT)

    .macro SET_SRSCTL value
    li      $k0, \value
    mtc0    $k0, C0_SRSCTL
    ehb
    .endm

    TEST_BEGIN
    PRIV_VECTORS
    SET_EBASE_PRIV
    /* Give $t0 ($8) of sets 1..7 the value 0x5E7000n via WRPGPR. */
    li      $t2, 1
1:  sll     $t3, $t2, SRSCTL_PSS_SHIFT
    mtc0    $t3, C0_SRSCTL
    ehb
    lui     $t1, 0x5E70
    or      $t1, $t1, $t2
    wrpgpr  $8, $t1
    addiu   $t2, $t2, 1
    sltiu   $t3, $t2, 8
    bnez    $t3, 1b
    nop
    SET_SRSCTL SRS(0, 3)
    rdpgpr  $t1, $8
    CHECK   $t1, 0x5E700003
    li      $t1, 0x1234
    wrpgpr  $0, $t1                     /* no effect */
    rdpgpr  $t1, $0
    CHECK   $t1, 0
    SET_SRSCTL SRS(0, 0)                /* PSS = CSS = 0: the current set */
    li      $t0, 0x00000C0C
    rdpgpr  $t1, $8
    CHECK   $t1, 0x00000C0C

    /* BEV = 0, EXL = 0: SYSCALL enters set ESS = 3; ERET returns to set PSS = 0. */
    SET_STATUS 0
    SET_SRSCTL SRS(3, 5)
    EXPECT_EXC 7f
6:  syscall
    nop
7:  CHECK_REC EXC_VECTOR, 0x1180
    CHECK_SEEN SEEN_SRSCTL, HSS7 | SRS(3, 0) | 3
    CHECK_SEEN SEEN_T0, 0x5E700003
    CHECK_C0 12, 2, HSS7 | SRS(3, 0)
    CHECK   $t0, 0x00000C0C

    /* Interrupt in compatibility mode: set ESS too. */
    SET_SRSCTL SRS(6, 0)
    mtc0    $zero, C0_CAUSE
    SET_STATUS (1 << STATUS_IM_SHIFT) | STATUS_IE
    EXPECT_EXC 7f
    li      $t1, CAUSE_IP0
    mtc0    $t1, C0_CAUSE
    ehb
    nop
7:  CHECK_REC EXC_CODE, EXCCODE_INT
    CHECK_SEEN SEEN_SRSCTL, HSS7 | SRS(6, 0) | 6
    CHECK_SEEN SEEN_T0, 0x5E700006
    CHECK_C0 12, 2, HSS7 | SRS(6, 0)
    CHECK   $t0, 0x00000C0C

    /* EXL = 1: no switch on entry (PSS stays 5, CSS 0) ... */
    SET_SRSCTL SRS(3, 5)
    SET_STATUS STATUS_EXL
    EXPECT_EXC 7f
6:  syscall
    nop
    /* ... and the handler's ERET (BEV = 0) moves to set PSS = 5. */
7:  CHECK_REC EXC_CODE, EXCCODE_SYS
    CHECK_SEEN SEEN_SRSCTL, HSS7 | SRS(3, 5)
    CHECK_SEEN SEEN_T0, 0x00000C0C
    CHECK_C0 12, 2, HSS7 | SRS(3, 5) | 5
    CHECK   $t0, 0x5E700005
    /* Back to set 0 through ERET with PSS = 0. */
    SET_SRSCTL SRS(3, 0)
    ENTER_MODE STATUS_KSU_KERNEL, 1f
1:  CHECK_C0 12, 2, HSS7 | SRS(3, 0)
    CHECK   $t0, 0x00000C0C

    /* BEV = 1: no switch on entry, none on ERET. */
    SET_STATUS STATUS_BEV
    SET_SRSCTL SRS(3, 5)
    EXPECT_EXC 7f
6:  syscall
    nop
7:  CHECK_EXC EXCCODE_SYS, 6b
    CHECK_C0 12, 2, HSS7 | SRS(3, 5)
    CHECK   $t0, 0x00000C0C

    /* ERET through ErrorEPC (ERL = 1, BEV = 0): CSS unchanged. */
    SET_STATUS STATUS_ERL
    la      $t1, 1f
    mtc0    $t1, C0_ERROREPC
    ehb
    eret
    nop
1:  CHECK_C0 12, 2, HSS7 | SRS(3, 5)
    CHECK   $t0, 0x00000C0C
    SET_STATUS STATUS_BEV
    SET_SRSCTL 0

    /* User mode: RDPGPR and WRPGPR raise CpU with CE = 0. */
    USER_MAP
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  rdpgpr  $t1, $8
    nop
7:  CHECK_EXC EXCCODE_CPU, USER(6b)
    CHECK_REC EXC_CAUSE, (EXCCODE_CPU << CAUSE_EXCCODE_SHIFT)
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  wrpgpr  $8, $t1
    nop
7:  CHECK_EXC EXCCODE_CPU, USER(6b)
    TEST_EXIT
