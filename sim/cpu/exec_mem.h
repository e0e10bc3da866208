/*
 * Loads and stores, including the unaligned LWL/LWR/SWL/SWR and LL/SC (MD00086; little-endian
 * byte lanes as on the PIC32MZ).
 */
#ifndef SIM_EXEC_MEM_H
#define SIM_EXEC_MEM_H

#include "exec_alu.h"
#include "mem.h"

static inline uint32_t ea(const struct cpu *c, uint32_t w)
{
    return RS(w) + (uint32_t)INSN_SIMM(w);
}

static inline void exec_load(struct cpu *c, uint32_t w, unsigned size, bool sign)
{
    uint32_t v;
    if (!mem_load(c, ea(c, w), size, &v))
        return;
    if (sign)
        v = size == 1 ? (uint32_t)(int8_t)v : size == 2 ? (uint32_t)(int16_t)v : v;
    RT(w) = v;
}

static inline void exec_store(struct cpu *c, uint32_t w, unsigned size)
{
    if (!mem_store(c, ea(c, w), size, RT(w)))
        return; /* the exception is already raised */
}

/* LWL/LWR merge the addressed bytes of the aligned word into rt (little-endian: LWL fills
 * the most-significant bytes, LWR the least-significant ones). */
static inline void exec_lwl(struct cpu *c, uint32_t w)
{
    uint32_t va = ea(c, w), word;
    if (!mem_load(c, va & ~3u, 4, &word))
        return;
    unsigned sh = 8 * (3 - (va & 3));
    uint32_t keep = sh ? (0xFFFFFFFFu >> (32 - sh)) : 0;
    RT(w) = (word << sh) | (RT(w) & keep);
}

static inline void exec_lwr(struct cpu *c, uint32_t w)
{
    uint32_t va = ea(c, w), word;
    if (!mem_load(c, va & ~3u, 4, &word))
        return;
    unsigned sh = 8 * (va & 3);
    uint32_t keep = sh ? ~(0xFFFFFFFFu >> sh) : 0;
    RT(w) = (word >> sh) | (RT(w) & keep);
}

/* SWL stores bytes aligned+0 .. va with the top bytes of rt; SWR stores va .. aligned+3 with
 * the low bytes.  Done byte by byte, starting at va, so the first store raises the right
 * TLBS/Mod/DBE exception and no load is involved. */
static inline void exec_swl(struct cpu *c, uint32_t w)
{
    uint32_t va = ea(c, w), rt = RT(w);
    unsigned b = va & 3;
    for (int i = (int)b; i >= 0; i--)
        if (!mem_store(c, (va & ~3u) + (unsigned)i, 1, rt >> (8 * (3 - b + (unsigned)i))))
            return;
}

static inline void exec_swr(struct cpu *c, uint32_t w)
{
    uint32_t va = ea(c, w), rt = RT(w);
    unsigned b = va & 3;
    for (unsigned i = b; i < 4; i++)
        if (!mem_store(c, (va & ~3u) + i, 1, rt >> (8 * (i - b))))
            return;
}

/* LL sets the LL bit and records the physical address (MD00086 LL). */
static inline void exec_ll(struct cpu *c, uint32_t w)
{
    uint32_t va = ea(c, w), v, pa;
    if (!mem_load(c, va, 4, &v))
        return;
    (void)mmu_translate(c, va, ACC_LOAD, &pa); /* cannot fault: the load just succeeded */
    if (c->guest) {
        c->g.lladdr = pa;
        c->g.llbit = true;
    } else {
        c->lladdr = pa;
        c->llbit = true;
    }
    RT(w) = v;
}

/* SC stores only while the LL bit of the executing context is set (cleared by that
 * context's ERET), and reports success in rt. */
static inline void exec_sc(struct cpu *c, uint32_t w)
{
    uint32_t va = ea(c, w);
    bool *llbit = c->guest ? &c->g.llbit : &c->llbit;
    if (va & 3) {
        cpu_exception_addr(c, EXCCODE_ADES, va);
        return;
    }
    if (!*llbit) {
        RT(w) = 0;
        return;
    }
    if (!mem_store(c, va, 4, RT(w)))
        return;
    *llbit = false;
    RT(w) = 1;
}

#endif
