/*
 * Segment access rules by mode (MIPS32 PRA MD00090 §4.3 address spaces, §6.2 Address Error;
 * mips-vz.md §2.4 "kernel mode = KSU = 0 or EXL = 1 or ERL = 1"):
 * - supervisor mode (KSU = 1) reaches kuseg and kseg2 (sseg, mapped) only: code runs from
 *   kseg2, loads/stores to kuseg and kseg2 work; kseg0, kseg1 and kseg3 raise AdEL/AdES with
 *   BadVAddr (kseg3 even with a matching TLB entry); a jump to kseg0 is a fetch AdEL with
 *   EPC = BadVAddr; MFC0 with CU0 = 0 is Coprocessor Unusable;
 * - kernel mode maps kseg2 and kseg3 through the TLB;
 * - KSU = user with EXL = 1 is kernel mode: kseg0 is reachable.
 * (User-mode rules: tests/isa/addrerr.S.)
 */
#include "testdev.inc"
#include "priv.inc"

#define SUPER(x) ((x) - 0xBFC00000 + 0xC0000000)
#define RAM_PA   0x00040000

    TEST_BEGIN
    /* Entry 2: kseg2 0xC0000000 -> boot flash (64 KB pages).  Entry 3: kseg2 0xD0000000 and
     * entry 4: kseg3 0xE0000000 -> RAM_PA.  Entry 1: kuseg 0x00000000 -> RAM_PA. */
    TLB_WRITE 2, 0xC0000000, ENTRYLO(0x1FC00000, ENTRYLO_V | ENTRYLO_G), ENTRYLO(0x1FC10000, ENTRYLO_V | ENTRYLO_G), 0x0001E000
    TLB_WRITE 3, 0xD0000000, ENTRYLO(RAM_PA, ENTRYLO_V | ENTRYLO_D | ENTRYLO_G), ENTRYLO(RAM_PA, ENTRYLO_G), 0
    TLB_WRITE 4, 0xE0000000, ENTRYLO(RAM_PA, ENTRYLO_V | ENTRYLO_D | ENTRYLO_G), ENTRYLO(RAM_PA, ENTRYLO_G), 0
    TLB_WRITE 1, 0x00000000, ENTRYLO(RAM_PA, ENTRYLO_V | ENTRYLO_D | ENTRYLO_G), ENTRYLO(RAM_PA, ENTRYLO_G), 0
    li      $t0, 0x80000000 + RAM_PA
    li      $t1, 0x5EC0DA7A
    sw      $t1, 0($t0)

    /* Kernel: kseg2 and kseg3 mapped. */
    EXPECT_EXC 1f
    li      $t0, 0xD0000000
    lw      $t2, 0($t0)
    CHECK   $t2, 0x5EC0DA7A
    li      $t0, 0xE0000000
    lw      $t2, 0($t0)
    CHECK   $t2, 0x5EC0DA7A
    /* User with EXL = 1: kernel. */
    SET_STATUS STATUS_BEV | STATUS_EXL | (STATUS_KSU_USER << STATUS_KSU_SHIFT)
    li      $t0, 0x80000000 + RAM_PA
    lw      $t2, 0($t0)
    CHECK   $t2, 0x5EC0DA7A
    SET_STATUS STATUS_BEV
1:  CHECK_NO_EXC

    /* Supervisor, running from kseg2. */
    li      $t2, 0
    li      $t3, 0
    EXPECT_EXC 7f
    ENTER_MODE STATUS_KSU_SUPER, SUPER(6f)
6:  li      $t0, 0xD0000000
    lw      $t2, 0($t0)
    li      $t0, 0x00000000
    lw      $t3, 0($t0)
    sw      $t3, 4($t0)
    syscall
7:  CHECK_EXC EXCCODE_SYS, SUPER(6b) + 20
    CHECK   $t2, 0x5EC0DA7A
    CHECK   $t3, 0x5EC0DA7A
    li      $t0, 0x80000000 + RAM_PA
    CHECK_WORD $t0, 4, 0x5EC0DA7A
    CHECK_REC EXC_STATUS, STATUS_BEV | STATUS_EXL | (STATUS_KSU_SUPER << STATUS_KSU_SHIFT)

    .macro SUPER_FAULT insn, code, addr
    li      $t0, \addr
    EXPECT_EXC 7f
    ENTER_MODE STATUS_KSU_SUPER, SUPER(6f)
6:  \insn   $t2, 0($t0)
    nop
7:  CHECK_EXC \code, SUPER(6b)
    CHECK_REC EXC_BADVADDR, \addr
    .endm
    SUPER_FAULT lw, EXCCODE_ADEL, 0x80040000
    SUPER_FAULT sw, EXCCODE_ADES, 0xA0040000
    SUPER_FAULT lw, EXCCODE_ADEL, 0xBF8FFF00
    SUPER_FAULT lw, EXCCODE_ADEL, 0xE0000000
    SUPER_FAULT sw, EXCCODE_ADES, 0xFFFFFFF0

    /* Supervisor fetch from kseg0. */
    la      $t4, 1f - 0x20000000        /* the kseg0 alias of 1f */
    EXPECT_EXC 7f
    ENTER_MODE STATUS_KSU_SUPER, SUPER(6f)
6:  jr      $t4
    nop
1:  nop
7:  CHECK_EXC EXCCODE_ADEL, 1b - 0x20000000
    CHECK_REC EXC_BADVADDR, 1b - 0x20000000

    /* Supervisor MFC0 with CU0 = 0. */
    EXPECT_EXC 7f
    ENTER_MODE STATUS_KSU_SUPER, SUPER(6f)
6:  mfc0    $t2, C0_STATUS
    nop
7:  CHECK_EXC EXCCODE_CPU, SUPER(6b)
    TEST_EXIT
