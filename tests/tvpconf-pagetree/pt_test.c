/* Tests of tools/tvpconf/pagetree.c: hand-made maps with known pair counts and error
 * messages, and a property test over thousands of random region sets checked page by page
 * with the independent walkers of walk_ref.h.
 *
 *   pt_test                      every test, default number of random sets
 *   pt_test --sets N --seed S    N random sets starting at seed S
 *   pt_test --emit SEED FILE     write random set SEED as a C file for emitcheck.c
 *   pt_test --demo               print the pair lists of the demo guests */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../tools/tvpconf/pagetree.h"
#include "walk_ref.h"

#define KB 1024u
#define MB (1024u * 1024u)

static int failures;

static void report(int ok, const char *name, const char *fmt, ...)
{
    if (ok) {
        printf("PASS %s\n", name);
        return;
    }
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    printf("FAIL %s: %s\n", name, msg);
    failures++;
}

/* ---- random numbers (xorshift64*, fixed seeds) ---- */
static uint64_t rng;
static uint32_t rnd(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (uint32_t)((rng * 0x2545F4914F6CDD1Dull) >> 32);
}
static uint32_t below(uint32_t n)
{
    return n ? rnd() % n : 0;
}

/* ---- the checker: one region set against the map built from it ---- */
struct checker {
    const struct pt_region *reg;
    size_t n;
    const struct pt_map *map;
    uint32_t max_page;
    struct tvp_pagetree hdr; /* the map seen through include/tvp/pagetree.h */
    char msg[400];
    unsigned long checks;
};

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
static int sweep_all_pages(struct checker *c)
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
static int check_map(struct checker *c)
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

/* ---- random region sets ---- */
static uint32_t random_size(void)
{
    switch (below(8)) {
    case 0:
    case 1: return 4096 * (1 + below(8));
    case 2:
    case 3: return 4096u << (2 * below(6)); /* a page size, up to 4 MB */
    case 4: {
        uint32_t page = 4096u << (2 * below(5));
        return page * (2 + below(3));
    }
    case 5: return 4096 * (1 + below(256));
    case 6: return 4096 * (1 + below(64));
    default: {
        if (below(10) == 0)
            return (64 * MB) << below(3);          /* 64..256 MB: the largest pages */
        uint32_t big = (uint32_t)(MB << below(6)); /* 1..32 MB, sometimes ragged */
        return big + (below(2) ? 4096 * below(4) : 0);
    }
    }
}

static uint32_t random_align(void)
{
    return 4096u << (2 * below(8)); /* 4 KB .. 64 MB */
}

static size_t random_regions(struct pt_region *out, size_t max)
{
    static const uint32_t zones[] = {0x00000000, 0x1D000000, 0x1F800000,
                                     0x1FC00000, 0x40000000, 0xFF000000};
    size_t n = 0, want = 1 + below((uint32_t)max);
    for (int tries = 0; n < want && tries < 200; tries++) {
        struct pt_region r = {0};
        uint32_t size = random_size();
        if (n && below(3) == 0) { /* adjacent to the previous one */
            const struct pt_region *p = &out[n - 1];
            r.gpa = p->gpa + p->size;
            if (below(2)) {
                r.rpa = p->rpa + p->size;
                r.flags = p->flags;
            }
        } else {
            uint32_t base = below(4) ? zones[below(6)] : rnd();
            uint32_t al = random_align();
            r.gpa = (base + below(16 * MB)) & ~(al - 1);
        }
        if (r.flags == 0) {
            if (below(4) == 0)
                r.flags = PT_TRAP | (below(2) ? PT_R | PT_W : 0);
            else
                r.flags = 1 + below(7); /* a non-empty subset of PT_R, PT_W, PT_X */
            if (below(5) == 0)
                r.flags |= PT_UNCACHED;
            if (below(20) == 0)
                r.flags |= PT_CCA(below(8));
            switch (below(3)) {
            case 0: r.rpa = r.gpa; break;
            case 1: {
                uint32_t k = below(64);
                r.rpa = r.gpa + (k << (12 + 2 * below(8)));
                break;
            }
            default: /* congruent only modulo a small page when the region is large */
                if (size > MB)
                    r.rpa = r.gpa + (below(64) << 20);
                else
                    r.rpa = rnd() & ~(random_align() - 1);
                break;
            }
        }
        if ((uint64_t)r.gpa + size > 0x100000000ull)
            size = (uint32_t)(0x100000000ull - r.gpa);
        if ((uint64_t)r.rpa + size > 0x100000000ull)
            r.rpa = 0x100000000ull - size;
        if (size >= 64 * MB) /* identity: incongruent, 16384 pairs would not be enough */
            r.rpa = r.gpa;
        if (!size)
            continue;
        r.size = size;
        int clash = 0;
        for (size_t i = 0; i < n; i++)
            if (r.gpa < (uint64_t)out[i].gpa + out[i].size && out[i].gpa < (uint64_t)r.gpa + r.size)
                clash = 1;
        if (clash)
            continue;
        r.line = 10 + (int)n;
        out[n++] = r;
    }
    return n;
}

