/*
 * IEEE 754 arithmetic for the FPU model, on raw single (S) and double (D) encodings.
 *
 * How results stay exact and deterministic: every rounding operation runs as one host SSE2
 * instruction (x86-64 SSE arithmetic is IEEE 754 binary32/binary64 with tininess detected
 * after rounding, which is also what the MIPS architecture requires: MIPS R4000 User's Manual
 * §7.4 "Underflow", MIPSpro Assembly Language Programmer's Guide ch. 6).  The instruction is
 * wrapped in one asm statement that saves MXCSR, loads the rounding mode with every exception
 * masked, runs the operation, reads the sticky flags and restores the host's MXCSR, so the
 * compiler can neither move nor fold it and the host state is never disturbed.  Everything
 * MIPS-specific is done here in C instead of by the host:
 * - NaN operands (MD00082 "NaN-2008"): with FCSR.NAN2008 = 1 the quiet bit is the fraction's
 *   MSB.  A signaling NaN operand signals Invalid; the result is the first signaling NaN
 *   operand made quiet, else the first quiet NaN operand, in operand order (fs, ft).
 * - The default NaN for an invalid operation is the positive quiet NaN 0x7FC00000 /
 *   0x7FF8000000000000 (NaN-2008), not the host's negative "indefinite".
 * - FCSR.FS = 1 (flush to zero, MD00082 FCSR.FS): denormal operands are read as zero of the
 *   same sign, and tiny results are replaced, with Underflow and Inexact, by zero, or by the
 *   smallest normal number when rounding away from zero (RP for positive, RM for negative
 *   results): "Programming the MIPS32 74K Core Family" §6.4.1 says a flushed tiny result can
 *   only be nonzero in the RP and RM modes.  QEMU always flushes to zero.
 * - Underflow when its trap is enabled is signaled on tininess alone, also for exact results
 *   (IEEE 754-2008 §7.5); the host, with the trap masked, reports only tiny and inexact.
 * - Float to integer conversions with NaN-2008 (MD00086 CVT.W.fmt): an invalid conversion
 *   gives 0 for a NaN, the largest integer for +inf and large positive values, the smallest
 *   for -inf and large negative values; Invalid only (no Inexact).
 */
#include <string.h>

#include "exec_fpu.h"

#if !defined(__x86_64__) || !defined(__SSE2__)
#error "fpu_ieee.c computes with SSE2: build the simulator on an x86-64 host"
#endif

/* MXCSR: exception flags 5:0 (IE DE ZE OE UE PE), all masks 12:7, RC 14:13, FTZ 15. */
#define MXCSR_MASKS 0x1F80u
#define MXCSR_FTZ   0x8000u

static unsigned mxcsr_for(unsigned rm, bool ftz)
{
    /* MIPS RM: 0 nearest, 1 toward zero, 2 toward +inf, 3 toward -inf.
     * x86 RC:  0 nearest, 3 toward zero, 2 toward +inf, 1 toward -inf. */
    static const unsigned rc[4] = {0, 3, 2, 1};
    return MXCSR_MASKS | (rc[rm & 3] << 13) | (ftz ? MXCSR_FTZ : 0);
}

/* x86 flags to MIPS cause bits (the denormal-operand flag has no MIPS counterpart). */
static unsigned flags_of(unsigned mx)
{
    unsigned x = 0;
    if (mx & 0x01)
        x |= FPX_V;
    if (mx & 0x04)
        x |= FPX_Z;
    if (mx & 0x08)
        x |= FPX_O;
    if (mx & 0x10)
        x |= FPX_U;
    if (mx & 0x20)
        x |= FPX_I;
    return x;
}

