/*
 * DSP ASE multiplies, dot products and extracts (MD00374 instruction pages named per line):
 * Q15/Q31 products with the -1.0 * -1.0 saturation (ouflag 21 for GPR results, 16 + ac for
 * accumulators), the r2 integer multiplies, the accumulator saturation of the _SA forms, and
 * EXTR's rounding/saturation with ouflag 23 set when the rounded or the plain value overflows.
 */
#include "testdev.inc"
#include "dsp.inc"

#define F_MUL   0x00200000
#define F_AC1   0x00020000
#define F_EXTR  0x00800000

    TEST_BEGIN
    DSP_ON

/* MULEU_S.PH.QBL/QBR: unsigned byte x unsigned halfword, saturated to 0xFFFF */
    R3 muleu_s.ph.qbl, 0x02FF0000, 0x80000101, 0xFFFFFFFF, F_MUL
    R3 muleu_s.ph.qbr, 0x00000302, 0x00100020, 0x00300040, 0
/* MULEQ_S.W.PHL/PHR: Q15 x Q15 -> Q31 */
    R3 muleq_s.w.phl,  0x80001234, 0x80005678, 0x7FFFFFFF, F_MUL
    R3 muleq_s.w.phr,  0x00004000, 0x0000C000, 0xE0000000, 0
/* MULQ_S.PH (r2) truncates, MULQ_RS.PH rounds */
    R3 mulq_rs.ph,     0x80004000, 0x80004000, 0x7FFF2000, F_MUL
    R3 mulq_s.ph,      0x00010001, 0x40004000, 0x00000000, 0
    R3 mulq_rs.ph,     0x00010001, 0x40004000, 0x00010001, 0
/* MUL[_S].PH (r2): integer halfword products, ouflag 21 when one does not fit */
    R3 mul.ph,         0x01000003, 0x01000005, 0x0000000F, F_MUL
    R3 mul_s.ph,       0x01000003, 0x01000005, 0x7FFF000F, F_MUL
    R3 mul_s.ph,       0xFF000002, 0x01000003, 0x80000006, F_MUL
    R3 mul.ph,         0xFFFF0002, 0x00070003, 0xFFF90006, 0
/* MULQ_S.W / MULQ_RS.W (r2): high word of the doubled Q31 product */
    R3 mulq_s.w,       0x80000000, 0x80000000, 0x7FFFFFFF, F_MUL
    R3 mulq_s.w,       0x40000000, 0x40000000, 0x20000000, 0
    R3 mulq_s.w,       0x00000001, 0x40000000, 0x00000000, 0
    R3 mulq_rs.w,      0x00000001, 0x40000000, 0x00000001, 0

/* DPA/DPS/DPAX/DPSX/MULSA.W.PH (r2): integer halfword dot products into ac1 */
    AC dpa.w.ph,   0, 0, 0x00020003, 0x00040005, 0x00000000, 0x00000017
    AC dps.w.ph,   0, 0, 0x00020003, 0x00040005, 0xFFFFFFFF, 0xFFFFFFE9
    AC dpax.w.ph,  0, 0, 0x00020003, 0x00040005, 0x00000000, 0x00000016
    AC dpsx.w.ph,  0, 0x16, 0x00020003, 0x00040005, 0x00000000, 0x00000000
    AC mulsa.w.ph, 0, 0, 0x00020003, 0x00040005, 0xFFFFFFFF, 0xFFFFFFF9
/* DPAU/DPSU.H.QBL/QBR: unsigned byte pairs */
    AC dpau.h.qbl, 0, 0, 0xFF020000, 0xFF030000, 0x00000000, 0x0000FE07
    AC dpau.h.qbr, 0, 0, 0x0000FF02, 0x0000FF03, 0x00000000, 0x0000FE07
    AC dpsu.h.qbl, 0, 0, 0xFF020000, 0xFF030000, 0xFFFFFFFF, 0xFFFF01F9
/* DPAQ_S.W.PH: Q15 dot product, the -1 * -1 product saturates (ouflag 16 + ac) */
    AC dpaq_s.w.ph,   0, 0, 0x80004000, 0x80004000, 0x00000000, 0x9FFFFFFF, F_AC1
    AC dpsq_s.w.ph,   0, 0, 0x40004000, 0x40004000, 0xFFFFFFFF, 0xC0000000
    AC dpaqx_s.w.ph,  0, 0, 0x40000000, 0x00004000, 0x00000000, 0x20000000
    AC mulsaq_s.w.ph, 1, 2, 0x40004000, 0x40004000, 0x00000001, 0x00000002
