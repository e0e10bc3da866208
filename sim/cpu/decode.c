/*
 * The MIPS32 decoder: one switch per opcode map of MD00086 Appendix A (Tables A.2-A.11), each
 * case calling the semantics in exec_*.h.  Encodings the M5150 does not implement, and
 * reserved fields that must be zero, raise Reserved Instruction (architecture.md: an
 * unimplemented instruction is never ignored).
 */
#include "dsp.h"
#include "exec_alu.h"
#include "exec_branch.h"
#include "exec_mem.h"
#include "exec_sys.h"

#define RI() cpu_exception(c, EXCCODE_RI)

static void exec_special(struct cpu *c, uint32_t w)
{
    uint32_t rs = RS(w), rt = RT(w);
    unsigned sa = INSN_SA(w);
    switch (INSN_FUNCT(w)) {
    case SPECIAL_SLL:
        RD(w) = rt << sa; /* also NOP, SSNOP, EHB (sa = 0, 1, 3) */
        return;
    case SPECIAL_SRL:
        if (INSN_RS(w) == 1)
            RD(w) = rotr32(rt, sa); /* ROTR */
        else if (INSN_RS(w) == 0)
            RD(w) = rt >> sa;
        else
            RI();
        return;
    case SPECIAL_SRA: RD(w) = sra32(rt, sa); return;
    case SPECIAL_SLLV: RD(w) = rt << (rs & 31); return;
    case SPECIAL_SRLV:
        if (sa == 1)
            RD(w) = rotr32(rt, rs & 31); /* ROTRV */
        else if (sa == 0)
            RD(w) = rt >> (rs & 31);
        else
            RI();
        return;
    case SPECIAL_SRAV: RD(w) = sra32(rt, rs & 31); return;
    case SPECIAL_JR: exec_jump_reg(c, w, false); return; /* hint bit 10: JR.HB */
    case SPECIAL_JALR: exec_jump_reg(c, w, true); return;
    case SPECIAL_MOVZ:
        if (rt == 0)
            RD(w) = rs;
        return;
    case SPECIAL_MOVN:
        if (rt != 0)
            RD(w) = rs;
        return;
    case SPECIAL_SYSCALL: cpu_exception(c, EXCCODE_SYS); return;
    case SPECIAL_BREAK: cpu_exception(c, EXCCODE_BP); return;
    case SPECIAL_SYNC:
        return; /* in-order core, no write buffer visible to software */
    /* ac1..ac3 forms are DSP ASE instructions (DSPDis when Status.MX = 0): dsp.h */
    case SPECIAL_MFHI:
        if (dsp_acc_ok(c, (w >> 21) & 3))
            RD(w) = c->hi[(w >> 21) & 3];
        return;
    case SPECIAL_MTHI:
        if (dsp_acc_ok(c, (w >> 11) & 3))
            c->hi[(w >> 11) & 3] = rs;
        return;
    case SPECIAL_MFLO:
        if (dsp_acc_ok(c, (w >> 21) & 3))
            RD(w) = c->lo[(w >> 21) & 3];
        return;
    case SPECIAL_MTLO:
        if (dsp_acc_ok(c, (w >> 11) & 3))
            c->lo[(w >> 11) & 3] = rs;
        return;
    case SPECIAL_MULT:
        if (dsp_acc_ok(c, (w >> 11) & 3))
            set_acc(c, (w >> 11) & 3, (uint64_t)((int64_t)(int32_t)rs * (int32_t)rt));
        return;
    case SPECIAL_MULTU:
        if (dsp_acc_ok(c, (w >> 11) & 3))
            set_acc(c, (w >> 11) & 3, (uint64_t)rs * rt);
        return;
    case SPECIAL_DIV: exec_div(c, rs, rt); return;
    case SPECIAL_DIVU: exec_divu(c, rs, rt); return;
    case SPECIAL_ADD: exec_add_ov(c, INSN_RD(w), rs, rt); return;
    case SPECIAL_ADDU: RD(w) = rs + rt; return;
    case SPECIAL_SUB: exec_sub_ov(c, INSN_RD(w), rs, rt); return;
    case SPECIAL_SUBU: RD(w) = rs - rt; return;
    case SPECIAL_AND: RD(w) = rs & rt; return;
    case SPECIAL_OR: RD(w) = rs | rt; return;
    case SPECIAL_XOR: RD(w) = rs ^ rt; return;
    case SPECIAL_NOR: RD(w) = ~(rs | rt); return;
    case SPECIAL_SLT: RD(w) = (int32_t)rs < (int32_t)rt; return;
    case SPECIAL_SLTU: RD(w) = rs < rt; return;
    case SPECIAL_TGE: exec_trap(c, (int32_t)rs >= (int32_t)rt); return;
    case SPECIAL_TGEU: exec_trap(c, rs >= rt); return;
    case SPECIAL_TLT: exec_trap(c, (int32_t)rs < (int32_t)rt); return;
    case SPECIAL_TLTU: exec_trap(c, rs < rt); return;
    case SPECIAL_TEQ: exec_trap(c, rs == rt); return;
    case SPECIAL_TNE: exec_trap(c, rs != rt); return;
    case SPECIAL_MOVCI: fpu_exec_movci(c, w); return; /* MOVF/MOVT */
    default: RI(); return;
    }
}

