/*
 * FPU compares and everything that reads the condition codes (MD00086): C.cond.fmt,
 * BC1F/BC1T/BC1FL/BC1TL, MOVF/MOVT (GPR), MOVF.fmt/MOVT.fmt, MOVZ.fmt/MOVN.fmt.
 * The eight condition codes are FCSR bits 23 (FCC0) and 25-31 (FCC1-7); FCCR is a view.
 */
#include "exec_branch.h"
#include "exec_fpu.h"

/* C.cond.fmt (MD00086 C.cond.fmt, Table "FPU Comparisons Without Special Operand
 * Exceptions"): cond bit 0 selects "unordered", bit 1 "equal", bit 2 "less than"; bit 3 makes
 * the predicate signaling, so a quiet NaN operand also signals Invalid (F..NGT, 16 in all).
 * With Invalid enabled the exception is taken and the condition code is left unchanged. */
void fpu_exec_compare(struct cpu *c, uint32_t w, unsigned fmt)
{
    unsigned cond = w & 15, cc = (w >> 8) & 7;
    unsigned fs = FPU_FS(w), ft = FPU_FT(w);
    if ((fmt != FMT_S && fmt != FMT_D) || (w & 0xC0u)) {
        cpu_exception(c, EXCCODE_RI);
        return;
    }
    if (!fpu_reg_ok(c, fmt, fs) || !fpu_reg_ok(c, fmt, ft))
        return;
    unsigned rel;
    unsigned cause = ieee_compare(fmt, fpr_get(c, fmt, fs), fpr_get(c, fmt, ft), c->fpu.fcsr, &rel);
    if ((cond & 8) && (rel & REL_UN))
        cause |= FPX_V;
    bool v = ((rel & REL_UN) && (cond & 1)) || ((rel & REL_EQ) && (cond & 2)) ||
             ((rel & REL_LT) && (cond & 4));
    if (fpu_commit(c, cause))
        fcc_set(c, cc, v);
}

/* BC1F/BC1T/BC1FL/BC1TL (rt field: cc 4:2, nd 1, tf 0), with the core's delay-slot rules. */
void fpu_exec_bc1(struct cpu *c, uint32_t w)
{
    bool tf = (w >> 16) & 1, likely = (w >> 17) & 1;
    exec_cond_branch(c, w, fcc_get(c, FPU_CC(w)) == tf, likely);
}

/* MOVF.fmt/MOVT.fmt (function 0x11), MOVZ.fmt (0x12), MOVN.fmt (0x13): non-arithmetic, so
 * no FCSR update and no exception from the value (MD00086). */
void fpu_exec_condmove(struct cpu *c, uint32_t w, unsigned fmt)
{
    unsigned fs = FPU_FS(w), fd = FPU_FD(w), funct = INSN_FUNCT(w);
    bool move;
    if (fmt != FMT_S && fmt != FMT_D) {
        cpu_exception(c, EXCCODE_RI);
        return;
    }
    if (funct == 0x11) {
        if (w & (1u << 17)) {
            cpu_exception(c, EXCCODE_RI);
            return;
        }
        move = fcc_get(c, FPU_CC(w)) == ((w >> 16) & 1);
    } else {
        uint32_t rt = c->r[FPU_FT(w)];
        move = funct == 0x12 ? rt == 0 : rt != 0;
    }
    if (!fpu_reg_ok(c, fmt, fs) || !fpu_reg_ok(c, fmt, fd))
        return;
    if (move)
        fpr_set(c, fmt, fd, fpr_get(c, fmt, fs));
}

/* MOVF/MOVT rd, rs, cc (SPECIAL MOVCI): a GPR move on an FPU condition; CP1 must be usable. */
void fpu_exec_movci(struct cpu *c, uint32_t w)
{
    if (!fpu_usable(c))
        return; /* Coprocessor Unusable first, as for every CP1 encoding */
    if (w & ((1u << 17) | 0x7C0u)) {
        cpu_exception(c, EXCCODE_RI);
        return;
    }
    if (fcc_get(c, FPU_CC(w)) == ((w >> 16) & 1))
        RD(w) = RS(w);
}