static int property_test(unsigned long seed0, unsigned long sets)
{
    unsigned long bad = 0, checks = 0, pairs = 0;
    char name[64], err[300];
    for (unsigned long s = seed0; s < seed0 + sets; s++) {
        rng = 0x9E3779B97F4A7C15ull * (s + 1);
        struct pt_region reg[16];
        size_t n = random_regions(reg, 12);
        struct pt_params par = {.max_page_size = (s & 1) ? 256 * MB : 1 * MB,
                                .min_page_size = 4 * KB};
        struct pt_map map;
        if (pt_build(reg, n, &par, &map, err, sizeof err)) {
            printf("FAIL pt_property_seed_%lu: pt_build: %s\n", s, err);
            failures++;
            if (++bad > 10)
                break;
            continue;
        }
        struct checker c = {.reg = reg, .n = n, .map = &map, .max_page = par.max_page_size};
        if (check_map(&c) || (s % 500 == 0 && sweep_all_pages(&c))) {
            printf("FAIL pt_property_seed_%lu: %s\n", s, c.msg);
            failures++;
            if (++bad > 10)
                break;
        }
        checks += c.checks;
        pairs += map.n_pairs;
        pt_free(&map);
    }
    snprintf(name, sizeof name, "pt_property_%lu_sets", sets);
    report(bad == 0, name, "%lu of the random sets failed", bad);
    printf("   (%lu sets from seed %lu: %lu addresses checked, %lu TLB pairs)\n", sets, seed0,
           checks, pairs);
    return bad != 0;
}

/* ---- hand-made maps ---- */
struct demo {
    const char *name;
    struct pt_region reg[16];
    unsigned max_pairs_1m, max_pairs_256m; /* expected counts */
};

#define RX  (PT_R | PT_X)
#define RW  (PT_R | PT_W)
#define TRP PT_TRAP

/* Typical guests: code in flash, data in RAM, emulated/partially owned SFR pages
 * (addresses from pic32mz-ef.md: SYSCON 0x1F800000, oscillator 0x1F801200, EVIC 0x1F810000,
 * DMA 0x1F811000, UART 0x1F822000, timers 0x1F840000, ports 0x1F860000). */
static const struct demo demos[] = {
    {"pt_demo_poll_guest",
     {{0x1D000000, 0x1D040000, 64 * KB, RX, 1},
      {0x00000000, 0x00020000, 32 * KB, RW, 2},
      {0x1F800000, 0x1F800000, 8 * KB, TRP, 3},
      {0x1F810000, 0x1F810000, 4 * KB, TRP, 4},
      {0x1F822000, 0x1F822000, 4 * KB, TRP, 5},
      {0x1F860000, 0x1F860000, 8 * KB, TRP, 6}},
     3,
     3},
    {"pt_demo_irq_guest",
     {{0x1D000000, 0x1D080000, 128 * KB, RX, 1},
      {0x00000000, 0x00040000, 64 * KB, RW, 2},
      {0x1F800000, 0x1F800000, 8 * KB, TRP, 3},
      {0x1F810000, 0x1F810000, 4 * KB, TRP, 4},
      {0x1F822000, 0x1F822000, 4 * KB, TRP, 5},
      {0x1F840000, 0x1F840000, 4 * KB, TRP, 6},
      {0x1F860000, 0x1F860000, 8 * KB, TRP, 7}},
     3,
     3},
    /* code in boot flash as the config-format.md example, 96 KB of RAM */
    {"pt_demo_bootflash_guest",
     {{0x1FC08000, 0x1FC08000, 32 * KB, RX, 1},
      {0x00000000, 0x00050000, 96 * KB, RW, 2},
      {0x1F810000, 0x1F810000, 4 * KB, TRP, 3},
      {0x1F822000, 0x1F822000, 4 * KB, TRP, 4}},
     5,
     5}, /* 96 KB of RAM is not one pair: 3 pairs of 16 KB pages */
    /* a DMA guest owning a whole DMA register page (mapped, uncached) */
    {"pt_demo_dma_guest",
     {{0x1D000000, 0x1D0C0000, 64 * KB, RX, 1},
      {0x00070000, 0x00070000, 64 * KB, RW, 2},
      {0x1F811000, 0x1F811000, 4 * KB, RW | PT_UNCACHED, 3},
      {0x1F810000, 0x1F810000, 4 * KB, TRP, 4},
      {0x1F822000, 0x1F822000, 4 * KB, TRP, 5}},
     4,
     4},
};

