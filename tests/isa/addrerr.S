/*
 * Address errors: MIPS32 PRA (MD00090) §6.2 Address Error exception (AdEL on a load or an
 * instruction fetch, AdES on a store; BadVAddr = the failing address; for a fetch EPC = that
 * address too) for misaligned fetches, and for user-mode references to kseg0/kseg1/kseg2/kseg3
 * (MD00090 §4.3: user mode reaches only kuseg).
 */
#include "testdev.inc"
#include "user.inc"

    .section .bss
    .balign 16
buf:    .space 16
    .previous

    TEST_BEGIN
    USER_MAP

    /* Kernel: a jump to a misaligned address; the fault is on the fetch at the target. */
    la      $t4, 5f + 2
    EXPECT_EXC 7f
    jr      $t4
    nop
5:  nop
    nop
7:  CHECK_EXC EXCCODE_ADEL, 5b + 2
    CHECK_REC EXC_BADVADDR, 5b + 2
    /* A target with bit 0 set is not misaligned on the M5150: it selects microMIPS
     * (Config3.ISA = 2; MD00086 JALR "ISAMode"), tested in tests/micromips/t_modes.S. */

    /* User mode: kernel segments raise AdEL/AdES with BadVAddr. */
    .irp addr, 0x80000000, 0xA0000000, 0xBF8FFF00, 0xC0000000, 0xE0001000, 0xFFFFFFFC
    li      $t0, \addr
    li      $t1, 0x5A5A5A5A
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  lw      $t1, 0($t0)
    nop
7:  CHECK_EXC EXCCODE_ADEL, USER(6b)
    CHECK_REC EXC_BADVADDR, \addr
    CHECK   $t1, 0x5A5A5A5A
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  sb      $t1, 0($t0)
    nop
7:  CHECK_EXC EXCCODE_ADES, USER(6b)
    CHECK_REC EXC_BADVADDR, \addr
    .endr
    la      $s0, buf
    li      $t0, 0x11223344
    sw      $t0, 0($s0)
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  li      $t0, 0x99
    sw      $t0, 0($s0)             /* the KSEG0 address of buf */
    nop
7:  CHECK_EXC EXCCODE_ADES, USER(6b) + 4
    CHECK_REC EXC_BADVADDR, buf
    CHECK_WORD $s0, 0, 0x11223344

    /* User mode reaches the same word through kuseg; a misaligned user load is AdEL too. */
    li      $t0, 0x80000000
    subu    $s1, $s0, $t0           /* buf's kuseg address */
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  lw      $t1, 0($s1)
    syscall
7:  CHECK_EXC EXCCODE_SYS, USER(6b) + 4
    CHECK   $t1, 0x11223344
    li      $t1, 0x5A5A5A5A
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  lh      $t1, 1($s1)
    nop
7:  CHECK_EXC EXCCODE_ADEL, USER(6b)
    CHECK_REC EXC_BADVADDR, buf - 0x7FFFFFFF
    CHECK   $t1, 0x5A5A5A5A

    /* User mode: fetching from a kernel address (a jump to this program's KSEG1 code). */
    la      $t4, 5f
    EXPECT_EXC 7f
    ENTER_USER USER(6f)
6:  jr      $t4
    nop
5:  nop
7:  CHECK_EXC EXCCODE_ADEL, 5b
    CHECK_REC EXC_BADVADDR, 5b
    TEST_EXIT
