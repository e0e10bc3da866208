/* GPA -> RPA maps as MIPS TLB pairs, and the tree that finds a pair for a GPA.
 *
 * TLB facts (mips-vz.md §2.1, §3): an entry maps two pages of one size, 4 KB * 4^k
 * (PageMask), the even page at a VPN2 aligned to twice the page size; the half is chosen by
 * the address bit just above the page offset; each half has its own PFN, C, D, V, RI, XI.
 * Entries must never overlap (a double match is a machine check).
 *
 * Choosing the pairs: every candidate pair covers an aligned block of 2*S bytes, and for the
 * sizes S = 4 KB * 4^k these blocks nest (a block of one size holds exactly four blocks of
 * the next smaller pair size).  A block can be one pair when each half is either
 *   - valid: wholly inside one run of regions with the same rights whose RPA is contiguous,
 *     and that RPA is a multiple of S (the PFN of a large page has its low bits clear), or
 *   - invalid: holds no mapped page (only trap pages or nothing; V=0 maps nothing).
 * A block that is one pair costs 1 and no split can cost less, so taking the largest block
 * that works and splitting the others into four gives the fewest pairs.  Invalid halves
 * may be large and cover unmapped addresses: an access there traps, and the hypervisor's
 * tree walk tells a trap page (emulate) from an unmapped one (guest fault). */
#include "pagetree.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "soc/cp0_fields.h"

#define GIB4 0x100000000ull

/* A maximal stretch of guest-physical space with one meaning. */
struct run {
    uint64_t start, end; /* [start, end) */
    uint32_t rpa;        /* of start (mapped runs) */
    uint32_t lo;         /* EntryLo bits other than PFN; 0 = trap run */
};

/* A stretch of the tree's value (one tree entry for every page in it). */
struct seg {
    uint64_t start, end;
    uint16_t value;
};

struct builder {
    const struct pt_params *par;
    struct pt_map *map;
    struct run *runs;
    size_t n_runs;
    size_t *mapped_before; /* mapped_before[i] = mapped runs among runs[0..i-1] */
    size_t cap_pairs;
    struct seg *segs;
    size_t n_segs, cap_segs;
    char *err;
    size_t errlen;
};

static int fail_line(const struct pt_params *par, char *err, size_t errlen, int line,
                     const char *fmt, ...)
{
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (par->file)
        snprintf(err, errlen, "%s:%d: %s", par->file, line, msg);
    else
        snprintf(err, errlen, "line %d: %s", line, msg);
    return -1;
}

static int is_page_size(uint32_t s)
{
    /* 4 KB * 4^k: a power of two with an even exponent, 2^12 .. 2^28 */
    for (unsigned sh = 12; sh <= 28; sh += 2)
        if (s == 1u << sh)
            return 1;
    return 0;
}

/* PageMask for pages of SIZE bytes: Mask<28:13> has ones for the page-offset bits above the
 * 4 KB offset (mips-vz.md §2.1 table: 16 KB -> 0x6000, 1 MB -> 0x1FE000, ...). */
static uint32_t pagemask_of(uint32_t size)
{
    return ((size - 1) & ~0xFFFu) << 1;
}

static uint32_t entrylo_attr(unsigned flags)
{
    uint32_t c = 3;
    if (flags & PT_UNCACHED)
        c = 2;
    if (flags & PT_CCA_SET)
        c = (flags >> PT_CCA_SHIFT) & 7;
    uint32_t lo = ENTRYLO_V | c << ENTRYLO_C_SHIFT;
    if (flags & PT_W)
        lo |= ENTRYLO_D;
    if (!(flags & PT_R))
        lo |= ENTRYLO_RI;
    if (!(flags & PT_X))
        lo |= ENTRYLO_XI;
    return lo;
}

static int cmp_region(const void *a, const void *b)
{
    const struct pt_region *x = a, *y = b;
    return x->gpa < y->gpa ? -1 : x->gpa > y->gpa;
}

