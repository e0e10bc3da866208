/*
 * SIMD add/subtract and shifts of the DSP ASE (MD00374 instruction pages named per line): wrap
 * with ouflag 20 on carry/borrow/overflow, saturation to the lane's range, halving forms
 * (r2), and the shift group with its overflow rule (ouflag 22) and rounding.
 */
#include "testdev.inc"
#include "dsp.inc"

#define F_ADD   0x00100000
#define F_SHIFT 0x00400000

    TEST_BEGIN
    DSP_ON

/* ADDU[_S].QB, SUBU[_S].QB: unsigned bytes */
    R3 addu.qb,   0x01FF807F, 0x01018081, 0x02000000, F_ADD
    R3 addu_s.qb, 0x01FF807F, 0x01018081, 0x02FFFFFF, F_ADD
    R3 addu.qb,   0x01020304, 0x10203040, 0x11223344, 0
    R3 subu.qb,   0x10000280, 0x01010180, 0x0FFF0100, F_ADD
    R3 subu_s.qb, 0x10000280, 0x01010180, 0x0F000100, F_ADD
/* ADDQ[_S].PH, SUBQ[_S].PH: signed halfwords */
    R3 addq.ph,   0x7FFF0001, 0x00010001, 0x80000002, F_ADD
    R3 addq_s.ph, 0x7FFF0001, 0x00010001, 0x7FFF0002, F_ADD
    R3 subq_s.ph, 0x80000005, 0x00010007, 0x8000FFFE, F_ADD
    R3 subq.ph,   0x00050005, 0x00010007, 0x0004FFFE, 0
/* ADDU[_S].PH, SUBU[_S].PH (r2): unsigned halfwords */
    R3 addu.ph,   0xFFFF0001, 0x00020003, 0x00010004, F_ADD
    R3 addu_s.ph, 0xFFFF0001, 0x00020003, 0xFFFF0004, F_ADD
    R3 subu_s.ph, 0x00050010, 0x00060001, 0x0000000F, F_ADD
    R3 subu.ph,   0x00050010, 0x00060001, 0xFFFF000F, F_ADD
/* ADDQ_S.W, SUBQ_S.W: Q31 saturation */
    R3 addq_s.w,  0x7FFFFFFF, 0x00000001, 0x7FFFFFFF, F_ADD
    R3 addq_s.w,  0x80000000, 0xFFFFFFFF, 0x80000000, F_ADD
    R3 subq_s.w,  0x80000000, 0x00000001, 0x80000000, F_ADD
    R3 subq_s.w,  0x00000005, 0x00000003, 0x00000002, 0
/* ADDSC sets DSPControl.c; ADDWC adds it, flags signed overflow, leaves c */
    R3 addsc,     0xFFFFFFFF, 0x00000002, 0x00000001, 0x2000
    li      $t0, 0x7FFFFFFF
    addwc   $t2, $t0, $zero
    CHECK   $t2, 0x80000000
    CHECKDSP 0x00102000
    li      $t0, 5
    li      $t1, 6
    addwc   $t2, $t0, $t1
    CHECK   $t2, 12
/* MODSUB: rt = lastindex (23:8) | decrement (7:0) */
    R3 modsub,    0x00000000, 0x00012304, 0x00000123
    R3 modsub,    0x00000010, 0x00012304, 0x0000000C
/* RADDU.W.QB */
    wrdsp   $zero, 0x3f
    li      $t0, 0xFF01807F
    raddu.w.qb $t2, $t0
    CHECK   $t2, 0x1FF
/* ADDUH[_R].QB, SUBUH[_R].QB, ADDQH[_R].PH/W, SUBQH[_R].W (r2): halving, never flags */
    R3 adduh.qb,   0xFF01807F, 0x01FF8080, 0x8080807F
    R3 adduh_r.qb, 0xFF01807F, 0x01FF8080, 0x80808080
    R3 subuh.qb,   0x00FF1002, 0xFF000203, 0x807F07FF
    R3 subuh_r.qb, 0x00FF1002, 0xFF000203, 0x81800700
    R3 addqh.ph,   0x7FFF8000, 0x7FFF8000, 0x7FFF8000
    R3 addqh.ph,   0x00030001, 0x00000000, 0x00010000
    R3 addqh_r.ph, 0x00030001, 0x00000000, 0x00020001
    R3 subqh_r.ph, 0x80007FFF, 0x7FFF8000, 0x80018000 /* 32767.5 rounds to 0x8000: low 16 bits */
    R3 addqh.w,    0x7FFFFFFF, 0x7FFFFFFF, 0x7FFFFFFF
    R3 addqh_r.w,  0x00000003, 0x00000000, 0x00000002
    R3 subqh.w,    0x80000000, 0x7FFFFFFF, 0x80000000
    R3 subqh_r.w,  0x80000000, 0x7FFFFFFF, 0x80000001

/* SHLL.QB: ouflag 22 when a 1 is shifted out of any byte */
    SH shll.qb,   0x01804001, 1, 0x02008002, F_SHIFT
    SH shll.qb,   0x01020304, 5, 0x20406080, 0
    SH shrl.qb,   0x80FF0102, 1, 0x407F0001, 0
/* SHRA[_R].QB (r2): signed bytes, rounding adds 1 at the top discarded bit */
    SH shra.qb,   0x80FF7F02, 1, 0xC0FF3F01, 0
    SH shra_r.qb, 0x80FF7F03, 1, 0xC0004002, 0
/* SHLL[_S].PH: overflow when the bits shifted out and the sign differ */
    SH shll.ph,   0x40000001, 1, 0x80000002, F_SHIFT
    SH shll_s.ph, 0x40000001, 1, 0x7FFF0002, F_SHIFT
    SH shll_s.ph, 0xC0000001, 1, 0x80000002, 0
    SH shll_s.ph, 0x8001FFFF, 1, 0x8000FFFE, F_SHIFT
    SH shra_r.ph, 0xFFFF0003, 1, 0x00000002, 0
    SH shra.ph,   0x8000FFFE, 4, 0xF800FFFF, 0
    SH shrl.ph,   0x8000FFFF, 4, 0x08000FFF, 0
/* SHLL_S.W, SHRA_R.W */
    SH shll_s.w,  0x40000000, 1, 0x7FFFFFFF, F_SHIFT
    SH shll_s.w,  0xC0000000, 1, 0x80000000, 0
    SH shll_s.w,  0x80000000, 0, 0x80000000, 0
    SH shra_r.w,  0x00000005, 1, 0x00000003, 0
    SH shra_r.w,  0xFFFFFFFB, 1, 0xFFFFFFFE, 0
    SH shra_r.w,  0x7FFFFFFF, 31, 0x00000001, 0
/* The V forms take the amount from rs, modulo the lane width */
    wrdsp   $zero, 0x3f
    li      $t0, 9
    li      $t1, 0x01010101
    shllv.qb $t2, $t1, $t0
    CHECK   $t2, 0x02020202
    li      $t0, 33
    li      $t1, 5
    shrav_r.w $t2, $t1, $t0
    CHECK   $t2, 3
    li      $t0, 17
    li      $t1, 0x40000001
    shllv_s.ph $t2, $t1, $t0
    CHECK   $t2, 0x7FFF0002
    CHECKDSP F_SHIFT

    TEST_EXIT
