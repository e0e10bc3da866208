/*
 * DSP Disabled and Reserved Instruction (MD00374 §4.2 ValidateAccessToDSPResources; mips-vz.md
 * §2.4 Status.MX, §2.6 ExcCode DSPDis = 26): with Status.MX = 0 every DSP instruction, and the
 * base-ISA accumulator instructions naming ac1..ac3, raise DSPDis before changing anything;
 * the ac0 forms are base ISA and run.  Encodings of the SPECIAL3 DSP groups that are no
 * instruction, and the MIPS64-only DSP instructions, raise Reserved Instruction whatever MX is.
 * The accumulators keep their values while MX = 0 (lazy context switching relies on it).
 */
#include "testdev.inc"
#include "dsp.inc"

/* DSPDIS insn: insn raises DSPDis with EPC = insn, BD = 0; $t9 (a canary) is unchanged. */
    .macro DSPDIS insn:vararg
    EXPECT_EXC dd_res\@
    li      $t9, 0x5A5A5A5A
dd_insn\@:
    \insn
dd_res\@:
    CHECK_EXC EXCCODE_DSPDIS, dd_insn\@
    CHECK   $t9, 0x5A5A5A5A
    .endm

/* RESERVED word: the instruction word raises Reserved Instruction. */
    .macro RESERVED word
    EXPECT_EXC rr_res\@
rr_insn\@:
    .word   \word
rr_res\@:
    CHECK_EXC EXCCODE_RI, rr_insn\@
    .endm

    TEST_BEGIN
    DSP_ON
    SETACC  $ac1, 0x11111111, 0x22222222
    SETACC  $ac2, 0x33333333, 0x44444444
    SETACC  $ac3, 0x55555555, 0x66666666
    SETACC  $ac0, 0x77777777, 0x88888888
    li      $t0, 0x0A0B0C0D
    wrdsp   $t0, 0x3f
    DSP_OFF

/* Accumulator forms on ac1..ac3 (MD00374 MFHI: "if ac != 0 ValidateAccessToDSPResources"). */
    DSPDIS  mfhi $t9, $ac1
    DSPDIS  mflo $t9, $ac2
    DSPDIS  mthi $t9, $ac3
    DSPDIS  mtlo $t9, $ac1
    DSPDIS  mult $ac1, $t0, $t0
    DSPDIS  multu $ac2, $t0, $t0
    DSPDIS  madd $ac3, $t0, $t0
    DSPDIS  maddu $ac1, $t0, $t0
    DSPDIS  msub $ac2, $t0, $t0
    DSPDIS  msubu $ac3, $t0, $t0
/* One instruction of every DSP group (r1 and r2). */
    DSPDIS  rddsp $t9, 0x3f
    DSPDIS  wrdsp $t0, 0x3f
    DSPDIS  addu.qb $t9, $t0, $t0
    DSPDIS  subu_s.ph $t9, $t0, $t0
    DSPDIS  adduh.qb $t9, $t0, $t0
    DSPDIS  mul_s.ph $t9, $t0, $t0
    DSPDIS  cmpu.eq.qb $t0, $t0
    DSPDIS  pick.qb $t9, $t0, $t0
    DSPDIS  absq_s.w $t9, $t0
    DSPDIS  repl.qb $t9, 0x12
    DSPDIS  shll.qb $t9, $t0, 1
    DSPDIS  shrav_r.w $t9, $t0, $t0
    DSPDIS  dpaq_s.w.ph $ac1, $t0, $t0
    DSPDIS  dpa.w.ph $ac0, $t0, $t0
    DSPDIS  maq_sa.w.phl $ac2, $t0, $t0
    DSPDIS  extr.w $t9, $ac1, 1
    DSPDIS  extp $t9, $ac0, 1
    DSPDIS  shilo $ac1, 4
    DSPDIS  mthlip $t0, $ac1
    DSPDIS  lwx $t9, $zero($sp)
    DSPDIS  insv $t9, $t0
    DSPDIS  append $t9, $t0, 4
    DSPDIS  balign $t9, $t0, 1
    DSPDIS  bposge32 .+8

/* In a delay slot: EPC = the branch, Cause.BD = 1 (MD00090 §6.2.1).  BadInstr is not checked:
 * mips-vz.md §2.2 leaves its capture for DSPDis open and sim/cpu/exception.c does not write it. */
    EXPECT_EXC 4f
ds_branch:
    beq     $zero, $zero, 4f
    mflo    $t9, $ac3
4:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_CODE, EXCCODE_DSPDIS
    CHECK_REC EXC_EPC, ds_branch
    CHECK_REC EXC_BD, 1

/* The ac0 forms are MIPS32 base instructions: no exception with MX = 0. */
    EXPECT_EXC 1f
    mfhi    $t1
    mflo    $t2
    li      $t3, 2
    li      $t4, 3
    mult    $t3, $t4
    mfhi    $t5
    mflo    $t6
    mthi    $t1
    mtlo    $t2
1:  CHECK_NO_EXC
    CHECK   $t1, 0x77777777
    CHECK   $t2, 0x88888888
    CHECK   $t5, 0
    CHECK   $t6, 6

/* Not instructions: RI with MX = 0 as with MX = 1 (sa sub-opcodes nobody assigns; the
 * MIPS64-only groups ADDU.OB 0x14 and DEXTR.W 0x3C; REGIMM BPOSGE64). */
    .irp    w, 0x7C000090, 0x7C0001D1, 0x7C000012, 0x7C000413, 0x7C000358, 0x7C0002B0, 0x7C000438, 0x7C00004A, 0x7C0000B1, 0x7C000014, 0x7C00003C, 0x041D0000
    RESERVED \w
    .endr
    DSP_ON
    .irp    w, 0x7C000090, 0x7C0001D1, 0x7C000012, 0x7C000413, 0x7C000358, 0x7C0002B0, 0x7C000438, 0x7C00004A, 0x7C0000B1, 0x7C000014, 0x7C00003C, 0x041D0000
    RESERVED \w
    .endr

/* Nothing changed while MX was 0; the same instructions now run. */
    CHECKACC $ac1, 0x11111111, 0x22222222
    CHECKACC $ac2, 0x33333333, 0x44444444
    CHECKACC $ac3, 0x55555555, 0x66666666
    CHECKACC $ac0, 0x77777777, 0x88888888
    CHECKDSP 0x0A0B0C0D & 0x0FFF7FBF

/* DSPDis in user mode too: MX, not the privilege level, controls the ASE. */
    DSP_OFF
    ENTER_USER 2f
2:  DSPDIS  addu.qb $t9, $t0, $t0
    TEST_EXIT
