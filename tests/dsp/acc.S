/*
 * DSP ASE state a context switch saves and restores (MIPS DSP Module MD00374; mips-vz.md §6):
 * the accumulators ac0..ac3 through MFHI/MFLO/MTHI/MTLO and the base-ISA multiplies with an
 * accumulator field, and DSPControl through RDDSP/WRDSP with every mask bit.  Then the
 * instructions that move DSPControl.pos: EXTP/EXTPV (no change), EXTPDP/EXTPDPV (pos -= size+1),
 * MTHLIP (pos += 32), and EXTR/SHILO (no change); EFI after a failed/successful EXTP.
 */
#include "testdev.inc"
#include "dsp.inc"

    TEST_BEGIN
    DSP_ON

/* MD00374 MTHI/MTLO/MFHI/MFLO: four independent 64-bit accumulators; ac0 is HI/LO. */
    SETACC  $ac0, 0x00000001, 0x10000001
    SETACC  $ac1, 0x00000002, 0x20000002
    SETACC  $ac2, 0x00000003, 0x30000003
    SETACC  $ac3, 0x00000004, 0x40000004
    CHECKACC $ac0, 0x00000001, 0x10000001
    CHECKACC $ac1, 0x00000002, 0x20000002
    CHECKACC $ac2, 0x00000003, 0x30000003
    CHECKACC $ac3, 0x00000004, 0x40000004
    mfhi    $t0                     /* the base-ISA form is ac0 */
    CHECK   $t0, 0x00000001
    mflo    $t0
    CHECK   $t0, 0x10000001

/* MD00086 MULT/MULTU/MADD/MADDU/MSUB/MSUBU with MD00374's ac field: only ac changes. */
    li      $t0, -3
    li      $t1, 7
    mult    $ac1, $t0, $t1          /* -21 */
    CHECKACC $ac1, 0xFFFFFFFF, 0xFFFFFFEB
    multu   $ac2, $t0, $t1          /* 0xFFFFFFFD * 7 */
    CHECKACC $ac2, 0x00000006, 0xFFFFFFEB
    SETACC  $ac3, 0x00000000, 0xFFFFFFFF
    madd    $ac3, $t0, $t1          /* 0xFFFFFFFF - 21 */
    CHECKACC $ac3, 0x00000000, 0xFFFFFFEA
    maddu   $ac3, $t0, $t1          /* + 0x6_FFFFFFEB */
    CHECKACC $ac3, 0x00000007, 0xFFFFFFD5
    msub    $ac3, $t0, $t1          /* + 21 */
    CHECKACC $ac3, 0x00000007, 0xFFFFFFEA
    msubu   $ac3, $t0, $t1          /* - 0x6_FFFFFFEB */
    CHECKACC $ac3, 0x00000000, 0xFFFFFFFF
    CHECKACC $ac0, 0x00000001, 0x10000001 /* untouched by all of these */

/* MD00374 WRDSP: each mask bit writes one field (MIPS32 layout: pos 5:0, scount 12:7, c 13,
 * EFI 14, ouflag 23:16, ccond 27:24); the other bits never change. */
    li      $t0, 0xFFFFFFFF
    wrdsp   $zero, 0x3f
    wrdsp   $t0, 0x01
    CHECKDSP 0x0000003F             /* pos */
    wrdsp   $zero, 0x3f
    wrdsp   $t0, 0x02
    CHECKDSP 0x00001F80             /* scount */
    wrdsp   $zero, 0x3f
    wrdsp   $t0, 0x04
    CHECKDSP 0x00002000             /* c */
    wrdsp   $zero, 0x3f
    wrdsp   $t0, 0x08
    CHECKDSP 0x00FF0000             /* ouflag */
    wrdsp   $zero, 0x3f
    wrdsp   $t0, 0x10
    CHECKDSP 0x0F000000             /* ccond */
    wrdsp   $zero, 0x3f
    wrdsp   $t0, 0x20
    CHECKDSP 0x00004000             /* EFI */
    wrdsp   $zero, 0x3f
    wrdsp   $t0, 0x3f
    CHECKDSP 0x0FFF7FBF             /* every field; bits 31:28, 15 and 6 reserved */
    wrdsp   $zero, 0x3f
    .word   0x7D1E04F8              /* wrdsp $t0, mask 0x3C0: mask bits 6..9 are ignored */
    CHECKDSP 0
    /* clearing with one mask bit leaves the other fields */
    wrdsp   $t0, 0x3f
    wrdsp   $zero, 0x08
    CHECKDSP 0x0F007FBF

