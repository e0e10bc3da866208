/* Tests of tools/tvpconf/pagetree.c: hand-made maps with known pair counts and error
 * messages, and a property test over thousands of random region sets checked page by page
 * with the independent walkers of walk_ref.h.
 *
 *   pt_test                      every test, default number of random sets
 *   pt_test --sets N --seed S    N random sets starting at seed S
 *   pt_test --emit SEED FILE     write random set SEED as a C file for emitcheck.c
 *   pt_test --demo               print the pair lists of the demo guests */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/report.h"
#include "pt_check.h"

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

/* ---- optimality: an exhaustive search over small maps ----
 * In a 256 KB window with pages of 4, 16 and 64 KB, a branch-and-bound search looks for a set
 * of disjoint feasible pairs (checked page by page from the regions) covering every mapped
 * and trap page with FEWER pairs than pt_build used.  It must find none. */
#define OPT_PAGES 64 /* 256 KB of 4 KB pages */

struct opt {
    int kind[OPT_PAGES]; /* 0 nothing, 1 mapped, 2 trap */
    uint32_t rpa[OPT_PAGES];
    unsigned attr[OPT_PAGES];
    int taken[OPT_PAGES];
    unsigned best;
};

/* Can pages [first, first + n) be one half of a pair with pages of n * 4 KB? */
static int opt_half_ok(const struct opt *o, int first, int n)
{
    int mapped = 0;
    for (int i = first; i < first + n; i++)
        mapped += o->kind[i] == 1;
    if (mapped == 0)
        return 1; /* invalid half */
    if (mapped != n || o->rpa[first] % (uint32_t)(n * 4096) != 0)
        return 0;
    for (int i = first + 1; i < first + n; i++)
        if (o->attr[i] != o->attr[first] ||
            o->rpa[i] != o->rpa[first] + (uint32_t)(i - first) * 4096)
            return 0;
    return 1;
}

static void opt_search(struct opt *o, unsigned count)
{
    int p = 0;
    while (p < OPT_PAGES && (o->kind[p] == 0 || o->taken[p]))
        p++;
    if (p == OPT_PAGES) {
        if (count < o->best)
            o->best = count;
        return;
    }
    if (count + 1 >= o->best)
        return;
    for (int half = 1; half <= 16; half *= 4) { /* pages per half: 4, 16, 64 KB pages */
        int start = p / (2 * half) * (2 * half), free = 1;
        for (int i = start; i < start + 2 * half; i++)
            free &= !o->taken[i];
        if (!free || !opt_half_ok(o, start, half) || !opt_half_ok(o, start + half, half))
            continue;
        for (int i = start; i < start + 2 * half; i++)
            o->taken[i] = 1;
        opt_search(o, count + 1);
        for (int i = start; i < start + 2 * half; i++)
            o->taken[i] = 0;
    }
}

static void optimality_test(unsigned long sets)
{
    char err[300];
    unsigned long bad = 0;
    for (unsigned long s = 1; s <= sets && bad < 5; s++) {
        rng = 0xD1B54A32D192ED03ull * s;
        struct pt_region reg[12];
        size_t n = 0;
        static const unsigned attrs[] = {PT_R | PT_X, PT_R | PT_W, PT_R | PT_W | PT_UNCACHED};
        for (int tries = 0; tries < 12; tries++) {
            uint32_t first = below(OPT_PAGES), len = 1 + below(below(2) ? 4 : 24);
            if (first + len > OPT_PAGES)
                len = OPT_PAGES - first;
            struct pt_region r = {first * 4096, 0, len * 4096, attrs[below(3)], (int)n + 1};
            if (below(5) == 0)
                r.flags = PT_TRAP;
            switch (below(3)) {
            case 0: r.rpa = r.gpa; break;
            case 1: r.rpa = 0x100000 + r.gpa + (below(4) << 14); break;
            default: r.rpa = 0x200000 + (below(64) << 12); break;
            }
            int clash = 0;
            for (size_t i = 0; i < n; i++)
                clash |= r.gpa < reg[i].gpa + reg[i].size && reg[i].gpa < r.gpa + r.size;
            if (!clash)
                reg[n++] = r;
        }
        struct pt_params par = {.max_page_size = 64 * KB, .min_page_size = 4 * KB};
        struct pt_map m;
        if (pt_build(reg, n, &par, &m, err, sizeof err)) {
            printf("FAIL pt_optimal_seed_%lu: %s\n", s, err);
            test_failures++;
            bad++;
            continue;
        }
        struct opt o = {.best = (unsigned)m.n_pairs};
        for (size_t i = 0; i < n; i++)
            for (uint32_t k = 0; k < reg[i].size / 4096; k++) {
                int pg = (int)(reg[i].gpa / 4096 + k);
                o.kind[pg] = (reg[i].flags & PT_TRAP) ? 2 : 1;
                o.rpa[pg] = reg[i].rpa + k * 4096;
                o.attr[pg] = reg[i].flags;
            }
        opt_search(&o, 0);
        if (o.best < m.n_pairs) {
            printf("FAIL pt_optimal_seed_%lu: %u pairs suffice, pt_build used %zu\n", s, o.best,
                   m.n_pairs);
            test_failures++;
            bad++;
        }
        pt_free(&m);
    }
    report(bad == 0, "pt_optimal_small_maps", "%lu maps not minimal", bad);
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
            test_failures++;
            if (++bad > 10)
                break;
            continue;
        }
        struct checker c = {.reg = reg, .n = n, .map = &map, .max_page = par.max_page_size};
        if (check_map(&c) || (s % 500 == 0 && sweep_all_pages(&c))) {
            printf("FAIL pt_property_seed_%lu: %s\n", s, c.msg);
            test_failures++;
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
            return test_failures != 0;
        } else {
            fprintf(stderr, "usage: %s [--sets N] [--seed S] | --emit SEED FILE | --demo\n",
                    argv[0]);
            return 2;
        }
    }
    shape_tests();
    error_tests();
    demo_tests(0);
    optimality_test(2000);
    property_test(seed, sets);
    return test_failures != 0;
}