/* One host instruction between saving and restoring MXCSR.  A is read and written, B read. */
#define HOST_OP(insn, a, b, csr, out)                                                              \
    do {                                                                                           \
        unsigned saved_, in_ = (csr);                                                              \
        __asm__ volatile("stmxcsr %[sv]\n\tldmxcsr %[in]\n\t" insn " %[bb], %[aa]\n\t"             \
                         "stmxcsr %[o]\n\tldmxcsr %[sv]"                                           \
                         : [aa] "+x"(a), [sv] "+m"(saved_), [o] "=m"(out)                          \
                         : [bb] "x"(b), [in] "m"(in_));                                            \
    } while (0)

/* The same for conversions whose operands live in different register kinds. */
#define HOST_CVT(insn, dst, dcons, src, scons, csr, out)                                           \
    do {                                                                                           \
        unsigned saved_, in_ = (csr);                                                              \
        __asm__ volatile("stmxcsr %[sv]\n\tldmxcsr %[in]\n\t" insn " %[s], %[d]\n\t"               \
                         "stmxcsr %[o]\n\tldmxcsr %[sv]"                                           \
                         : [d] dcons(dst), [sv] "+m"(saved_), [o] "=m"(out)                        \
                         : [s] scons(src), [in] "m"(in_));                                         \
    } while (0)

static float f32(uint64_t bits)
{
    float f;
    uint32_t b = (uint32_t)bits;
    memcpy(&f, &b, 4);
    return f;
}

static uint64_t bits32(float f)
{
    uint32_t b;
    memcpy(&b, &f, 4);
    return b;
}

static double f64(uint64_t bits)
{
    double d;
    memcpy(&d, &bits, 8);
    return d;
}

static uint64_t bits64(double d)
{
    uint64_t b;
    memcpy(&b, &d, 8);
    return b;
}

/* Encoding parameters of S and D. */
struct fdesc {
    uint64_t sign, expmask, fracmask, quiet, defnan, minnorm;
};
static const struct fdesc DS = {0x80000000u, 0x7F800000u, 0x007FFFFFu,
                                0x00400000u, 0x7FC00000u, 0x00800000u};
static const struct fdesc DD = {0x8000000000000000ull, 0x7FF0000000000000ull,
                                0x000FFFFFFFFFFFFFull, 0x0008000000000000ull,
                                0x7FF8000000000000ull, 0x0010000000000000ull};

static const struct fdesc *desc(unsigned fmt)
{
    return fmt == FMT_D ? &DD : &DS;
}

static bool is_nan(const struct fdesc *d, uint64_t a)
{
    return (a & d->expmask) == d->expmask && (a & d->fracmask);
}

static bool is_snan(const struct fdesc *d, uint64_t a)
{
    return is_nan(d, a) && !(a & d->quiet);
}

static bool is_denormal(const struct fdesc *d, uint64_t a)
{
    return !(a & d->expmask) && (a & d->fracmask);
}

bool ieee_is_nan(unsigned fmt, uint64_t a)
{
    return is_nan(desc(fmt), a);
}

/* NaN operands: returns true and sets *r / *cause when one of the n operands is a NaN. */
static bool nan_operands(const struct fdesc *d, const uint64_t *ops, unsigned n, uint64_t *r,
                         unsigned *cause)
{
    for (unsigned i = 0; i < n; i++)
        if (is_snan(d, ops[i])) {
            *r = ops[i] | d->quiet;
            *cause = FPX_V;
            return true;
        }
    for (unsigned i = 0; i < n; i++)
        if (is_nan(d, ops[i])) {
            *r = ops[i];
            *cause = 0;
            return true;
        }
    return false;
}

static bool fs_on(uint32_t fcsr)
{
    return (fcsr & FCSR_FS) != 0;
}

/* FS=1: a denormal operand reads as a zero of its sign. */
static uint64_t flush_in(const struct fdesc *d, uint64_t a, uint32_t fcsr)
{
    return (fs_on(fcsr) && is_denormal(d, a)) ? (a & d->sign) : a;
}

/* Post-processing shared by every rounding operation: MIPS default NaN, FS replacement of
 * flushed results, Underflow on exact tiny results when the Underflow trap is enabled. */
