/*
 * Integer arithmetic, logic, shifts, multiply/divide: semantics only (decode.c dispatches).
 * MIPS32 Instruction Set (MD00086) reference pages of each instruction.
 */
#ifndef SIM_EXEC_ALU_H
#define SIM_EXEC_ALU_H

#include "cpu_internal.h"

#define RS(w) c->r[INSN_RS(w)]
#define RT(w) c->r[INSN_RT(w)]
#define RD(w) c->r[INSN_RD(w)]

/* ADD/ADDI/SUB trap on signed overflow and leave rd unchanged (MD00086 ADD). */
static inline void exec_add_ov(struct cpu *c, unsigned rd, uint32_t a, uint32_t b)
{
    uint32_t r = a + b;
    if (~(a ^ b) & (a ^ r) & 0x80000000u) {
        cpu_exception(c, EXCCODE_OV);
        return;
    }
    c->r[rd] = r;
}

static inline void exec_sub_ov(struct cpu *c, unsigned rd, uint32_t a, uint32_t b)
{
    uint32_t r = a - b;
    if ((a ^ b) & (a ^ r) & 0x80000000u) {
        cpu_exception(c, EXCCODE_OV);
        return;
    }
    c->r[rd] = r;
}

static inline uint32_t sra32(uint32_t v, unsigned n)
{
    return (uint32_t)((int32_t)v >> n); /* GCC: arithmetic shift of negative values */
}

static inline uint32_t rotr32(uint32_t v, unsigned n)
{
    n &= 31;
    return n ? (v >> n) | (v << (32 - n)) : v;
}

static inline void set_acc(struct cpu *c, unsigned ac, uint64_t v)
{
    c->hi[ac] = (uint32_t)(v >> 32);
    c->lo[ac] = (uint32_t)v;
}

static inline uint64_t get_acc(const struct cpu *c, unsigned ac)
{
    return ((uint64_t)c->hi[ac] << 32) | c->lo[ac];
}

/* DIV/DIVU by zero: HI and LO are UNPREDICTABLE (MD00086 DIV).  We leave them unchanged, as
 * the M5150's iterative divider is not documented to write them; INT_MIN / -1 gives
 * LO = INT_MIN, HI = 0 (the two's-complement result). */
static inline void exec_div(struct cpu *c, uint32_t a, uint32_t b)
{
    int32_t sa = (int32_t)a, sb = (int32_t)b;
    if (sb == 0)
        return;
    if (sa == INT32_MIN && sb == -1) {
        c->lo[0] = a;
        c->hi[0] = 0;
        return;
    }
    c->lo[0] = (uint32_t)(sa / sb);
    c->hi[0] = (uint32_t)(sa % sb);
}

static inline void exec_divu(struct cpu *c, uint32_t a, uint32_t b)
{
    if (b == 0)
        return;
    c->lo[0] = a / b;
    c->hi[0] = a % b;
}

static inline uint32_t clz32(uint32_t v)
{
    return v ? (uint32_t)__builtin_clz(v) : 32;
}

/* EXT/INS with msb/lsb combinations the ISA calls UNPREDICTABLE (msbd+lsb > 31, or
 * msb < lsb for INS) raise Reserved Instruction here; the documents leave the choice open. */
static inline void exec_ext(struct cpu *c, uint32_t w)
{
    unsigned lsb = INSN_SA(w), msbd = INSN_RD(w);
    if (lsb + msbd > 31) {
        cpu_exception(c, EXCCODE_RI);
        return;
    }
    uint32_t mask = msbd == 31 ? ~0u : ((1u << (msbd + 1)) - 1);
    RT(w) = (RS(w) >> lsb) & mask;
}

static inline void exec_ins(struct cpu *c, uint32_t w)
{
    unsigned lsb = INSN_SA(w), msb = INSN_RD(w);
    if (msb < lsb) {
        cpu_exception(c, EXCCODE_RI);
        return;
    }
    unsigned size = msb - lsb + 1;
    uint32_t mask = (size == 32 ? ~0u : ((1u << size) - 1)) << lsb;
    RT(w) = (RT(w) & ~mask) | ((RS(w) << lsb) & mask);
}

static inline uint32_t wsbh32(uint32_t v)
{
    return ((v & 0x00FF00FFu) << 8) | ((v >> 8) & 0x00FF00FFu);
}

#endif
