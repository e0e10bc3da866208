/*
 * FPU state, control registers, moves, loads/stores and the COP1/COP1X dispatch.
 * MIPS32 Instruction Set (MD00086): CFC1, CTC1, MFC1, MTC1, MFHC1, MTHC1, LWC1, LDC1, SWC1,
 * SDC1, LWXC1, LDXC1, LUXC1, SWXC1, SDXC1, SUXC1, PREFX; opcode maps Tables A.12-A.16.
 * MIPS32 Architecture Vol. I-A (MD00082) ch. "FPU registers": FIR, FCCR, FEXR, FENR, FCSR.
 *
 * FIR of the M5150 (decision): F64 (64-bit registers; Status.FR=1 is what tinyVP uses on the
 * silicon, mips-vz.md §6), L and W (the fixed-point formats of MIPS32 Release 2 with a
 * 64-bit FPU), D and S, Has2008 (see NaN-2008 below); no PS and no 3D: no source announces
 * paired single for the M51xx, GCC's -march=m5100 never emits it, and QEMU's MIPS32r5 model
 * reads FIR = 0x30F30300 under qemu-mipsel -cpu P5600 (S, D, W, L, F64, Has2008, no PS);
 * no UFRP/FREP (Config5.UFR/FRE are not announced by cp0.c).  ProcessorID and Revision
 * repeat PRId's, as QEMU's 24Kf/34Kf models do with theirs.
 * NaN-2008: FCSR.NAN2008 and ABS2008 read 1 and cannot be written.  GCC 12 with
 * -march=m5100 emits `.nan 2008` (ELF flag EF_MIPS_NAN2008) unasked, which it does for no
 * other MIPS32r2/r5 core (toolchain.md); QEMU's P5600 hard-wires both bits (its FCSR reads
 * 0x000C0000 after reset); Linux's cpu-probe.c ("Determine the presence of IEEE Std
 * 754-2008 features") allows for either bit being hard-wired.
 */
#include <string.h>

#include "exec_alu.h"
#include "exec_fpu.h"
#include "mem.h"

#define FCSR_WRITABLE                                                                              \
    (FCSR_FCC1_7 | FCSR_FS | FCSR_FCC0 | FCSR_CAUSE | FCSR_ENABLES | FCSR_FLAGS | FCSR_RM)
#define FCSR_FIXED (FCSR_NAN2008 | FCSR_ABS2008)

void fpu_reset(struct cpu *c)
{
    memset(c->fpu.fpr, 0, sizeof(c->fpu.fpr));
    uint32_t prid = c->params.prid;
    c->fpu.fir = FIR_HAS2008 | FIR_F64 | FIR_L | FIR_W | FIR_D | FIR_S | (prid & 0xFFFFu);
    c->fpu.fcsr = FCSR_FIXED;
}

static unsigned cause_enabled(uint32_t fcsr)
{
    unsigned cause = (fcsr & FCSR_CAUSE) >> FCSR_CAUSE_SHIFT;
    unsigned en = ((fcsr & FCSR_ENABLES) >> FCSR_ENABLES_SHIFT) | FPX_E;
    return cause & en;
}

bool fpu_commit(struct cpu *c, unsigned cause)
{
    uint32_t f = (c->fpu.fcsr & ~FCSR_CAUSE) | (cause << FCSR_CAUSE_SHIFT);
    if (cause_enabled(f)) {
        c->fpu.fcsr = f;
        cpu_exception(c, EXCCODE_FPE);
        return false;
    }
    c->fpu.fcsr = f | ((cause & 0x1Fu) << FCSR_FLAGS_SHIFT);
    return true;
}

/* CFC1 (MD00086 CFC1): FIR, FCCR, FEXR, FENR, FCSR.  Other numbers are not implemented on
 * this core (no UFR/UNFR/FRE); reading them raises Reserved Instruction (MD00086: "the
 * result is UNPREDICTABLE"; failing loudly is the project's rule for such choices). */
static void exec_cfc1(struct cpu *c, uint32_t w)
{
    uint32_t f = c->fpu.fcsr, v;
    switch (FPU_FS(w)) {
    case 0: v = c->fpu.fir; break;
    case 25: v = ((f >> 24) & 0xFEu) | ((f >> 23) & 1u); break;
    case 26: v = f & (FCSR_CAUSE | FCSR_FLAGS); break;
    case 28: v = (f & (FCSR_ENABLES | FCSR_RM)) | ((f & FCSR_FS) ? 4u : 0u); break;
    case 31: v = f; break;
    default: cpu_exception(c, EXCCODE_RI); return;
    }
    RT(w) = v;
}