/* Checks the regions, sorts them into map->regions, and merges them into runs. */
static int make_runs(struct builder *b, const struct pt_region *in, size_t n)
{
    const struct pt_params *par = b->par;
    struct pt_map *m = b->map;
    uint32_t a = par->min_page_size - 1;

    m->regions = calloc(n ? n : 1, sizeof *m->regions);
    b->runs = calloc(n ? n : 1, sizeof *b->runs);
    b->mapped_before = calloc(n + 1, sizeof *b->mapped_before);
    if (!m->regions || !b->runs || !b->mapped_before) {
        snprintf(b->err, b->errlen, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        const struct pt_region *r = &in[i];
        if (r->size == 0)
            continue;
        if ((r->gpa | r->rpa | r->size) & a)
            return fail_line(par, b->err, b->errlen, r->line,
                             "region 0x%08x+0x%x (physical 0x%08x) is not aligned to %u KB: a "
                             "TLB page cannot map it",
                             r->gpa, r->size, r->rpa, par->min_page_size / 1024);
        if ((uint64_t)r->gpa + r->size > GIB4 || (uint64_t)r->rpa + r->size > GIB4)
            return fail_line(par, b->err, b->errlen, r->line,
                             "region 0x%08x+0x%x (physical 0x%08x) runs past 4 GB", r->gpa, r->size,
                             r->rpa);
        if (!(r->flags & (PT_TRAP | PT_R | PT_W | PT_X)))
            return fail_line(par, b->err, b->errlen, r->line,
                             "region 0x%08x+0x%x grants no access (no r, w, x) and does not trap",
                             r->gpa, r->size);
        m->regions[m->n_regions++] = *r;
    }
    qsort(m->regions, m->n_regions, sizeof *m->regions, cmp_region);
    for (size_t i = 0; i < m->n_regions; i++) {
        const struct pt_region *r = &m->regions[i];
        if (i > 0) {
            const struct pt_region *p = &m->regions[i - 1];
            if ((uint64_t)p->gpa + p->size > r->gpa)
                return fail_line(par, b->err, b->errlen, r->line,
                                 "region 0x%08x+0x%x overlaps the region of line %d "
                                 "(0x%08x+0x%x) in guest-physical space",
                                 r->gpa, r->size, p->line, p->gpa, p->size);
        }
        uint32_t lo = (r->flags & PT_TRAP) ? 0 : entrylo_attr(r->flags);
        struct run *last = b->n_runs ? &b->runs[b->n_runs - 1] : NULL;
        if (last && last->end == r->gpa && last->lo == lo &&
            (lo == 0 || (uint64_t)last->rpa + (last->end - last->start) == r->rpa)) {
            last->end += r->size;
            continue;
        }
        b->runs[b->n_runs++] = (struct run){r->gpa, (uint64_t)r->gpa + r->size, r->rpa, lo};
    }
    for (size_t i = 0; i < b->n_runs; i++)
        b->mapped_before[i + 1] = b->mapped_before[i] + (b->runs[i].lo != 0);
    return 0;
}

/* First run with end > addr. */
static size_t run_after(const struct builder *b, uint64_t addr)
{
    size_t lo = 0, hi = b->n_runs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->runs[mid].end > addr)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* First run with start >= addr. */
static size_t run_from(const struct builder *b, uint64_t addr)
{
    size_t lo = 0, hi = b->n_runs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->runs[mid].start >= addr)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

enum half { HALF_EMPTY, HALF_TRAP, HALF_VALID, HALF_BAD };

/* What [a, a+s) can be as one half of a pair; *run_i is the run of a valid half. */
static enum half half_state(const struct builder *b, uint64_t a, uint64_t s, size_t *run_i)
{
    size_t i = run_after(b, a), j = run_from(b, a + s);
    if (i >= j)
        return HALF_EMPTY;
    if (b->mapped_before[j] == b->mapped_before[i])
        return HALF_TRAP;
    const struct run *r = &b->runs[i];
    if (j - i == 1 && r->start <= a && r->end >= a + s && (r->rpa + (a - r->start)) % s == 0) {
        *run_i = i;
        return HALF_VALID;
    }
    return HALF_BAD;
}

static int add_seg(struct builder *b, uint64_t start, uint64_t end, uint16_t value)
{
    if (b->n_segs && b->segs[b->n_segs - 1].end == start && b->segs[b->n_segs - 1].value == value) {
        b->segs[b->n_segs - 1].end = end;
        return 0;
    }
    if (b->n_segs == b->cap_segs) {
        size_t nc = b->cap_segs ? b->cap_segs * 2 : 64;
        struct seg *ns = realloc(b->segs, nc * sizeof *ns);
        if (!ns)
            return -1;
        b->segs = ns;
        b->cap_segs = nc;
    }
    b->segs[b->n_segs++] = (struct seg){start, end, value};
    return 0;
}

/* Lines of the regions that intersect [a, a+s) (regions are sorted and disjoint). */
static void half_lines(const struct pt_map *m, uint64_t a, uint64_t s, struct pt_pair_info *in,
                       int h)
{
    size_t lo = 0, hi = m->n_regions;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((uint64_t)m->regions[mid].gpa + m->regions[mid].size > a)
            hi = mid;
        else
            lo = mid + 1;
    }
    for (size_t i = lo; i < m->n_regions && m->regions[i].gpa < a + s; i++) {
        if (in->n_lines[h] < PT_MAX_LINES)
            in->lines[h][in->n_lines[h]] = m->regions[i].line;
        in->n_lines[h]++;
    }
}

