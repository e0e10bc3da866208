/* TLB instructions of root (TLBR/TLBWI/TLBWR/TLBP/TLBINV/TLBINVF) and of the guest context
 * (the guest's own TLB instructions, and root's TLBGR/TLBGWI/TLBGWR/TLBGP/TLBGINV/TLBGINVF).
 * MIPS32 PRA (MD00090) §9.2-§9.7; mips-vz.md §3, §5.12.
 *
 * Guest TLB indexes (decision, see mmu.c): guest index i is physical entry root Wired + i,
 * so guest entries never displace root wired entries (Linux sizes the guest TLB the same way:
 * mips-vz.md §5.13); the guest's Config1.MMUSize tells it how many it has. */
#include "tlb.h"

static unsigned rid(const struct cpu *c)
{
    return (c->cp0[CP0_GUESTCTL1] & GUESTCTL1_RID) >> GUESTCTL1_RID_SHIFT;
}

static unsigned gid(const struct cpu *c)
{
    return c->cp0[CP0_GUESTCTL1] & GUESTCTL1_ID;
}

static void set_rid(struct cpu *c, unsigned id)
{
    c->cp0[CP0_GUESTCTL1] =
        (c->cp0[CP0_GUESTCTL1] & ~GUESTCTL1_RID) | ((id << GUESTCTL1_RID_SHIFT) & GUESTCTL1_RID);
}

/* Copies entry t into the TLB registers r[] (EntryHi, EntryLo0/1, PageMask).  An invalidated
 * entry reads as EntryHi.EHINV = 1 and zeros elsewhere (mips-vz.md §2.1 EHINV). */
static void entry_to_regs(uint32_t *r, const struct tlb_entry *t)
{
    if (t->entryhi & ENTRYHI_EHINV) {
        r[CP0_PAGEMASK] = 0;
        r[CP0_ENTRYHI] = ENTRYHI_EHINV;
        r[CP0_ENTRYLO0] = 0;
        r[CP0_ENTRYLO1] = 0;
        return;
    }
    uint32_t g = t->lo[0] & t->lo[1] & ENTRYLO_G;
    r[CP0_PAGEMASK] = t->pagemask;
    r[CP0_ENTRYHI] = t->entryhi;
    r[CP0_ENTRYLO0] = (t->lo[0] & ~ENTRYLO_G) | g;
    r[CP0_ENTRYLO1] = (t->lo[1] & ~ENTRYLO_G) | g;
}

/* The entry's G bit is the AND of both EntryLo G bits (MD00090 §9.6). */
static void regs_to_entry(struct tlb_entry *t, const uint32_t *r, unsigned guestid,
                          bool guest_level, uint32_t pagemask_bits)
{
    uint32_t g = r[CP0_ENTRYLO0] & r[CP0_ENTRYLO1] & ENTRYLO_G;
    t->pagemask = r[CP0_PAGEMASK] & pagemask_bits;
    t->entryhi = r[CP0_ENTRYHI] & ~(t->pagemask | 0x1800u);
    t->lo[0] = (r[CP0_ENTRYLO0] & ~ENTRYLO_G) | g;
    t->lo[1] = (r[CP0_ENTRYLO1] & ~ENTRYLO_G) | g;
    t->guestid = (uint8_t)guestid;
    t->guest_level = guest_level;
}

void tlb_read(struct cpu *c)
{
    uint32_t i = c->cp0[CP0_INDEX] & ~INDEX_P;
    if (i >= c->params.tlb_entries)
        return; /* UNDEFINED index: no effect */
    entry_to_regs(c->cp0, &c->tlb[i]);
    set_rid(c, c->tlb[i].guestid); /* mips-vz.md §3: TLBR returns the GuestID in RID */
    stlb_flush(c);                 /* EntryHi.ASID may have changed */
}

void tlb_write(struct cpu *c, uint32_t index)
{
    if (index >= c->params.tlb_entries)
        return;
    regs_to_entry(&c->tlb[index], c->cp0, rid(c), false, cp0_pagemask_bits(c));
    stlb_flush(c);
}

static int find_entry(const struct cpu *c, const uint32_t *r, unsigned guestid, bool guest_level)
{
    uint32_t hi = r[CP0_ENTRYHI];
    for (unsigned i = 0; i < c->params.tlb_entries; i++) {
        const struct tlb_entry *t = &c->tlb[i];
        if (t->guestid != guestid || t->guest_level != guest_level || (t->entryhi & ENTRYHI_EHINV))
            continue;
        uint32_t mask = t->pagemask | 0x1FFFu;
        if ((hi & ~mask) != (t->entryhi & ~mask))
            continue;
        if (!(t->lo[0] & ENTRYLO_G) && (t->entryhi & ENTRYHI_ASID) != (hi & ENTRYHI_ASID))
            continue;
        return (int)i;
    }
    return -1;
}