static unsigned finish(const struct fdesc *d, unsigned mx, uint32_t fcsr, uint64_t *r)
{
    unsigned cause = flags_of(mx);
    if ((cause & FPX_V) && is_nan(d, *r))
        *r = d->defnan;
    if (fs_on(fcsr)) {
        if ((cause & FPX_U) && !(*r & ~d->sign)) {
            unsigned rm = fcsr & FCSR_RM;
            bool neg = (*r & d->sign) != 0;
            if ((rm == FPU_RP && !neg) || (rm == FPU_RM && neg))
                *r |= d->minnorm;
        }
    } else if (is_denormal(d, *r) && (fcsr & (FPX_U << FCSR_ENABLES_SHIFT))) {
        cause |= FPX_U;
    }
    return cause;
}

unsigned ieee_binop(enum ieee_op op, unsigned fmt, uint64_t a, uint64_t b, uint32_t fcsr,
                    uint64_t *r)
{
    const struct fdesc *d = desc(fmt);
    uint64_t ops[2] = {a, b};
    unsigned cause, mx = 0;
    if (nan_operands(d, ops, 2, r, &cause))
        return cause;
    a = flush_in(d, a, fcsr);
    b = flush_in(d, b, fcsr);
    unsigned csr = mxcsr_for(fcsr & FCSR_RM, fs_on(fcsr));
    if (fmt == FMT_D) {
        double x = f64(a), y = f64(b);
        switch (op) {
        case IEEE_ADD: HOST_OP("addsd", x, y, csr, mx); break;
        case IEEE_SUB: HOST_OP("subsd", x, y, csr, mx); break;
        case IEEE_MUL: HOST_OP("mulsd", x, y, csr, mx); break;
        case IEEE_DIV: HOST_OP("divsd", x, y, csr, mx); break;
        }
        *r = bits64(x);
    } else {
        float x = f32(a), y = f32(b);
        switch (op) {
        case IEEE_ADD: HOST_OP("addss", x, y, csr, mx); break;
        case IEEE_SUB: HOST_OP("subss", x, y, csr, mx); break;
        case IEEE_MUL: HOST_OP("mulss", x, y, csr, mx); break;
        case IEEE_DIV: HOST_OP("divss", x, y, csr, mx); break;
        }
        *r = bits32(x);
    }
    return finish(d, mx, fcsr, r);
}

unsigned ieee_sqrt(unsigned fmt, uint64_t a, uint32_t fcsr, uint64_t *r)
{
    const struct fdesc *d = desc(fmt);
    unsigned cause, mx = 0;
    if (nan_operands(d, &a, 1, r, &cause))
        return cause;
    a = flush_in(d, a, fcsr);
    unsigned csr = mxcsr_for(fcsr & FCSR_RM, fs_on(fcsr));
    if (fmt == FMT_D) {
        double x = f64(a), y = x;
        HOST_OP("sqrtsd", x, y, csr, mx);
        *r = bits64(x);
    } else {
        float x = f32(a), y = x;
        HOST_OP("sqrtss", x, y, csr, mx);
        *r = bits32(x);
    }
    return finish(d, mx, fcsr, r);
}

unsigned ieee_cvt_ff(unsigned to, unsigned from, uint64_t a, uint32_t fcsr, uint64_t *r)
{
    const struct fdesc *ds = desc(from), *dd = desc(to);
    unsigned mx = 0;
    if (is_nan(ds, a)) {
        /* The payload keeps its most-significant bits (IEEE 754-2008 §6.2.3); a signaling
         * NaN is made quiet and signals Invalid. */
        unsigned cause = is_snan(ds, a) ? FPX_V : 0;
        uint64_t sign = (a & ds->sign) ? dd->sign : 0;
        uint64_t frac = from == FMT_S ? (a & ds->fracmask) << 29 : (a & ds->fracmask) >> 29;
        *r = sign | dd->expmask | dd->quiet | frac;
        return cause;
    }
    a = flush_in(ds, a, fcsr);
    unsigned csr = mxcsr_for(fcsr & FCSR_RM, fs_on(fcsr));
    if (to == FMT_D) {
        double x = 0;
        float y = f32(a);
        HOST_CVT("cvtss2sd", x, "+x", y, "x", csr, mx);
        *r = bits64(x);
    } else {
        float x = 0;
        double y = f64(a);
        HOST_CVT("cvtsd2ss", x, "+x", y, "x", csr, mx);
        *r = bits32(x);
    }
    return finish(dd, mx, fcsr, r);
}

