/*
 * DSP ASE: compares and picks, precision changes and packing (CMPU.EQ.QB group), absolute
 * values, replicates, precision expansion and BITREV (ABSQ_S.PH group), indexed loads (LX
 * group), INSV, and APPEND/PREPEND/BALIGN (MD00374 chapter 5).
 */
#include "dsp.h"
#include "exec_alu.h"
#include "mem.h"

#define RI() cpu_exception(c, EXCCODE_RI)

/* ---------------------------------------------------------------- compare / pick / precision */

enum cmp { CMP_EQ, CMP_LT, CMP_LE };

static bool compare(enum cmp k, int32_t a, int32_t b)
{
    return k == CMP_EQ ? a == b : k == CMP_LT ? a < b : a <= b;
}

/* Bit i = comparison of byte i (unsigned), or of halfword i (signed). */
static uint32_t cmp_qb(enum cmp k, uint32_t a, uint32_t b)
{
    uint32_t m = 0;
    for (unsigned i = 0; i < 4; i++)
        m |= (uint32_t)compare(k, (int32_t)dsp_byte(a, i), (int32_t)dsp_byte(b, i)) << i;
    return m;
}

static uint32_t cmp_ph(enum cmp k, uint32_t a, uint32_t b)
{
    uint32_t m = 0;
    for (unsigned i = 0; i < 2; i++)
        m |= (uint32_t)compare(k, dsp_shalf(a, i), dsp_shalf(b, i)) << i;
    return m;
}

/* Writes the low `n` condition bits (MD00374 CMPU.EQ.QB: ccond 27:24; CMP.EQ.PH: 25:24).  The
 * other ccond bits keep their value. */
static void set_ccond(struct cpu *c, uint32_t m, unsigned n)
{
    uint32_t field = ((1u << n) - 1) << DSPCTL_CCOND_SHIFT;
    c->dspctl = (c->dspctl & ~field) | (m << DSPCTL_CCOND_SHIFT);
}

/* PRECRQU_S.QB.PH lane: Q15 -> unsigned Q8 with saturation (negative -> 0, above 0x7F80 ->
 * 0xFF), ouflag 22. */
static uint32_t q15_to_u8(struct cpu *c, int32_t h)
{
    if (h < 0) {
        dsp_set_ouflag(c, DSP_OU_SHIFT);
        return 0;
    }
    if (h > 0x7F80) {
        dsp_set_ouflag(c, DSP_OU_SHIFT);
        return 0xFF;
    }
    return (uint32_t)h >> 7;
}

/* PRECRQ_RS.PH.W lane: Q31 -> Q15 with rounding; rounding overflow saturates (ouflag 22). */
static uint32_t q31_to_q15_round(struct cpu *c, uint32_t v)
{
    int64_t r = (int64_t)(int32_t)v + 0x8000;
    if (r > INT32_MAX) {
        dsp_set_ouflag(c, DSP_OU_SHIFT);
        return 0x7FFF;
    }
    return (uint32_t)(r >> 16) & 0xFFFF;
}

/* PRECR_SRA[_R].PH.W: arithmetic shift right by sa (rounding at the top discarded bit). */
static uint32_t sra_word(uint32_t v, unsigned sa, bool round)
{
    int64_t x = (int32_t)v;
    if (round && sa)
        x += (int64_t)1 << (sa - 1);
    return (uint32_t)(x >> sa);
}

enum {
    CMPU_EQ_QB = 0x00,
    CMPU_LT_QB = 0x01,
    CMPU_LE_QB = 0x02,
    PICK_QB = 0x03,
    CMPGU_EQ_QB = 0x04,
    CMPGU_LT_QB = 0x05,
    CMPGU_LE_QB = 0x06,
    CMP_EQ_PH = 0x08,
    CMP_LT_PH = 0x09,
    CMP_LE_PH = 0x0A,
    PICK_PH = 0x0B,
    PRECRQ_QB_PH = 0x0C,
    PRECR_QB_PH = 0x0D,
    PACKRL_PH = 0x0E,
    PRECRQU_S_QB_PH = 0x0F,
    PRECRQ_PH_W = 0x14,
    PRECRQ_RS_PH_W = 0x15,
    CMPGDU_EQ_QB = 0x18,
    CMPGDU_LT_QB = 0x19,
    CMPGDU_LE_QB = 0x1A,
    PRECR_SRA_PH_W = 0x1E,
    PRECR_SRA_R_PH_W = 0x1F,
};