static void exec_regimm(struct cpu *c, uint32_t w)
{
    int32_t rs = (int32_t)RS(w);
    uint32_t imm = (uint32_t)INSN_SIMM(w);
    switch (INSN_RT(w)) {
    case REGIMM_BLTZ: exec_cond_branch(c, w, rs < 0, false); return;
    case REGIMM_BGEZ: exec_cond_branch(c, w, rs >= 0, false); return;
    case REGIMM_BLTZL: exec_cond_branch(c, w, rs < 0, true); return;
    case REGIMM_BGEZL: exec_cond_branch(c, w, rs >= 0, true); return;
    case REGIMM_TGEI: exec_trap(c, rs >= (int32_t)imm); return;
    case REGIMM_TGEIU: exec_trap(c, (uint32_t)rs >= imm); return;
    case REGIMM_TLTI: exec_trap(c, rs < (int32_t)imm); return;
    case REGIMM_TLTIU: exec_trap(c, (uint32_t)rs < imm); return;
    case REGIMM_TEQI: exec_trap(c, rs == (int32_t)imm); return;
    case REGIMM_TNEI: exec_trap(c, rs != (int32_t)imm); return;
    case REGIMM_BLTZAL: exec_branch_link(c, w, rs < 0, false); return;
    case REGIMM_BGEZAL: exec_branch_link(c, w, rs >= 0, false); return;
    case REGIMM_BLTZALL: exec_branch_link(c, w, rs < 0, true); return;
    case REGIMM_BGEZALL: exec_branch_link(c, w, rs >= 0, true); return;
    case REGIMM_SYNCI: exec_synci(c, w); return;
    case REGIMM_BPOSGE32: dsp_bposge32(c, w); return;
    default: RI(); return;
    }
}

static void exec_special2(struct cpu *c, uint32_t w)
{
    uint32_t rs = RS(w), rt = RT(w);
    unsigned ac = (w >> 11) & 3;
    int64_t sprod = (int64_t)(int32_t)rs * (int32_t)rt;
    uint64_t uprod = (uint64_t)rs * rt;
    switch (INSN_FUNCT(w)) {
    case SPECIAL2_MADD:
    case SPECIAL2_MADDU:
    case SPECIAL2_MSUB:
    case SPECIAL2_MSUBU:
        if (!dsp_acc_ok(c, ac))
            return;
        break;
    default: break;
    }
    switch (INSN_FUNCT(w)) {
    case SPECIAL2_MADD: set_acc(c, ac, get_acc(c, ac) + (uint64_t)sprod); return;
    case SPECIAL2_MADDU: set_acc(c, ac, get_acc(c, ac) + uprod); return;
    case SPECIAL2_MSUB: set_acc(c, ac, get_acc(c, ac) - (uint64_t)sprod); return;
    case SPECIAL2_MSUBU: set_acc(c, ac, get_acc(c, ac) - uprod); return;
    case SPECIAL2_MUL: RD(w) = (uint32_t)sprod; return; /* HI/LO unchanged on r5 cores */
    case SPECIAL2_CLZ: RD(w) = clz32(rs); return;
    case SPECIAL2_CLO: RD(w) = clz32(~rs); return;
    case SPECIAL2_SDBBP: exec_sdbbp(c); return;
    default: RI(); return;
    }
}

