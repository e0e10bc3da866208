/*
 * Memory accesses of the core.  The fast paths hit the software TLB (host pointers into RAM
 * and flash); everything else — translation, alignment, devices, exceptions — is in mem.c.
 * Every access returns false when it raised an exception; the caller must then stop.
 */
#ifndef SIM_MEM_H
#define SIM_MEM_H

#include <string.h>

#include "cpu_internal.h"

#define MEM_CHECK __attribute__((warn_unused_result))

static inline MEM_CHECK bool mem_fetch(struct cpu *c, uint32_t va, uint32_t *insn)
{
    if (((va & ~0xFFFu) | c->ctx_tag) == c->fetch_tag && !(va & 3)) {
        memcpy(insn, c->fetch_host + (va & 0xFFF), 4);
        return true;
    }
    return mem_fetch_slow(c, va, insn);
}

/* A microMIPS instruction halfword (va even; micromips_step.c).  Off the fast path the address
 * is translated first, so a fault reports this halfword's address in BadVAddr, and the word
 * holding it is then read through the MIPS32 slow path. */
static inline MEM_CHECK bool mem_fetch16(struct cpu *c, uint32_t va, uint16_t *hw)
{
    if (((va & ~0xFFFu) | c->ctx_tag) == c->fetch_tag) {
        memcpy(hw, c->fetch_host + (va & 0xFFF), 2);
        return true;
    }
    uint32_t pa, w;
    if (!mmu_translate(c, va, ACC_FETCH, &pa) || !mem_fetch_slow(c, va & ~3u, &w))
        return false;
    *hw = (uint16_t)(w >> (8 * (va & 2)));
    return true;
}

static inline MEM_CHECK bool mem_load(struct cpu *c, uint32_t va, unsigned size, uint32_t *val)
{
    const struct stlb_entry *e = &c->stlb_rd[(va >> 12) & (STLB_SIZE - 1)];
    if (e->tag == ((va & ~0xFFFu) | c->ctx_tag) && !(va & (size - 1))) {
        uint32_t v = 0;
        memcpy(&v, e->host + (va & 0xFFF), size);
        *val = v;
        return true;
    }
    return mem_load_slow(c, va, size, val);
}

static inline MEM_CHECK bool mem_store(struct cpu *c, uint32_t va, unsigned size, uint32_t val)
{
    const struct stlb_entry *e = &c->stlb_wr[(va >> 12) & (STLB_SIZE - 1)];
    if (e->tag == ((va & ~0xFFFu) | c->ctx_tag) && !(va & (size - 1))) {
        memcpy(e->host + (va & 0xFFF), &val, size);
        return true;
    }
    return mem_store_slow(c, va, size, val);
}

#endif
