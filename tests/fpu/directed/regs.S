/*
 * FPU registers, control registers, moves, loads/stores, Coprocessor Unusable.
 * MIPS32 Instruction Set (MD00086): CFC1, CTC1, MFC1, MTC1, MFHC1, MTHC1, LWC1, SWC1, LDC1,
 * SDC1, LWXC1, SWXC1, LDXC1, SDXC1, LUXC1, SUXC1, MOVF; MIPS32 Architecture Vol. I-A
 * (MD00082) "FPU Registers" (FR=0 / FR=1 register models, FIR, FCCR, FEXR, FENR, FCSR);
 * MIPS32 PRA (MD00090) §6.2 Coprocessor Unusable (ExcCode 11, Cause.CE = 1).
 * FIR and the hard-wired FCSR bits are the decisions documented in sim/cpu/fpu_regs.c.
 */
#include "fpu.inc"

    TEST_BEGIN

    /* ---- Coprocessor Unusable with CU1 = 0 (the reset state), for every CP1 opcode. */
    EXPECT_EXC 1f
10: mtc1    $zero, $f0
    nop
1:  CHECK_EXC EXCCODE_CPU, 10b
    CHECK_REC_INSN EXC_BADINSTR, 10b
    CHECK_REC EXC_CAUSE, (EXCCODE_CPU << 2) | (1 << 28)      /* Cause.CE = 1 */
    la      $t0, buf
    EXPECT_EXC 1f
11: ldc1    $f0, 0($t0)
    nop
1:  CHECK_EXC EXCCODE_CPU, 11b
    EXPECT_EXC 1f
12: madd.d  $f0, $f2, $f4, $f6                                /* COP1X */
    nop
1:  CHECK_EXC EXCCODE_CPU, 12b
    EXPECT_EXC 1f
13: movt    $t1, $t2, $fcc0                                   /* SPECIAL MOVCI */
    nop
1:  CHECK_EXC EXCCODE_CPU, 13b

    FPU_ON  1

    /* ---- FIR: F64, L, W, D, S, Has2008 set; PS, 3D clear; ProcessorID/Revision = PRId's;
     * read-only. */
    cfc1    $t0, $0
    li      $t1, 0xFFFF0000
    and     $t2, $t0, $t1
    CHECK   $t2, 0x00F30000
    mfc0    $t1, C0_PRID
    xor     $t2, $t0, $t1
    andi    $t2, $t2, 0xFFFF
    CHECK   $t2, 0
    ctc1    $zero, $0
    cfc1    $t2, $0
    xor     $t2, $t2, $t0
    CHECK   $t2, 0

    /* ---- FCSR: reset value, writable bits, hard-wired NAN2008/ABS2008, bits 22:20 zero. */
    CHECK_FCSR 0
    li      $t0, 0xFFFC0FFF                                   /* all but Cause */
    ctc1    $t0, $31
    cfc1    $t1, $31
    CHECK   $t1, 0xFF8C0FFF
    ctc1    $zero, $31
    cfc1    $t1, $31
    CHECK   $t1, FCSR_FIXED

    /* ---- FCCR (25): FCC7..FCC0 at bits 7:0; FCSR keeps FCC0 at 23 and FCC7..1 at 31:25. */
    li      $t0, 0xFE800000
    ctc1    $t0, $31
    cfc1    $t1, $25
    CHECK   $t1, 0xFF
    li      $t0, 0x5A
    ctc1    $t0, $25
    cfc1    $t1, $31
    CHECK   $t1, 0x5A000000 | FCSR_FIXED
    li      $t0, 0x01
    ctc1    $t0, $25
    cfc1    $t1, $31
    CHECK   $t1, 0x00800000 | FCSR_FIXED

    /* ---- FEXR (26): Cause 17:12 and Flags 6:2 only. */
    ctc1    $zero, $31
    li      $t0, 0xFFFDFFFF                                   /* everything but Cause.E */
    ctc1    $t0, $26
    cfc1    $t1, $26
    CHECK   $t1, 0x0001F07C
    cfc1    $t1, $31
    CHECK   $t1, 0x0001F07C | FCSR_FIXED

    /* ---- FENR (28): Enables 11:7, FS at bit 2 (FCSR bit 24), RM 1:0. */
    ctc1    $zero, $31
    li      $t0, 0xFFFFFFFF & ~0x3F000
    ctc1    $t0, $28
    cfc1    $t1, $28
    CHECK   $t1, 0x00000F87
    cfc1    $t1, $31
    CHECK   $t1, 0x01000F83 | FCSR_FIXED
    ctc1    $zero, $31

    /* ---- CTC1 that leaves an enabled Cause bit set takes the FP exception at the CTC1,
     * after the write (MD00086 CTC1); Cause.E has no enable and always traps. */
    SET_FCSR E_V
    li      $t0, C_V
    EXPECT_EXC 1f
20: ctc1    $t0, $26
    nop
1:  CHECK_EXC EXCCODE_FPE, 20b
    CHECK_FCSR E_V | C_V
    ctc1    $zero, $31
    li      $t0, C_E
    EXPECT_EXC 1f
21: ctc1    $t0, $31
    nop
1:  CHECK_EXC EXCCODE_FPE, 21b
    CHECK_FCSR C_E
    ctc1    $zero, $31
    EXPECT_EXC 1f
    li      $t0, C_I                                          /* enabled bit clear: no trap */
    ctc1    $t0, $31
