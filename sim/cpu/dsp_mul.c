/*
 * DSP ASE multiplies: the SIMD multiplies writing a GPR (ADDU.QB and ADDUH.QB groups) and the
 * dot products and multiply-accumulates into ac0..ac3 (DPA.W.PH group), MD00374 chapter 5.
 * Fractional Q15/Q31 products are doubled (one sign bit dropped); the single overflowing case
 * (-1.0 * -1.0) saturates and sets an ouflag bit: 21 for GPR results, 16+ac for accumulators.
 * None of the GPR-writing multiplies changes HI/LO (MD00374 leaves ac0 untouched by them).
 */
#include "dsp.h"
#include "exec_alu.h"

/* Q31 x Q31 -> high word of the doubled product (MULQ_S.W), or rounded (MULQ_RS.W). */
static uint32_t mulq_w(struct cpu *c, uint32_t a, uint32_t b, bool round)
{
    if (a == 0x80000000u && b == 0x80000000u) {
        dsp_set_ouflag(c, DSP_OU_MUL);
        return 0x7FFFFFFFu;
    }
    int64_t p = (int64_t)(int32_t)a * (int32_t)b; /* |p| <= 2^62, so 2p + 2^31 fits */
    uint64_t q = (uint64_t)p * 2 + (round ? 0x80000000u : 0);
    return (uint32_t)((int64_t)q >> 32);
}

/* Q15 x Q15 -> Q15 per halfword: MULQ_S.PH truncates, MULQ_RS.PH rounds. */
static uint32_t mulq_ph(struct cpu *c, uint32_t a, uint32_t b, bool round)
{
    uint32_t r[2];
    for (unsigned i = 0; i < 2; i++) {
        int32_t x = dsp_shalf(a, i), y = dsp_shalf(b, i);
        if (x == -0x8000 && y == -0x8000) {
            dsp_set_ouflag(c, DSP_OU_MUL);
            r[i] = 0x7FFF;
        } else {
            int32_t p = x * y * 2 + (round ? 0x8000 : 0);
            r[i] = (uint32_t)(p >> 16);
        }
    }
    return dsp_pack_h(r[1], r[0]);
}

/* MUL.PH / MUL_S.PH: 16 x 16 signed integer products, low 16 bits or saturated; ouflag 21
 * whenever a product does not fit in 16 bits (MD00374 MUL.PH). */
static uint32_t mul_ph(struct cpu *c, uint32_t a, uint32_t b, bool sat)
{
    uint32_t r[2];
    for (unsigned i = 0; i < 2; i++) {
        int32_t p = dsp_shalf(a, i) * dsp_shalf(b, i);
        int64_t s = dsp_sat(c, p, 16, DSP_OU_MUL);
        r[i] = sat ? (uint32_t)s : (uint32_t)p;
    }
    return dsp_pack_h(r[1], r[0]);
}

/* MULEU_S.PH.QBL/QBR: unsigned byte x unsigned halfword, saturated to 16 bits. */
static uint32_t muleu_s(struct cpu *c, uint32_t a, uint32_t b, unsigned first_byte)
{
    uint32_t r[2];
    for (unsigned i = 0; i < 2; i++) {
        uint32_t p = dsp_byte(a, first_byte + i) * dsp_half(b, i);
        if (p > 0xFFFF) {
            dsp_set_ouflag(c, DSP_OU_MUL);
            p = 0xFFFF;
        }
        r[i] = p;
    }
    return dsp_pack_h(r[1], r[0]);
}

enum {
    /* ADDU.QB group */
    MULEU_S_PH_QBL = 0x06,
    MULEU_S_PH_QBR = 0x07,
    MULEQ_S_W_PHL = 0x1C,
    MULEQ_S_W_PHR = 0x1D,
    MULQ_S_PH = 0x1E,
    MULQ_RS_PH = 0x1F,
    /* ADDUH.QB group */
    MUL_PH = 0x0C,
    MUL_S_PH = 0x0E,
    MULQ_S_W = 0x16,
    MULQ_RS_W = 0x17,
};