void tlb_probe(struct cpu *c)
{
    int i = find_entry(c, c->cp0, rid(c), false);
    c->cp0[CP0_INDEX] = i >= 0 ? (uint32_t)i : (INDEX_P | (c->cp0[CP0_INDEX] & ~INDEX_P));
}

/* TLBINV: non-global entries with EntryHi.ASID; TLBINVF: all (MD00090 §9.4-§9.5). */
void tlb_invalidate(struct cpu *c, bool all)
{
    uint32_t asid = c->cp0[CP0_ENTRYHI] & ENTRYHI_ASID;
    unsigned id = rid(c);
    for (unsigned i = 0; i < c->params.tlb_entries; i++) {
        struct tlb_entry *t = &c->tlb[i];
        if (t->guest_level || t->guestid != id)
            continue;
        if (all || (!(t->lo[0] & ENTRYLO_G) && (t->entryhi & ENTRYHI_ASID) == asid))
            t->entryhi |= ENTRYHI_EHINV;
    }
    stlb_flush(c);
}

/* ---- guest TLB ---- */

static unsigned guest_tlb_size(const struct cpu *c)
{
    unsigned wired = c->cp0[CP0_WIRED];
    unsigned n = c->params.tlb_entries;
    unsigned avail = wired < n ? n - wired : 0;
    unsigned announced = ((c->g.r[CP0_CONFIG1] & CONFIG1_MMUSIZE) >> CONFIG1_MMUSIZE_SHIFT) + 1;
    return announced < avail ? announced : avail;
}

static struct tlb_entry *guest_entry(struct cpu *c, uint32_t gindex)
{
    if (gindex >= guest_tlb_size(c))
        return NULL;
    return &c->tlb[c->cp0[CP0_WIRED] + gindex];
}

void tlb_guest_read(struct cpu *c, bool root)
{
    struct tlb_entry *t = guest_entry(c, c->g.r[CP0_INDEX] & ~INDEX_P);
    if (!t)
        return;
    if (root) {
        entry_to_regs(c->g.r, t);
        set_rid(c, t->guestid);
    } else if (t->guest_level && t->guestid == gid(c)) {
        entry_to_regs(c->g.r, t);
    } else {
        /* Another guest's or root's entry sits at that index: the guest reads an invalid
         * entry, never someone else's mapping. */
        struct tlb_entry empty = {.entryhi = ENTRYHI_EHINV};
        entry_to_regs(c->g.r, &empty);
    }
    stlb_flush(c);
}

void tlb_guest_write(struct cpu *c, bool root, bool random)
{
    uint32_t index;
    if (random) {
        (void)cp0_read_ctx(c, true, CP0_RANDOM, &index);
    } else {
        index = c->g.r[CP0_INDEX] & ~INDEX_P;
    }
    struct tlb_entry *t = guest_entry(c, index);
    if (!t)
        return;
    regs_to_entry(t, c->g.r, root ? rid(c) : gid(c), true, cp0_pagemask_bits(c));
    stlb_flush(c);
}

void tlb_guest_probe(struct cpu *c, bool root)
{
    int i = find_entry(c, c->g.r, root ? rid(c) : gid(c), true);
    int wired = (int)c->cp0[CP0_WIRED];
    c->g.r[CP0_INDEX] =
        i >= wired ? (uint32_t)(i - wired) : (INDEX_P | (c->g.r[CP0_INDEX] & ~INDEX_P));
}

void tlb_guest_invalidate(struct cpu *c, bool root, bool all)
{
    uint32_t asid = c->g.r[CP0_ENTRYHI] & ENTRYHI_ASID;
    unsigned id = root ? rid(c) : gid(c);
    for (unsigned i = 0; i < c->params.tlb_entries; i++) {
        struct tlb_entry *t = &c->tlb[i];
        if (!t->guest_level || t->guestid != id)
            continue;
        if (all || (!(t->lo[0] & ENTRYLO_G) && (t->entryhi & ENTRYHI_ASID) == asid))
            t->entryhi |= ENTRYHI_EHINV;
    }
    stlb_flush(c);
}