1:  CHECK_NO_EXC
    ctc1    $zero, $31

    /* ---- Unimplemented control registers and formats: Reserved Instruction. */
    EXPECT_EXC 1f
22: cfc1    $t0, $1
    nop
1:  CHECK_EXC EXCCODE_RI, 22b
    EXPECT_EXC 1f
23: add.ps  $f0, $f2, $f4                                     /* no paired single */
    nop
1:  CHECK_EXC EXCCODE_RI, 23b

    /* ---- FR=1: 32 64-bit registers; odd registers hold doubles; MTC1 to $f1 does not
     * touch $f0's high word. */
    LI_D    $f0, 0x11111111, 0x22222222
    LI_D    $f1, 0x33333333, 0x44444444
    CHECK_D $f0, 0x11111111, 0x22222222
    CHECK_D $f1, 0x33333333, 0x44444444
    LI_S    $f1, 0x55555555
    CHECK_D $f0, 0x11111111, 0x22222222
    CHECK_D $f1, 0x33333333, 0x55555555                       /* high word kept */
    mov.d   $f3, $f0
    CHECK_D $f3, 0x11111111, 0x22222222

    /* ---- Loads and stores with FR=1 (little-endian: low word at the lower address). */
    la      $t0, buf
    li      $t1, 0x89ABCDEF
    sw      $t1, 0($t0)
    li      $t1, 0x01234567
    sw      $t1, 4($t0)
    ldc1    $f5, 0($t0)
    CHECK_D $f5, 0x01234567, 0x89ABCDEF
    lwc1    $f6, 4($t0)
    CHECK_S $f6, 0x01234567
    sdc1    $f0, 8($t0)
    CHECK_WORD $t0, 8, 0x22222222
    CHECK_WORD $t0, 12, 0x11111111
    swc1    $f1, 16($t0)
    CHECK_WORD $t0, 16, 0x55555555
    li      $t1, 8
    ldxc1   $f7, $t1($t0)
    CHECK_D $f7, 0x11111111, 0x22222222
    li      $t1, 4
    lwxc1   $f8, $t1($t0)
    CHECK_S $f8, 0x01234567
    li      $t1, 13                                           /* LUXC1: address & ~7 */
    luxc1   $f9, $t1($t0)
    CHECK_D $f9, 0x11111111, 0x22222222
    li      $t1, 24
    sdxc1   $f5, $t1($t0)
    CHECK_WORD $t0, 24, 0x89ABCDEF
    CHECK_WORD $t0, 28, 0x01234567
    li      $t1, 20
    swxc1   $f6, $t1($t0)
    CHECK_WORD $t0, 20, 0x01234567
    li      $t1, 39                                           /* SUXC1 to 32 */
    suxc1   $f0, $t1($t0)
    CHECK_WORD $t0, 32, 0x22222222
    CHECK_WORD $t0, 36, 0x11111111

    /* ---- Alignment: LDC1/SDC1 need 8-byte, LWC1/SWC1 4-byte addresses (AdEL/AdES). */
    EXPECT_EXC 1f
30: ldc1    $f0, 4($t0)
    nop
1:  CHECK_EXC EXCCODE_ADEL, 30b
    addiu   $t1, $t0, 4
    CHECK_REC EXC_BADVADDR, buf + 4
    EXPECT_EXC 1f
31: sdc1    $f0, 12($t0)
    nop
1:  CHECK_EXC EXCCODE_ADES, 31b
    CHECK_REC EXC_BADVADDR, buf + 12
    EXPECT_EXC 1f
32: lwc1    $f0, 2($t0)
    nop
1:  CHECK_EXC EXCCODE_ADEL, 32b
    CHECK_D $f0, 0x11111111, 0x22222222                       /* not written */

    /* ---- FR=0: 32-bit registers; a double is the even/odd pair, low word in the even. */
    FPU_ON  0
    LI_S    $f10, 0xAAAAAAAA
    LI_S    $f11, 0xBBBBBBBB
    mfhc1   $t1, $f10
    CHECK   $t1, 0xBBBBBBBB
    li      $t1, 0xCCCCCCCC
    mthc1   $t1, $f10
    CHECK_S $f11, 0xCCCCCCCC
    CHECK_S $f10, 0xAAAAAAAA
    ldc1    $f12, 0($t0)                                      /* 0x01234567_89ABCDEF */
    CHECK_S $f12, 0x89ABCDEF
    CHECK_S $f13, 0x01234567
    sdc1    $f10, 40($t0)
    CHECK_WORD $t0, 40, 0xAAAAAAAA
    CHECK_WORD $t0, 44, 0xCCCCCCCC
    LI_D    $f14, 0x3FF00000, 0                               /* 1.0 */
    add.d   $f16, $f14, $f14
    CHECK_S $f16, 0
    CHECK_S $f17, 0x40000000                                  /* 2.0 in the pair */
    /* An odd register for a 64-bit operand with FR=0 is UNPREDICTABLE in MD00086; this core
     * raises Reserved Instruction (sim/cpu/exec_fpu.h). */
    EXPECT_EXC 1f
40: add.d   $f16, $f15, $f14
    nop
1:  CHECK_EXC EXCCODE_RI, 40b
    EXPECT_EXC 1f
41: mfhc1   $t1, $f11
    nop
1:  CHECK_EXC EXCCODE_RI, 41b
    EXPECT_EXC 1f
42: ldc1    $f1, 0($t0)
    nop
1:  CHECK_EXC EXCCODE_RI, 42b

    TEST_EXIT

    .section .bss
    .balign 8
buf:
    .space  64
