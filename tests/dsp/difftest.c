/*
 * Differential test of the DSP ASE r2: the same object runs in pic32mz-sim (diff_bare.S) and
 * under qemu-mipsel -cpu 74Kf (diff_linux.S), an independent implementation of the DSP ASE
 * r2 (tests/dsp/run.sh compares the outputs line by line).
 *
 * Every case sets DSPControl (WRDSP, all fields), ac1 (MTHI/MTLO) and the GPR operands from a
 * deterministic generator biased toward lane boundaries (0, 1, max, min, -1 per byte and
 * halfword), runs one DSP instruction, and reads back rd/rt, ac1 and DSPControl (RDDSP).
 * One output line per instruction form (and per immediate value): an FNV-1a hash of all
 * results.  With -DVERBOSE every case is printed instead, to find the first difference.
 *
 * Results the DSP specification (MD00374) calls UNPREDICTABLE are kept out of the comparison:
 * rt after a failed EXTP* (EFI = 1); MTHLIP runs with pos <= 32; INSV with 1 <= scount and
 * pos + scount <= 32; BALIGN only with bp = 1 and 3.
 *
 * Known QEMU deviation (the documents win; tests/dsp/mul.S checks the documented result):
 * QEMU's MAQ_SA.W.PHx decides saturation from bits 32 and 31 of the 64-bit sum only, so an
 * accumulator outside the Q31 range before the instruction gives a wrong clamp or none; MD00374
 * saturates whenever the sum "cannot be represented as a Q31 value".  MAQ_SA runs here only
 * with accumulators in the Q31 range, where both readings agree.
 */
#include <stdint.h>

void out_write(const char *buf, unsigned len);

struct st {
    uint32_t rd, rs, rt, hi, lo, dsp;
};

enum { F_EXTP = 1, F_MTHLIP = 2, F_INSV = 4, F_LX = 8, F_ACC32 = 16, F_Q31ACC = 32 };

/* ---------------------------------------------------------------- the instruction forms */

/* RUN_AC(acc, "insn"): one case on accumulator `acc`; the instruction names its operands
 * %[rd], %[rs], %[rt] (rt is read and written). */
#define RUN_AC(acc, text)                                                                          \
    uint32_t rd = s->rd, rs = s->rs, rt = s->rt, hi = s->hi, lo = s->lo, dsp = s->dsp;             \
    __asm__ volatile(".set push\n\t.set dspr2\n\t.set noreorder\n\t"                               \
                     "wrdsp %[dsp], 0x3f\n\t"                                                      \
                     "mthi %[hi], " acc "\n\t"                                                     \
                     "mtlo %[lo], " acc "\n\t" text "\n\t"                                         \
                     "mfhi %[hi], " acc "\n\t"                                                     \
                     "mflo %[lo], " acc "\n\t"                                                     \
                     "rddsp %[dsp], 0x3f\n\t.set pop"                                              \
                     : [rd] "+r"(rd), [rt] "+r"(rt), [hi] "+r"(hi), [lo] "+r"(lo), [dsp] "+r"(dsp) \
                     : [rs] "r"(rs)                                                                \
                     : "hi", "lo", "$ac1hi", "$ac1lo", "$ac2hi", "$ac2lo", "$ac3hi", "$ac3lo",     \
                       "memory");                                                                  \
    s->rd = rd;                                                                                    \
    s->rt = rt;                                                                                    \
    s->hi = hi;                                                                                    \
    s->lo = lo;                                                                                    \
    s->dsp = dsp;

#define RUN(text) RUN_AC("$ac1", text)

/* T(id, "insn operands"): a form without immediate. */
#define T(id, text)                                                                                \
    static void id(struct st *s)                                                                   \
    {                                                                                              \
        RUN(text)                                                                                  \
    }
#define TA(id, acc, text)                                                                          \
    static void id(struct st *s)                                                                   \
    {                                                                                              \
        RUN_AC(acc, text)                                                                          \
    }

