/*
 * microMIPS fetch and step, the 32-bit major opcodes and POOL32I (branches, traps with an
 * immediate, LUI, SYNCI).  Encodings: MD00582 (microMIPS32 Instruction Set) opcode tables,
 * checked against GNU as 2.40 (mips-vz.md §7); conventions in micromips_internal.h.
 */
#include "dsp.h"
#include "mem.h"
#include "micromips_internal.h"

void mm_step(struct cpu *c)
{
    uint32_t va = c->pc & ~1u;
    uint16_t hw0, hw1;
    if (!mem_fetch16(c, va, &hw0))
        return;
    uint32_t w = hw0;
    unsigned size = 2;
    if (!mm_is16(hw0)) {
        /* A fault on the second halfword reports its address, with EPC = the instruction. */
        if (!mem_fetch16(c, va + 2, &hw1))
            return;
        w = (uint32_t)hw0 << 16 | hw1;
        size = 4;
    }
    c->prev_insn = c->insn;
    c->insn = w;
    c->insn_valid = true;
    if (c->in_ds && c->ds_size && c->ds_size != size) {
        mm_ri(c); /* slot size the branch does not allow: UNPREDICTABLE (header comment) */
        return;
    }
    c->pc = (c->in_ds && c->ds_jump) ? c->npc : c->cur_pc + size;
    c->npc = c->pc + 4; /* what a MIPS32 instruction at pc expects (mode switch) */
    if (size == 2)
        mm_exec16(c, w);
    else
        mm_exec32(c, w);
}

static uint32_t target16(const struct cpu *c, uint32_t w)
{
    return c->cur_pc + 4 + ((uint32_t)(int32_t)(int16_t)w << 1);
}

/* Conditional branch with a 32-bit encoding; `link` = the slot size of the ...AL(S) forms. */
static void cond32(struct cpu *c, uint32_t w, bool taken, unsigned link)
{
    if (!branch_allowed(c))
        return;
    if (link)
        c->r[31] = c->cur_pc + 4 + link;
    mm_branch(c, taken, target16(c, w), 4, link);
}

static void compact32(struct cpu *c, uint32_t w, bool taken)
{
    if (branch_allowed(c))
        mm_compact(c, taken, target16(c, w));
}

/* BPOSGE32 (DSP ASE, MD00582 POOL32I): taken when DSPControl.pos >= 32. */
static void bposge32(struct cpu *c, uint32_t w)
{
    if (!dsp_usable(c) || !branch_allowed(c))
        return;
    mm_branch(c, (c->dspctl & DSPCTL_POS) >= 32, target16(c, w), 4, 0);
}

static void pool32i(struct cpu *c, uint32_t w)
{
    unsigned rs = MM_S(w);
    int32_t v = (int32_t)c->r[rs];
    uint32_t imm = w & 0xFFFF;
    switch (MM_T(w)) {
    case 0x00: cond32(c, w, v < 0, 0); return;  /* BLTZ */
    case 0x01: cond32(c, w, v < 0, 4); return;  /* BLTZAL */
    case 0x02: cond32(c, w, v >= 0, 0); return; /* BGEZ */
    case 0x03: cond32(c, w, v >= 0, 4); return; /* BGEZAL */
    case 0x04: cond32(c, w, v <= 0, 0); return; /* BLEZ */
    case 0x05: compact32(c, w, v != 0); return; /* BNEZC */
    case 0x06: cond32(c, w, v > 0, 0); return;  /* BGTZ */
    case 0x07: compact32(c, w, v == 0); return; /* BEQZC */
    case 0x08: cpu_execute(c, m32_i(OP_REGIMM, rs, REGIMM_TLTI, imm)); return;
    case 0x09: cpu_execute(c, m32_i(OP_REGIMM, rs, REGIMM_TGEI, imm)); return;
    case 0x0A: cpu_execute(c, m32_i(OP_REGIMM, rs, REGIMM_TLTIU, imm)); return;
    case 0x0B: cpu_execute(c, m32_i(OP_REGIMM, rs, REGIMM_TGEIU, imm)); return;
    case 0x0C: cpu_execute(c, m32_i(OP_REGIMM, rs, REGIMM_TNEI, imm)); return;
    case 0x0D: cpu_execute(c, m32_i(OP_LUI, 0, rs, imm)); return;
    case 0x0E: cpu_execute(c, m32_i(OP_REGIMM, rs, REGIMM_TEQI, imm)); return;
    case 0x10: cpu_execute(c, m32_i(OP_REGIMM, rs, REGIMM_SYNCI, imm)); return;
    case 0x11: cond32(c, w, v < 0, 2); return;  /* BLTZALS */
    case 0x13: cond32(c, w, v >= 0, 2); return; /* BGEZALS */
    case 0x14:
    case 0x15: cpu_exception_cpu(c, 2); return; /* BC2F/BC2T: no CP2 on the PIC32MZ */
    case 0x1B: bposge32(c, w); return;
    case 0x1C: mm_bc1(c, w, false); return;
    case 0x1D: mm_bc1(c, w, true); return;
    default: mm_ri(c); return; /* BPOSGE64 and the MIPS64/R6 encodings */
    }
}

