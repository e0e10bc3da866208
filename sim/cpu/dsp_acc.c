/*
 * DSP ASE: access checks, the SPECIAL3 dispatcher, DSPControl (RDDSP/WRDSP, BPOSGE32) and the
 * accumulator group EXTR.W (EXTR*, EXTP*, SHILO*, MTHLIP), MD00374 chapter 5.
 */
#include "dsp.h"
#include "exec_branch.h"
#include "vz.h"

#define RI() cpu_exception(c, EXCCODE_RI)

/* ValidateAccessToDSPResources / ValidateAccessToDSP2Resources (MD00374 §4.2): Reserved
 * Instruction without the ASE (Config3.DSPP), DSP Disabled (ExcCode 26) when Status.MX = 0
 * (mips-vz.md §2.4).  The M5150 has revision 2 (Config3.DSP2P), so one check covers both.
 * In VZ guest mode the guest's MX decides first (guest DSPDis), then root's (a root DSPDis
 * exit for lazy DSP switching, mips-vz.md §5.8): vz_cop_usable. */
bool dsp_usable(struct cpu *c)
{
    if (!(c->cp0[CP0_CONFIG3] & CONFIG3_DSPP)) {
        RI();
        return false;
    }
    return vz_cop_usable(c, -1);
}

/* The sub-opcodes (sa field) MD00374 assigns in each MIPS32 SPECIAL3 group, one bit each. */
#define B(x)    (1u << (x))
#define R(a, b) (((2u << (b)) - 1) & ~((1u << (a)) - 1)) /* bits a..b */
static uint32_t dsp_valid_ops(unsigned funct)
{
    switch (funct) {
    case DSP_LX: return B(0x00) | B(0x04) | B(0x06);
    case DSP_INSV: return B(0x00);
    case DSP_ADDU_QB:
        return R(0x00, 0x01) | R(0x04, 0x12) | B(0x14) | R(0x16, 0x17) | R(0x1C, 0x1F);
    case DSP_CMPU_EQ_QB:
        return R(0x00, 0x06) | R(0x08, 0x0F) | R(0x14, 0x15) | R(0x18, 0x1A) | R(0x1E, 0x1F);
    case DSP_ABSQ_S_PH: return R(0x01, 0x07) | R(0x09, 0x0D) | B(0x11) | R(0x1B, 0x1F);
    case DSP_SHLL_QB: return R(0x00, 0x0F) | R(0x14, 0x17) | B(0x19) | B(0x1B);
    case DSP_ADDUH_QB:
        return R(0x00, 0x03) | R(0x08, 0x0C) | B(0x0E) | R(0x10, 0x13) | R(0x16, 0x17);
    case DSP_DPA_W_PH:
        return R(0x00, 0x09) | R(0x0B, 0x0D) | B(0x0F) | B(0x10) | B(0x12) | B(0x14) | B(0x16) |
               R(0x18, 0x1B);
    case DSP_APPEND: return B(0x00) | B(0x01) | B(0x10);
    case DSP_EXTR_W:
        return R(0x00, 0x07) | R(0x0A, 0x0B) | R(0x0E, 0x0F) | R(0x12, 0x13) | R(0x1A, 0x1B) |
               B(0x1F);
    default: return 0;
    }
}
#undef B
#undef R

void dsp_special3(struct cpu *c, uint32_t w)
{
    /* An encoding that is no instruction is Reserved Instruction whatever Status.MX says;
     * only real DSP instructions check the access (MD00374 §4.2). */
    if (!(dsp_valid_ops(INSN_FUNCT(w)) & (1u << DSP_OP(w)))) {
        RI();
        return;
    }
    if (!dsp_usable(c))
        return;
    switch (INSN_FUNCT(w)) {
    case DSP_LX: dsp_lx_group(c, w); return;
    case DSP_INSV: dsp_insv(c, w); return;
    case DSP_ADDU_QB: dsp_addu_qb_group(c, w); return;
    case DSP_CMPU_EQ_QB: dsp_cmpu_group(c, w); return;
    case DSP_ABSQ_S_PH: dsp_absq_group(c, w); return;
    case DSP_SHLL_QB: dsp_shll_qb_group(c, w); return;
    case DSP_ADDUH_QB: dsp_adduh_qb_group(c, w); return;
    case DSP_DPA_W_PH: dsp_dpa_group(c, w); return;
    case DSP_APPEND: dsp_append_group(c, w); return;
    case DSP_EXTR_W: dsp_extr_group(c, w); return;
    default: RI(); return;
    }
}