/* CTC1: the views write only their own fields; bits a view does not define are ignored
 * (MD00086 calls nonzero values there UNPREDICTABLE).  FIR is read-only.  A write that
 * leaves a Cause bit set together with its Enable (or Cause.E) takes the Floating-Point
 * exception right after the write (MD00086 CTC1), with EPC at the CTC1. */
static void exec_ctc1(struct cpu *c, uint32_t w)
{
    uint32_t v = RT(w), f = c->fpu.fcsr;
    switch (FPU_FS(w)) {
    case 0: return;
    case 25: f = (f & ~(FCSR_FCC1_7 | FCSR_FCC0)) | ((v & 0xFEu) << 24) | ((v & 1u) << 23); break;
    case 26: f = (f & ~(FCSR_CAUSE | FCSR_FLAGS)) | (v & (FCSR_CAUSE | FCSR_FLAGS)); break;
    case 28:
        f = (f & ~(FCSR_ENABLES | FCSR_RM | FCSR_FS)) | (v & (FCSR_ENABLES | FCSR_RM)) |
            ((v & 4u) ? FCSR_FS : 0);
        break;
    case 31: f = (v & FCSR_WRITABLE) | FCSR_FIXED; break;
    default: cpu_exception(c, EXCCODE_RI); return;
    }
    c->fpu.fcsr = f;
    if (cause_enabled(f))
        cpu_exception(c, EXCCODE_FPE);
}

/* MFHC1/MTHC1 (MD00086): the high word of the 64-bit value named by fs; with FR=0 that is
 * the odd register of the pair, and fs must be even. */
static void exec_mfhc1(struct cpu *c, uint32_t w)
{
    unsigned fs = FPU_FS(w);
    if (fpu_reg_ok(c, FMT_D, fs))
        RT(w) = (uint32_t)(fpr_get64(c, fs) >> 32);
}

static void exec_mthc1(struct cpu *c, uint32_t w)
{
    unsigned fs = FPU_FS(w);
    if (!fpu_reg_ok(c, FMT_D, fs))
        return;
    uint64_t v = fpr_get64(c, fs);
    fpr_set64(c, fs, (v & 0xFFFFFFFFu) | ((uint64_t)RT(w) << 32));
}

/* 64-bit loads and stores: doubleword-aligned (MD00086 LDC1: AdEL/AdES otherwise), done as
 * two word accesses, low word first (little-endian); an aligned doubleword never crosses a
 * page, so the second access cannot fault after the first succeeded on RAM. */
static void load64(struct cpu *c, uint32_t va, unsigned ft)
{
    uint32_t lo, hi;
    if (va & 7) {
        cpu_exception_addr(c, EXCCODE_ADEL, va);
        return;
    }
    if (!mem_load(c, va, 4, &lo) || !mem_load(c, va + 4, 4, &hi))
        return;
    fpr_set64(c, ft, ((uint64_t)hi << 32) | lo);
}

static void store64(struct cpu *c, uint32_t va, unsigned ft)
{
    uint64_t v = fpr_get64(c, ft);
    if (va & 7) {
        cpu_exception_addr(c, EXCCODE_ADES, va);
        return;
    }
    if (mem_store(c, va, 4, (uint32_t)v) && mem_store(c, va + 4, 4, (uint32_t)(v >> 32)))
        return; /* done; on a fault the exception is raised */
}

static void load32(struct cpu *c, uint32_t va, unsigned ft)
{
    uint32_t v;
    if (mem_load(c, va, 4, &v))
        fpr_set32(c, ft, v);
}

static void store32(struct cpu *c, uint32_t va, unsigned ft)
{
    if (!mem_store(c, va, 4, fpr_get32(c, ft)))
        return; /* the exception is raised */
}

void fpu_exec_ldst(struct cpu *c, uint32_t w)
{
    if (!fpu_usable(c))
        return;
    uint32_t va = RS(w) + (uint32_t)INSN_SIMM(w);
    unsigned ft = FPU_FT(w);
    switch (INSN_OP(w)) {
    case OP_LWC1: load32(c, va, ft); return;
    case OP_SWC1: store32(c, va, ft); return;
    case OP_LDC1:
        if (fpu_reg_ok(c, FMT_D, ft))
            load64(c, va, ft);
        return;
    case OP_SDC1:
        if (fpu_reg_ok(c, FMT_D, ft))
            store64(c, va, ft);
        return;
    default: cpu_exception(c, EXCCODE_RI); return;
    }
}

