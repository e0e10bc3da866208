/*
 * DSP ASE: SIMD add/subtract on bytes (.QB), halfwords (.PH) and words (.W) — the ADDU.QB and
 * ADDUH.QB groups — and the SIMD shifts of the SHLL.QB group (MD00374 chapter 5).  The
 * multiplies that share these groups are in dsp_mul.c.
 */
#include "dsp.h"
#include "exec_alu.h"

#define RI() cpu_exception(c, EXCCODE_RI)

/* ---------------------------------------------------------------- add / subtract */

enum lane_kind { U8, U16, S16 };

/* One lane of an add/subtract: wrap-around (flag on carry/borrow/overflow) or saturate. */
static uint32_t addsub_lane(struct cpu *c, enum lane_kind k, int32_t a, int32_t b, bool sub,
                            bool sat)
{
    int32_t r = sub ? a - b : a + b;
    int32_t lo = k == S16 ? -0x8000 : 0, hi = k == U8 ? 0xFF : k == U16 ? 0xFFFF : 0x7FFF;
    if (r < lo || r > hi) {
        dsp_set_ouflag(c, DSP_OU_ADD);
        if (sat)
            r = r < lo ? lo : hi;
    }
    return (uint32_t)r;
}

/* ADDU[_S].QB, SUBU[_S].QB, ADDU[_S].PH, SUBU[_S].PH, ADDQ[_S].PH, SUBQ[_S].PH. */
static uint32_t addsub_vec(struct cpu *c, enum lane_kind k, uint32_t a, uint32_t b, bool sub,
                           bool sat)
{
    if (k == U8) {
        uint32_t r[4];
        for (unsigned i = 0; i < 4; i++)
            r[i] = addsub_lane(c, k, (int32_t)dsp_byte(a, i), (int32_t)dsp_byte(b, i), sub, sat);
        return dsp_pack_b(r[3], r[2], r[1], r[0]);
    }
    uint32_t r[2];
    for (unsigned i = 0; i < 2; i++) {
        int32_t x = k == S16 ? dsp_shalf(a, i) : (int32_t)dsp_half(a, i);
        int32_t y = k == S16 ? dsp_shalf(b, i) : (int32_t)dsp_half(b, i);
        r[i] = addsub_lane(c, k, x, y, sub, sat);
    }
    return dsp_pack_h(r[1], r[0]);
}

/* ADDQ_S.W / SUBQ_S.W: signed 32-bit saturating. */
static uint32_t addsub_q31_sat(struct cpu *c, uint32_t a, uint32_t b, bool sub)
{
    int64_t r = sub ? (int64_t)(int32_t)a - (int32_t)b : (int64_t)(int32_t)a + (int32_t)b;
    return (uint32_t)dsp_sat(c, r, 32, DSP_OU_ADD);
}

enum {
    ADDU_QB = 0x00,
    SUBU_QB = 0x01,
    ADDU_S_QB = 0x04,
    SUBU_S_QB = 0x05,
    ADDU_PH = 0x08,
    SUBU_PH = 0x09,
    ADDQ_PH = 0x0A,
    SUBQ_PH = 0x0B,
    ADDU_S_PH = 0x0C,
    SUBU_S_PH = 0x0D,
    ADDQ_S_PH = 0x0E,
    SUBQ_S_PH = 0x0F,
    ADDSC = 0x10,
    ADDWC = 0x11,
    MODSUB = 0x12,
    RADDU_W_QB = 0x14,
    ADDQ_S_W = 0x16,
    SUBQ_S_W = 0x17,
};

