/* Reference walkers for the tvpconf page-tree tests, written from the documents and NOT from
 * tools/tvpconf/pagetree.c or the inline walker of include/tvp/pagetree.h:
 *   - ref_walk: the tree format of docs/tvpconf-pagetree.md (level 1: 256 entries indexed by
 *     GPA<31:24>; nodes of 64 entries indexed by GPA<23:18> then GPA<17:12>; entry = kind in
 *     bits 15:14 (0 none, 1 node, 2 mapped, 3 trap), index in bits 13:0);
 *   - ref_tlb: a root TLB lookup as mips-vz.md §2.1 and §3 describe it (VPN2 compared above
 *     the PageMask, half chosen by the address bit just above the page offset, PA = PFN<<12
 *     plus the offset inside the page).
 * Only the struct layouts come from include/tvp/pagetree.h (they are the interface). */
#ifndef WALK_REF_H
#define WALK_REF_H

#include <stddef.h>
#include <stdint.h>

#include "tvp/pagetree.h"

enum { REF_NONE = 0, REF_NODE = 1, REF_MAPPED = 2, REF_TRAP = 3, REF_CORRUPT = 4 };

/* Returns the kind; *pair_index for mapped/trap. REF_CORRUPT for an impossible table. */
static inline int ref_walk(const uint16_t *l1, const struct tvp_pt_node *nodes, size_t n_nodes,
                           size_t n_pairs, uint32_t gpa, unsigned *pair_index)
{
    uint16_t e = l1[gpa >> 24];
    unsigned level = 1;
    while ((e >> 14) == 1) {
        unsigned idx = e & 0x3FFF;
        if (level == 3 || idx >= n_nodes)
            return REF_CORRUPT;
        unsigned shift = level == 1 ? 18 : 12;
        e = nodes[idx].e[(gpa >> shift) & 63];
        level++;
    }
    unsigned kind = e >> 14;
    if (kind == 0)
        return e == 0 ? REF_NONE : REF_CORRUPT; /* "the whole entry is 0" */
    if ((e & 0x3FFF) >= n_pairs)
        return REF_CORRUPT;
    *pair_index = e & 0x3FFF;
    return (int)kind;
}

/* PageMask -> page size, from the table of mips-vz.md §2.1; 0 for a value not in it. */
static inline uint32_t ref_page_size(uint32_t pagemask)
{
    static const struct {
        uint32_t mask, size;
    } t[] = {
        {0x00000000, 4u << 10},   {0x00006000, 16u << 10}, {0x0001E000, 64u << 10},
        {0x0007E000, 256u << 10}, {0x001FE000, 1u << 20},  {0x007FE000, 4u << 20},
        {0x01FFE000, 16u << 20},  {0x07FFE000, 64u << 20}, {0x1FFFE000, 256u << 20},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (t[i].mask == pagemask)
            return t[i].size;
    return 0;
}

struct ref_tlb_result {
    int matches;    /* number of matching entries (more than one: machine check) */
    unsigned index; /* the (first) matching pair */
    uint32_t lo;    /* EntryLo of the selected half */
    uint32_t pa;    /* physical address when V=1 */
    uint32_t size;  /* page size */
    int bad_entry;  /* a pair with an unknown PageMask, EntryHi low bits, misaligned PFN */
};

static inline struct ref_tlb_result ref_tlb(const struct tvp_tlb_pair *pairs, size_t n,
                                            uint32_t gpa)
{
    struct ref_tlb_result r = {0};
    for (size_t i = 0; i < n; i++) {
        const struct tvp_tlb_pair *p = &pairs[i];
        uint32_t size = ref_page_size(p->pagemask);
        if (size == 0 || (p->entryhi & 0x1FFF) != 0) {
            r.bad_entry = 1;
            continue;
        }
        /* VPN2 = VA<31:13>, bits covered by the mask do not take part */
        uint32_t ignore = p->pagemask | 0x1FFF;
        if (((gpa ^ p->entryhi) & ~ignore) != 0)
            continue;
        if (r.matches++ == 0) {
            r.index = (unsigned)i;
            r.size = size;
            r.lo = (gpa & size) ? p->entrylo1 : p->entrylo0;
            uint32_t frame = ((r.lo >> 6) & 0xFFFFFF) << 12;
            if (frame & (size - 1))
                r.bad_entry = 1;
            r.pa = frame + (gpa & (size - 1));
        }
    }
    return r;
}

/* EntryLo bits (mips-vz.md §2.1). */
#define REF_LO_V     (1u << 1)
#define REF_LO_D     (1u << 2)
#define REF_LO_C(lo) (((lo) >> 3) & 7)
#define REF_LO_XI    (1u << 30)
#define REF_LO_RI    (1u << 31)
#define REF_LO_G     (1u << 0)

#endif
