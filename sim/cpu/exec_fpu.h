/*
 * Internal interface of the FPU files (fpu_*.c): register-file access in both Status.FR
 * modes, the FCSR update rule, and the IEEE 754 primitives of fpu_ieee.c.
 *
 * Register model (MD00082 "FPU Register Models"; MD00086, the FR notes of each page): with
 * FR=1 there are 32 64-bit registers; with FR=0, 32 32-bit registers, and a 64-bit value
 * (D, L) lives in an even/odd pair, the low word in the even register.  fpr[n]'s low word is
 * 32-bit register n in both modes, so single-precision values are where either mode expects
 * them.  A 64-bit operand in an odd register with FR=0 is UNPREDICTABLE (MD00086,
 * "Restrictions" of each .D/.L instruction); this core raises Reserved Instruction, as QEMU
 * does.
 */
#ifndef SIM_EXEC_FPU_H
#define SIM_EXEC_FPU_H

#include "cpu_internal.h"
#include "fpu.h"
#include "vz.h"

/* COP1 fmt field (MD00086 Table A.12). */
enum fpu_fmt { FMT_S = 16, FMT_D = 17, FMT_W = 20, FMT_L = 21, FMT_PS = 22 };

#define FPU_FT(w) (((w) >> 16) & 31)
#define FPU_FS(w) (((w) >> 11) & 31)
#define FPU_FD(w) (((w) >> 6) & 31)
#define FPU_FR(w) (((w) >> 21) & 31)
#define FPU_CC(w) (((w) >> 18) & 7) /* BC1, MOVCI, MOVF.fmt */

static inline bool fmt_is64(unsigned fmt)
{
    return fmt == FMT_D || fmt == FMT_L;
}

/* Status.CU1 gates every CP1 instruction (MD00086 "Coprocessor Unusable" in each page); in
 * VZ guest mode the guest's CU1 first (guest CpU), then root's (a root CpU exit for lazy FPU
 * switching, mips-vz.md §5.8): vz_cop_usable. */
static inline bool fpu_usable(struct cpu *c)
{
    return vz_cop_usable(c, 1);
}

static inline bool fpu_fr1(const struct cpu *c)
{
    return (cp0_status(c) & STATUS_FR) != 0;
}

/* A register operand of a 64-bit format: odd numbers are refused with FR=0 (see above). */
static inline bool fpu_reg_ok(struct cpu *c, unsigned fmt, unsigned r)
{
    if (!fmt_is64(fmt) || fpu_fr1(c) || !(r & 1))
        return true;
    cpu_exception(c, EXCCODE_RI);
    return false;
}

static inline uint32_t fpr_get32(const struct cpu *c, unsigned r)
{
    return (uint32_t)c->fpu.fpr[r];
}

/* A 32-bit write leaves the other half of a 64-bit register as it was (MD00086 calls it
 * UNPREDICTABLE with FR=1; keeping it is what QEMU does too). */
static inline void fpr_set32(struct cpu *c, unsigned r, uint32_t v)
{
    c->fpu.fpr[r] = (c->fpu.fpr[r] & 0xFFFFFFFF00000000ull) | v;
}

static inline uint64_t fpr_get64(const struct cpu *c, unsigned r)
{
    if (fpu_fr1(c))
        return c->fpu.fpr[r];
    return ((uint64_t)(uint32_t)c->fpu.fpr[r | 1] << 32) | (uint32_t)c->fpu.fpr[r & ~1u];
}

static inline void fpr_set64(struct cpu *c, unsigned r, uint64_t v)
{
    if (fpu_fr1(c)) {
        c->fpu.fpr[r] = v;
        return;
    }
    fpr_set32(c, r & ~1u, (uint32_t)v);
    fpr_set32(c, r | 1, (uint32_t)(v >> 32));
}

static inline uint64_t fpr_get(const struct cpu *c, unsigned fmt, unsigned r)
{
    return fmt_is64(fmt) ? fpr_get64(c, r) : fpr_get32(c, r);
}