/* TI: one function per immediate value (id_0 .. id_N-1): "pre" #i "post". */
#define TI1(id, i, pre, post)                                                                      \
    static void id##_##i(struct st *s)                                                             \
    {                                                                                              \
        RUN(pre #i post)                                                                           \
    }
#define TI8(id, pre, post)                                                                         \
    TI1(id, 0, pre, post)                                                                          \
    TI1(id, 1, pre, post)                                                                          \
    TI1(id, 2, pre, post) TI1(id, 3, pre, post) TI1(id, 4, pre, post) TI1(id, 5, pre, post)        \
        TI1(id, 6, pre, post) TI1(id, 7, pre, post)
#define TI16(id, pre, post)                                                                        \
    TI8(id, pre, post)                                                                             \
    TI1(id, 8, pre, post)                                                                          \
    TI1(id, 9, pre, post) TI1(id, 10, pre, post) TI1(id, 11, pre, post) TI1(id, 12, pre, post)     \
        TI1(id, 13, pre, post) TI1(id, 14, pre, post) TI1(id, 15, pre, post)
#define TI32(id, pre, post)                                                                        \
    TI16(id, pre, post)                                                                            \
    TI1(id, 16, pre, post)                                                                         \
    TI1(id, 17, pre, post) TI1(id, 18, pre, post) TI1(id, 19, pre, post) TI1(id, 20, pre, post)    \
        TI1(id, 21, pre, post) TI1(id, 22, pre, post) TI1(id, 23, pre, post)                       \
            TI1(id, 24, pre, post) TI1(id, 25, pre, post) TI1(id, 26, pre, post)                   \
                TI1(id, 27, pre, post) TI1(id, 28, pre, post) TI1(id, 29, pre, post)               \
                    TI1(id, 30, pre, post) TI1(id, 31, pre, post)

#define L8(id)  id##_0, id##_1, id##_2, id##_3, id##_4, id##_5, id##_6, id##_7
#define L16(id) L8(id), id##_8, id##_9, id##_10, id##_11, id##_12, id##_13, id##_14, id##_15
#define L32(id)                                                                                    \
    L16(id), id##_16, id##_17, id##_18, id##_19, id##_20, id##_21, id##_22, id##_23, id##_24,      \
        id##_25, id##_26, id##_27, id##_28, id##_29, id##_30, id##_31

typedef void (*fn_t)(struct st *);

/* --- ADDU.QB group --- */
T(addu_qb, "addu.qb %[rd], %[rs], %[rt]")
T(addu_s_qb, "addu_s.qb %[rd], %[rs], %[rt]")
T(subu_qb, "subu.qb %[rd], %[rs], %[rt]")
T(subu_s_qb, "subu_s.qb %[rd], %[rs], %[rt]")
T(addu_ph, "addu.ph %[rd], %[rs], %[rt]")
T(addu_s_ph, "addu_s.ph %[rd], %[rs], %[rt]")
T(subu_ph, "subu.ph %[rd], %[rs], %[rt]")
T(subu_s_ph, "subu_s.ph %[rd], %[rs], %[rt]")
T(addq_ph, "addq.ph %[rd], %[rs], %[rt]")
T(addq_s_ph, "addq_s.ph %[rd], %[rs], %[rt]")
T(subq_ph, "subq.ph %[rd], %[rs], %[rt]")
T(subq_s_ph, "subq_s.ph %[rd], %[rs], %[rt]")
T(addq_s_w, "addq_s.w %[rd], %[rs], %[rt]")
T(subq_s_w, "subq_s.w %[rd], %[rs], %[rt]")
T(addsc, "addsc %[rd], %[rs], %[rt]")
T(addwc, "addwc %[rd], %[rs], %[rt]")
T(modsub, "modsub %[rd], %[rs], %[rt]")
T(raddu_w_qb, "raddu.w.qb %[rd], %[rs]")
T(muleu_s_ph_qbl, "muleu_s.ph.qbl %[rd], %[rs], %[rt]")
T(muleu_s_ph_qbr, "muleu_s.ph.qbr %[rd], %[rs], %[rt]")
T(muleq_s_w_phl, "muleq_s.w.phl %[rd], %[rs], %[rt]")
T(muleq_s_w_phr, "muleq_s.w.phr %[rd], %[rs], %[rt]")
T(mulq_s_ph, "mulq_s.ph %[rd], %[rs], %[rt]")
T(mulq_rs_ph, "mulq_rs.ph %[rd], %[rs], %[rt]")
/* --- ADDUH.QB group --- */
T(adduh_qb, "adduh.qb %[rd], %[rs], %[rt]")
T(adduh_r_qb, "adduh_r.qb %[rd], %[rs], %[rt]")
T(subuh_qb, "subuh.qb %[rd], %[rs], %[rt]")
T(subuh_r_qb, "subuh_r.qb %[rd], %[rs], %[rt]")
T(addqh_ph, "addqh.ph %[rd], %[rs], %[rt]")
T(addqh_r_ph, "addqh_r.ph %[rd], %[rs], %[rt]")
T(subqh_ph, "subqh.ph %[rd], %[rs], %[rt]")
T(subqh_r_ph, "subqh_r.ph %[rd], %[rs], %[rt]")
T(addqh_w, "addqh.w %[rd], %[rs], %[rt]")
T(addqh_r_w, "addqh_r.w %[rd], %[rs], %[rt]")
T(subqh_w, "subqh.w %[rd], %[rs], %[rt]")
T(subqh_r_w, "subqh_r.w %[rd], %[rs], %[rt]")
T(mul_ph, "mul.ph %[rd], %[rs], %[rt]")
T(mul_s_ph, "mul_s.ph %[rd], %[rs], %[rt]")
T(mulq_s_w, "mulq_s.w %[rd], %[rs], %[rt]")
T(mulq_rs_w, "mulq_rs.w %[rd], %[rs], %[rt]")
/* --- SHLL.QB group --- */
TI8(shll_qb, "shll.qb %[rd], %[rt], ", "")
TI8(shrl_qb, "shrl.qb %[rd], %[rt], ", "")
TI8(shra_qb, "shra.qb %[rd], %[rt], ", "")
TI8(shra_r_qb, "shra_r.qb %[rd], %[rt], ", "")
TI16(shll_ph, "shll.ph %[rd], %[rt], ", "")
TI16(shll_s_ph, "shll_s.ph %[rd], %[rt], ", "")
TI16(shra_ph, "shra.ph %[rd], %[rt], ", "")
TI16(shra_r_ph, "shra_r.ph %[rd], %[rt], ", "")
TI16(shrl_ph, "shrl.ph %[rd], %[rt], ", "")
TI32(shll_s_w, "shll_s.w %[rd], %[rt], ", "")
TI32(shra_r_w, "shra_r.w %[rd], %[rt], ", "")
T(shllv_qb, "shllv.qb %[rd], %[rt], %[rs]")
T(shrlv_qb, "shrlv.qb %[rd], %[rt], %[rs]")
T(shrav_qb, "shrav.qb %[rd], %[rt], %[rs]")
T(shrav_r_qb, "shrav_r.qb %[rd], %[rt], %[rs]")
T(shllv_ph, "shllv.ph %[rd], %[rt], %[rs]")
T(shllv_s_ph, "shllv_s.ph %[rd], %[rt], %[rs]")
T(shrav_ph, "shrav.ph %[rd], %[rt], %[rs]")
T(shrav_r_ph, "shrav_r.ph %[rd], %[rt], %[rs]")
T(shrlv_ph, "shrlv.ph %[rd], %[rt], %[rs]")
T(shllv_s_w, "shllv_s.w %[rd], %[rt], %[rs]")
T(shrav_r_w, "shrav_r.w %[rd], %[rt], %[rs]")
/* --- CMPU.EQ.QB group --- */
T(cmpu_eq_qb, "cmpu.eq.qb %[rs], %[rt]")
T(cmpu_lt_qb, "cmpu.lt.qb %[rs], %[rt]")
T(cmpu_le_qb, "cmpu.le.qb %[rs], %[rt]")
T(cmpgu_eq_qb, "cmpgu.eq.qb %[rd], %[rs], %[rt]")
T(cmpgu_lt_qb, "cmpgu.lt.qb %[rd], %[rs], %[rt]")
T(cmpgu_le_qb, "cmpgu.le.qb %[rd], %[rs], %[rt]")
T(cmpgdu_eq_qb, "cmpgdu.eq.qb %[rd], %[rs], %[rt]")
T(cmpgdu_lt_qb, "cmpgdu.lt.qb %[rd], %[rs], %[rt]")
T(cmpgdu_le_qb, "cmpgdu.le.qb %[rd], %[rs], %[rt]")
T(cmp_eq_ph, "cmp.eq.ph %[rs], %[rt]")
T(cmp_lt_ph, "cmp.lt.ph %[rs], %[rt]")
T(cmp_le_ph, "cmp.le.ph %[rs], %[rt]")
T(pick_qb, "pick.qb %[rd], %[rs], %[rt]")
T(pick_ph, "pick.ph %[rd], %[rs], %[rt]")
T(precrq_qb_ph, "precrq.qb.ph %[rd], %[rs], %[rt]")
T(precr_qb_ph, "precr.qb.ph %[rd], %[rs], %[rt]")
T(packrl_ph, "packrl.ph %[rd], %[rs], %[rt]")
T(precrqu_s_qb_ph, "precrqu_s.qb.ph %[rd], %[rs], %[rt]")
T(precrq_ph_w, "precrq.ph.w %[rd], %[rs], %[rt]")
T(precrq_rs_ph_w, "precrq_rs.ph.w %[rd], %[rs], %[rt]")
TI32(precr_sra_ph_w, "precr_sra.ph.w %[rt], %[rs], ", "")
TI32(precr_sra_r_ph_w, "precr_sra_r.ph.w %[rt], %[rs], ", "")
/* --- ABSQ_S.PH group --- */
T(absq_s_qb, "absq_s.qb %[rd], %[rt]")
T(absq_s_ph, "absq_s.ph %[rd], %[rt]")
T(absq_s_w, "absq_s.w %[rd], %[rt]")
T(replv_qb, "replv.qb %[rd], %[rt]")
T(replv_ph, "replv.ph %[rd], %[rt]")
T(preceq_w_phl, "preceq.w.phl %[rd], %[rt]")
T(preceq_w_phr, "preceq.w.phr %[rd], %[rt]")
T(precequ_ph_qbl, "precequ.ph.qbl %[rd], %[rt]")
T(precequ_ph_qbr, "precequ.ph.qbr %[rd], %[rt]")
T(precequ_ph_qbla, "precequ.ph.qbla %[rd], %[rt]")
T(precequ_ph_qbra, "precequ.ph.qbra %[rd], %[rt]")
T(preceu_ph_qbl, "preceu.ph.qbl %[rd], %[rt]")
T(preceu_ph_qbr, "preceu.ph.qbr %[rd], %[rt]")
T(preceu_ph_qbla, "preceu.ph.qbla %[rd], %[rt]")
T(preceu_ph_qbra, "preceu.ph.qbra %[rd], %[rt]")
T(bitrev, "bitrev %[rd], %[rt]")
T(repl_qb_a5, "repl.qb %[rd], 0xa5")
T(repl_qb_7f, "repl.qb %[rd], 0x7f")
T(repl_ph_p, "repl.ph %[rd], 511")
T(repl_ph_n, "repl.ph %[rd], -512")
T(repl_ph_m1, "repl.ph %[rd], -1")
/* --- DPA.W.PH group (ac1) --- */
T(dpa_w_ph, "dpa.w.ph $ac1, %[rs], %[rt]")
T(dps_w_ph, "dps.w.ph $ac1, %[rs], %[rt]")
T(dpax_w_ph, "dpax.w.ph $ac1, %[rs], %[rt]")
T(dpsx_w_ph, "dpsx.w.ph $ac1, %[rs], %[rt]")
T(mulsa_w_ph, "mulsa.w.ph $ac1, %[rs], %[rt]")
T(dpau_h_qbl, "dpau.h.qbl $ac1, %[rs], %[rt]")
T(dpau_h_qbr, "dpau.h.qbr $ac1, %[rs], %[rt]")
T(dpsu_h_qbl, "dpsu.h.qbl $ac1, %[rs], %[rt]")
T(dpsu_h_qbr, "dpsu.h.qbr $ac1, %[rs], %[rt]")
T(dpaq_s_w_ph, "dpaq_s.w.ph $ac1, %[rs], %[rt]")
T(dpsq_s_w_ph, "dpsq_s.w.ph $ac1, %[rs], %[rt]")
T(dpaqx_s_w_ph, "dpaqx_s.w.ph $ac1, %[rs], %[rt]")
T(dpsqx_s_w_ph, "dpsqx_s.w.ph $ac1, %[rs], %[rt]")
T(dpaqx_sa_w_ph, "dpaqx_sa.w.ph $ac1, %[rs], %[rt]")
T(dpsqx_sa_w_ph, "dpsqx_sa.w.ph $ac1, %[rs], %[rt]")
T(mulsaq_s_w_ph, "mulsaq_s.w.ph $ac1, %[rs], %[rt]")
T(dpaq_sa_l_w, "dpaq_sa.l.w $ac1, %[rs], %[rt]")
T(dpsq_sa_l_w, "dpsq_sa.l.w $ac1, %[rs], %[rt]")
T(maq_s_w_phl, "maq_s.w.phl $ac1, %[rs], %[rt]")
T(maq_s_w_phr, "maq_s.w.phr $ac1, %[rs], %[rt]")
T(maq_sa_w_phl, "maq_sa.w.phl $ac1, %[rs], %[rt]")
T(maq_sa_w_phr, "maq_sa.w.phr $ac1, %[rs], %[rt]")
/* the same on ac0 and ac3: the ouflag bit is 16 + ac */
TA(dpaq_s_w_ph_ac0, "$ac0", "dpaq_s.w.ph $ac0, %[rs], %[rt]")
TA(dpaq_sa_l_w_ac3, "$ac3", "dpaq_sa.l.w $ac3, %[rs], %[rt]")
TA(maq_sa_w_phl_ac2, "$ac2", "maq_sa.w.phl $ac2, %[rs], %[rt]")
/* --- base ISA multiplies on DSP accumulators --- */
TA(mult_ac2, "$ac2", "mult $ac2, %[rs], %[rt]")
TA(multu_ac3, "$ac3", "multu $ac3, %[rs], %[rt]")
T(madd_ac1, "madd $ac1, %[rs], %[rt]")
T(maddu_ac1, "maddu $ac1, %[rs], %[rt]")
T(msub_ac1, "msub $ac1, %[rs], %[rt]")
T(msubu_ac1, "msubu $ac1, %[rs], %[rt]")
TA(mthi_mflo_ac3, "$ac3", "mthi %[rs], $ac3\n\tmflo %[rd], $ac3")
TA(mtlo_mfhi_ac2, "$ac2", "mtlo %[rs], $ac2\n\tmfhi %[rd], $ac2")
/* --- EXTR.W group --- */
TI32(extr_w, "extr.w %[rd], $ac1, ", "")
TI32(extr_r_w, "extr_r.w %[rd], $ac1, ", "")
TI32(extr_rs_w, "extr_rs.w %[rd], $ac1, ", "")
TI32(extr_s_h, "extr_s.h %[rd], $ac1, ", "")
TI32(extp, "extp %[rd], $ac1, ", "")
TI32(extpdp, "extpdp %[rd], $ac1, ", "")
T(extrv_w, "extrv.w %[rd], $ac1, %[rs]")
T(extrv_r_w, "extrv_r.w %[rd], $ac1, %[rs]")
T(extrv_rs_w, "extrv_rs.w %[rd], $ac1, %[rs]")
T(extrv_s_h, "extrv_s.h %[rd], $ac1, %[rs]")
T(extpv, "extpv %[rd], $ac1, %[rs]")
T(extpdpv, "extpdpv %[rd], $ac1, %[rs]")
TA(extr_rs_w_ac0, "$ac0", "extr_rs.w %[rd], $ac0, 7")
TA(extpdp_ac3, "$ac3", "extpdp %[rd], $ac3, 9")
TI32(shilo_p, "shilo $ac1, ", "")
TI32(shilo_n, "shilo $ac1, -", "")
T(shilov, "shilov $ac1, %[rs]")
T(mthlip, "mthlip %[rs], $ac1")
T(wrdsp_rddsp_all, "wrdsp %[rs], 0x3f\n\trddsp %[rd], 0x3f")
/* every mask value of WRDSP, then every mask value of RDDSP */
#define WR1(i)   T(wrdsp_##i, "wrdsp %[rs], 0" #i) /* octal: 0..63 */
#define RD1(i)   T(rddsp_##i, "rddsp %[rd], 0" #i)
#define M8(M, b) M(b##0) M(b##1) M(b##2) M(b##3) M(b##4) M(b##5) M(b##6) M(b##7)
M8(WR1, )
M8(WR1, 1)
M8(WR1, 2) M8(WR1, 3) M8(WR1, 4) M8(WR1, 5) M8(WR1, 6) M8(WR1, 7) M8(RD1, ) M8(RD1, 1) M8(RD1, 2)
    M8(RD1, 3) M8(RD1, 4) M8(RD1, 5) M8(RD1, 6) M8(RD1, 7)
    /* --- misc --- */
    T(insv, "insv %[rt], %[rs]") TI32(append, "append %[rt], %[rs], ", "")
        TI32(prepend, "prepend %[rt], %[rs], ", "") T(balign_1, "balign %[rt], %[rs], 1")
            T(balign_3, "balign %[rt], %[rs], 3")
                T(bposge32, "li %[rd], 0\n\tbposge32 1f\n\tnop\n\tli %[rd], 1\n1:")
                    T(lwx, "lwx %[rd], %[rt](%[rs])") T(lhx, "lhx %[rd], %[rt](%[rs])")
                        T(lbux, "lbux %[rd], %[rt](%[rs])")

    /* ---------------------------------------------------------------- the table */

    struct test {
    const char *name;
    unsigned flags;
    unsigned n;
    const fn_t *fn;
};

#define ONE(id, fl)                                                                                \
    {                                                                                              \
#id, fl, 1, (const fn_t[])                                                                 \
        {                                                                                          \
            id                                                                                     \
        }                                                                                          \
    }
#define IMM8(id)                                                                                   \
    {                                                                                              \
#id, 0, 8, (const fn_t[])                                                                  \
        {                                                                                          \
            L8(id)                                                                                 \
        }                                                                                          \
    }
#define IMM16(id)                                                                                  \
    {                                                                                              \
#id, 0, 16, (const fn_t[])                                                                 \
        {                                                                                          \
            L16(id)                                                                                \
        }                                                                                          \
    }
#define IMM32(id, fl)                                                                              \
    {                                                                                              \
#id, fl, 32, (const fn_t[])                                                                \
        {                                                                                          \
            L32(id)                                                                                \
        }                                                                                          \
    }
#define WRX(i) wrdsp_##i,
#define RDX(i) rddsp_##i,

static const struct test tests[] = {
    ONE(addu_qb, 0),
    ONE(addu_s_qb, 0),
    ONE(subu_qb, 0),
    ONE(subu_s_qb, 0),
    ONE(addu_ph, 0),
    ONE(addu_s_ph, 0),
    ONE(subu_ph, 0),
    ONE(subu_s_ph, 0),
    ONE(addq_ph, 0),
    ONE(addq_s_ph, 0),
    ONE(subq_ph, 0),
    ONE(subq_s_ph, 0),
    ONE(addq_s_w, 0),
    ONE(subq_s_w, 0),
    ONE(addsc, 0),
    ONE(addwc, 0),
    ONE(modsub, 0),
    ONE(raddu_w_qb, 0),
    ONE(muleu_s_ph_qbl, 0),
    ONE(muleu_s_ph_qbr, 0),
    ONE(muleq_s_w_phl, 0),
    ONE(muleq_s_w_phr, 0),
    ONE(mulq_s_ph, 0),
    ONE(mulq_rs_ph, 0),
    ONE(adduh_qb, 0),
    ONE(adduh_r_qb, 0),
    ONE(subuh_qb, 0),
    ONE(subuh_r_qb, 0),
    ONE(addqh_ph, 0),
    ONE(addqh_r_ph, 0),
    ONE(subqh_ph, 0),
    ONE(subqh_r_ph, 0),
    ONE(addqh_w, 0),
    ONE(addqh_r_w, 0),
    ONE(subqh_w, 0),
    ONE(subqh_r_w, 0),
    ONE(mul_ph, 0),
    ONE(mul_s_ph, 0),
    ONE(mulq_s_w, 0),
    ONE(mulq_rs_w, 0),
    IMM8(shll_qb),
    IMM8(shrl_qb),
    IMM8(shra_qb),
    IMM8(shra_r_qb),
    IMM16(shll_ph),
    IMM16(shll_s_ph),
    IMM16(shra_ph),
    IMM16(shra_r_ph),
    IMM16(shrl_ph),
    IMM32(shll_s_w, 0),
    IMM32(shra_r_w, 0),
    ONE(shllv_qb, 0),
    ONE(shrlv_qb, 0),
    ONE(shrav_qb, 0),
    ONE(shrav_r_qb, 0),
    ONE(shllv_ph, 0),
    ONE(shllv_s_ph, 0),
    ONE(shrav_ph, 0),
    ONE(shrav_r_ph, 0),
    ONE(shrlv_ph, 0),
    ONE(shllv_s_w, 0),
    ONE(shrav_r_w, 0),
    ONE(cmpu_eq_qb, 0),
    ONE(cmpu_lt_qb, 0),
    ONE(cmpu_le_qb, 0),
    ONE(cmpgu_eq_qb, 0),
    ONE(cmpgu_lt_qb, 0),
    ONE(cmpgu_le_qb, 0),
    ONE(cmpgdu_eq_qb, 0),
    ONE(cmpgdu_lt_qb, 0),
    ONE(cmpgdu_le_qb, 0),
    ONE(cmp_eq_ph, 0),
    ONE(cmp_lt_ph, 0),
    ONE(cmp_le_ph, 0),
    ONE(pick_qb, 0),
    ONE(pick_ph, 0),
    ONE(precrq_qb_ph, 0),
    ONE(precr_qb_ph, 0),
    ONE(packrl_ph, 0),
    ONE(precrqu_s_qb_ph, 0),
    ONE(precrq_ph_w, 0),
    ONE(precrq_rs_ph_w, 0),
    IMM32(precr_sra_ph_w, 0),
    IMM32(precr_sra_r_ph_w, 0),
    ONE(absq_s_qb, 0),
    ONE(absq_s_ph, 0),
    ONE(absq_s_w, 0),
    ONE(replv_qb, 0),
    ONE(replv_ph, 0),
    ONE(preceq_w_phl, 0),
    ONE(preceq_w_phr, 0),
    ONE(precequ_ph_qbl, 0),
    ONE(precequ_ph_qbr, 0),
    ONE(precequ_ph_qbla, 0),
    ONE(precequ_ph_qbra, 0),
    ONE(preceu_ph_qbl, 0),
    ONE(preceu_ph_qbr, 0),
    ONE(preceu_ph_qbla, 0),
    ONE(preceu_ph_qbra, 0),
    ONE(bitrev, 0),
    ONE(repl_qb_a5, 0),
    ONE(repl_qb_7f, 0),
    ONE(repl_ph_p, 0),
    ONE(repl_ph_n, 0),
    ONE(repl_ph_m1, 0),
    ONE(dpa_w_ph, 0),
    ONE(dps_w_ph, 0),
    ONE(dpax_w_ph, 0),
    ONE(dpsx_w_ph, 0),
    ONE(mulsa_w_ph, 0),
    ONE(dpau_h_qbl, 0),
    ONE(dpau_h_qbr, 0),
    ONE(dpsu_h_qbl, 0),
    ONE(dpsu_h_qbr, 0),
    ONE(dpaq_s_w_ph, 0),
    ONE(dpsq_s_w_ph, 0),
    ONE(dpaqx_s_w_ph, 0),
    ONE(dpsqx_s_w_ph, 0),
    ONE(dpaqx_sa_w_ph, F_ACC32),
    ONE(dpsqx_sa_w_ph, F_ACC32),
    ONE(mulsaq_s_w_ph, 0),
    ONE(dpaq_sa_l_w, 0),
    ONE(dpsq_sa_l_w, 0),
    ONE(maq_s_w_phl, 0),
    ONE(maq_s_w_phr, 0),
    ONE(maq_sa_w_phl, F_Q31ACC),
    ONE(maq_sa_w_phr, F_Q31ACC),
    ONE(dpaq_s_w_ph_ac0, 0),
    ONE(dpaq_sa_l_w_ac3, 0),
    ONE(maq_sa_w_phl_ac2, F_Q31ACC),
    ONE(mult_ac2, 0),
    ONE(multu_ac3, 0),
    ONE(madd_ac1, 0),
    ONE(maddu_ac1, 0),
    ONE(msub_ac1, 0),
    ONE(msubu_ac1, 0),
    ONE(mthi_mflo_ac3, 0),
    ONE(mtlo_mfhi_ac2, 0),
    IMM32(extr_w, 0),
    IMM32(extr_r_w, 0),
    IMM32(extr_rs_w, 0),
    IMM32(extr_s_h, 0),
    IMM32(extp, F_EXTP),
    IMM32(extpdp, F_EXTP),
    ONE(extrv_w, 0),
    ONE(extrv_r_w, 0),
    ONE(extrv_rs_w, 0),
    ONE(extrv_s_h, 0),
    ONE(extpv, F_EXTP),
    ONE(extpdpv, F_EXTP),
    ONE(extr_rs_w_ac0, 0),
    ONE(extpdp_ac3, F_EXTP),
    IMM32(shilo_p, 0),
    IMM32(shilo_n, 0),
    ONE(shilov, 0),
    ONE(mthlip, F_MTHLIP),
    ONE(wrdsp_rddsp_all, 0),
    {"wrdsp", 0, 64,
     (const fn_t[]){M8(WRX, ) M8(WRX, 1) M8(WRX, 2) M8(WRX, 3) M8(WRX, 4) M8(WRX, 5) M8(WRX, 6)
                        M8(WRX, 7)}},
    {"rddsp", 0, 64,
     (const fn_t[]){M8(RDX, ) M8(RDX, 1) M8(RDX, 2) M8(RDX, 3) M8(RDX, 4) M8(RDX, 5) M8(RDX, 6)
                        M8(RDX, 7)}},
    ONE(insv, F_INSV),
    IMM32(append, 0),
    IMM32(prepend, 0),
    ONE(balign_1, 0),
    ONE(balign_3, 0),
    ONE(bposge32, 0),
    ONE(lwx, F_LX),
    ONE(lhx, F_LX),
    ONE(lbux, F_LX),
};

/* ---------------------------------------------------------------- operands */

static uint32_t rng = 0x2545F491u;

static uint32_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static const uint8_t sp_b[] = {0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x81, 0x40};
static const uint16_t sp_h[] = {0x0000, 0x0001, 0x7FFF, 0x8000, 0xFFFF, 0x8001,
                                0x7F80, 0x7F81, 0x4000, 0xC000, 0x00FF, 0xFF00};
static const uint32_t sp_w[] = {0x00000000, 0x00000001, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
                                0x80000001, 0x7FFF8000, 0x7FFF7FFF, 0x00008000, 0x40000000,
                                0xFFFF8000, 0x0000001F, 0x00000020, 0x0000003F};

static uint32_t operand(void)
{
    uint32_t r = rnd(), v = 0;
    switch (r & 3) {
    case 0: return rnd();
    case 1:
        for (unsigned i = 0; i < 4; i++)
            v |= (uint32_t)((rnd() & 1) ? sp_b[rnd() % sizeof(sp_b)] : rnd() & 0xFF) << (8 * i);
        return v;
    case 2:
        for (unsigned i = 0; i < 2; i++)
            v |= (uint32_t)((rnd() & 1) ? sp_h[rnd() % 12] : rnd() & 0xFFFF) << (16 * i);
        return v;
    default: return (rnd() & 1) ? sp_w[rnd() % 14] : rnd() % 64;
    }
}

/* Accumulator: random, a sign-extended word (so EXTR* rarely overflow), near the Q31 limits
 * (MAQ_SA, DPAQX_SA), or near the 64-bit limits (DPAQ_SA.L.W). */
static void accumulator(struct st *s, unsigned flags)
{
    uint32_t r = rnd() % 5;
    if (flags & F_Q31ACC)
        r = r & 1;
    if (r == 0 || (flags & F_ACC32 && r < 3)) {
        uint32_t near[] = {0x7FFFFFFF, 0x80000000, 0x7FFF0000, 0x80010000};
        s->lo = near[rnd() % 4] + (rnd() & 0xFFFF) - 0x8000;
        s->hi = (s->lo & 0x80000000u) ? 0xFFFFFFFF : 0;
        if ((rnd() & 1) && !(flags & F_Q31ACC)) /* one step outside the Q31 range */
            s->hi = ~s->hi;
    } else if (r == 1) {
        s->lo = operand();
        s->hi = (s->lo & 0x80000000u) ? 0xFFFFFFFF : 0;
    } else if (r == 2) {
        s->hi = (rnd() & 1) ? 0x7FFFFFFF : 0x80000000;
        s->lo = rnd();
    } else {
        s->hi = operand();
        s->lo = operand();
    }
}

static uint32_t memory[16] = {
    0x80706050, 0x00FF7F81, 0xFFFFFFFF, 0x12345678, 0x8000FFFF, 0x7FFF0001, 0xDEADBEEF, 0x0,
    0xA5A5A5A5, 0x01020304, 0xFEDCBA98, 0x80000000, 0x7FFFFFFF, 0x00010000, 0x55AA55AA, 0x1,
};

/* ---------------------------------------------------------------- output */

static char buf[4096];
static unsigned blen;

static void flush(void)
{
    out_write(buf, blen);
    blen = 0;
}

static void put(const char *str)
{
    while (*str) {
        if (blen == sizeof(buf))
            flush();
        buf[blen++] = *str++;
    }
}

static void put_hex(uint32_t v)
{
    char t[10];
    t[0] = ' ';
    for (int i = 0; i < 8; i++)
        t[1 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 15];
    t[9] = 0;
    put(t);
}

static uint32_t fnv(uint32_t h, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        h ^= (v >> (8 * i)) & 0xFF;
        h *= 16777619u;
    }
    return h;
}