static int count_regions(const struct pt_region *r)
{
    int n = 0;
    while (n < 16 && r[n].size)
        n++;
    return n;
}

static void demo_tests(int print)
{
    char err[300], name[80];
    for (size_t i = 0; i < sizeof demos / sizeof demos[0]; i++) {
        const struct demo *d = &demos[i];
        for (int big = 0; big < 2; big++) {
            struct pt_params par = {.max_page_size = big ? 256 * MB : MB, .min_page_size = 4 * KB};
            struct pt_map map;
            int n = count_regions(d->reg);
            snprintf(name, sizeof name, "%s_%s", d->name, big ? "256m" : "1m");
            if (pt_build(d->reg, n, &par, &map, err, sizeof err)) {
                report(0, name, "%s", err);
                continue;
            }
            struct checker c = {.reg = d->reg, .n = n, .map = &map, .max_page = par.max_page_size};
            unsigned want = big ? d->max_pairs_256m : d->max_pairs_1m;
            if (check_map(&c) == 0 && sweep_all_pages(&c))
                report(0, name, "full sweep: %s", c.msg);
            unsigned valid = 0;
            for (size_t k = 0; k < map.n_pairs; k++)
                valid += ((map.pairs[k].entrylo0 | map.pairs[k].entrylo1) & REF_LO_V) != 0;
            if (check_map(&c))
                report(0, name, "%s", c.msg);
            else
                report(pt_tlb_pairs(&map) <= want && pt_tlb_pairs(&map) <= 5 &&
                           pt_tlb_valid_pairs(&map) == valid,
                       name, "%u TLB pairs (%u valid, %u counted), expected at most %u",
                       pt_tlb_pairs(&map), valid, pt_tlb_valid_pairs(&map), want);
            if (print) {
                printf("%s (max page %s): %u TLB pairs (%u with a valid half), %zu tree nodes\n",
                       d->name, big ? "256 MB" : "1 MB", pt_tlb_pairs(&map),
                       pt_tlb_valid_pairs(&map), map.n_nodes);
                pt_print(stdout, &map);
            }
            pt_free(&map);
        }
    }
}

