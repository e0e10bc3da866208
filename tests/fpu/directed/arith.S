/*
 * FPU arithmetic with the exceptions disabled: results, Cause and Flags.
 * MIPS32 Instruction Set (MD00086): ADD/SUB/MUL/DIV/SQRT/ABS/NEG/MOV/RECIP/RSQRT.fmt,
 * MADD/MSUB/NMADD/NMSUB.fmt; MIPS32 Architecture Vol. I-A (MD00082) "FPU exceptions"
 * (Cause is rewritten by every arithmetic instruction, Flags accumulate the untrapped ones)
 * and "FCSR" (RM, FS); IEEE 754-2008 §4.3 (rounding-direction attributes), §6.2 (NaNs),
 * §6.3 (signs of zero results), §7 (default results of the five exceptions).  NaN-2008
 * encodings (quiet bit = fraction MSB; default NaN 0x7FC00000 / 0x7FF8000000000000).
 */
#include "fpu.inc"

#define CF(c) ((c) | ((c) >> 10))   /* Cause bits and the same Flags */

/* T_D insn, rm, a, b, result, fcsr: double a op b in rounding mode rm from FCSR = rm. */
    .macro T_D insn, rm, ahi, alo, bhi, blo, rhi, rlo, fcsr
    SET_FCSR \rm
    LI_D    $f2, \ahi, \alo
    LI_D    $f4, \bhi, \blo
    \insn   $f0, $f2, $f4
    CHECK_D $f0, \rhi, \rlo
    CHECK_FCSR \fcsr
    .endm

    .macro T_S insn, rm, a, b, r, fcsr
    SET_FCSR \rm
    LI_S    $f2, \a
    LI_S    $f4, \b
    \insn   $f0, $f2, $f4
    CHECK_S $f0, \r
    CHECK_FCSR \fcsr
    .endm

/* U_D / U_S insn, rm, a, result, fcsr: one-operand instructions. */
    .macro U_D insn, rm, ahi, alo, rhi, rlo, fcsr
    SET_FCSR \rm
    LI_D    $f2, \ahi, \alo
    \insn   $f0, $f2
    CHECK_D $f0, \rhi, \rlo
    CHECK_FCSR \fcsr
    .endm

    .macro U_S insn, rm, a, r, fcsr
    SET_FCSR \rm
    LI_S    $f2, \a
    \insn   $f0, $f2
    CHECK_S $f0, \r
    CHECK_FCSR \fcsr
    .endm