static inline void fpr_set(struct cpu *c, unsigned fmt, unsigned r, uint64_t v)
{
    if (fmt_is64(fmt))
        fpr_set64(c, r, v);
    else
        fpr_set32(c, r, (uint32_t)v);
}

static inline bool fcc_get(const struct cpu *c, unsigned cc)
{
    uint32_t bit = cc ? 1u << (24 + cc) : FCSR_FCC0;
    return (c->fpu.fcsr & bit) != 0;
}

static inline void fcc_set(struct cpu *c, unsigned cc, bool v)
{
    uint32_t bit = cc ? 1u << (24 + cc) : FCSR_FCC0;
    c->fpu.fcsr = v ? (c->fpu.fcsr | bit) : (c->fpu.fcsr & ~bit);
}

/* The end of every arithmetic instruction (MD00082 "FPU exceptions"; MIPS R4000 User's
 * Manual §7: "If the corresponding Enable bit is set, the Flag bit is not set"):
 * Cause := the conditions that occurred.  If one of them is enabled (E always is), the
 * Floating-Point exception is taken, the destination and the Flags stay unchanged, and
 * false is returned; otherwise the Flags accumulate them and the caller writes its result.
 * An instruction that raises an enabled and a disabled condition (Overflow enabled, with
 * Inexact) sets no Flag at all, as it does not complete (QEMU agrees; Linux's emulator sets
 * the Flags too - the documents do not settle the mixed case). */
bool fpu_commit(struct cpu *c, unsigned cause);

/* fpu_ieee.c: IEEE 754 operations on raw encodings of fmt S or D.  Each returns the cause
 * bits (FPX_*) and stores the default (untrapped) result; `fcsr` gives RM, FS and Enables. */
enum ieee_op { IEEE_ADD, IEEE_SUB, IEEE_MUL, IEEE_DIV };
unsigned ieee_binop(enum ieee_op op, unsigned fmt, uint64_t a, uint64_t b, uint32_t fcsr,
                    uint64_t *r);
unsigned ieee_sqrt(unsigned fmt, uint64_t a, uint32_t fcsr, uint64_t *r);
/* S <-> D. */
unsigned ieee_cvt_ff(unsigned to, unsigned from, uint64_t a, uint32_t fcsr, uint64_t *r);
/* W/L -> S/D (rounded per FCSR.RM). */
unsigned ieee_cvt_if(unsigned to, unsigned from, uint64_t a, uint32_t fcsr, uint64_t *r);
/* S/D -> W/L with the rounding mode `rm` (CVT uses FCSR.RM, ROUND/TRUNC/CEIL/FLOOR fixed). */
unsigned ieee_cvt_fi(unsigned to, unsigned from, uint64_t a, unsigned rm, uint32_t fcsr,
                     uint64_t *r);
/* Compare: sets *rel to REL_* bits; returns FPX_V for a signaling NaN operand. */
#define REL_UN 1u
#define REL_EQ 2u
#define REL_LT 4u
unsigned ieee_compare(unsigned fmt, uint64_t a, uint64_t b, uint32_t fcsr, unsigned *rel);
bool ieee_is_nan(unsigned fmt, uint64_t a);

/* fpu_arith.c / fpu_cvt.c / fpu_cmp.c: the COP1 function groups (fmt S/D/W/L). */
void fpu_exec_arith(struct cpu *c, uint32_t w, unsigned fmt);    /* add..rsqrt, abs, neg, mov */
void fpu_exec_madd(struct cpu *c, uint32_t w);                   /* COP1X MADD family */
void fpu_exec_cvt(struct cpu *c, uint32_t w, unsigned fmt);      /* cvt/round/trunc/ceil/floor */
void fpu_exec_compare(struct cpu *c, uint32_t w, unsigned fmt);  /* C.cond.fmt */
void fpu_exec_condmove(struct cpu *c, uint32_t w, unsigned fmt); /* MOVF/MOVT/MOVZ/MOVN.fmt */
void fpu_exec_bc1(struct cpu *c, uint32_t w);                    /* BC1F/BC1T/BC1FL/BC1TL */

#endif