/* DPAQX_SA.W.PH (r2): the accumulator saturates to Q31 */
    AC dpaqx_sa.w.ph, 0, 0x7FFF0000, 0x40000000, 0x00004000, 0x00000000, 0x7FFFFFFF, F_AC1
/* DPAQ_SA.L.W / DPSQ_SA.L.W: Q31 x Q31 -> Q63, 64-bit saturating accumulate */
    AC dpaq_sa.l.w, 0x7FFFFFFF, 0xFFFFFFFF, 0x40000000, 0x40000000, 0x7FFFFFFF, 0xFFFFFFFF, F_AC1
    AC dpaq_sa.l.w, 0, 0, 0x80000000, 0x80000000, 0x7FFFFFFF, 0xFFFFFFFF, F_AC1
    AC dpaq_sa.l.w, 0, 0, 0x40000000, 0x40000000, 0x20000000, 0x00000000
    AC dpsq_sa.l.w, 0x80000000, 0, 0x40000000, 0x40000000, 0x80000000, 0x00000000, F_AC1
/* MAQ_S.W.PHL/PHR, MAQ_SA.W.PHL/PHR */
    AC maq_s.w.phl,  0, 0, 0x80000000, 0x80000000, 0x00000000, 0x7FFFFFFF, F_AC1
    AC maq_sa.w.phr, 0, 0x7FFFFFF0, 0x00004000, 0x00004000, 0x00000000, 0x7FFFFFFF, F_AC1
    /* An accumulator outside the Q31 range: MD00374 saturates whenever the sum "cannot be
     * represented as a Q31 value" (QEMU 7.2 looks at bits 32 and 31 only and would give
     * 0x20000000 here; tests/dsp/difftest.c). */
    AC maq_sa.w.phl, 0xFFFFFF00, 0, 0x40000000, 0x40000000, 0xFFFFFFFF, 0x80000000, F_AC1
/* The ouflag bit is 16 + ac: ac3 -> bit 19 */
    wrdsp   $zero, 0x3f
    SETACC  $ac3, 0, 0
    li      $t0, 0x80000000
    maq_s.w.phl $ac3, $t0, $t0
    CHECKDSP 0x00080000

/* EXTR.W/EXTR_R.W/EXTR_RS.W: shift, round, saturate; ouflag 23 if either value overflows */
    EX extr.w,    0x00000000, 0x00000003, 1, 0x00000001
    EX extr_r.w,  0x00000000, 0x00000003, 1, 0x00000002
    EX extr_rs.w, 0x7FFFFFFF, 0xFFFFFFFF, 0, 0x7FFFFFFF, F_EXTR
    EX extr.w,    0x7FFFFFFF, 0xFFFFFFFF, 0, 0xFFFFFFFF, F_EXTR
    EX extr_rs.w, 0x80000000, 0x00000000, 4, 0x80000000, F_EXTR
    EX extr.w,    0x00000000, 0xFFFFFFFF, 1, 0x7FFFFFFF, F_EXTR /* only the rounded overflows */
    EX extr_r.w,  0x00000000, 0xFFFFFFFF, 1, 0x80000000, F_EXTR
    EX extr_rs.w, 0x00000000, 0xFFFFFFFF, 1, 0x7FFFFFFF, F_EXTR
    EX extr_r.w,  0xFFFFFFFF, 0xFFFFFFFF, 31, 0x00000000, 0 /* -2^-31 rounds to 0 */
    EX extr.w,    0xFFFFFFFF, 0xFFFFFFFF, 31, 0xFFFFFFFF, 0
/* EXTR_S.H: saturate to Q15 */
    EX extr_s.h,  0xFFFFFFFF, 0xFFFF0000, 4, 0xFFFFF000, 0
    EX extr_s.h,  0xFFFFFFFF, 0x00000000, 0, 0xFFFF8000, F_EXTR
    EX extr_s.h,  0x00000000, 0x0007FFFF, 4, 0x00007FFF, 0
/* EXTRV*: the shift comes from rs, modulo 32 */
    wrdsp   $zero, 0x3f
    SETACC  $ac1, 0x00000000, 0x00000003
    li      $t0, 33
    extrv_r.w $t2, $ac1, $t0
    CHECK   $t2, 2

    TEST_EXIT
