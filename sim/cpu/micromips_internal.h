/*
 * The microMIPS32 Release 5 decoder (private to sim/cpu).  microMIPS32 Instruction Set
 * (MD00582) and the microMIPS opcode table of GNU binutils (mips-vz.md §7 [B]).
 *
 * Instruction words: a 16-bit instruction is kept as its halfword (bits 31:16 zero); a 32-bit
 * one as (first halfword << 16) | second halfword, the layout of MD00582's encoding figures.
 * The same value goes to BadInstr/BadInstrP (decision: mips-vz.md §2.2 and §8 #10 found no
 * source for the format; this one keeps the major opcode where MD00582 draws it, and a
 * 16-bit instruction is recognisable by its zero upper half).
 *
 * Semantics are shared with MIPS32: most 32-bit instructions are the MIPS32 instruction with
 * the register fields moved (rt <25:21>, rs/base <20:16> in microMIPS), so the decoder builds
 * that MIPS32 word and hands it to cpu_execute (decode.c), which raises the same exceptions.
 * Branches, jumps, compact branches and the instructions with no MIPS32 twin (16-bit forms,
 * LWM/SWM/LWP/SWP, MOVEP, ADDIUPC, LWXS, JRADDIUSP) are implemented here.
 *
 * Delay slots (MD00582 "Branch delay slots"): a branch records its size and whether it was
 * taken; the step of the slot instruction continues at the target or after the slot.  The
 * link value is the address after the slot (branch + 4 + 4 for the 32-bit-slot forms, + 2
 * for JALS/JALRS/BxxALS), with bit 0 = 1.  A slot whose size differs from what the branch
 * requires (JAL, JALR, BGEZAL... need 32 bits; JALS, JALRS, BGEZALS 16) is UNPREDICTABLE:
 * Reserved Instruction here, like a branch in a delay slot (sim-internals.md).
 */
#ifndef SIM_MICROMIPS_INTERNAL_H
#define SIM_MICROMIPS_INTERNAL_H

#include "exec_branch.h"

/* Fields of a 32-bit instruction. */
#define MM_T(w)     (((w) >> 21) & 31u) /* rt (the destination of I-type instructions) */
#define MM_S(w)     (((w) >> 16) & 31u) /* rs, base */
#define MM_D(w)     (((w) >> 11) & 31u) /* rd */
#define MM_OFF12(w) ((uint32_t)(((int32_t)((w) << 20)) >> 20))

/* Size rule (mips-vz.md §7, Linux mm_insn_16bit): major opcode <15:10> of the first
 * halfword with bits 12:10 = 1, 2 or 3 is a 16-bit instruction. */
static inline bool mm_is16(uint32_t hw)
{
    unsigned k = (hw >> 10) & 7;
    return k >= 1 && k <= 3;
}

/* A MIPS32 I-type / R-type word for cpu_execute. */
static inline uint32_t m32_i(unsigned op, unsigned rs, unsigned rt, uint32_t imm)
{
    return (uint32_t)op << 26 | (uint32_t)rs << 21 | (uint32_t)rt << 16 | (imm & 0xFFFFu);
}

static inline uint32_t m32_r(unsigned op, unsigned rs, unsigned rt, unsigned rd, unsigned sa,
                             unsigned funct)
{
    return (uint32_t)op << 26 | (uint32_t)rs << 21 | (uint32_t)rt << 16 | (uint32_t)rd << 11 |
           (uint32_t)sa << 6 | funct;
}

/* A branch with a delay slot: `bsize` = its own size, `slot` = the slot size it requires
 * (0 = any).  The caller has checked branch_allowed and written any link register. */
static inline void mm_branch(struct cpu *c, bool taken, uint32_t target, unsigned bsize,
                             unsigned slot)
{
    c->next_in_ds = true;
    c->ds_jump = taken;
    c->npc = target;
    c->br_size = (uint8_t)bsize;
    c->ds_size = (uint8_t)slot;
}

/* A compact branch or jump: no delay slot, the next instruction is the target. */
static inline void mm_compact(struct cpu *c, bool taken, uint32_t target)
{
    if (taken) {
        c->pc = target;
        c->npc = target + 4;
    }
}

static inline void mm_ri(struct cpu *c)
{
    cpu_exception(c, EXCCODE_RI);
}

/* micromips16.c */
void mm_exec16(struct cpu *c, uint32_t hw);
/* micromips_step.c */
void mm_exec32(struct cpu *c, uint32_t w);
/* micromips_pool32a.c */
void mm_pool32a(struct cpu *c, uint32_t w);
/* micromips_mem.c: POOL32B, POOL32C, LWM/SWM (also the 16-bit forms), LWP/SWP */
void mm_pool32b(struct cpu *c, uint32_t w);
void mm_pool32c(struct cpu *c, uint32_t w);
void mm_lwm16(struct cpu *c, bool store, unsigned list16, uint32_t off);
/* micromips_fpu.c: POOL32F and BC1F/BC1T */
void mm_pool32f(struct cpu *c, uint32_t w);
void mm_bc1(struct cpu *c, uint32_t w, bool tf);

#endif