/* MD00374 RDDSP: each mask bit reads one field, the rest of rd is zero. */
    wrdsp   $t0, 0x3f
    rddsp   $t1, 0x01
    CHECK   $t1, 0x0000003F
    rddsp   $t1, 0x02
    CHECK   $t1, 0x00001F80
    rddsp   $t1, 0x04
    CHECK   $t1, 0x00002000
    rddsp   $t1, 0x08
    CHECK   $t1, 0x00FF0000
    rddsp   $t1, 0x10
    CHECK   $t1, 0x0F000000
    rddsp   $t1, 0x20
    CHECK   $t1, 0x00004000
    rddsp   $t1, 0x00
    CHECK   $t1, 0
    .word   0x7FC04CB8              /* rddsp $t1, mask 0x3C0: bits 6..9 are ignored */
    CHECK   $t1, 0
    rddsp   $t1, 0x15               /* pos | c | ccond */
    CHECK   $t1, 0x0F00203F

/* EXTP/EXTPDP (MD00374 EXTP, EXTPDP): size+1 bits ending at bit pos of the accumulator. */
    SETACC  $ac1, 0x00001234, 0x56789ABC
    wrdsp   $zero, 0x3f
    li      $t0, 40
    wrdsp   $t0, 0x01               /* pos = 40 */
    li      $t0, 0x4000
    wrdsp   $t0, 0x20               /* EFI = 1: a successful extraction clears it */
    extp    $t1, $ac1, 7            /* bits 40..33 */
    CHECK   $t1, 0x1A
    CHECKDSP 40                     /* pos unchanged, EFI = 0 */
    extpdp  $t1, $ac1, 7
    CHECK   $t1, 0x1A
    CHECKDSP 32                     /* pos = 40 - 8 */
    li      $t2, 15
    extpdpv $t1, $ac1, $t2          /* bits 32..17 */
    CHECK   $t1, 0x2B3C
    CHECKDSP 16
    li      $t0, 3
    wrdsp   $t0, 0x01
    li      $t1, 0x5A5A
    extp    $t1, $ac1, 7            /* pos 3 < size 7: fails, EFI = 1, pos unchanged */
    CHECKDSP 0x4003
    extpdp  $t1, $ac1, 7            /* a failing EXTPDP does not move pos either */
    CHECKDSP 0x4003
    li      $t0, 7
    wrdsp   $t0, 0x01
    li      $t2, 7
    extpv   $t1, $ac1, $t2          /* pos == size: bits 7..0 */
    CHECK   $t1, 0xBC
    CHECKDSP 7
    extpdp  $t1, $ac1, 7            /* pos - (size+1) = -1: the 6-bit field wraps to 63 */
    CHECK   $t1, 0xBC
    CHECKDSP 63

/* EXTR/EXTR_S.H/SHILO do not touch pos (MD00374 EXTR.W, SHILO). */
    li      $t0, 21
    wrdsp   $t0, 0x3f
    extr.w  $t1, $ac1, 4
    CHECK   $t1, 0x456789AB
    extr_s.h $t1, $ac1, 4           /* 0x123456789AB > 0x7FFF: saturates, ouflag 23 */
    CHECK   $t1, 0x7FFF
    CHECKDSP 0x00800015
    wrdsp   $zero, 0x08
    shilo   $ac1, 8                 /* right 8 (logical) */
    CHECKACC $ac1, 0x00000012, 0x3456789A
    shilo   $ac1, -12               /* left 12 */
    CHECKACC $ac1, 0x00012345, 0x6789A000
    li      $t2, 0x3C               /* shilov: -4 in 6 bits */
    shilov  $ac1, $t2
    CHECKACC $ac1, 0x00123456, 0x789A0000
    CHECKDSP 21

/* MTHLIP (MD00374): HI = LO, LO = rs, pos += 32. */
    SETACC  $ac2, 0xAAAAAAAA, 0x11111111
    li      $t0, 0x22222222
    li      $t1, 16
    wrdsp   $t1, 0x01
    mthlip  $t0, $ac2
    CHECKACC $ac2, 0x11111111, 0x22222222
    CHECKDSP 48
    li      $t1, 0
    wrdsp   $t1, 0x01
    mthlip  $t0, $ac2
    CHECKACC $ac2, 0x22222222, 0x22222222
    CHECKDSP 32

/* BPOSGE32 (MD00374): taken when pos >= 32, with a delay slot. */
    li      $t1, 0
    bposge32 1f
    addiu   $t1, $t1, 1             /* delay slot runs either way */
    addiu   $t1, $t1, 10            /* skipped: pos = 32 */
1:  CHECK   $t1, 1
    li      $t0, 31
    wrdsp   $t0, 0x01
    li      $t1, 0
    bposge32 2f
    addiu   $t1, $t1, 1
    addiu   $t1, $t1, 10            /* not taken: pos = 31 */
2:  CHECK   $t1, 11

    TEST_EXIT
