/*
 * FPU conversions: MIPS32 Instruction Set (MD00086) CVT.S/D/W/L.fmt and ROUND/TRUNC/CEIL/
 * FLOOR.W/L.fmt.  CVT rounds with FCSR.RM; ROUND/TRUNC/CEIL/FLOOR use their own direction
 * whatever RM says.  Invalid conversions to an integer (NaN, infinity, out of range) signal
 * Invalid and, with FCSR.NAN2008 = 1, deliver 0 for a NaN, the largest integer for +inf and
 * large positive values, the smallest for -inf and large negative values (MD00086
 * CVT.W.fmt); Inexact is not signaled with them.  Widening a NaN keeps its payload and makes
 * it quiet (IEEE 754-2008 §6.2.3).
 */
#include "fpu.inc"

#define CF(c) ((c) | ((c) >> 10))

/* CV insn, rm, in (s|d), a_hi, a_lo, out (s|d), r_hi, r_lo, fcsr.  For a 32-bit operand or
 * result (S, W) only the _lo word is used; W and L travel in FPRs like S and D. */
    .macro CV insn, rm, in, ahi, alo, out, rhi, rlo, fcsr
    SET_FCSR \rm
    .ifc \in, d
    LI_D    $f2, \ahi, \alo
    .else
    LI_S    $f2, \alo
    .endif
    \insn   $f0, $f2
    .ifc \out, d
    CHECK_D $f0, \rhi, \rlo
    .else
    CHECK_S $f0, \rlo
    .endif
    CHECK_FCSR \fcsr
    .endm

    TEST_BEGIN
    FPU_ON  1

    /* CVT.W.D follows RM; ties go to even in RN. */
    CV cvt.w.d, RM_RN, d, 0x40040000, 0, s, 0, 2, RM_RN | CF(C_I)            /* 2.5 */
    CV cvt.w.d, RM_RZ, d, 0x40040000, 0, s, 0, 2, RM_RZ | CF(C_I)
    CV cvt.w.d, RM_RP, d, 0x40040000, 0, s, 0, 3, RM_RP | CF(C_I)
    CV cvt.w.d, RM_RM, d, 0x40040000, 0, s, 0, 2, RM_RM | CF(C_I)
    CV cvt.w.d, RM_RN, d, 0xC0040000, 0, s, 0, 0xFFFFFFFE, RM_RN | CF(C_I)   /* -2.5 */
    CV cvt.w.d, RM_RZ, d, 0xC0040000, 0, s, 0, 0xFFFFFFFE, RM_RZ | CF(C_I)
    CV cvt.w.d, RM_RP, d, 0xC0040000, 0, s, 0, 0xFFFFFFFE, RM_RP | CF(C_I)
    CV cvt.w.d, RM_RM, d, 0xC0040000, 0, s, 0, 0xFFFFFFFD, RM_RM | CF(C_I)
    CV cvt.w.s, RM_RN, s, 0, 0x42280000, s, 0, 42, RM_RN                     /* exact */

    /* The fixed-direction forms ignore RM. */
    CV round.w.d, RM_RZ, d, 0x400C0000, 0, s, 0, 4, RM_RZ | CF(C_I)          /* 3.5 -> 4 */
    CV round.w.d, RM_RP, d, 0x40040000, 0, s, 0, 2, RM_RP | CF(C_I)          /* 2.5 -> 2 */
    CV trunc.w.d, RM_RM, d, 0xC00D9999, 0x9999999A, s, 0, 0xFFFFFFFD, RM_RM | CF(C_I) /* -3.7 */
    CV ceil.w.d, RM_RM, d, 0xC00D9999, 0x9999999A, s, 0, 0xFFFFFFFD, RM_RM | CF(C_I)
    CV floor.w.d, RM_RP, d, 0xC00D9999, 0x9999999A, s, 0, 0xFFFFFFFC, RM_RP | CF(C_I)
    CV ceil.w.d, RM_RN, d, 0xBFD99999, 0x9999999A, s, 0, 0, RM_RN | CF(C_I)  /* -0.4 -> 0 */
    CV floor.w.s, RM_RN, s, 0, 0x3FC00000, s, 0, 1, RM_RN | CF(C_I)          /* 1.5 -> 1 */
    CV round.l.s, RM_RN, s, 0, 0xC0200000, d, 0xFFFFFFFF, 0xFFFFFFFE, RM_RN | CF(C_I) /* -2.5 */
    CV trunc.l.d, RM_RN, d, 0x43D00000, 1, d, 0x40000000, 0x00000400, RM_RN  /* 2^62+2^10 */

    /* Invalid conversions: NaN-2008 default results, Invalid only. */
    CV cvt.w.d, RM_RN, d, 0x7FF80000, 0, s, 0, 0, RM_RN | CF(C_V)            /* NaN */
    CV trunc.w.s, RM_RN, s, 0, 0xFF800001, s, 0, 0, RM_RN | CF(C_V)          /* sNaN */
    CV cvt.w.d, RM_RN, d, 0x7FF00000, 0, s, 0, 0x7FFFFFFF, RM_RN | CF(C_V)   /* +inf */
    CV cvt.w.d, RM_RN, d, 0xFFF00000, 0, s, 0, 0x80000000, RM_RN | CF(C_V)   /* -inf */
    CV cvt.w.d, RM_RN, d, 0x41DFFFFF, 0xFFE66666, s, 0, 0x7FFFFFFF, RM_RN | CF(C_V) /* 2147483647.6 */
    CV trunc.w.d, RM_RN, d, 0x41DFFFFF, 0xFFE66666, s, 0, 0x7FFFFFFF, RM_RN | CF(C_I)
    CV cvt.w.d, RM_RN, d, 0xC1E00000, 0x00133333, s, 0, 0x80000000, RM_RN | CF(C_V) /* -2147483648.6 */
    CV trunc.w.d, RM_RN, d, 0xC1E00000, 0x00133333, s, 0, 0x80000000, RM_RN | CF(C_I)
    CV cvt.l.d, RM_RN, d, 0xC3E00000, 0, d, 0x80000000, 0, RM_RN             /* -2^63 fits */
    CV cvt.l.d, RM_RN, d, 0x43E00000, 0, d, 0x7FFFFFFF, 0xFFFFFFFF, RM_RN | CF(C_V) /* 2^63 */
    CV ceil.l.s, RM_RN, s, 0, 0x7FC00000, d, 0, 0, RM_RN | CF(C_V)

    /* Between the floating formats. */
    CV cvt.s.d, RM_RN, d, 0x3FB99999, 0x9999999A, s, 0, 0x3DCCCCCD, RM_RN | CF(C_I) /* 0.1 */
    CV cvt.s.d, RM_RZ, d, 0x3FB99999, 0x9999999A, s, 0, 0x3DCCCCCC, RM_RZ | CF(C_I)
    CV cvt.s.d, RM_RN, d, 0x7E37E43C, 0x8800759C, s, 0, 0x7F800000, RM_RN | CF(C_O | C_I) /* 1e300 */
    CV cvt.s.d, RM_RZ, d, 0x7E37E43C, 0x8800759C, s, 0, 0x7F7FFFFF, RM_RZ | CF(C_O | C_I)
    CV cvt.s.d, RM_RN, d, 0x00000000, 1, s, 0, 0, RM_RN | CF(C_U | C_I)     /* tiny */
    CV cvt.s.d, RM_RP, d, 0x00000000, 1, s, 0, 1, RM_RP | CF(C_U | C_I)
    CV cvt.d.s, RM_RN, s, 0, 0x3DCCCCCD, d, 0x3FB99999, 0xA0000000, RM_RN    /* exact */
    CV cvt.d.s, RM_RN, s, 0, 0x00000001, d, 0x36A00000, 0, RM_RN             /* denormal */
    CV cvt.d.s, RM_RN, s, 0, 0x7F800001, d, 0x7FF80000, 0x20000000, RM_RN | CF(C_V) /* sNaN */
    CV cvt.d.s, RM_RN, s, 0, 0xFFC00002, d, 0xFFF80000, 0x40000000, RM_RN    /* qNaN */

    /* From the integer formats. */
    CV cvt.s.w, RM_RN, s, 0, 0x01000001, s, 0, 0x4B800000, RM_RN | CF(C_I)  /* 2^24+1 */
    CV cvt.s.w, RM_RP, s, 0, 0x01000001, s, 0, 0x4B800001, RM_RP | CF(C_I)
    CV cvt.d.w, RM_RN, s, 0, 0xFFFFFFFF, d, 0xBFF00000, 0, RM_RN             /* -1 */
    CV cvt.d.w, RM_RN, s, 0, 0x80000000, d, 0xC1E00000, 0, RM_RN             /* -2^31 */
    CV cvt.d.l, RM_RN, d, 0x00200000, 1, d, 0x43400000, 0, RM_RN | CF(C_I)   /* 2^53+1 */
    CV cvt.d.l, RM_RM, d, 0xFFDFFFFF, 0xFFFFFFFF, d, 0xC3400000, 1, RM_RM | CF(C_I) /* -(2^53+2) */
    CV cvt.s.l, RM_RN, d, 0x7FFFFFFF, 0xFFFFFFFF, s, 0, 0x5F000000, RM_RN | CF(C_I)

    /* A conversion to the same format, or between the integer formats, is reserved. */
    EXPECT_EXC 1f
10: .word   0x46201021                  /* cvt.d.d $f0, $f2 (COP1 fmt D, function 0x21) */
    nop
1:  CHECK_EXC EXCCODE_RI, 10b
    EXPECT_EXC 1f
11: .word   0x46801024                  /* cvt.w.w $f0, $f2 */
    nop
1:  CHECK_EXC EXCCODE_RI, 11b

    TEST_EXIT