unsigned ieee_cvt_if(unsigned to, unsigned from, uint64_t a, uint32_t fcsr, uint64_t *r)
{
    unsigned mx = 0;
    unsigned csr = mxcsr_for(fcsr & FCSR_RM, false);
    int64_t l = from == FMT_L ? (int64_t)a : (int64_t)(int32_t)(uint32_t)a;
    if (to == FMT_D) {
        double x = 0;
        HOST_CVT("cvtsi2sdq", x, "+x", l, "r", csr, mx);
        *r = bits64(x);
    } else {
        float x = 0;
        HOST_CVT("cvtsi2ssq", x, "+x", l, "r", csr, mx);
        *r = bits32(x);
    }
    return flags_of(mx); /* integers are never tiny: no FS or Underflow handling */
}

unsigned ieee_cvt_fi(unsigned to, unsigned from, uint64_t a, unsigned rm, uint32_t fcsr,
                     uint64_t *r)
{
    const struct fdesc *d = desc(from);
    unsigned mx = 0;
    bool neg = (a & d->sign) != 0;
    if (is_nan(d, a)) {
        *r = 0;
        return FPX_V;
    }
    a = flush_in(d, a, fcsr);
    unsigned csr = mxcsr_for(rm, false);
    int64_t v = 0;
    if (to == FMT_L) {
        if (from == FMT_D) {
            double y = f64(a);
            HOST_CVT("cvtsd2siq", v, "=r", y, "x", csr, mx);
        } else {
            float y = f32(a);
            HOST_CVT("cvtss2siq", v, "=r", y, "x", csr, mx);
        }
        *r = (uint64_t)v;
        if (mx & 0x01)
            *r = neg ? 0x8000000000000000ull : 0x7FFFFFFFFFFFFFFFull;
    } else {
        int32_t v32 = 0;
        if (from == FMT_D) {
            double y = f64(a);
            HOST_CVT("cvtsd2si", v32, "=r", y, "x", csr, mx);
        } else {
            float y = f32(a);
            HOST_CVT("cvtss2si", v32, "=r", y, "x", csr, mx);
        }
        *r = (uint32_t)v32;
        if (mx & 0x01)
            *r = neg ? 0x80000000u : 0x7FFFFFFFu;
    }
    (void)v;
    return (mx & 0x01) ? FPX_V : flags_of(mx);
}

unsigned ieee_compare(unsigned fmt, uint64_t a, uint64_t b, uint32_t fcsr, unsigned *rel)
{
    const struct fdesc *d = desc(fmt);
    if (is_nan(d, a) || is_nan(d, b)) {
        *rel = REL_UN;
        return (is_snan(d, a) || is_snan(d, b)) ? FPX_V : 0;
    }
    a = flush_in(d, a, fcsr);
    b = flush_in(d, b, fcsr);
    /* Ordered values: compare sign-magnitude encodings; +0 == -0. */
    uint64_t ma = a & ~d->sign, mb = b & ~d->sign;
    bool na = (a & d->sign) != 0, nb = (b & d->sign) != 0;
    if (ma == 0 && mb == 0) {
        *rel = REL_EQ;
    } else if (na != nb) {
        *rel = na ? REL_LT : 0;
    } else if (ma == mb) {
        *rel = REL_EQ;
    } else {
        bool less = na ? ma > mb : ma < mb;
        *rel = less ? REL_LT : 0;
    }
    return 0;
}