/* COP1X (MD00086 Table A.16): indexed loads/stores, PREFX and the multiply-adds.  These are
 * MIPS32 Release 2 instructions for a 64-bit FPU, valid with FR=0 and FR=1. */
enum {
    COP1X_LWXC1 = 0x00,
    COP1X_LDXC1 = 0x01,
    COP1X_LUXC1 = 0x05,
    COP1X_SWXC1 = 0x08,
    COP1X_SDXC1 = 0x09,
    COP1X_SUXC1 = 0x0D,
    COP1X_PREFX = 0x0F,
};

void fpu_exec_cop1x(struct cpu *c, uint32_t w)
{
    if (!fpu_usable(c))
        return;
    uint32_t va = RS(w) + RT(w);
    unsigned fd = FPU_FD(w), fs = FPU_FS(w);
    unsigned funct = INSN_FUNCT(w);
    if (funct >= 0x20) {
        fpu_exec_madd(c, w);
        return;
    }
    switch (funct) {
    case COP1X_LWXC1:
        if (fs == 0) {
            load32(c, va, fd);
            return;
        }
        break;
    case COP1X_LDXC1:
    case COP1X_LUXC1:
        if (fs == 0 && fpu_reg_ok(c, FMT_D, fd)) {
            load64(c, funct == COP1X_LUXC1 ? va & ~7u : va, fd);
            return;
        }
        if (fs == 0)
            return; /* RI raised */
        break;
    case COP1X_SWXC1:
        if (fd == 0) {
            store32(c, va, fs);
            return;
        }
        break;
    case COP1X_SDXC1:
    case COP1X_SUXC1:
        if (fd == 0 && fpu_reg_ok(c, FMT_D, fs)) {
            store64(c, funct == COP1X_SUXC1 ? va & ~7u : va, fs);
            return;
        }
        if (fd == 0)
            return;
        break;
    case COP1X_PREFX:
        if (fd == 0)
            return; /* a hint: never faults (MD00086 PREFX) */
        break;
    default: break;
    }
    cpu_exception(c, EXCCODE_RI);
}

/* COP1 rs field (MD00086 Table A.12). */
enum {
    COP1_MF = 0x00,
    COP1_CF = 0x02,
    COP1_MFH = 0x03,
    COP1_MT = 0x04,
    COP1_CT = 0x06,
    COP1_MTH = 0x07,
    COP1_BC = 0x08,
};

/* Move instructions need zero in the fields they do not use (bits 10:0). */
static bool move_ok(struct cpu *c, uint32_t w)
{
    if (w & 0x7FFu) {
        cpu_exception(c, EXCCODE_RI);
        return false;
    }
    return true;
}

void fpu_exec_cop1(struct cpu *c, uint32_t w)
{
    if (!fpu_usable(c))
        return;
    unsigned rs = INSN_RS(w);
    switch (rs) {
    case COP1_MF:
        if (move_ok(c, w))
            RT(w) = fpr_get32(c, FPU_FS(w));
        return;
    case COP1_MT:
        if (move_ok(c, w))
            fpr_set32(c, FPU_FS(w), RT(w));
        return;
    case COP1_CF:
        if (move_ok(c, w))
            exec_cfc1(c, w);
        return;
    case COP1_CT:
        if (move_ok(c, w))
            exec_ctc1(c, w);
        return;
    case COP1_MFH:
        if (move_ok(c, w))
            exec_mfhc1(c, w);
        return;
    case COP1_MTH:
        if (move_ok(c, w))
            exec_mthc1(c, w);
        return;
    case COP1_BC: fpu_exec_bc1(c, w); return;
    case FMT_S:
    case FMT_D:
    case FMT_W:
    case FMT_L: {
        unsigned funct = INSN_FUNCT(w);
        if (funct >= 0x30)
            fpu_exec_compare(c, w, rs);
        else if (funct >= 0x20 || (funct >= 0x08 && funct <= 0x0F))
            fpu_exec_cvt(c, w, rs);
        else if (funct >= 0x11 && funct <= 0x13)
            fpu_exec_condmove(c, w, rs);
        else
            fpu_exec_arith(c, w, rs);
        return;
    }
    default:
        /* PS (no FIR.PS), BC1ANY2/4, the Release 6 encodings: not on the M5150. */
        cpu_exception(c, EXCCODE_RI);
        return;
    }
}