/* J/JAL/JALS: 26-bit halfword index in the 128 MB region of the slot; JALX: word index in
 * the 256 MB region, target in MIPS32 (MD00582 J, JAL, JALS, JALX). */
static void jump32(struct cpu *c, uint32_t w, unsigned link, bool jalx)
{
    if (!branch_allowed(c))
        return;
    uint32_t index = w & 0x03FFFFFFu, slot = c->cur_pc + 4;
    uint32_t target =
        jalx ? ((slot & 0xF0000000u) | (index << 2)) : ((slot & 0xF8000000u) | (index << 1) | 1u);
    if (link)
        c->r[31] = c->cur_pc + 4 + link;
    mm_branch(c, true, target, 4, link);
}

/* ADDIUPC rs3, imm23 << 2: relative to the instruction's own word-aligned address. */
static void addiupc(struct cpu *c, uint32_t w)
{
    static const uint8_t map[8] = {16, 17, 2, 3, 4, 5, 6, 7};
    int32_t off = ((int32_t)(w << 9)) >> 7; /* sign-extended imm23, times 4 */
    c->r[map[(w >> 23) & 7]] = (c->cur_pc & ~3u) + (uint32_t)off;
}

void mm_exec32(struct cpu *c, uint32_t w)
{
    unsigned t = MM_T(w), s = MM_S(w);
    uint32_t imm = w & 0xFFFF;
    switch (w >> 26) {
    case 0x00: mm_pool32a(c, w); return;
    case 0x04: cpu_execute(c, m32_i(OP_ADDI, s, t, imm)); return;
    case 0x05: cpu_execute(c, m32_i(OP_LBU, s, t, imm)); return;
    case 0x06: cpu_execute(c, m32_i(OP_SB, s, t, imm)); return;
    case 0x07: cpu_execute(c, m32_i(OP_LB, s, t, imm)); return;
    case 0x08: mm_pool32b(c, w); return;
    case 0x0C: cpu_execute(c, m32_i(OP_ADDIU, s, t, imm)); return;
    case 0x0D: cpu_execute(c, m32_i(OP_LHU, s, t, imm)); return;
    case 0x0E: cpu_execute(c, m32_i(OP_SH, s, t, imm)); return;
    case 0x0F: cpu_execute(c, m32_i(OP_LH, s, t, imm)); return;
    case 0x10: pool32i(c, w); return;
    case 0x14: cpu_execute(c, m32_i(OP_ORI, s, t, imm)); return;
    case 0x15: mm_pool32f(c, w); return;
    case 0x18: mm_pool32c(c, w); return;
    case 0x1C: cpu_execute(c, m32_i(OP_XORI, s, t, imm)); return;
    case 0x1D: jump32(c, w, 2, false); return; /* JALS */
    case 0x1E: addiupc(c, w); return;
    case 0x24: cpu_execute(c, m32_i(OP_SLTI, s, t, imm)); return;
    case 0x25: /* BEQ */
        if (branch_allowed(c))
            mm_branch(c, c->r[s] == c->r[t], target16(c, w), 4, 0);
        return;
    case 0x26: fpu_exec_ldst(c, m32_i(OP_SWC1, s, t, imm)); return;
    case 0x27: fpu_exec_ldst(c, m32_i(OP_LWC1, s, t, imm)); return;
    case 0x2C: cpu_execute(c, m32_i(OP_SLTIU, s, t, imm)); return;
    case 0x2D: /* BNE */
        if (branch_allowed(c))
            mm_branch(c, c->r[s] != c->r[t], target16(c, w), 4, 0);
        return;
    case 0x2E: fpu_exec_ldst(c, m32_i(OP_SDC1, s, t, imm)); return;
    case 0x2F: fpu_exec_ldst(c, m32_i(OP_LDC1, s, t, imm)); return;
    case 0x34: cpu_execute(c, m32_i(OP_ANDI, s, t, imm)); return;
    case 0x35: jump32(c, w, 0, false); return; /* J */
    case 0x3C: jump32(c, w, 4, true); return;  /* JALX */
    case 0x3D: jump32(c, w, 4, false); return; /* JAL */
    case 0x3E: cpu_execute(c, m32_i(OP_SW, s, t, imm)); return;
    case 0x3F: cpu_execute(c, m32_i(OP_LW, s, t, imm)); return;
    default: mm_ri(c); return; /* reserved, MIPS64-only (LD/SD...) and R6 encodings */
    }
}
