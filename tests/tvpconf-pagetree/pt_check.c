/* The checker of the page-tree tests: one region set against the map pt_build made of it,
 * using only the reference walkers of walk_ref.h (see pt_test.c). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pt_check.h"

/* ---- random numbers (xorshift64*, fixed seeds) ---- */
uint64_t rng;
uint32_t rnd(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (uint32_t)((rng * 0x2545F4914F6CDD1Dull) >> 32);
}
uint32_t below(uint32_t n)
{
    return n ? rnd() % n : 0;
}

/* ---- the checker ---- */

static const struct pt_region *region_of(const struct checker *c, uint32_t gpa)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->reg[i].size && gpa >= c->reg[i].gpa && gpa - c->reg[i].gpa < c->reg[i].size)
            return &c->reg[i];
    return NULL;
}

static unsigned expected_c(unsigned flags)
{
    if (flags & PT_CCA_SET)
        return (flags >> PT_CCA_SHIFT) & 7;
    return (flags & PT_UNCACHED) ? 2 : 3; /* mips-vz.md §2.1: 2 uncached, 3 cacheable */
}

static int fail(struct checker *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->msg, sizeof c->msg, fmt, ap);
    va_end(ap);
    return -1;
}

/* Checks GPA given its region R and the TLB lookup result T. */
static int check_addr_with(struct checker *c, uint32_t gpa, const struct pt_region *r,
                           struct ref_tlb_result t)
{
    const struct pt_map *m = c->map;
    unsigned pi = 0;
    int kind = ref_walk(m->l1, m->nodes, m->n_nodes, m->n_pairs, gpa, &pi);
    const struct tvp_tlb_pair *hp = NULL;
    unsigned hkind = tvp_pt_lookup(&c->hdr, gpa, &hp);
    c->checks++;

    if (kind == REF_CORRUPT)
        return fail(c, "GPA 0x%08x: corrupt tree entry", gpa);
    if (t.bad_entry)
        return fail(c, "GPA 0x%08x: malformed TLB pair %u", gpa, t.index);
    if (t.matches > 1)
        return fail(c, "GPA 0x%08x: %d TLB pairs match (machine check)", gpa, t.matches);
    if ((int)hkind != kind || (kind != REF_NONE && hp != &m->pairs[pi]))
        return fail(c, "GPA 0x%08x: include/tvp/pagetree.h walker says kind %u, reference %d", gpa,
                    hkind, kind);
    if (!r) {
        if (kind != REF_NONE)
            return fail(c, "GPA 0x%08x: no region, but the tree says kind %d", gpa, kind);
        if (t.matches && (t.lo & REF_LO_V))
            return fail(c, "GPA 0x%08x: no region, but TLB pair %u maps it to 0x%08x", gpa, t.index,
                        t.pa);
        return 0;
    }
    if (t.matches != 1 || t.index != pi)
        return fail(c, "GPA 0x%08x (line %d): tree gives pair %u, TLB lookup %d match(es) at %u",
                    gpa, r->line, pi, t.matches, t.index);
    if (r->flags & PT_TRAP) {
        if (kind != REF_TRAP)
            return fail(c, "GPA 0x%08x (line %d): trap region, tree kind %d", gpa, r->line, kind);
        if (t.lo & REF_LO_V)
            return fail(c, "GPA 0x%08x (line %d): trap region mapped valid", gpa, r->line);
        return 0;
    }
    if (kind != REF_MAPPED)
        return fail(c, "GPA 0x%08x (line %d): mapped region, tree kind %d", gpa, r->line, kind);
    if (!(t.lo & REF_LO_V))
        return fail(c, "GPA 0x%08x (line %d): mapped region, TLB half invalid", gpa, r->line);
    uint32_t want = r->rpa + (gpa - r->gpa);
    if (t.pa != want)
        return fail(c, "GPA 0x%08x (line %d): TLB gives RPA 0x%08x, want 0x%08x", gpa, r->line,
                    t.pa, want);
    int rd = !(t.lo & REF_LO_RI), wr = !!(t.lo & REF_LO_D), ex = !(t.lo & REF_LO_XI);
    if (rd != !!(r->flags & PT_R) || wr != !!(r->flags & PT_W) || ex != !!(r->flags & PT_X))
        return fail(c, "GPA 0x%08x (line %d): rights r%d w%d x%d, flags 0x%x", gpa, r->line, rd, wr,
                    ex, r->flags);
    if (REF_LO_C(t.lo) != expected_c(r->flags))
        return fail(c, "GPA 0x%08x (line %d): C=%u, want %u", gpa, r->line, REF_LO_C(t.lo),
                    expected_c(r->flags));
    if (t.lo & REF_LO_G)
        return fail(c, "GPA 0x%08x: G set on a GPA mapping", gpa);
    return 0;
}