static int add_pair(struct builder *b, uint64_t base, uint32_t s, enum half st[2],
                    const size_t ri[2])
{
    struct pt_map *m = b->map;
    if (m->n_pairs > TVP_PT_MAX_INDEX) {
        const struct pt_region *r = &m->regions[0];
        for (size_t i = 0; i < m->n_regions; i++)
            if ((uint64_t)m->regions[i].gpa + m->regions[i].size > base) {
                r = &m->regions[i]; /* the first region that did not fit */
                break;
            }
        return fail_line(b->par, b->err, b->errlen, r->line,
                         "the map needs more than %d TLB pairs (region 0x%08x+0x%x)",
                         TVP_PT_MAX_INDEX + 1, r->gpa, r->size);
    }
    if (m->n_pairs == b->cap_pairs) {
        size_t nc = b->cap_pairs ? b->cap_pairs * 2 : 16;
        struct tvp_tlb_pair *np = realloc(m->pairs, nc * sizeof *np);
        if (np)
            m->pairs = np;
        struct pt_pair_info *ni = realloc(m->info, nc * sizeof *ni);
        if (ni)
            m->info = ni;
        if (!np || !ni)
            goto oom;
        b->cap_pairs = nc;
    }
    uint16_t idx = (uint16_t)m->n_pairs;
    struct tvp_tlb_pair *p = &m->pairs[idx];
    struct pt_pair_info *in = &m->info[idx];
    memset(in, 0, sizeof *in);
    p->entryhi = (uint32_t)base & ENTRYHI_VPN2;
    p->pagemask = pagemask_of(s);
    in->gpa = (uint32_t)base;
    in->page_size = s;
    for (int h = 0; h < 2; h++) {
        uint64_t a = base + (uint64_t)h * s;
        uint32_t lo = 0;
        half_lines(m, a, s, in, h);
        if (st[h] == HALF_VALID) {
            const struct run *r = &b->runs[ri[h]];
            uint32_t rpa = r->rpa + (uint32_t)(a - r->start);
            lo = r->lo | (rpa >> 12) << ENTRYLO_PFN_SHIFT;
            if (add_seg(b, a, a + s, TVP_PT_ENTRY(TVP_PT_MAPPED, idx)))
                goto oom;
        } else if (st[h] == HALF_TRAP) {
            for (size_t i = run_after(b, a); i < b->n_runs && b->runs[i].start < a + s; i++) {
                uint64_t from = b->runs[i].start > a ? b->runs[i].start : a;
                uint64_t to = b->runs[i].end < a + s ? b->runs[i].end : a + s;
                if (add_seg(b, from, to, TVP_PT_ENTRY(TVP_PT_TRAP, idx)))
                    goto oom;
            }
        }
        if (h == 0)
            p->entrylo0 = lo;
        else
            p->entrylo1 = lo;
    }
    m->n_pairs++;
    return 0;
oom:
    snprintf(b->err, b->errlen, "out of memory");
    return -1;
}

/* Covers the block [base, base + 2*s) with the fewest pairs of page size s or smaller. */
static int cover(struct builder *b, uint64_t base, uint32_t s)
{
    enum half st[2];
    size_t ri[2] = {0, 0};
    st[0] = half_state(b, base, s, &ri[0]);
    st[1] = half_state(b, base + s, s, &ri[1]);
    if (st[0] == HALF_EMPTY && st[1] == HALF_EMPTY)
        return 0;
    if (st[0] != HALF_BAD && st[1] != HALF_BAD)
        return add_pair(b, base, s, st, ri);
    if (s == b->par->min_page_size) { /* cannot happen: regions are page-aligned */
        snprintf(b->err, b->errlen, "internal error: page 0x%08llx cannot be mapped",
                 (unsigned long long)base);
        return -1;
    }
    for (int i = 0; i < 4; i++)
        if (cover(b, base + (uint64_t)i * (s / 2), s / 4))
            return -1;
    return 0;
}

