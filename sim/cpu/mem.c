/* Slow paths of the core's memory accesses: alignment, translation, bus, exceptions. */
#include "mem.h"

#include "../soc/bus.h"

static void stlb_fill(struct cpu *c, struct stlb_entry *e, uint32_t va, uint32_t pa)
{
    const struct bus_memory *m = bus_find_memory(c->bus, pa & ~0xFFFu, 0x1000);
    e->tag = (va & ~0xFFFu) | c->ctx_tag;
    e->host = m->host + ((pa & ~0xFFFu) - m->base);
}

static void flush_soft_tlb(void *ctx)
{
    stlb_flush(ctx);
}

/* A whole 4 KB page of memory behind pa, so the soft TLB may cache it.  A page that the bus
 * arbiter may refuse the CPU (pic32mz-ef.md §8) is never cached: every access to it goes
 * through bus_read/bus_write and so through the arbiter; the bus flushes the soft TLB when
 * the arbiter's settings change. */
static const struct bus_memory *page_memory(struct cpu *c, uint32_t pa)
{
    if (bus_region_restricted(c->bus, pa))
        return NULL;
    if (c->bus->cache_flush != flush_soft_tlb)
        bus_watch_cache(c->bus, flush_soft_tlb, c);
    return bus_find_memory(c->bus, pa & ~0xFFFu, 0x1000);
}

bool mem_fetch_slow(struct cpu *c, uint32_t va, uint32_t *insn)
{
    uint32_t pa;
    if (va & 3) {
        cpu_exception_addr(c, EXCCODE_ADEL, va); /* MD00090 §6.2.9: fetch from unaligned PC */
        return false;
    }
    if (!mmu_translate(c, va, ACC_FETCH, &pa))
        return false;
    const struct bus_memory *m = page_memory(c, pa);
    if (m) {
        c->fetch_tag = (va & ~0xFFFu) | c->ctx_tag;
        c->fetch_host = m->host + ((pa & ~0xFFFu) - m->base);
        memcpy(insn, c->fetch_host + (va & 0xFFF), 4);
        return true;
    }
    /* Executing from an SFR or from nothing: instruction bus error (MD00090 §6.2.18). */
    if (!bus_read(c->bus, pa, 4, insn, BUS_CPU)) {
        cpu_exception(c, EXCCODE_IBE);
        return false;
    }
    return true;
}

bool mem_load_slow(struct cpu *c, uint32_t va, unsigned size, uint32_t *val)
{
    uint32_t pa;
    if (va & (size - 1)) {
        cpu_exception_addr(c, EXCCODE_ADEL, va);
        return false;
    }
    if (!mmu_translate(c, va, ACC_LOAD, &pa))
        return false;
    const struct bus_memory *m = page_memory(c, pa);
    if (m) {
        stlb_fill(c, &c->stlb_rd[(va >> 12) & (STLB_SIZE - 1)], va, pa);
        uint32_t v = 0;
        memcpy(&v, m->host + (pa - m->base), size);
        *val = v;
        return true;
    }
    if (!bus_read(c->bus, pa, size, val, BUS_CPU)) {
        cpu_exception(c, EXCCODE_DBE);
        return false;
    }
    return true;
}

bool mem_store_slow(struct cpu *c, uint32_t va, unsigned size, uint32_t val)
{
    uint32_t pa;
    if (va & (size - 1)) {
        cpu_exception_addr(c, EXCCODE_ADES, va);
        return false;
    }
    if (!mmu_translate(c, va, ACC_STORE, &pa))
        return false;
    const struct bus_memory *m = page_memory(c, pa);
    if (m && m->cpu_writable) {
        stlb_fill(c, &c->stlb_wr[(va >> 12) & (STLB_SIZE - 1)], va, pa);
        memcpy(m->host + (pa - m->base), &val, size);
        return true;
    }
    /* Flash and SFRs go through the bus; a store to flash is a bus error there. */
    if (!bus_write(c->bus, pa, size, val, BUS_CPU)) {
        cpu_exception(c, EXCCODE_DBE);
        return false;
    }
    /* A device write may change interrupt requests or stop the simulation. */
    c->irq_dirty = true;
    cpu_end_slice(c);
    return true;
}