/* Known pair counts and pair shapes, worked out by hand from the TLB rules. */
static void shape_tests(void)
{
    char err[300];
    struct pt_params p1 = {.max_page_size = MB, .min_page_size = 4 * KB};
    struct pt_params p256 = {.max_page_size = 256 * MB, .min_page_size = 4 * KB};
    struct pt_map m;
    static const struct {
        const char *name;
        struct pt_region r;
        int big;
        unsigned pairs;
        uint32_t pagemask; /* of the first pair */
    } t[] = {
        /* 32 KB at a 32 KB boundary: one pair of 16 KB pages */
        {"pt_shape_32k", {0x1D000000, 0x1D000000, 32 * KB, RX, 1}, 0, 1, 0x00006000},
        /* 512 KB RAM: one pair of 256 KB pages */
        {"pt_shape_512k", {0, 0, 512 * KB, RW, 1}, 0, 1, 0x0007E000},
        /* 2 MB flash: one pair of 1 MB pages */
        {"pt_shape_2m", {0x1D000000, 0x1D000000, 2 * MB, RX, 1}, 0, 1, 0x001FE000},
        /* 3 MB at 0: 2 x 1 MB + (1 MB + invalid) */
        {"pt_shape_3m", {0, 0, 3 * MB, RW, 1}, 0, 2, 0x001FE000},
        /* 16 MB with 1 MB pages: 8 pairs; with 256 MB allowed: one pair of 16 MB pages...
           no: 16 MB fills a whole 16 MB page (one half), the other half invalid */
        {"pt_shape_16m_1m", {0x20000000, 0x20000000, 16 * MB, RW, 1}, 0, 8, 0x001FE000},
        {"pt_shape_16m_256m", {0x20000000, 0x20000000, 16 * MB, RW, 1}, 1, 1, 0x01FFE000},
        /* GPA and RPA congruent only modulo 4 KB: 64 KB must use 4 KB pages (8 pairs) */
        {"pt_shape_incongruent", {0x00000000, 0x00101000, 64 * KB, RW, 1}, 0, 8, 0x00000000},
        /* one trap page: one pair, both halves invalid */
        {"pt_shape_trap", {0x1F822000, 0x1F822000, 4 * KB, TRP, 1}, 0, 1, 0x001FE000},
        /* 4 KB at the very top of the address space */
        {"pt_shape_top", {0xFFFFF000, 0x00001000, 4 * KB, RW, 1}, 1, 1, 0x00000000},
        /* 256 MB pages exist only with max 256 MB */
        {"pt_shape_512m", {0x40000000, 0x40000000, 512 * MB, RW, 1}, 1, 1, 0x1FFFE000},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        if (pt_build(&t[i].r, 1, t[i].big ? &p256 : &p1, &m, err, sizeof err)) {
            report(0, t[i].name, "%s", err);
            continue;
        }
        struct checker c = {
            .reg = &t[i].r, .n = 1, .map = &m, .max_page = t[i].big ? 256 * MB : MB};
        if (check_map(&c))
            report(0, t[i].name, "%s", c.msg);
        else
            report(m.n_pairs == t[i].pairs && m.pairs[0].pagemask == t[i].pagemask, t[i].name,
                   "%zu pairs (want %u), first PageMask 0x%08x (want 0x%08x)", m.n_pairs,
                   t[i].pairs, m.pairs[0].pagemask, t[i].pagemask);
        pt_free(&m);
    }
}

static void expect_error(const char *name, const struct pt_region *r, size_t n,
                         const struct pt_params *par, const char *needle1, const char *needle2)
{
    char err[300] = "";
    struct pt_map m;
    int rc = pt_build(r, n, par, &m, err, sizeof err);
    if (rc == 0) {
        report(0, name, "accepted");
        pt_free(&m);
        return;
    }
    report(strstr(err, needle1) && (!needle2 || strstr(err, needle2)), name,
           "message \"%s\" lacks \"%s\"%s%s", err, needle1, needle2 ? " or " : "",
           needle2 ? needle2 : "");
}