static int check_addr(struct checker *c, uint32_t gpa)
{
    return check_addr_with(c, gpa, region_of(c, gpa), ref_tlb(c->map->pairs, c->map->n_pairs, gpa));
}

static int cmp_gpa(const void *a, const void *b)
{
    const struct pt_region *x = a, *y = b;
    return x->gpa < y->gpa ? -1 : x->gpa > y->gpa;
}

/* Every 4 KB page of the 4 GB guest-physical space, in order.  check_pairs has shown the
 * pairs to be disjoint, so at most one can match a page: the lookup only tries the pair
 * whose range the sweep is in (moving pointers over the pairs, sorted here by address, and
 * over the regions, sorted by GPA). */
int sweep_all_pages(struct checker *c)
{
    const struct pt_map *m = c->map;
    struct pt_region *reg = malloc((c->n ? c->n : 1) * sizeof *reg);
    size_t *order = malloc((m->n_pairs ? m->n_pairs : 1) * sizeof *order);
    size_t n = 0, ri = 0, pj = 0;
    int rc = 0;
    for (size_t i = 0; i < c->n; i++)
        if (c->reg[i].size)
            reg[n++] = c->reg[i];
    qsort(reg, n, sizeof *reg, cmp_gpa);
    for (size_t i = 0; i < m->n_pairs; i++) { /* insertion sort of pair indexes by EntryHi */
        size_t k = i;
        while (k > 0 && m->pairs[order[k - 1]].entryhi > m->pairs[i].entryhi) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = i;
    }
    for (uint64_t p = 0; p < 0x100000000ull && rc == 0; p += 4096) {
        while (ri < n && (uint64_t)reg[ri].gpa + reg[ri].size <= p)
            ri++;
        const struct pt_region *r = ri < n && reg[ri].gpa <= p ? &reg[ri] : NULL;
        while (pj < m->n_pairs &&
               m->pairs[order[pj]].entryhi + 2ull * ref_page_size(m->pairs[order[pj]].pagemask) <=
                   p)
            pj++;
        struct ref_tlb_result t = {0};
        if (pj < m->n_pairs && m->pairs[order[pj]].entryhi <= p) {
            t = ref_tlb(&m->pairs[order[pj]], 1, (uint32_t)p);
            t.index = (unsigned)order[pj];
        }
        rc = check_addr_with(c, (uint32_t)p, r, t);
    }
    free(reg);
    free(order);
    return rc;
}

/* Whole-pair checks: alignment, size limit, no overlap, and every valid half lies wholly
 * inside regions that give exactly that RPA and those rights (nothing is mapped outside). */
static int check_pairs(struct checker *c)
{
    const struct pt_map *m = c->map;
    for (size_t i = 0; i < m->n_pairs; i++) {
        const struct tvp_tlb_pair *p = &m->pairs[i];
        uint32_t s = ref_page_size(p->pagemask);
        if (!s || s > c->max_page)
            return fail(c, "pair %zu: PageMask 0x%08x (limit %u)", i, p->pagemask, c->max_page);
        if ((p->entryhi & (2ull * s - 1)) != 0)
            return fail(c, "pair %zu: EntryHi 0x%08x not aligned to 2 x 0x%x", i, p->entryhi, s);
        if (!((p->entrylo0 | p->entrylo1) & REF_LO_V)) {
            /* an all-invalid pair is only worth an entry when it holds trap pages */
            int any = 0;
            for (size_t k = 0; k < c->n; k++)
                if (c->reg[k].size && c->reg[k].gpa < (uint64_t)p->entryhi + 2ull * s &&
                    (uint64_t)c->reg[k].gpa + c->reg[k].size > p->entryhi)
                    any = 1;
            if (!any)
                return fail(c, "pair %zu: covers nothing", i);
        }
        for (size_t j = 0; j < i; j++) {
            const struct tvp_tlb_pair *q = &m->pairs[j];
            uint64_t qs = 2ull * ref_page_size(q->pagemask);
            if (p->entryhi < q->entryhi + qs && q->entryhi < p->entryhi + 2ull * s)
                return fail(c, "pairs %zu and %zu overlap", j, i);
        }
        for (int h = 0; h < 2; h++) {
            /* the source lines named for the half: those of the regions it touches */
            uint64_t ha = p->entryhi + (uint64_t)h * s;
            unsigned nl = 0;
            const struct pt_pair_info *in = &m->info[i];
            for (size_t k = 0; k < c->n; k++) {
                const struct pt_region *r = &c->reg[k];
                if (!r->size || r->gpa >= ha + s || (uint64_t)r->gpa + r->size <= ha)
                    continue;
                int named = 0;
                for (unsigned q = 0; q < in->n_lines[h] && q < PT_MAX_LINES; q++)
                    named |= in->lines[h][q] == r->line;
                if (!named && in->n_lines[h] <= PT_MAX_LINES)
                    return fail(c, "pair %zu half %d: line %d not named", i, h, r->line);
                nl++;
            }
            if (nl != in->n_lines[h])
                return fail(c, "pair %zu half %d: %u lines named, %u regions", i, h, in->n_lines[h],
                            nl);
            uint32_t lo = h ? p->entrylo1 : p->entrylo0;
            if (!(lo & REF_LO_V)) {
                if (lo != 0)
                    return fail(c, "pair %zu half %d: invalid but EntryLo 0x%08x", i, h, lo);
                continue;
            }
            uint64_t a = p->entryhi + (uint64_t)h * s;
            uint32_t frame = ((lo >> 6) & 0xFFFFFF) << 12;
            uint64_t covered = 0;
            for (size_t k = 0; k < c->n; k++) {
                const struct pt_region *r = &c->reg[k];
                uint64_t from = r->gpa > a ? r->gpa : a;
                uint64_t to =
                    (uint64_t)r->gpa + r->size < a + s ? (uint64_t)r->gpa + r->size : a + s;
                if (!r->size || from >= to)
                    continue;
                if (r->flags & PT_TRAP)
                    return fail(c, "pair %zu half %d: valid over trap region line %d", i, h,
                                r->line);
                if ((uint32_t)(frame - a) != (uint32_t)(r->rpa - r->gpa))
                    return fail(c, "pair %zu half %d: RPA offset differs from line %d", i, h,
                                r->line);
                if (!(lo & REF_LO_RI) != !!(r->flags & PT_R) ||
                    !!(lo & REF_LO_D) != !!(r->flags & PT_W) ||
                    !(lo & REF_LO_XI) != !!(r->flags & PT_X) ||
                    REF_LO_C(lo) != expected_c(r->flags))
                    return fail(c, "pair %zu half %d: rights differ from line %d", i, h, r->line);
                covered += to - from;
            }
            if (covered != s)
                return fail(c, "pair %zu half %d: maps 0x%llx bytes outside the regions", i, h,
                            (unsigned long long)(s - covered));
        }
    }
    return 0;
}