void dsp_cmpu_group(struct cpu *c, uint32_t w)
{
    uint32_t a = RS(w), b = RT(w);
    unsigned op = DSP_OP(w);
    uint32_t cc = c->dspctl >> DSPCTL_CCOND_SHIFT;
    switch (op) {
    case CMPU_EQ_QB:
    case CMPU_LT_QB:
    case CMPU_LE_QB: set_ccond(c, cmp_qb((enum cmp)(op & 3), a, b), 4); return;
    case CMPGU_EQ_QB:
    case CMPGU_LT_QB:
    case CMPGU_LE_QB: RD(w) = cmp_qb((enum cmp)(op & 3), a, b); return;
    case CMPGDU_EQ_QB:
    case CMPGDU_LT_QB:
    case CMPGDU_LE_QB: { /* both: rd and ccond */
        uint32_t m = cmp_qb((enum cmp)(op & 3), a, b);
        set_ccond(c, m, 4);
        RD(w) = m;
        return;
    }
    case CMP_EQ_PH:
    case CMP_LT_PH:
    case CMP_LE_PH: set_ccond(c, cmp_ph((enum cmp)(op & 3), a, b), 2); return;
    case PICK_QB: {
        uint32_t r = 0;
        for (unsigned i = 0; i < 4; i++)
            r |= (((cc >> i) & 1) ? dsp_byte(a, i) : dsp_byte(b, i)) << (8 * i);
        RD(w) = r;
        return;
    }
    case PICK_PH:
        RD(w) = dsp_pack_h((cc & 2) ? dsp_half(a, 1) : dsp_half(b, 1),
                           (cc & 1) ? dsp_half(a, 0) : dsp_half(b, 0));
        return;
    case PRECRQ_QB_PH: /* the high byte of each halfword */
        RD(w) = dsp_pack_b(a >> 24, a >> 8, b >> 24, b >> 8);
        return;
    case PRECR_QB_PH: /* the low byte of each halfword */
        RD(w) = dsp_pack_b(a >> 16, a, b >> 16, b);
        return;
    case PACKRL_PH: RD(w) = dsp_pack_h(a, b >> 16); return;
    case PRECRQU_S_QB_PH: {
        uint32_t r3 = q15_to_u8(c, dsp_shalf(a, 1)), r2 = q15_to_u8(c, dsp_shalf(a, 0));
        uint32_t r1 = q15_to_u8(c, dsp_shalf(b, 1)), r0 = q15_to_u8(c, dsp_shalf(b, 0));
        RD(w) = dsp_pack_b(r3, r2, r1, r0);
        return;
    }
    case PRECRQ_PH_W: RD(w) = dsp_pack_h(a >> 16, b >> 16); return;
    case PRECRQ_RS_PH_W: {
        uint32_t hi = q31_to_q15_round(c, a);
        RD(w) = dsp_pack_h(hi, q31_to_q15_round(c, b));
        return;
    }
    case PRECR_SRA_PH_W:
    case PRECR_SRA_R_PH_W: {
        /* PRECR_SRA[_R].PH.W rt, rs, sa: rt = (rt >> sa)15..0 || (rs >> sa)15..0; sa in rd. */
        unsigned sa = INSN_RD(w);
        bool round = op == PRECR_SRA_R_PH_W;
        RT(w) = dsp_pack_h(sra_word(b, sa, round), sra_word(a, sa, round));
        return;
    }
    default: RI(); return;
    }
}

/* ---------------------------------------------------------------- ABSQ_S.PH group */

enum {
    ABSQ_S_QB = 0x01,
    REPL_QB = 0x02,
    REPLV_QB = 0x03,
    PRECEQU_PH_QBL = 0x04,
    PRECEQU_PH_QBR = 0x05,
    PRECEQU_PH_QBLA = 0x06,
    PRECEQU_PH_QBRA = 0x07,
    ABSQ_S_PH = 0x09,
    REPL_PH = 0x0A,
    REPLV_PH = 0x0B,
    PRECEQ_W_PHL = 0x0C,
    PRECEQ_W_PHR = 0x0D,
    ABSQ_S_W = 0x11,
    BITREV = 0x1B,
    PRECEU_PH_QBL = 0x1C,
    PRECEU_PH_QBR = 0x1D,
    PRECEU_PH_QBLA = 0x1E,
    PRECEU_PH_QBRA = 0x1F,
};

/* |v| with the most negative value saturating to the maximum (ouflag 20). */
static uint32_t absq(struct cpu *c, int32_t v, unsigned n)
{
    if ((int64_t)v == -((int64_t)1 << (n - 1))) {
        dsp_set_ouflag(c, DSP_OU_ADD);
        return ((uint32_t)1 << (n - 1)) - 1;
    }
    return (uint32_t)(v < 0 ? -v : v);
}

/* Byte positions (high lane, low lane) of the PRECEQU/PRECEU variants L, R, LA, RA. */
static const unsigned prec_bytes[4][2] = {{3, 2}, {1, 0}, {3, 1}, {2, 0}};

