/*
 * FPU arithmetic: ADD, SUB, MUL, DIV, SQRT, ABS, MOV, NEG, RECIP, RSQRT (.S/.D, MD00086
 * Table A.14 functions 0-7, 21, 22) and MADD, MSUB, NMADD, NMSUB (.S/.D, COP1X Table A.16).
 * The IEEE work is in fpu_ieee.c; here are operand fetch, the instruction's definition and
 * the FCSR update (fpu_commit).
 */
#include "exec_fpu.h"

enum {
    F_ADD = 0x00,
    F_SUB = 0x01,
    F_MUL = 0x02,
    F_DIV = 0x03,
    F_SQRT = 0x04,
    F_ABS = 0x05,
    F_MOV = 0x06,
    F_NEG = 0x07,
    F_RECIP = 0x15,
    F_RSQRT = 0x16,
};

static uint64_t sign_bit(unsigned fmt)
{
    return fmt == FMT_D ? 0x8000000000000000ull : 0x80000000u;
}

static uint64_t one(unsigned fmt)
{
    return fmt == FMT_D ? 0x3FF0000000000000ull : 0x3F800000u;
}

/* Registers of a three-operand instruction; false (after RI) if one is not valid. */
static bool regs_ok(struct cpu *c, unsigned fmt, unsigned a, unsigned b, unsigned d)
{
    return fpu_reg_ok(c, fmt, a) && fpu_reg_ok(c, fmt, b) && fpu_reg_ok(c, fmt, d);
}

void fpu_exec_arith(struct cpu *c, uint32_t w, unsigned fmt)
{
    unsigned fs = FPU_FS(w), ft = FPU_FT(w), fd = FPU_FD(w), funct = INSN_FUNCT(w);
    uint32_t fcsr = c->fpu.fcsr;
    bool unary = funct >= F_SQRT; /* all but ADD, SUB, MUL, DIV */
    if ((fmt != FMT_S && fmt != FMT_D) || (unary && ft != 0)) {
        cpu_exception(c, EXCCODE_RI);
        return;
    }
    if (!regs_ok(c, fmt, fs, ft, fd))
        return;
    uint64_t a = fpr_get(c, fmt, fs), b = fpr_get(c, fmt, ft), r = 0, t = 0;
    unsigned cause;
    switch (funct) {
    case F_ADD: cause = ieee_binop(IEEE_ADD, fmt, a, b, fcsr, &r); break;
    case F_SUB: cause = ieee_binop(IEEE_SUB, fmt, a, b, fcsr, &r); break;
    case F_MUL: cause = ieee_binop(IEEE_MUL, fmt, a, b, fcsr, &r); break;
    case F_DIV: cause = ieee_binop(IEEE_DIV, fmt, a, b, fcsr, &r); break;
    case F_SQRT: cause = ieee_sqrt(fmt, a, fcsr, &r); break;
    /* With FCSR.ABS2008 = 1, ABS and NEG are non-arithmetic (MD00086 ABS.fmt, NEG.fmt): only
     * the sign bit changes, NaNs included, no exception and no FCSR update; MOV likewise. */
    case F_ABS: fpr_set(c, fmt, fd, a & ~sign_bit(fmt)); return;
    case F_NEG: fpr_set(c, fmt, fd, a ^ sign_bit(fmt)); return;
    case F_MOV: fpr_set(c, fmt, fd, a); return;
    /* RECIP and RSQRT may be up to 1 ULP off on hardware (MD00086 RECIP.fmt: "the numeric
     * accuracy of this operation is implementation dependent").  This model gives the
     * correctly rounded 1/x, and 1/sqrt(x) as a rounded square root then a rounded division,
     * with the conditions of both steps. */
    case F_RECIP: cause = ieee_binop(IEEE_DIV, fmt, one(fmt), a, fcsr, &r); break;
    case F_RSQRT:
        cause = ieee_sqrt(fmt, a, fcsr, &t);
        cause |= ieee_binop(IEEE_DIV, fmt, one(fmt), t, fcsr, &r);
        break;
    default: cpu_exception(c, EXCCODE_RI); return;
    }
    if (fpu_commit(c, cause))
        fpr_set(c, fmt, fd, r);
}

/* MADD/MSUB/NMADD/NMSUB.fmt fd, fr, fs, ft (MD00086): before Release 6 these are not fused.
 * "The value in FPR fs is multiplied by the value in FPR ft to produce an intermediate
 * product.  The intermediate product is rounded according to the current rounding mode",
 * then fr is added (subtracted) and the sum rounded; NMADD/NMSUB negate the rounded result.
 * So the conditions are those of a MUL followed by an ADD/SUB, and NaNs propagate as in
 * those two steps (a NaN product before fr). */
void fpu_exec_madd(struct cpu *c, uint32_t w)
{
    unsigned fr = FPU_FR(w), ft = FPU_FT(w), fs = FPU_FS(w), fd = FPU_FD(w);
    unsigned op4 = (w >> 3) & 7, fmt3 = w & 7;
    unsigned fmt = fmt3 == 0 ? FMT_S : FMT_D;
    if (op4 < 4 || fmt3 > 1) { /* fmt3 6 (PS) and the reserved encodings */
        cpu_exception(c, EXCCODE_RI);
        return;
    }
    if (!regs_ok(c, fmt, fr, fs, ft) || !fpu_reg_ok(c, fmt, fd))
        return;
    uint32_t fcsr = c->fpu.fcsr;
    uint64_t p, r;
    bool sub = op4 & 1, neg = op4 & 2;
    unsigned cause = ieee_binop(IEEE_MUL, fmt, fpr_get(c, fmt, fs), fpr_get(c, fmt, ft), fcsr, &p);
    cause |= ieee_binop(sub ? IEEE_SUB : IEEE_ADD, fmt, p, fpr_get(c, fmt, fr), fcsr, &r);
    if (neg)
        r ^= sign_bit(fmt);
    if (fpu_commit(c, cause))
        fpr_set(c, fmt, fd, r);
}
