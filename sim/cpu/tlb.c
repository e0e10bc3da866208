/* TLBR/TLBWI/TLBWR/TLBP for the root context (MD00090 §9.2-§9.7; mips-vz.md §3). */
#include "tlb.h"

/* Writable PageMask bits: 4 KB up to 256 MB pages (mask bits 28:13). */
#define PAGEMASK_BITS 0x1FFFE000u

void tlb_read(struct cpu *c)
{
    uint32_t i = c->cp0[CP0_INDEX] & ~INDEX_P;
    if (i >= c->params.tlb_entries)
        return; /* UNDEFINED index: no effect */
    const struct tlb_entry *t = &c->tlb[i];
    uint32_t g = t->lo[0] & t->lo[1] & ENTRYLO_G;
    c->cp0[CP0_PAGEMASK] = t->pagemask;
    c->cp0[CP0_ENTRYHI] = t->entryhi;
    c->cp0[CP0_ENTRYLO0] = (t->lo[0] & ~ENTRYLO_G) | g;
    c->cp0[CP0_ENTRYLO1] = (t->lo[1] & ~ENTRYLO_G) | g;
    stlb_flush(c); /* EntryHi.ASID may have changed */
}

/* The entry's G bit is the AND of both EntryLo G bits (MD00090 §9.6). */
void tlb_write(struct cpu *c, uint32_t index)
{
    if (index >= c->params.tlb_entries)
        return;
    struct tlb_entry *t = &c->tlb[index];
    uint32_t g = c->cp0[CP0_ENTRYLO0] & c->cp0[CP0_ENTRYLO1] & ENTRYLO_G;
    t->pagemask = c->cp0[CP0_PAGEMASK] & PAGEMASK_BITS;
    t->entryhi = c->cp0[CP0_ENTRYHI] & ~(t->pagemask | 0x1800u);
    t->lo[0] = (c->cp0[CP0_ENTRYLO0] & ~ENTRYLO_G) | g;
    t->lo[1] = (c->cp0[CP0_ENTRYLO1] & ~ENTRYLO_G) | g;
    t->guestid = 0;
    stlb_flush(c);
}

void tlb_probe(struct cpu *c)
{
    uint32_t hi = c->cp0[CP0_ENTRYHI];
    for (unsigned i = 0; i < c->params.tlb_entries; i++) {
        const struct tlb_entry *t = &c->tlb[i];
        if (t->guestid != 0 || (t->entryhi & ENTRYHI_EHINV))
            continue;
        uint32_t mask = t->pagemask | 0x1FFFu;
        if ((hi & ~mask) != (t->entryhi & ~mask))
            continue;
        if (!(t->lo[0] & ENTRYLO_G) && (t->entryhi & ENTRYHI_ASID) != (hi & ENTRYHI_ASID))
            continue;
        c->cp0[CP0_INDEX] = i;
        return;
    }
    c->cp0[CP0_INDEX] = INDEX_P | (c->cp0[CP0_INDEX] & ~INDEX_P);
}
