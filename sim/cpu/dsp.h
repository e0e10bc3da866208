/*
 * The DSP ASE Revision 2 of the M5150 (MIPS32 Architecture for Programmers Volume IV-e: the
 * MIPS DSP Module, MD00374; mips-vz.md §2.4 Status.MX, §6).  Semantics are split by concept:
 *   dsp_acc.c   access checks, DSPControl, RDDSP/WRDSP, accumulator extract/shift (EXTR.W group),
 *               BPOSGE32, the SPECIAL3 dispatcher;
 *   dsp_simd.c  SIMD add/subtract (ADDU.QB and ADDUH.QB groups) and shifts (SHLL.QB group);
 *   dsp_mul.c   SIMD multiplies and the dot products / accumulator multiplies (DPA.W.PH group);
 *   dsp_misc.c  compare/pick/precision changes (CMPU.EQ.QB group), ABSQ_S.PH group, indexed
 *               loads (LX), INSV, APPEND/PREPEND/BALIGN.
 * Every sub-opcode not listed in MD00374 for MIPS32 raises Reserved Instruction.
 */
#ifndef SIM_CPU_DSP_H
#define SIM_CPU_DSP_H

#include "cpu_internal.h"

/* DSPControl (MD00374 §3.6, "DSP Control Register"): MIPS32 layout.  Bits 31:28, 15 and 6 are
 * reserved (read 0, writes ignored), as QEMU's 74Kf also shows. */
#define DSPCTL_POS          0x0000003Fu /* 5:0  extract position (EXTP/INSV/BPOSGE32) */
#define DSPCTL_SCOUNT_SHIFT 7
#define DSPCTL_SCOUNT       0x00001F80u /* 12:7 insert size (INSV) */
#define DSPCTL_C            0x00002000u /* 13   carry (ADDSC/ADDWC) */
#define DSPCTL_EFI          0x00004000u /* 14   extract fail indicator (EXTP*) */
#define DSPCTL_OUFLAG_SHIFT 16
#define DSPCTL_OUFLAG       0x00FF0000u /* 23:16 overflow/underflow/saturation flags */
#define DSPCTL_CCOND_SHIFT  24
#define DSPCTL_CCOND        0x0F000000u /* 27:24 condition codes (31:28 only on MIPS64) */

/* ouflag bits (MD00374 §3.6 Table "ouflag bits"): 16+ac for accumulator results, then the
 * add/subtract, multiply, shift and extract classes. */
enum {
    DSP_OU_AC0 = 16,
    DSP_OU_ADD = 20,
    DSP_OU_MUL = 21,
    DSP_OU_SHIFT = 22,
    DSP_OU_EXTR = 23,
};

/* SPECIAL3 function fields of the MIPS32 DSP ASE (MD00374 Table "SPECIAL3 encoding"). */
enum dsp_special3 {
    DSP_LX = 0x0A,
    DSP_INSV = 0x0C,
    DSP_ADDU_QB = 0x10,
    DSP_CMPU_EQ_QB = 0x11,
    DSP_ABSQ_S_PH = 0x12,
    DSP_SHLL_QB = 0x13,
    DSP_ADDUH_QB = 0x18,
    DSP_DPA_W_PH = 0x30,
    DSP_APPEND = 0x31,
    DSP_EXTR_W = 0x38,
};

/* The sub-opcode of the SPECIAL3 DSP groups lives in the sa field (bits 10:6). */
#define DSP_OP(w) INSN_SA(w)
/* Accumulator number of the ac,rs,rt forms and of the accumulator operands (bits 12:11). */
#define DSP_AC(w) (((w) >> 11) & 3)

/* dsp_acc.c */
bool dsp_usable(struct cpu *c);               /* false: Reserved Instruction or DSPDis raised */
void dsp_special3(struct cpu *c, uint32_t w); /* every SPECIAL3 function of enum dsp_special3 */
void dsp_bposge32(struct cpu *c, uint32_t w);
void dsp_extr_group(struct cpu *c, uint32_t w);

/* dsp_simd.c */
void dsp_addu_qb_group(struct cpu *c, uint32_t w);
void dsp_adduh_qb_group(struct cpu *c, uint32_t w);
void dsp_shll_qb_group(struct cpu *c, uint32_t w);

/* dsp_mul.c: the multiplies of the ADDU.QB/ADDUH.QB groups (op = sa field) return false for
 * an op they do not own; the DPA.W.PH group raises RI itself. */
bool dsp_simd_multiply(struct cpu *c, unsigned funct, uint32_t w);
void dsp_dpa_group(struct cpu *c, uint32_t w);

/* dsp_misc.c */
void dsp_cmpu_group(struct cpu *c, uint32_t w);
void dsp_absq_group(struct cpu *c, uint32_t w);
void dsp_lx_group(struct cpu *c, uint32_t w);
void dsp_insv(struct cpu *c, uint32_t w);
void dsp_append_group(struct cpu *c, uint32_t w);

/* MFHI/MFLO/MTHI/MTLO and the multiplies on ac1..ac3 are DSP instructions; on ac0 they are the
 * base ISA and need no DSP access (MD00374 MTHI: "if ac != 0 then ValidateAccessToDSPResources").
 */
static inline bool dsp_acc_ok(struct cpu *c, unsigned ac)
{
    return ac == 0 || dsp_usable(c);
}

/* ---- helpers shared by the semantics files ---- */

static inline void dsp_set_ouflag(struct cpu *c, unsigned bit)
{
    c->dspctl |= 1u << bit;
}

static inline uint32_t dsp_byte(uint32_t v, unsigned i)
{
    return (v >> (8 * i)) & 0xFF;
}

static inline int32_t dsp_sbyte(uint32_t v, unsigned i)
{
    return (int8_t)(v >> (8 * i));
}

static inline uint32_t dsp_half(uint32_t v, unsigned i)
{
    return (v >> (16 * i)) & 0xFFFF;
}

static inline int32_t dsp_shalf(uint32_t v, unsigned i)
{
    return (int16_t)(v >> (16 * i));
}

static inline uint32_t dsp_pack_b(uint32_t b3, uint32_t b2, uint32_t b1, uint32_t b0)
{
    return (b3 & 0xFF) << 24 | (b2 & 0xFF) << 16 | (b1 & 0xFF) << 8 | (b0 & 0xFF);
}

static inline uint32_t dsp_pack_h(uint32_t h1, uint32_t h0)
{
    return (h1 & 0xFFFF) << 16 | (h0 & 0xFFFF);
}

/* Signed saturation of a wide value to n bits (n <= 32); sets ouflag bit `flag` when it clips. */
static inline int64_t dsp_sat(struct cpu *c, int64_t v, unsigned n, unsigned flag)
{
    int64_t max = ((int64_t)1 << (n - 1)) - 1, min = -max - 1;
    if (v > max) {
        dsp_set_ouflag(c, flag);
        return max;
    }
    if (v < min) {
        dsp_set_ouflag(c, flag);
        return min;
    }
    return v;
}

/* Q15 x Q15 -> Q31 with the one overflowing case 0x8000 * 0x8000 clamped to 0x7FFFFFFF
 * (MD00374 MULEQ_S.W.PHL, DPAQ_S.W.PH, MAQ_S.W.PHL: "-1.0 * -1.0"). */
static inline int32_t dsp_mul_q15(struct cpu *c, int32_t a, int32_t b, unsigned flag)
{
    if (a == -0x8000 && b == -0x8000) {
        dsp_set_ouflag(c, flag);
        return 0x7FFFFFFF;
    }
    return a * b * 2;
}

#endif