/* M_S insn, r, s, t, result, fcsr: insn $f0, fr=$f6, fs=$f2, ft=$f4 (single). */
    .macro M_S insn, rm, r, s, t, res, fcsr
    SET_FCSR \rm
    LI_S    $f6, \r
    LI_S    $f2, \s
    LI_S    $f4, \t
    \insn   $f0, $f6, $f2, $f4
    CHECK_S $f0, \res
    CHECK_FCSR \fcsr
    .endm

    TEST_BEGIN
    FPU_ON  1

    /* Exact results: no condition, Cause 0. */
    T_D add.d, RM_RN, 0x3FF00000, 0, 0x40000000, 0, 0x40080000, 0, 0         /* 1 + 2 = 3 */
    T_S mul.s, RM_RN, 0x40000000, 0x40400000, 0x40C00000, 0                  /* 2 * 3 = 6 */

    /* Rounding (IEEE 754 §4.3): 0.1 + 0.2 lies between 0x3FD3333333333333 and ...334,
     * nearer the latter; 1/3 in single between 0x3EAAAAAA and ...AB, nearer the latter. */
    T_D add.d, RM_RN, 0x3FB99999, 0x9999999A, 0x3FC99999, 0x9999999A, 0x3FD33333, 0x33333334, RM_RN | CF(C_I)
    T_D add.d, RM_RZ, 0x3FB99999, 0x9999999A, 0x3FC99999, 0x9999999A, 0x3FD33333, 0x33333333, RM_RZ | CF(C_I)
    T_D add.d, RM_RP, 0x3FB99999, 0x9999999A, 0x3FC99999, 0x9999999A, 0x3FD33333, 0x33333334, RM_RP | CF(C_I)
    T_D add.d, RM_RM, 0x3FB99999, 0x9999999A, 0x3FC99999, 0x9999999A, 0x3FD33333, 0x33333333, RM_RM | CF(C_I)
    T_S div.s, RM_RN, 0x3F800000, 0x40400000, 0x3EAAAAAB, RM_RN | CF(C_I)
    T_S div.s, RM_RZ, 0x3F800000, 0x40400000, 0x3EAAAAAA, RM_RZ | CF(C_I)
    T_S div.s, RM_RP, 0x3F800000, 0x40400000, 0x3EAAAAAB, RM_RP | CF(C_I)
    T_S div.s, RM_RM, 0xBF800000, 0x40400000, 0xBEAAAAAB, RM_RM | CF(C_I)    /* -1/3 */

    /* Signs of exact zero sums (IEEE 754 §6.3): +0, except -0 when rounding toward -inf. */
    T_D sub.d, RM_RN, 0x3FF00000, 0, 0x3FF00000, 0, 0, 0, RM_RN
    T_D sub.d, RM_RM, 0x3FF00000, 0, 0x3FF00000, 0, 0x80000000, 0, RM_RM

    /* Overflow (IEEE 754 §7.4): max * 2 gives inf (RN, RP) or max (RZ; RM for a positive
     * result), with Overflow and Inexact. */
    T_D mul.d, RM_RN, 0x7FEFFFFF, 0xFFFFFFFF, 0x40000000, 0, 0x7FF00000, 0, RM_RN | CF(C_O | C_I)
    T_D mul.d, RM_RZ, 0x7FEFFFFF, 0xFFFFFFFF, 0x40000000, 0, 0x7FEFFFFF, 0xFFFFFFFF, RM_RZ | CF(C_O | C_I)
    T_D mul.d, RM_RM, 0x7FEFFFFF, 0xFFFFFFFF, 0x40000000, 0, 0x7FEFFFFF, 0xFFFFFFFF, RM_RM | CF(C_O | C_I)
    T_D mul.d, RM_RP, 0x7FEFFFFF, 0xFFFFFFFF, 0x40000000, 0, 0x7FF00000, 0, RM_RP | CF(C_O | C_I)
    T_S add.s, RM_RN, 0x7F7FFFFF, 0x7F7FFFFF, 0x7F800000, RM_RN | CF(C_O | C_I)

    /* Underflow (IEEE 754 §7.5; MIPS: tininess after rounding, loss of accuracy = inexact):
     * an exact denormal result signals nothing while Underflow is disabled; a tiny inexact
     * one signals Underflow and Inexact. */
    T_D mul.d, RM_RN, 0x00100000, 0, 0x3FE00000, 0, 0x00080000, 0, RM_RN
    T_D mul.d, RM_RN, 0x00100000, 0, 0x3FD55555, 0x55555555, 0x00055555, 0x55555555, RM_RN | CF(C_U | C_I)
    T_S mul.s, RM_RN, 0x00800000, 0x3EAAAAAB, 0x002AAAAB, RM_RN | CF(C_U | C_I)

    /* Division by zero (§7.3) and invalid operations (§7.2) with their default results. */
    T_D div.d, RM_RN, 0x3FF00000, 0, 0, 0, 0x7FF00000, 0, RM_RN | CF(C_Z)
    T_D div.d, RM_RN, 0xBFF00000, 0, 0, 0, 0xFFF00000, 0, RM_RN | CF(C_Z)
    T_D div.d, RM_RN, 0, 0, 0x80000000, 0, 0x7FF80000, 0, RM_RN | CF(C_V)    /* 0/0 */
    T_D sub.d, RM_RN, 0x7FF00000, 0, 0x7FF00000, 0, 0x7FF80000, 0, RM_RN | CF(C_V)
    T_S mul.s, RM_RN, 0x00000000, 0xFF800000, 0x7FC00000, RM_RN | CF(C_V)    /* 0 * -inf */
    T_S div.s, RM_RN, 0x7F800000, 0xFF800000, 0x7FC00000, RM_RN | CF(C_V)

    /* Square root: correctly rounded; sqrt(-0) = -0; sqrt of a negative is invalid. */
    U_D sqrt.d, RM_RN, 0x40000000, 0, 0x3FF6A09E, 0x667F3BCD, RM_RN | CF(C_I)
    U_D sqrt.d, RM_RN, 0x80000000, 0, 0x80000000, 0, RM_RN
    U_S sqrt.s, RM_RN, 0xBF800000, 0x7FC00000, RM_RN | CF(C_V)
    U_S sqrt.s, RM_RN, 0x40800000, 0x40000000, RM_RN

    /* NaN operands (NaN-2008): a signaling NaN signals Invalid and comes out quiet (payload
     * kept); it wins over a quiet NaN; otherwise the first quiet NaN (fs before ft) passes
     * through without a condition. */
    T_S add.s, RM_RN, 0x7F800001, 0x3F800000, 0x7FC00001, RM_RN | CF(C_V)
    T_S add.s, RM_RN, 0x7FC12345, 0xFF800123, 0xFFC00123, RM_RN | CF(C_V)
    T_S mul.s, RM_RN, 0x7FC12345, 0xFFC00001, 0x7FC12345, RM_RN
    T_D sub.d, RM_RN, 0x3FF00000, 0, 0xFFF80000, 1, 0xFFF80000, 1, RM_RN
    U_D sqrt.d, RM_RN, 0x7FF00000, 5, 0x7FF80000, 5, RM_RN | CF(C_V)

    /* ABS, NEG, MOV with FCSR.ABS2008 = 1 are non-arithmetic (MD00086 ABS.fmt, NEG.fmt):
     * only the sign bit changes, a signaling NaN stays signaling, no condition, and the
     * FCSR keeps its Cause from the previous instruction. */
    U_S abs.s, RM_RN | C_I, 0xFF800001, 0x7F800001, RM_RN | C_I
    U_S neg.s, RM_RZ, 0x7F800001, 0xFF800001, RM_RZ
    U_D neg.d, RM_RN, 0, 0, 0x80000000, 0, RM_RN
    U_D abs.d, RM_RN, 0xFFF80000, 1, 0x7FF80000, 1, RM_RN
    U_D mov.d, RM_RN, 0x7FF00000, 1, 0x7FF00000, 1, RM_RN

    /* RECIP and RSQRT: exact cases (the model computes 1/x and 1/sqrt(x) with IEEE rounding;
     * MD00086 allows hardware to be less accurate, so only exact results are checked). */
    U_D recip.d, RM_RN, 0x40100000, 0, 0x3FD00000, 0, RM_RN
    U_S rsqrt.s, RM_RN, 0x40800000, 0x3F000000, RM_RN
    U_S recip.s, RM_RN, 0x80000000, 0xFF800000, RM_RN | CF(C_Z)

    /* Multiply-add: fd = fs*ft + fr etc., NMADD/NMSUB negated. */
    M_S madd.s, RM_RN, 0x3F800000, 0x40000000, 0x40400000, 0x40E00000, RM_RN    /* 2*3+1 = 7 */
    M_S msub.s, RM_RN, 0x3F800000, 0x40000000, 0x40400000, 0x40A00000, RM_RN    /* 2*3-1 = 5 */
    M_S nmadd.s, RM_RN, 0x3F800000, 0x40000000, 0x40400000, 0xC0E00000, RM_RN   /* -7 */
    M_S nmsub.s, RM_RN, 0x3F800000, 0x40000000, 0x40400000, 0xC0A00000, RM_RN   /* -5 */
    /* Not fused before Release 6 (MD00086 MADD.fmt: "the intermediate product is rounded"):
     * (1 + 2^-13)(1 - 2^-13) = 1 - 2^-26 rounds to 1.0, so the MSUB result is +0 with
     * Inexact; a fused operation would give -2^-26 (0xB2800000). */
    M_S msub.s, RM_RN, 0x3F800000, 0x3F800400, 0x3F7FF800, 0x00000000, RM_RN | CF(C_I)
    SET_FCSR RM_RN
    LI_D    $f6, 0x3FF00000, 0
    LI_D    $f2, 0x40000000, 0
    LI_D    $f4, 0x40080000, 0
    nmadd.d $f0, $f6, $f2, $f4
    CHECK_D $f0, 0xC01C0000, 0                                 /* -(2*3+1) */
    CHECK_FCSR RM_RN

    /* Flags are sticky, Cause is per instruction. */
    SET_FCSR RM_RN
    LI_S    $f2, 0x3F800000
    LI_S    $f4, 0x40400000
    div.s   $f0, $f2, $f4                                     /* Inexact */
    add.s   $f0, $f2, $f2                                     /* exact */
    CHECK_FCSR RM_RN | F_I

    /* FS = 1 (MD00082 FCSR.FS; decisions in sim/cpu/fpu_ieee.c): a denormal operand reads
     * as zero; a tiny result becomes zero, or the smallest normal number when rounding away
     * from zero (RP positive, RM negative), with Underflow and Inexact. */