void dsp_addu_qb_group(struct cpu *c, uint32_t w)
{
    uint32_t a = RS(w), b = RT(w);
    unsigned op = DSP_OP(w);
    switch (op) {
    case ADDU_QB:
    case SUBU_QB:
    case ADDU_S_QB:
    case SUBU_S_QB: RD(w) = addsub_vec(c, U8, a, b, op & 1, op & 4); return;
    case ADDU_PH:
    case SUBU_PH:
    case ADDU_S_PH:
    case SUBU_S_PH: RD(w) = addsub_vec(c, U16, a, b, op & 1, op & 4); return;
    case ADDQ_PH:
    case SUBQ_PH:
    case ADDQ_S_PH:
    case SUBQ_S_PH: RD(w) = addsub_vec(c, S16, a, b, op & 1, op & 4); return;
    case ADDQ_S_W: RD(w) = addsub_q31_sat(c, a, b, false); return;
    case SUBQ_S_W: RD(w) = addsub_q31_sat(c, a, b, true); return;
    case ADDSC: { /* MD00374 ADDSC: the carry out of bit 31 goes to DSPControl.c */
        uint64_t r = (uint64_t)a + b;
        c->dspctl = (c->dspctl & ~DSPCTL_C) | ((r >> 32) ? DSPCTL_C : 0);
        RD(w) = (uint32_t)r;
        return;
    }
    case ADDWC: { /* ADDWC: rs + rt + c; signed overflow sets ouflag 20, c is unchanged */
        int64_t r = (int64_t)(int32_t)a + (int32_t)b + ((c->dspctl & DSPCTL_C) ? 1 : 0);
        if (r > INT32_MAX || r < INT32_MIN)
            dsp_set_ouflag(c, DSP_OU_ADD);
        RD(w) = (uint32_t)r;
        return;
    }
    case MODSUB: { /* MODSUB: rt = lastindex(23:8) | decrement(7:0) */
        uint32_t decr = b & 0xFF, last = (b >> 8) & 0xFFFF;
        RD(w) = a == 0 ? last : a - decr;
        return;
    }
    case RADDU_W_QB:
        RD(w) = dsp_byte(a, 0) + dsp_byte(a, 1) + dsp_byte(a, 2) + dsp_byte(a, 3);
        return;
    default:
        if (!dsp_simd_multiply(c, DSP_ADDU_QB, w))
            RI();
        return;
    }
}

/* ---------------------------------------------------------------- halving add / subtract */

/* (a op b [+ 1]) >> 1 on a wide enough type: never overflows, never sets flags. */
static int64_t halve(int64_t a, int64_t b, bool sub, bool round)
{
    int64_t r = (sub ? a - b : a + b) + (round ? 1 : 0);
    return r >> 1; /* arithmetic: GCC and Clang shift signed values arithmetically */
}

enum {
    ADDUH_QB = 0x00,
    SUBUH_QB = 0x01,
    ADDUH_R_QB = 0x02,
    SUBUH_R_QB = 0x03,
    ADDQH_PH = 0x08,
    SUBQH_PH = 0x09,
    ADDQH_R_PH = 0x0A,
    SUBQH_R_PH = 0x0B,
    ADDQH_W = 0x10,
    SUBQH_W = 0x11,
    ADDQH_R_W = 0x12,
    SUBQH_R_W = 0x13,
};

void dsp_adduh_qb_group(struct cpu *c, uint32_t w)
{
    uint32_t a = RS(w), b = RT(w);
    unsigned op = DSP_OP(w);
    bool sub = op & 1, round = op & 2;
    switch (op) {
    case ADDUH_QB:
    case SUBUH_QB:
    case ADDUH_R_QB:
    case SUBUH_R_QB: {
        uint32_t r[4];
        for (unsigned i = 0; i < 4; i++)
            r[i] = (uint32_t)halve(dsp_byte(a, i), dsp_byte(b, i), sub, round);
        RD(w) = dsp_pack_b(r[3], r[2], r[1], r[0]);
        return;
    }
    case ADDQH_PH:
    case SUBQH_PH:
    case ADDQH_R_PH:
    case SUBQH_R_PH: {
        uint32_t r[2];
        for (unsigned i = 0; i < 2; i++)
            r[i] = (uint32_t)halve(dsp_shalf(a, i), dsp_shalf(b, i), sub, round);
        RD(w) = dsp_pack_h(r[1], r[0]);
        return;
    }
    case ADDQH_W:
    case SUBQH_W:
    case ADDQH_R_W:
    case SUBQH_R_W: RD(w) = (uint32_t)halve((int32_t)a, (int32_t)b, sub, round); return;
    default:
        if (!dsp_simd_multiply(c, DSP_ADDUH_QB, w))
            RI();
        return;
    }
}

/* ---------------------------------------------------------------- shifts */

/* Left shift of an n-bit lane.  Unsigned .QB lanes overflow when a 1 is shifted out; signed .PH
 * and .W lanes when the bits shifted out and the result's sign are not all equal (MD00374
 * SHLL.QB, SHLL.PH).  The saturating forms clamp to the signed maximum of the lane's sign. */
