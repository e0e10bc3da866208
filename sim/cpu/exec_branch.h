/*
 * Branches and jumps with their delay slots (MD00086; MIPS32 PRA MD00090 §5.1, mips-vz.md
 * §4.7).  A branch or jump in a delay slot is UNPREDICTABLE in MIPS32 Release 5; this core
 * raises Reserved Instruction for it, so such code fails loudly instead of silently going
 * somewhere (decision: sim/README "UNPREDICTABLE choices").
 */
#ifndef SIM_EXEC_BRANCH_H
#define SIM_EXEC_BRANCH_H

#include "exec_alu.h"

static inline bool branch_allowed(struct cpu *c)
{
    if (c->in_ds) {
        cpu_exception(c, EXCCODE_RI);
        return false;
    }
    return true;
}

static inline uint32_t branch_target(const struct cpu *c, uint32_t w)
{
    return c->cur_pc + 4 + ((uint32_t)INSN_SIMM(w) << 2);
}

/* Ordinary branch: the delay slot always runs. */
static inline void branch(struct cpu *c, bool taken, uint32_t target)
{
    c->next_in_ds = true;
    if (taken)
        c->npc = target;
}

/* Branch likely: the delay slot runs only when the branch is taken (MD00086 BEQL). */
static inline void branch_likely(struct cpu *c, bool taken, uint32_t target)
{
    if (taken) {
        c->next_in_ds = true;
        c->npc = target;
    } else {
        c->pc = c->npc;
        c->npc += 4;
    }
}

static inline void exec_cond_branch(struct cpu *c, uint32_t w, bool taken, bool likely)
{
    if (!branch_allowed(c))
        return;
    if (likely)
        branch_likely(c, taken, branch_target(c, w));
    else
        branch(c, taken, branch_target(c, w));
}

/* REGIMM BLTZAL/BGEZAL(L): r31 = return address whether or not taken; rs is read first. */
static inline void exec_branch_link(struct cpu *c, uint32_t w, bool taken, bool likely)
{
    if (!branch_allowed(c))
        return;
    c->r[31] = c->cur_pc + 8;
    if (likely)
        branch_likely(c, taken, branch_target(c, w));
    else
        branch(c, taken, branch_target(c, w));
}

static inline void exec_jump(struct cpu *c, uint32_t w, bool link)
{
    if (!branch_allowed(c))
        return;
    if (link)
        c->r[31] = c->cur_pc + 8;
    branch(c, true, ((c->cur_pc + 4) & 0xF0000000u) | (INSN_INDEX(w) << 2));
}

/* JR/JALR(.HB): the target is read before the link is written, so JALR rd == rs (which
 * MD00086 calls UNPREDICTABLE) jumps to the old rs.  A target with bit 0 set switches to
 * microMIPS after the delay slot (MD00086 JR: ISAMode <- target bit 0): the odd PC selects the
 * microMIPS decoder (cpu.c cpu_step). */
static inline void exec_jump_reg(struct cpu *c, uint32_t w, bool link)
{
    if (!branch_allowed(c))
        return;
    uint32_t target = RS(w);
    if (link)
        RD(w) = c->cur_pc + 8;
    branch(c, true, target);
}

/* JALX: J-type jump that toggles the ISA: from MIPS32 the target is microMIPS (bit 0 set),
 * the link is MIPS32 (MD00086 JALX; mips-vz.md §7). */
static inline void exec_jalx(struct cpu *c, uint32_t w)
{
    if (!branch_allowed(c))
        return;
    c->r[31] = c->cur_pc + 8;
    branch(c, true, ((c->cur_pc + 4) & 0xF0000000u) | (INSN_INDEX(w) << 2) | 1u);
}

#endif