#ifndef CASES
#define CASES 160
#endif

int main(void)
{
    for (unsigned t = 0; t < sizeof(tests) / sizeof(tests[0]); t++) {
        const struct test *tc = &tests[t];
        for (unsigned v = 0; v < tc->n; v++) {
            uint32_t h = 2166136261u;
            for (unsigned k = 0; k < CASES; k++) {
                struct st s = {.rd = operand(), .rs = operand(), .rt = operand(), .dsp = rnd()};
                accumulator(&s, tc->flags);
                if (tc->flags & F_MTHLIP)
                    s.dsp = (s.dsp & ~0x3Fu) | (rnd() % 33);
                if (tc->flags & F_INSV) {
                    uint32_t pos = rnd() % 32, size = 1 + rnd() % (32 - pos);
                    s.dsp = (s.dsp & ~0x1FBFu) | pos | size << 7;
                }
                if (tc->flags & F_LX) {
                    s.rs = (uint32_t)(uintptr_t)memory;
                    s.rt = (rnd() % 16) * 4 + (tc->fn[0] == lhx ? (rnd() & 2) : 0) +
                           (tc->fn[0] == lbux ? (rnd() & 3) : 0);
                }
                struct st in = s;
                tc->fn[v](&s);
                if ((tc->flags & F_EXTP) && (s.dsp & 0x4000))
                    s.rd = 0; /* UNPREDICTABLE after a failed extraction */
                h = fnv(fnv(fnv(fnv(fnv(h, s.rd), s.rt), s.hi), s.lo), s.dsp);
#ifdef VERBOSE
                put(tc->name);
                put_hex(v);
                put(" in");
                put_hex(in.rd), put_hex(in.rs), put_hex(in.rt), put_hex(in.hi), put_hex(in.lo);
                put_hex(in.dsp);
                put(" out");
                put_hex(s.rd), put_hex(s.rt), put_hex(s.hi), put_hex(s.lo), put_hex(s.dsp);
                put("\n");
#else
                (void)in;
#endif
            }
            put(tc->name);
            if (tc->n > 1) {
                put("/");
                put_hex(v);
            }
            put_hex(h);
            put("\n");
        }
    }
    flush();
    return 0;
}