/* BPOSGE32 (MD00374): branch when DSPControl.pos >= 32, with a delay slot. */
void dsp_bposge32(struct cpu *c, uint32_t w)
{
    if (INSN_RS(w) != 0) {
        RI();
        return;
    }
    if (!dsp_usable(c))
        return;
    exec_cond_branch(c, w, (c->dspctl & DSPCTL_POS) >= 32, false);
}

/* Field masks of RDDSP/WRDSP, one per mask bit (MD00374 RDDSP: bit 0 pos, 1 scount, 2 c,
 * 3 ouflag, 4 ccond, 5 EFI; mask bits 6..9 are ignored). */
static const uint32_t dsp_mask_fields[6] = {
    DSPCTL_POS, DSPCTL_SCOUNT, DSPCTL_C, DSPCTL_OUFLAG, DSPCTL_CCOND, DSPCTL_EFI,
};

static uint32_t dsp_mask(unsigned mask)
{
    uint32_t m = 0;
    for (unsigned i = 0; i < 6; i++)
        if (mask & (1u << i))
            m |= dsp_mask_fields[i];
    return m;
}

static inline int64_t acc_s(const struct cpu *c, unsigned ac)
{
    return (int64_t)get_acc(c, ac);
}

static inline bool fits32(__int128 v)
{
    return v >= INT32_MIN && v <= INT32_MAX;
}

/* EXTR[_R|_RS].W / EXTRV* (MD00374 EXTR.W): arithmetic shift right of the accumulator, the
 * rounding forms add 1 at the most-significant discarded bit (computed here in 128 bits so
 * that no intermediate wraps).  ouflag 23 is set when either the rounded or the non-rounded
 * value does not fit in 32 bits, for every variant; _RS saturates the rounded value. */
static void extr_w(struct cpu *c, uint32_t w, unsigned shift, unsigned op)
{
    __int128 acc = acc_s(c, DSP_AC(w));
    __int128 t = acc >> shift;
    __int128 r = shift ? ((acc >> (shift - 1)) + 1) >> 1 : acc;
    if (!fits32(t) || !fits32(r))
        dsp_set_ouflag(c, DSP_OU_EXTR);
    uint32_t v;
    switch (op) {
    case 0: v = (uint32_t)(uint64_t)t; break; /* EXTR.W */
    case 1: v = (uint32_t)(uint64_t)r; break; /* EXTR_R.W */
    default:                                  /* EXTR_RS.W */
        v = fits32(r) ? (uint32_t)(uint64_t)r : r > 0 ? 0x7FFFFFFFu : 0x80000000u;
        break;
    }
    RT(w) = v;
}

/* EXTR_S.H / EXTRV_S.H: shift right arithmetic, saturate to Q15, sign-extend. */
static void extr_s_h(struct cpu *c, uint32_t w, unsigned shift)
{
    int64_t t = acc_s(c, DSP_AC(w)) >> shift;
    RT(w) = (uint32_t)dsp_sat(c, t, 16, DSP_OU_EXTR);
}

/* EXTP/EXTPV/EXTPDP/EXTPDPV (MD00374 EXTP): size+1 bits ending at bit pos of the accumulator.
 * When pos - (size+1) < -1 the extraction fails: EFI = 1 and rt is UNPREDICTABLE (left
 * unchanged here).  The DP forms then decrement pos by size+1 (6-bit field). */