static void exec_special3(struct cpu *c, uint32_t w)
{
    switch (INSN_FUNCT(w)) {
    case SPECIAL3_EXT: exec_ext(c, w); return;
    case SPECIAL3_INS: exec_ins(c, w); return;
    case SPECIAL3_BSHFL:
        if (INSN_RS(w) != 0)
            break;
        switch (INSN_SA(w)) {
        case BSHFL_WSBH: RD(w) = wsbh32(RT(w)); return;
        case BSHFL_SEB: RD(w) = (uint32_t)(int8_t)RT(w); return;
        case BSHFL_SEH: RD(w) = (uint32_t)(int16_t)RT(w); return;
        default: break;
        }
        break;
    case SPECIAL3_RDHWR: exec_rdhwr(c, w); return;
    case DSP_LX:
    case DSP_INSV:
    case DSP_ADDU_QB:
    case DSP_CMPU_EQ_QB:
    case DSP_ABSQ_S_PH:
    case DSP_SHLL_QB:
    case DSP_ADDUH_QB:
    case DSP_DPA_W_PH:
    case DSP_APPEND:
    case DSP_EXTR_W: dsp_special3(c, w); return;
    default: break;
    }
    RI();
}

void cpu_execute(struct cpu *c, uint32_t w)
{
    uint32_t imm = INSN_IMM(w);
    uint32_t simm = (uint32_t)INSN_SIMM(w);
    switch (INSN_OP(w)) {
    case OP_SPECIAL: exec_special(c, w); return;
    case OP_REGIMM: exec_regimm(c, w); return;
    case OP_J: exec_jump(c, w, false); return;
    case OP_JAL: exec_jump(c, w, true); return;
    case OP_JALX: exec_jalx(c, w); return; /* to microMIPS (Config3.ISA = 2 or 3) */
    case OP_BEQ: exec_cond_branch(c, w, RS(w) == RT(w), false); return;
    case OP_BNE: exec_cond_branch(c, w, RS(w) != RT(w), false); return;
    case OP_BLEZ: exec_cond_branch(c, w, (int32_t)RS(w) <= 0, false); return;
    case OP_BGTZ: exec_cond_branch(c, w, (int32_t)RS(w) > 0, false); return;
    case OP_ADDI: exec_add_ov(c, INSN_RT(w), RS(w), simm); return;
    case OP_ADDIU: RT(w) = RS(w) + simm; return;
    case OP_SLTI: RT(w) = (int32_t)RS(w) < (int32_t)simm; return;
    case OP_SLTIU: RT(w) = RS(w) < simm; return;
    case OP_ANDI: RT(w) = RS(w) & imm; return;
    case OP_ORI: RT(w) = RS(w) | imm; return;
    case OP_XORI: RT(w) = RS(w) ^ imm; return;
    case OP_LUI: RT(w) = imm << 16; return;
    case OP_COP0: exec_cop0(c, w); return;
    case OP_BEQL: exec_cond_branch(c, w, RS(w) == RT(w), true); return;
    case OP_BNEL: exec_cond_branch(c, w, RS(w) != RT(w), true); return;
    case OP_BLEZL: exec_cond_branch(c, w, (int32_t)RS(w) <= 0, true); return;
    case OP_BGTZL: exec_cond_branch(c, w, (int32_t)RS(w) > 0, true); return;
    case OP_SPECIAL2: exec_special2(c, w); return;
    case OP_SPECIAL3: exec_special3(c, w); return;
    case OP_LB: exec_load(c, w, 1, true); return;
    case OP_LH: exec_load(c, w, 2, true); return;
    case OP_LWL: exec_lwl(c, w); return;
    case OP_LW: exec_load(c, w, 4, false); return;
    case OP_LBU: exec_load(c, w, 1, false); return;
    case OP_LHU: exec_load(c, w, 2, false); return;
    case OP_LWR: exec_lwr(c, w); return;
    case OP_SB: exec_store(c, w, 1); return;
    case OP_SH: exec_store(c, w, 2); return;
    case OP_SWL: exec_swl(c, w); return;
    case OP_SW: exec_store(c, w, 4); return;
    case OP_SWR: exec_swr(c, w); return;
    case OP_CACHE: exec_cache(c, w); return;
    case OP_LL: exec_ll(c, w); return;
    case OP_PREF: return; /* a hint: never faults (MD00086 PREF) */
    case OP_SC: exec_sc(c, w); return;
    case OP_COP1: fpu_exec_cop1(c, w); return; /* the FPU: sim/cpu/fpu_*.c */
    case OP_COP1X: fpu_exec_cop1x(c, w); return;
    case OP_LWC1:
    case OP_LDC1:
    case OP_SWC1:
    case OP_SDC1: fpu_exec_ldst(c, w); return;
    case OP_COP2:
    case OP_LWC2:
    case OP_LDC2:
    case OP_SWC2:
    case OP_SDC2:
        cpu_exception_cpu(c, 2); /* no CP2 on the PIC32MZ */
        return;
    default: RI(); return;
    }
}
