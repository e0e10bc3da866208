/*
 * FPU conversions (MD00086 Table A.14/A.15): CVT.S/D/W/L.fmt and ROUND/TRUNC/CEIL/FLOOR.W/L.fmt.
 * ROUND rounds to nearest-even, TRUNC toward zero, CEIL toward +inf, FLOOR toward -inf,
 * whatever FCSR.RM says; CVT.W/CVT.L and the conversions to S/D use FCSR.RM.  The default
 * results of invalid conversions to integers are NaN-2008's (fpu_ieee.c).
 * The fixed-point formats W and L and the 64-bit conversions are MIPS32 Release 2 features of
 * a 64-bit FPU (FIR.L/W); this core accepts them with FR=0 too, a 64-bit L value then being an
 * even/odd register pair like a D value.
 */
#include "exec_fpu.h"

enum {
    F_ROUND_L = 0x08,
    F_TRUNC_L = 0x09,
    F_CEIL_L = 0x0A,
    F_FLOOR_L = 0x0B,
    F_ROUND_W = 0x0C,
    F_TRUNC_W = 0x0D,
    F_CEIL_W = 0x0E,
    F_FLOOR_W = 0x0F,
    F_CVT_S = 0x20,
    F_CVT_D = 0x21,
    F_CVT_W = 0x24,
    F_CVT_L = 0x25,
};

void fpu_exec_cvt(struct cpu *c, uint32_t w, unsigned fmt)
{
    unsigned fs = FPU_FS(w), fd = FPU_FD(w), funct = INSN_FUNCT(w);
    uint32_t fcsr = c->fpu.fcsr;
    bool from_float = fmt == FMT_S || fmt == FMT_D;
    unsigned to;
    unsigned rm = fcsr & FCSR_RM;
    switch (funct) {
    case F_CVT_S: to = FMT_S; break;
    case F_CVT_D: to = FMT_D; break;
    case F_CVT_W: to = FMT_W; break;
    case F_CVT_L: to = FMT_L; break;
    default:
        if (funct < F_ROUND_L || funct > F_FLOOR_W) {
            cpu_exception(c, EXCCODE_RI);
            return;
        }
        to = funct >= F_ROUND_W ? FMT_W : FMT_L;
        static const unsigned fixed_rm[4] = {FPU_RN, FPU_RZ, FPU_RP, FPU_RM};
        rm = fixed_rm[funct & 3];
        break;
    }
    bool to_float = to == FMT_S || to == FMT_D;
    /* Valid pairs: float -> other float, float -> integer, integer -> float. */
    if (FPU_FT(w) != 0 || to == fmt || (!from_float && !to_float)) {
        cpu_exception(c, EXCCODE_RI);
        return;
    }
    if (!fpu_reg_ok(c, fmt, fs) || !fpu_reg_ok(c, to, fd))
        return;
    uint64_t a = fpr_get(c, fmt, fs), r = 0;
    unsigned cause;
    if (from_float && to_float)
        cause = ieee_cvt_ff(to, fmt, a, fcsr, &r);
    else if (from_float)
        cause = ieee_cvt_fi(to, fmt, a, rm, fcsr, &r);
    else
        cause = ieee_cvt_if(to, fmt, a, fcsr, &r);
    if (fpu_commit(c, cause))
        fpr_set(c, to, fd, r);
}