static int check_page(struct checker *c, uint64_t page)
{
    if (page >= 0x100000000ull)
        return 0;
    if (check_addr(c, (uint32_t)page))
        return -1;
    uint32_t word = below(1024) << 2;
    return check_addr(c, (uint32_t)page + word + below(4));
}

/* Checks pages in and around every region, random pages everywhere, and every page of the
 * whole used span when it is small. */
int check_map(struct checker *c)
{
    c->hdr.pairs = c->map->pairs;
    c->hdr.nodes = c->map->nodes;
    c->hdr.n_pairs = (uint16_t)c->map->n_pairs;
    c->hdr.n_nodes = (uint16_t)c->map->n_nodes;
    memcpy(c->hdr.l1, c->map->l1, sizeof c->hdr.l1);
    if (check_pairs(c))
        return -1;
    uint64_t lo = UINT64_MAX, hi = 0;
    for (size_t i = 0; i < c->n; i++) {
        const struct pt_region *r = &c->reg[i];
        if (!r->size)
            continue;
        uint64_t pages = r->size / 4096;
        for (uint64_t p = 0; p < pages; p++) {
            if (pages > 96 && p >= 32 && p < pages - 32) {
                p = pages - 33;
                continue;
            }
            if (check_page(c, r->gpa + p * 4096))
                return -1;
        }
        for (int k = 0; k < 24 && pages > 96; k++)
            if (check_page(c, r->gpa + (uint64_t)below((uint32_t)pages) * 4096))
                return -1;
        for (int d = 1; d <= 2; d++) {
            if (r->gpa >= d * 4096u && check_page(c, r->gpa - d * 4096u))
                return -1;
            if (check_page(c, (uint64_t)r->gpa + r->size + (d - 1) * 4096u))
                return -1;
        }
        if (r->gpa < lo)
            lo = r->gpa;
        if ((uint64_t)r->gpa + r->size > hi)
            hi = (uint64_t)r->gpa + r->size;
    }
    for (int k = 0; k < 48; k++)
        if (check_page(c, (uint64_t)(rnd() & ~0xFFFu)))
            return -1;
    for (size_t i = 0; i < c->map->n_pairs; i++) { /* both ends of every pair */
        uint64_t s = ref_page_size(c->map->pairs[i].pagemask);
        if (check_page(c, c->map->pairs[i].entryhi) ||
            check_page(c, c->map->pairs[i].entryhi + 2 * s - 4096))
            return -1;
    }
    if (hi > lo && hi - lo <= 4 * MB) {
        uint64_t from = lo >= 64 * KB ? lo - 64 * KB : 0;
        for (uint64_t p = from; p < hi + 64 * KB; p += 4096)
            if (check_page(c, p))
                return -1;
    }
    return 0;
}