static void extp(struct cpu *c, uint32_t w, unsigned size, bool dp)
{
    unsigned pos = c->dspctl & DSPCTL_POS;
    if ((int)pos - (int)(size + 1) < -1) {
        c->dspctl |= DSPCTL_EFI;
        return;
    }
    uint64_t acc = get_acc(c, DSP_AC(w));
    uint64_t field = acc >> (pos - size);
    uint32_t mask = size == 31 ? 0xFFFFFFFFu : (1u << (size + 1)) - 1;
    RT(w) = (uint32_t)field & mask;
    c->dspctl &= ~DSPCTL_EFI;
    if (dp)
        c->dspctl = (c->dspctl & ~DSPCTL_POS) | ((pos - (size + 1)) & DSPCTL_POS);
}

/* SHILO/SHILOV: shift the accumulator by a signed 6-bit amount, right (logical) when
 * positive, left when negative. */
static void shilo(struct cpu *c, unsigned ac, unsigned field6)
{
    int shift = (int)(field6 & 0x3F) - ((field6 & 0x20) ? 64 : 0);
    uint64_t a = get_acc(c, ac);
    if (shift > 0)
        a >>= shift;
    else if (shift < 0)
        a <<= -shift;
    set_acc(c, ac, a);
}

enum {
    EXTR_W = 0x00,
    EXTRV_W = 0x01,
    EXTP = 0x02,
    EXTPV = 0x03,
    EXTR_R_W = 0x04,
    EXTRV_R_W = 0x05,
    EXTR_RS_W = 0x06,
    EXTRV_RS_W = 0x07,
    EXTPDP = 0x0A,
    EXTPDPV = 0x0B,
    EXTR_S_H = 0x0E,
    EXTRV_S_H = 0x0F,
    RDDSP = 0x12,
    WRDSP = 0x13,
    SHILO = 0x1A,
    SHILOV = 0x1B,
    MTHLIP = 0x1F,
};

void dsp_extr_group(struct cpu *c, uint32_t w)
{
    unsigned imm = INSN_RS(w); /* shift / size immediate */
    unsigned var = RS(w) & 31; /* the V forms take it from rs */
    switch (DSP_OP(w)) {
    case EXTR_W: extr_w(c, w, imm, 0); return;
    case EXTRV_W: extr_w(c, w, var, 0); return;
    case EXTR_R_W: extr_w(c, w, imm, 1); return;
    case EXTRV_R_W: extr_w(c, w, var, 1); return;
    case EXTR_RS_W: extr_w(c, w, imm, 2); return;
    case EXTRV_RS_W: extr_w(c, w, var, 2); return;
    case EXTR_S_H: extr_s_h(c, w, imm); return;
    case EXTRV_S_H: extr_s_h(c, w, var); return;
    case EXTP: extp(c, w, imm, false); return;
    case EXTPV: extp(c, w, var, false); return;
    case EXTPDP: extp(c, w, imm, true); return;
    case EXTPDPV: extp(c, w, var, true); return;
    case RDDSP: /* RDDSP rd, mask: mask in bits 21:16 (25:22 ignored) */
        RD(w) = c->dspctl & dsp_mask((w >> 16) & 0x3F);
        return;
    case WRDSP: { /* WRDSP rs, mask: mask in bits 16:11 (20:17 ignored) */
        uint32_t m = dsp_mask((w >> 11) & 0x3F);
        c->dspctl = (c->dspctl & ~m) | (RS(w) & m);
        return;
    }
    case SHILO: shilo(c, DSP_AC(w), (w >> 20) & 0x3F); return;
    case SHILOV: shilo(c, DSP_AC(w), RS(w) & 0x3F); return;
    case MTHLIP: {
        /* MD00374 MTHLIP: HI = LO, LO = rs, pos += 32; a pos above 32 gives an UNPREDICTABLE
         * pos, which is left unchanged here. */
        unsigned ac = DSP_AC(w), pos = c->dspctl & DSPCTL_POS;
        c->hi[ac] = c->lo[ac];
        c->lo[ac] = RS(w);
        if (pos <= 32) /* 32 + 32 wraps to 0 in the 6-bit field */
            c->dspctl = (c->dspctl & ~DSPCTL_POS) | ((pos + 32) & DSPCTL_POS);
        return;
    }
    default: RI(); return;
    }
}