#define FS 0x01000000
    T_D add.d, RM_RN | FS, 0, 1, 0, 0, 0, 0, RM_RN | FS
    T_S add.s, RM_RN | FS, 0x80400000, 0x3F800000, 0x3F800000, RM_RN | FS
    T_D mul.d, RM_RN | FS, 0x00100000, 0, 0x3FE00000, 0, 0, 0, RM_RN | FS | CF(C_U | C_I)
    T_D mul.d, RM_RZ | FS, 0x00100000, 0, 0x3FE00000, 0, 0, 0, RM_RZ | FS | CF(C_U | C_I)
    T_D mul.d, RM_RP | FS, 0x00100000, 0, 0x3FE00000, 0, 0x00100000, 0, RM_RP | FS | CF(C_U | C_I)
    T_D mul.d, RM_RM | FS, 0x80100000, 0, 0x3FE00000, 0, 0x80100000, 0, RM_RM | FS | CF(C_U | C_I)
    T_D mul.d, RM_RP | FS, 0x80100000, 0, 0x3FE00000, 0, 0x80000000, 0, RM_RP | FS | CF(C_U | C_I)
    T_S mul.s, RM_RN | FS, 0x00800000, 0x3F000000, 0x00000000, RM_RN | FS | CF(C_U | C_I)

    TEST_EXIT