static uint32_t shl_lane(struct cpu *c, uint32_t v, unsigned n, unsigned sa, bool is_signed,
                         bool sat)
{
    uint64_t mask = ((uint64_t)1 << n) - 1;
    v &= (uint32_t)mask;
    if (sa == 0)
        return v;
    uint64_t r = ((uint64_t)v << sa) & mask;
    bool ovf;
    if (!is_signed) {
        ovf = (v >> (n - sa)) != 0;
    } else {
        /* bits n-1 .. n-1-sa of the source must all equal (sign and every bit shifted out) */
        uint64_t top = (uint64_t)v >> (n - 1 - sa);
        ovf = top != 0 && top != ((uint64_t)1 << (sa + 1)) - 1;
    }
    if (ovf) {
        dsp_set_ouflag(c, DSP_OU_SHIFT);
        if (sat)
            r = (v >> (n - 1)) ? (uint64_t)1 << (n - 1) : ((uint64_t)1 << (n - 1)) - 1;
    }
    return (uint32_t)r;
}

/* Arithmetic right shift of a signed lane, optionally rounding (add 1 at the most-significant
 * discarded bit: MD00374 SHRA_R.PH). */
static uint32_t sra_lane(int32_t v, unsigned sa, bool round)
{
    int64_t x = v;
    if (round && sa)
        x += (int64_t)1 << (sa - 1);
    return (uint32_t)(x >> sa);
}

enum {
    SHLL_QB = 0x00,
    SHRL_QB = 0x01,
    SHLLV_QB = 0x02,
    SHRLV_QB = 0x03,
    SHRA_QB = 0x04,
    SHRA_R_QB = 0x05,
    SHRAV_QB = 0x06,
    SHRAV_R_QB = 0x07,
    SHLL_PH = 0x08,
    SHRA_PH = 0x09,
    SHLLV_PH = 0x0A,
    SHRAV_PH = 0x0B,
    SHLL_S_PH = 0x0C,
    SHRA_R_PH = 0x0D,
    SHLLV_S_PH = 0x0E,
    SHRAV_R_PH = 0x0F,
    SHLL_S_W = 0x14,
    SHRA_R_W = 0x15,
    SHLLV_S_W = 0x16,
    SHRAV_R_W = 0x17,
    SHRL_PH = 0x19,
    SHRLV_PH = 0x1B,
};

void dsp_shll_qb_group(struct cpu *c, uint32_t w)
{
    unsigned op = DSP_OP(w);
    uint32_t t = RT(w);
    /* The immediate forms hold the shift in the rs field; the V forms read rs. */
    unsigned amount = (op & 2) ? RS(w) : INSN_RS(w);
    uint32_t r[4];
    switch (op) {
    case SHLL_QB:
    case SHLLV_QB:
    case SHRL_QB:
    case SHRLV_QB:
    case SHRA_QB:
    case SHRA_R_QB:
    case SHRAV_QB:
    case SHRAV_R_QB: {
        unsigned sa = amount & 7;
        for (unsigned i = 0; i < 4; i++) {
            if (op == SHLL_QB || op == SHLLV_QB)
                r[i] = shl_lane(c, dsp_byte(t, i), 8, sa, false, false);
            else if (op == SHRL_QB || op == SHRLV_QB)
                r[i] = dsp_byte(t, i) >> sa;
            else
                r[i] = sra_lane(dsp_sbyte(t, i), sa, op & 1);
        }
        RD(w) = dsp_pack_b(r[3], r[2], r[1], r[0]);
        return;
    }
    case SHLL_PH:
    case SHLLV_PH:
    case SHLL_S_PH:
    case SHLLV_S_PH:
    case SHRA_PH:
    case SHRAV_PH:
    case SHRA_R_PH:
    case SHRAV_R_PH:
    case SHRL_PH:
    case SHRLV_PH: {
        unsigned sa = amount & 15;
        for (unsigned i = 0; i < 2; i++) {
            if (op == SHRL_PH || op == SHRLV_PH)
                r[i] = dsp_half(t, i) >> sa;
            else if (op & 1) /* SHRA[_R][V].PH */
                r[i] = sra_lane(dsp_shalf(t, i), sa, op & 4);
            else
                r[i] = shl_lane(c, dsp_half(t, i), 16, sa, true, op & 4);
        }
        RD(w) = dsp_pack_h(r[1], r[0]);
        return;
    }
    case SHLL_S_W:
    case SHLLV_S_W: RD(w) = shl_lane(c, t, 32, amount & 31, true, true); return;
    case SHRA_R_W:
    case SHRAV_R_W: RD(w) = sra_lane((int32_t)t, amount & 31, true); return;
    default: RI(); return;
    }
}