/* The tree value shared by every page of [a, a+len), or -1 when they differ. */
static int uniform(const struct builder *b, uint64_t a, uint64_t len)
{
    size_t lo = 0, hi = b->n_segs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->segs[mid].end > a)
            hi = mid;
        else
            lo = mid + 1;
    }
    if (lo == b->n_segs || b->segs[lo].start >= a + len)
        return TVP_PT_NONE;
    if (b->segs[lo].start <= a && b->segs[lo].end >= a + len)
        return b->segs[lo].value;
    return -1;
}

static int new_node(struct builder *b, uint64_t gpa, unsigned shift)
{
    struct pt_map *m = b->map;
    if (m->n_nodes > TVP_PT_MAX_INDEX)
        return fail_line(b->par, b->err, b->errlen, m->regions[0].line,
                         "the page tree needs more than %d nodes", TVP_PT_MAX_INDEX + 1);
    struct tvp_pt_node *nn = realloc(m->nodes, (m->n_nodes + 1) * sizeof *nn);
    if (nn)
        m->nodes = nn;
    struct pt_node_info *ni = realloc(m->node_info, (m->n_nodes + 1) * sizeof *ni);
    if (ni)
        m->node_info = ni;
    if (!nn || !ni) {
        snprintf(b->err, b->errlen, "out of memory");
        return -1;
    }
    memset(&m->nodes[m->n_nodes], 0, sizeof *nn);
    m->node_info[m->n_nodes] = (struct pt_node_info){(uint32_t)gpa, shift};
    return (int)m->n_nodes++;
}

/* Fills *E for the block [a, a + (1 << shift)), descending one level when it is mixed. */
static int fill(struct builder *b, uint16_t *e, uint64_t a, unsigned shift)
{
    int v = uniform(b, a, 1ull << shift);
    if (v < 0 && shift == TVP_PT_L3_SHIFT) { /* cannot happen: runs are page-aligned */
        snprintf(b->err, b->errlen, "internal error: page 0x%08llx is not uniform",
                 (unsigned long long)a);
        return -1;
    }
    if (v >= 0) {
        *e = (uint16_t)v;
        return 0;
    }
    unsigned sub = shift == TVP_PT_L1_SHIFT ? TVP_PT_L2_SHIFT : TVP_PT_L3_SHIFT;
    int node = new_node(b, a, sub);
    if (node < 0)
        return -1;
    *e = TVP_PT_ENTRY(TVP_PT_NODE, node);
    for (unsigned i = 0; i < TVP_PT_NODE_ENTRIES; i++) {
        uint16_t v2;
        if (fill(b, &v2, a + ((uint64_t)i << sub), sub))
            return -1;
        b->map->nodes[node].e[i] = v2; /* nodes may move while filling */
    }
    return 0;
}

static int check_params(const struct pt_params *p, char *err, size_t errlen)
{
    if (!is_page_size(p->min_page_size) || p->min_page_size != 4096) {
        snprintf(err, errlen, "page tree: minimum page size %u is not supported (4 KB)",
                 p->min_page_size);
        return -1;
    }
    if (!is_page_size(p->max_page_size) || p->max_page_size < p->min_page_size) {
        snprintf(err, errlen,
                 "page tree: maximum page size %u is not 4 KB * 4^k between 4 KB and 256 MB",
                 p->max_page_size);
        return -1;
    }
    return 0;
}

int pt_build(const struct pt_region *regions, size_t n, const struct pt_params *params,
             struct pt_map *out, char *err, size_t errlen)
{
    struct builder b = {.par = params, .map = out, .err = err, .errlen = errlen};
    int r = -1;

    memset(out, 0, sizeof *out);
    if (check_params(params, err, errlen) || make_runs(&b, regions, n))
        goto done;
    /* Top-level blocks (pairs of the largest pages) that hold something, in order. */
    uint64_t span = 2ull * params->max_page_size, next = 0;
    for (size_t i = 0; i < b.n_runs; i++) {
        uint64_t base = b.runs[i].start / span * span;
        if (base < next)
            base = next;
        for (; base < b.runs[i].end; base += span)
            if (cover(&b, base, params->max_page_size))
                goto done;
        next = base;
    }
    for (unsigned i = 0; i < TVP_PT_L1_ENTRIES; i++) {
        uint16_t v;
        if (fill(&b, &v, (uint64_t)i << TVP_PT_L1_SHIFT, TVP_PT_L1_SHIFT))
            goto done;
        out->l1[i] = v;
    }
    r = 0;
done:
    free(b.runs);
    free(b.mapped_before);
    free(b.segs);
    if (r)
        pt_free(out);
    return r;
}