void dsp_absq_group(struct cpu *c, uint32_t w)
{
    uint32_t t = RT(w);
    unsigned op = DSP_OP(w);
    switch (op) {
    case ABSQ_S_QB:
        RD(w) = dsp_pack_b(absq(c, dsp_sbyte(t, 3), 8), absq(c, dsp_sbyte(t, 2), 8),
                           absq(c, dsp_sbyte(t, 1), 8), absq(c, dsp_sbyte(t, 0), 8));
        return;
    case ABSQ_S_PH: {
        uint32_t hi = absq(c, dsp_shalf(t, 1), 16);
        RD(w) = dsp_pack_h(hi, absq(c, dsp_shalf(t, 0), 16));
        return;
    }
    case ABSQ_S_W: RD(w) = absq(c, (int32_t)t, 32); return;
    case REPL_QB: /* REPL.QB rd, imm8: immediate in bits 23:16 */
        RD(w) = ((w >> 16) & 0xFF) * 0x01010101u;
        return;
    case REPLV_QB: RD(w) = (t & 0xFF) * 0x01010101u; return;
    case REPL_PH: { /* REPL.PH rd, imm10: signed immediate in bits 25:16 */
        uint32_t imm = (w >> 16) & 0x3FF;
        uint32_t h = (imm & 0x200) ? (imm | 0xFC00) : imm;
        RD(w) = dsp_pack_h(h, h);
        return;
    }
    case REPLV_PH: RD(w) = dsp_pack_h(t, t); return;
    case PRECEQ_W_PHL: RD(w) = t & 0xFFFF0000u; return;
    case PRECEQ_W_PHR: RD(w) = t << 16; return;
    case PRECEQU_PH_QBL:
    case PRECEQU_PH_QBR:
    case PRECEQU_PH_QBLA:
    case PRECEQU_PH_QBRA: {
        const unsigned *p = prec_bytes[op - PRECEQU_PH_QBL];
        RD(w) = dsp_pack_h(dsp_byte(t, p[0]) << 7, dsp_byte(t, p[1]) << 7);
        return;
    }
    case PRECEU_PH_QBL:
    case PRECEU_PH_QBR:
    case PRECEU_PH_QBLA:
    case PRECEU_PH_QBRA: {
        const unsigned *p = prec_bytes[op - PRECEU_PH_QBL];
        RD(w) = dsp_pack_h(dsp_byte(t, p[0]), dsp_byte(t, p[1]));
        return;
    }
    case BITREV: {
        uint32_t r = 0;
        for (unsigned i = 0; i < 16; i++)
            r |= ((t >> i) & 1) << (15 - i);
        RD(w) = r;
        return;
    }
    default: RI(); return;
    }
}

/* ---------------------------------------------------------------- LX, INSV, APPEND */

enum { LWX = 0x00, LHX = 0x04, LBUX = 0x06 };

/* LWX/LHX/LBUX rd, index(base): base in rs, index in rt; faults as the ordinary loads. */
void dsp_lx_group(struct cpu *c, uint32_t w)
{
    uint32_t va = RS(w) + RT(w), v;
    switch (DSP_OP(w)) {
    case LWX:
        if (mem_load(c, va, 4, &v))
            RD(w) = v;
        return;
    case LHX:
        if (mem_load(c, va, 2, &v))
            RD(w) = (uint32_t)(int16_t)v;
        return;
    case LBUX:
        if (mem_load(c, va, 1, &v))
            RD(w) = v & 0xFF;
        return;
    default: RI(); return;
    }
}

/* INSV rt, rs: rt[pos+scount-1 .. pos] = rs[scount-1 .. 0].  scount = 0 or pos + scount > 32
 * is UNPREDICTABLE (MD00374 INSV); rt is left unchanged then. */
void dsp_insv(struct cpu *c, uint32_t w)
{
    if (INSN_RD(w) != 0 || INSN_SA(w) != 0) {
        RI();
        return;
    }
    unsigned pos = c->dspctl & DSPCTL_POS;
    unsigned size = (c->dspctl & DSPCTL_SCOUNT) >> DSPCTL_SCOUNT_SHIFT;
    if (size == 0 || pos + size > 32)
        return;
    uint32_t mask = (size == 32 ? 0xFFFFFFFFu : (1u << size) - 1) << pos;
    RT(w) = (RT(w) & ~mask) | ((RS(w) << pos) & mask);
}

enum { APPEND = 0x00, PREPEND = 0x01, BALIGN = 0x10 };

void dsp_append_group(struct cpu *c, uint32_t w)
{
    unsigned sa = INSN_RD(w);
    uint32_t s = RS(w), t = RT(w);
    switch (DSP_OP(w)) {
    case APPEND: /* rt = rt[31-sa..0] || rs[sa-1..0] */
        if (sa)
            RT(w) = (t << sa) | (s & ((1u << sa) - 1));
        return;
    case PREPEND: /* rt = rs[sa-1..0] || rt[31..sa] */
        if (sa)
            RT(w) = (s << (32 - sa)) | (t >> sa);
        return;
    case BALIGN: {
        /* bp = 0 and bp = 2 are UNPREDICTABLE (MD00374 BALIGN); the plain formula is used for
         * them (bp = 0 leaves rt unchanged), which is what Release 6 ALIGN defines. */
        unsigned bp = sa & 3;
        if (bp)
            RT(w) = (t << (8 * bp)) | (s >> (8 * (4 - bp)));
        return;
    }
    default: RI(); return;
    }
}