static void error_tests(void)
{
    struct pt_params p = {.max_page_size = MB, .min_page_size = 4 * KB, .file = "demo.conf"};
    struct pt_region mis[] = {{0x1D000800, 0x1D000800, 4 * KB, RX, 17}};
    expect_error("pt_error_misaligned_gpa", mis, 1, &p, "demo.conf:17:", "aligned");
    struct pt_region mis2[] = {{0x1D000000, 0x1D000010, 4 * KB, RX, 18}};
    expect_error("pt_error_misaligned_rpa", mis2, 1, &p, "demo.conf:18:", "aligned");
    struct pt_region mis3[] = {{0x1D000000, 0x1D000000, 100, RX, 19}};
    expect_error("pt_error_misaligned_size", mis3, 1, &p, "demo.conf:19:", "aligned");
    struct pt_region ov[] = {{0x0, 0x0, 64 * KB, RW, 20}, {0x8000, 0x100000, 4 * KB, RW, 21}};
    expect_error("pt_error_overlap", ov, 2, &p, ":21:", "line 20");
    struct pt_region wrap[] = {{0xFFFF0000, 0xFFFF0000, 128 * KB, RW, 22}};
    expect_error("pt_error_wrap", wrap, 1, &p, ":22:", "4 GB");
    struct pt_region none[] = {{0x0, 0x0, 4 * KB, 0, 23}};
    expect_error("pt_error_no_rights", none, 1, &p, ":23:", NULL);
    struct pt_region ok[] = {{0x0, 0x0, 4 * KB, RW, 24}};
    struct pt_params bad = {.max_page_size = 2 * MB, .min_page_size = 4 * KB};
    expect_error("pt_error_max_page_2m", ok, 1, &bad, "maximum page size", NULL);
    struct pt_params bad2 = {.max_page_size = 512 * MB, .min_page_size = 4 * KB};
    expect_error("pt_error_max_page_512m", ok, 1, &bad2, "maximum page size", NULL);
    struct pt_params nofile = {.max_page_size = MB, .min_page_size = 4 * KB};
    expect_error("pt_error_line_without_file", mis, 1, &nofile, "line 17", NULL);

    /* 20000 lone 4 KB pages, one pair each: more pairs than the tree can index */
    static struct pt_region many[20000];
    for (int i = 0; i < 20000; i++)
        many[i] = (struct pt_region){0x40000000u + (uint32_t)i * 8192u, 0, 4 * KB, RW, 100 + i};
    expect_error("pt_error_too_many_pairs", many, 20000, &p, "demo.conf:16484:", "16384");

    /* nothing at all: an empty, valid map */
    struct pt_map m;
    char err[300];
    int rc = pt_build(NULL, 0, &p, &m, err, sizeof err);
    report(rc == 0 && m.n_pairs == 0 && m.n_nodes == 0, "pt_empty_map", "rc %d: %s", rc, err);
    if (rc == 0) {
        FILE *f = tmpfile();
        report(f && pt_emit_c(f, &m, "vm_empty") == 0 && pt_emit_c(f, &m, "1bad") == -1,
               "pt_emit_prefix", "bad prefix accepted or emit failed");
        if (f)
            fclose(f);
        pt_free(&m);
    }
}

/* Writes random set SEED as a C translation unit for emitcheck.c. */
static int emit_file(unsigned long seed, const char *path)
{
    char err[300];
    struct pt_region reg[16];
    size_t n;
    struct pt_params par = {.max_page_size = (seed & 1) ? 256 * MB : MB, .min_page_size = 4 * KB};
    if (seed == 0) { /* the demo guest */
        n = (size_t)count_regions(demos[0].reg);
        memcpy(reg, demos[0].reg, sizeof demos[0].reg);
    } else {
        rng = 0x9E3779B97F4A7C15ull * (seed + 1);
        n = random_regions(reg, 12);
    }
    struct pt_map m;
    if (pt_build(reg, n, &par, &m, err, sizeof err)) {
        fprintf(stderr, "pt_build: %s\n", err);
        return 1;
    }
    FILE *f = fopen(path, "w");
    if (!f)
        return 1;
    fprintf(f, "#include \"tvp/pagetree.h\"\n#include \"emitcheck.h\"\n");
    int rc = pt_emit_c(f, &m, "pt_under_test");
    fprintf(f, "const struct exp_region exp_regions[] = {\n");
    for (size_t i = 0; i < n; i++)
        fprintf(f, "    {0x%08xu, 0x%08xu, 0x%08xu, 0x%xu},\n", reg[i].gpa, reg[i].rpa, reg[i].size,
                reg[i].flags);
    fprintf(f, "    {0, 0, 0, 0}\n};\nconst unsigned exp_n_regions = %zu;\n", n);
    fprintf(f, "const unsigned exp_max_page = 0x%xu;\n", par.max_page_size);
    if (fclose(f) || rc)
        return 1;
    pt_free(&m);
    return 0;
}

int main(int argc, char **argv)
{
    unsigned long sets = 3000, seed = 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--sets") && i + 1 < argc)
            sets = strtoul(argv[++i], NULL, 0);
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoul(argv[++i], NULL, 0);
        else if (!strcmp(argv[i], "--emit") && i + 2 < argc)
            return emit_file(strtoul(argv[i + 1], NULL, 0), argv[i + 2]);
        else if (!strcmp(argv[i], "--demo")) {
            demo_tests(1);
            return failures != 0;
        } else {
            fprintf(stderr, "usage: %s [--sets N] [--seed S] | --emit SEED FILE | --demo\n",
                    argv[0]);
            return 2;
        }
    }
    shape_tests();
    error_tests();
    demo_tests(0);
    property_test(seed, sets);
    return failures != 0;
}