unsigned pt_tlb_pairs(const struct pt_map *map)
{
    return (unsigned)map->n_pairs;
}

unsigned pt_tlb_valid_pairs(const struct pt_map *map)
{
    unsigned n = 0;
    for (size_t i = 0; i < map->n_pairs; i++)
        if ((map->pairs[i].entrylo0 | map->pairs[i].entrylo1) & ENTRYLO_V)
            n++;
    return n;
}

void pt_free(struct pt_map *map)
{
    free(map->pairs);
    free(map->info);
    free(map->nodes);
    free(map->node_info);
    free(map->regions);
    memset(map, 0, sizeof *map);
}

/* The region holding GPA, or NULL. */
static const struct pt_region *region_at(const struct pt_map *m, uint32_t gpa)
{
    size_t lo = 0, hi = m->n_regions;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((uint64_t)m->regions[mid].gpa + m->regions[mid].size > gpa)
            hi = mid;
        else
            lo = mid + 1;
    }
    if (lo < m->n_regions && m->regions[lo].gpa <= gpa)
        return &m->regions[lo];
    return NULL;
}

static void size_text(char *buf, size_t len, uint32_t s)
{
    if (s >= 1u << 20)
        snprintf(buf, len, "%u MB", s >> 20);
    else
        snprintf(buf, len, "%u KB", s >> 10);
}

static void lines_text(char *buf, size_t len, const struct pt_pair_info *in, int h)
{
    size_t o = 0;
    buf[0] = 0;
    for (unsigned i = 0; i < in->n_lines[h] && i < PT_MAX_LINES && o < len; i++)
        o += snprintf(buf + o, len - o, "%s%d", i ? ", " : "", in->lines[h][i]);
    if (in->n_lines[h] > PT_MAX_LINES && o < len)
        snprintf(buf + o, len - o, ", ...");
}

/* "RPA 0x1d000000 r-x cached, line 12" or "invalid (traps), line 30". */
static void half_text(char *buf, size_t len, const struct pt_pair_info *in, uint32_t lo, int h)
{
    char lines[64];
    lines_text(lines, sizeof lines, in, h);
    const char *ls = in->n_lines[h] > 1 ? "lines" : "line";
    if (!(lo & ENTRYLO_V)) {
        if (in->n_lines[h])
            snprintf(buf, len, "invalid, every access traps (%s %s)", ls, lines);
        else
            snprintf(buf, len, "invalid, nothing mapped");
        return;
    }
    unsigned c = (lo & ENTRYLO_C) >> ENTRYLO_C_SHIFT;
    snprintf(buf, len, "RPA 0x%08x %c%c%c %s (%s %s)",
             (uint32_t)(((lo & ENTRYLO_PFN) >> ENTRYLO_PFN_SHIFT) << 12),
             (lo & ENTRYLO_RI) ? '-' : 'r', (lo & ENTRYLO_D) ? 'w' : '-',
             (lo & ENTRYLO_XI) ? '-' : 'x',
             c == 2   ? "uncached"
             : c == 3 ? "cached"
                      : "C=other",
             ls, lines);
    if (c != 2 && c != 3) {
        size_t o = strlen(buf);
        snprintf(buf + o, len - o, " [C=%u]", c);
    }
}

static const char *kind_name(unsigned kind)
{
    switch (kind) {
    case TVP_PT_NODE: return "TVP_PT_NODE";
    case TVP_PT_MAPPED: return "TVP_PT_MAPPED";
    case TVP_PT_TRAP: return "TVP_PT_TRAP";
    default: return "TVP_PT_NONE";
    }
}

static void emit_entry(FILE *f, const struct pt_map *m, unsigned i, uint16_t e, uint64_t gpa,
                       const char *indent)
{
    if (e == TVP_PT_NONE)
        return;
    fprintf(f, "%s[0x%02x] = TVP_PT_ENTRY(%s, %u), /* GPA 0x%08llx", indent, i,
            kind_name(TVP_PT_KIND(e)), TVP_PT_INDEX(e), (unsigned long long)gpa);
    const struct pt_region *r = region_at(m, (uint32_t)gpa);
    if (TVP_PT_KIND(e) != TVP_PT_NODE && r)
        fprintf(f, ", line %d", r->line);
    fprintf(f, " */\n");
}