bool dsp_simd_multiply(struct cpu *c, unsigned funct, uint32_t w)
{
    uint32_t a = RS(w), b = RT(w);
    if (funct == DSP_ADDU_QB) {
        switch (DSP_OP(w)) {
        case MULEU_S_PH_QBL: RD(w) = muleu_s(c, a, b, 2); return true;
        case MULEU_S_PH_QBR: RD(w) = muleu_s(c, a, b, 0); return true;
        case MULEQ_S_W_PHL:
            RD(w) = (uint32_t)dsp_mul_q15(c, dsp_shalf(a, 1), dsp_shalf(b, 1), DSP_OU_MUL);
            return true;
        case MULEQ_S_W_PHR:
            RD(w) = (uint32_t)dsp_mul_q15(c, dsp_shalf(a, 0), dsp_shalf(b, 0), DSP_OU_MUL);
            return true;
        case MULQ_S_PH: RD(w) = mulq_ph(c, a, b, false); return true;
        case MULQ_RS_PH: RD(w) = mulq_ph(c, a, b, true); return true;
        default: return false;
        }
    }
    switch (DSP_OP(w)) {
    case MUL_PH: RD(w) = mul_ph(c, a, b, false); return true;
    case MUL_S_PH: RD(w) = mul_ph(c, a, b, true); return true;
    case MULQ_S_W: RD(w) = mulq_w(c, a, b, false); return true;
    case MULQ_RS_W: RD(w) = mulq_w(c, a, b, true); return true;
    default: return false;
    }
}

/* ---------------------------------------------------------------- accumulator group */

/* Accumulator arithmetic is modulo 2^64 except where a _SA form saturates it. */
static inline int64_t wrap_add(int64_t a, int64_t b)
{
    return (int64_t)((uint64_t)a + (uint64_t)b);
}

/* Saturates v to the Q31 range (the _SA.W forms: MAQ_SA.W.PHx, DPAQX_SA.W.PH). */
static int64_t sat_q31(struct cpu *c, int64_t v, unsigned ac)
{
    return dsp_sat(c, v, 32, DSP_OU_AC0 + ac);
}

/* DPAQ_SA.L.W / DPSQ_SA.L.W: Q31 x Q31 -> Q63 product, 64-bit saturating accumulate. */
static int64_t dpq_sa_l(struct cpu *c, unsigned ac, int64_t acc, uint32_t a, uint32_t b, bool sub)
{
    int64_t p;
    if (a == 0x80000000u && b == 0x80000000u) {
        dsp_set_ouflag(c, DSP_OU_AC0 + ac);
        p = INT64_MAX;
    } else {
        p = (int64_t)((uint64_t)((int64_t)(int32_t)a * (int32_t)b) << 1);
    }
    __int128 r = (__int128)acc + (sub ? -(__int128)p : (__int128)p);
    if (r > INT64_MAX) {
        dsp_set_ouflag(c, DSP_OU_AC0 + ac);
        return INT64_MAX;
    }
    if (r < INT64_MIN) {
        dsp_set_ouflag(c, DSP_OU_AC0 + ac);
        return INT64_MIN;
    }
    return (int64_t)r;
}

enum {
    DPA_W_PH = 0x00,
    DPS_W_PH = 0x01,
    MULSA_W_PH = 0x02,
    DPAU_H_QBL = 0x03,
    DPAQ_S_W_PH = 0x04,
    DPSQ_S_W_PH = 0x05,
    MULSAQ_S_W_PH = 0x06,
    DPAU_H_QBR = 0x07,
    DPAX_W_PH = 0x08,
    DPSX_W_PH = 0x09,
    DPSU_H_QBL = 0x0B,
    DPAQ_SA_L_W = 0x0C,
    DPSQ_SA_L_W = 0x0D,
    DPSU_H_QBR = 0x0F,
    MAQ_SA_W_PHL = 0x10,
    MAQ_SA_W_PHR = 0x12,
    MAQ_S_W_PHL = 0x14,
    MAQ_S_W_PHR = 0x16,
    DPAQX_S_W_PH = 0x18,
    DPSQX_S_W_PH = 0x19,
    DPAQX_SA_W_PH = 0x1A,
    DPSQX_SA_W_PH = 0x1B,
};