static int is_identifier(const char *s)
{
    if (!s || !(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
        return 0;
    for (; *s; s++)
        if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9')))
            return 0;
    return 1;
}

int pt_emit_c(FILE *f, const struct pt_map *m, const char *prefix)
{
    char sz[32], t0[160], t1[160];
    if (!is_identifier(prefix))
        return -1;
    fprintf(f,
            "/* %s: root TLB pairs and page tree (format: docs/tvpconf-pagetree.md); "
            "%zu pairs, %zu nodes */\n",
            prefix, m->n_pairs, m->n_nodes);
    if (m->n_pairs) {
        fprintf(f, "static const struct tvp_tlb_pair %s_pairs[%zu] = {\n", prefix, m->n_pairs);
        for (size_t i = 0; i < m->n_pairs; i++) {
            const struct tvp_tlb_pair *p = &m->pairs[i];
            const struct pt_pair_info *in = &m->info[i];
            size_text(sz, sizeof sz, in->page_size);
            half_text(t0, sizeof t0, in, p->entrylo0, 0);
            half_text(t1, sizeof t1, in, p->entrylo1, 1);
            fprintf(f, "    [%zu] = {\n", i);
            fprintf(f, "        /* GPA 0x%08x..0x%08llx, two %s pages */\n", in->gpa,
                    (unsigned long long)in->gpa + 2ull * in->page_size - 1, sz);
            fprintf(f, "        /* even: %s */\n", t0);
            fprintf(f, "        /* odd: %s */\n", t1);
            fprintf(f, "        .entryhi = 0x%08xu,\n", p->entryhi);
            fprintf(f, "        .pagemask = 0x%08xu,\n", p->pagemask);
            fprintf(f, "        .entrylo0 = 0x%08xu,\n", p->entrylo0);
            fprintf(f, "        .entrylo1 = 0x%08xu,\n", p->entrylo1);
            fprintf(f, "    },\n");
        }
        fprintf(f, "};\n");
    }
    if (m->n_nodes) {
        fprintf(f, "static const struct tvp_pt_node %s_nodes[%zu] = {\n", prefix, m->n_nodes);
        for (size_t i = 0; i < m->n_nodes; i++) {
            const struct pt_node_info *ni = &m->node_info[i];
            fprintf(f, "    [%zu] = {\n", i);
            fprintf(f, "        /* GPA 0x%08x..0x%08llx, level %d */\n", ni->gpa,
                    (unsigned long long)ni->gpa + (64ull << ni->shift) - 1,
                    ni->shift == TVP_PT_L2_SHIFT ? 2 : 3);
            fprintf(f, "        .e = {\n");
            for (unsigned j = 0; j < TVP_PT_NODE_ENTRIES; j++)
                emit_entry(f, m, j, m->nodes[i].e[j], ni->gpa + ((uint64_t)j << ni->shift),
                           "            ");
            fprintf(f, "        },\n");
            fprintf(f, "    },\n");
        }
        fprintf(f, "};\n");
    }
    fprintf(f, "const struct tvp_pagetree %s = {\n", prefix);
    if (m->n_pairs)
        fprintf(f, "    .pairs = %s_pairs,\n", prefix);
    else
        fprintf(f, "    .pairs = 0,\n");
    if (m->n_nodes)
        fprintf(f, "    .nodes = %s_nodes,\n", prefix);
    else
        fprintf(f, "    .nodes = 0,\n");
    fprintf(f, "    .n_pairs = %zu,\n", m->n_pairs);
    fprintf(f, "    .n_nodes = %zu,\n", m->n_nodes);
    fprintf(f, "    .l1 = {\n");
    for (unsigned i = 0; i < TVP_PT_L1_ENTRIES; i++)
        emit_entry(f, m, i, m->l1[i], (uint64_t)i << TVP_PT_L1_SHIFT, "        ");
    fprintf(f, "    },\n");
    fprintf(f, "};\n");
    return ferror(f) ? -1 : 0;
}

void pt_print(FILE *f, const struct pt_map *m)
{
    char sz[32], t0[160], t1[160];
    for (size_t i = 0; i < m->n_pairs; i++) {
        const struct pt_pair_info *in = &m->info[i];
        size_text(sz, sizeof sz, in->page_size);
        half_text(t0, sizeof t0, in, m->pairs[i].entrylo0, 0);
        half_text(t1, sizeof t1, in, m->pairs[i].entrylo1, 1);
        fprintf(f, "  pair %2zu: GPA 0x%08x 2 x %-6s even %s; odd %s\n", i, in->gpa, sz, t0, t1);
    }
}