void dsp_dpa_group(struct cpu *c, uint32_t w)
{
    unsigned ac = DSP_AC(w), op = DSP_OP(w);
    uint32_t a = RS(w), b = RT(w);
    int64_t acc = (int64_t)get_acc(c, ac);
    int32_t a1 = dsp_shalf(a, 1), a0 = dsp_shalf(a, 0), b1 = dsp_shalf(b, 1), b0 = dsp_shalf(b, 0);
    unsigned flag = DSP_OU_AC0 + ac;
    int64_t sum;
    switch (op) {
    case DPA_W_PH:
    case DPS_W_PH: /* integer dot product of the halfword pairs */
        sum = (int64_t)a1 * b1 + (int64_t)a0 * b0;
        acc = wrap_add(acc, op == DPS_W_PH ? -sum : sum);
        break;
    case DPAX_W_PH:
    case DPSX_W_PH: /* crossed pairs */
        sum = (int64_t)a1 * b0 + (int64_t)a0 * b1;
        acc = wrap_add(acc, op == DPSX_W_PH ? -sum : sum);
        break;
    case MULSA_W_PH: acc = wrap_add(acc, (int64_t)a1 * b1 - (int64_t)a0 * b0); break;
    case DPAU_H_QBL:
    case DPAU_H_QBR:
    case DPSU_H_QBL:
    case DPSU_H_QBR: {
        unsigned first = (op == DPAU_H_QBL || op == DPSU_H_QBL) ? 2 : 0;
        sum = (int64_t)(dsp_byte(a, first + 1) * dsp_byte(b, first + 1) +
                        dsp_byte(a, first) * dsp_byte(b, first));
        acc = wrap_add(acc, (op == DPSU_H_QBL || op == DPSU_H_QBR) ? -sum : sum);
        break;
    }
    case DPAQ_S_W_PH:
    case DPSQ_S_W_PH:
        sum = (int64_t)dsp_mul_q15(c, a1, b1, flag) + dsp_mul_q15(c, a0, b0, flag);
        acc = wrap_add(acc, op == DPSQ_S_W_PH ? -sum : sum);
        break;
    case DPAQX_S_W_PH:
    case DPSQX_S_W_PH:
        sum = (int64_t)dsp_mul_q15(c, a1, b0, flag) + dsp_mul_q15(c, a0, b1, flag);
        acc = wrap_add(acc, op == DPSQX_S_W_PH ? -sum : sum);
        break;
    case DPAQX_SA_W_PH:
    case DPSQX_SA_W_PH:
        sum = (int64_t)dsp_mul_q15(c, a1, b0, flag) + dsp_mul_q15(c, a0, b1, flag);
        acc = sat_q31(c, wrap_add(acc, op == DPSQX_SA_W_PH ? -sum : sum), ac);
        break;
    case MULSAQ_S_W_PH:
        acc = wrap_add(acc, (int64_t)dsp_mul_q15(c, a1, b1, flag) - dsp_mul_q15(c, a0, b0, flag));
        break;
    case DPAQ_SA_L_W: acc = dpq_sa_l(c, ac, acc, a, b, false); break;
    case DPSQ_SA_L_W: acc = dpq_sa_l(c, ac, acc, a, b, true); break;
    case MAQ_S_W_PHL: acc = wrap_add(acc, dsp_mul_q15(c, a1, b1, flag)); break;
    case MAQ_S_W_PHR: acc = wrap_add(acc, dsp_mul_q15(c, a0, b0, flag)); break;
    case MAQ_SA_W_PHL: acc = sat_q31(c, wrap_add(acc, dsp_mul_q15(c, a1, b1, flag)), ac); break;
    case MAQ_SA_W_PHR: acc = sat_q31(c, wrap_add(acc, dsp_mul_q15(c, a0, b0, flag)), ac); break;
    default: cpu_exception(c, EXCCODE_RI); return;
    }
    set_acc(c, ac, (uint64_t)acc);
}
