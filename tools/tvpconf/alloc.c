/*
 * First-fit allocation of guest flash (rom) and RAM (ram) in the board pools.
 *
 * Fixed regions (code, data, rodata, dma, device registers) and tinyVP's own code and data
 * are reserved first; then each request is placed in VM order at the lowest address that
 * is free and aligned. To keep the TLB small, the allocator first tries to place a request
 * so that its physical address is congruent to its guest address modulo the largest page
 * that could cover it (the page-tree builder can then use big pages), falling back step by
 * step to the alignment the configuration asks for.
 */
#include "alloc.h"

#include <stdlib.h>

struct range {
    uint32_t lo, hi; /* [lo, hi) */
};

struct taken {
    struct range *v;
    size_t n, cap;
    struct arena *a;
};

static void take(struct taken *t, uint32_t lo, uint32_t hi)
{
    if (hi <= lo)
        return;
    if (t->n == t->cap)
        t->v = vec_grow(t->a, t->v, &t->cap, sizeof(*t->v));
    t->v[t->n++] = (struct range){lo, hi};
}

/* The lowest address >= a that is == want (mod m); m a power of two. */
static uint64_t congruent_at_or_above(uint64_t a, uint32_t want, uint32_t m)
{
    uint64_t base = a & ~(uint64_t)(m - 1);
    uint64_t c = base + (want & (m - 1));
    return c >= a ? c : c + m;
}

/* First fit in [lo, hi) avoiding taken ranges. 0 when found. */
static int first_fit(const struct taken *t, uint32_t lo, uint32_t hi, uint32_t size, uint32_t want,
                     uint32_t m, uint32_t *out)
{
    uint64_t a = congruent_at_or_above(lo, want, m);
    for (;;) {
        if (a + size > hi)
            return -1;
        int moved = 0;
        for (size_t i = 0; i < t->n; i++) {
            if (a < t->v[i].hi && a + size > t->v[i].lo) {
                a = congruent_at_or_above(t->v[i].hi, want, m);
                moved = 1;
            }
        }
        if (!moved) {
            *out = (uint32_t)a;
            return 0;
        }
    }
}

static uint32_t largest_page_for(uint32_t size, uint32_t max_page)
{
    uint32_t p = 0x1000;
    while (p < max_page && p < size)
        p <<= 2; /* MIPS page sizes are powers of 4 from 4 KB */
    return p > max_page ? max_page : p;
}

static int place(struct config *cfg, struct taken *t, struct region *r, uint32_t lo, uint32_t hi,
                 const char *pool)
{
    uint32_t size = (r->size + 0xfffu) & ~0xfffu;
    if (size < r->size) {
        diag_error(&r->loc, "%s request of 0x%x bytes is too large", pool, r->size);
        return -1;
    }
    r->size = size;
    /* Try congruence modulo a big page first (each half of a TLB pair has its own PFN, so
     * the page size is enough). */
    uint32_t m0 = largest_page_for(size, cfg->board.max_page_size);
    for (uint32_t m = m0 > r->align ? m0 : r->align; m >= r->align; m >>= 1) {
        uint32_t want = m > r->align ? r->gpa : 0;
        if (m > r->align && (r->gpa & (r->align - 1)))
            continue; /* an unaligned guest address cannot be both congruent and aligned */
        uint32_t at;
        if (!first_fit(t, lo, hi, size, want, m, &at)) {
            r->rpa = at;
            take(t, at, at + size);
            return 0;
        }
        if (m == r->align)
            break;
    }
    diag_error(&r->loc,
               "no room for 0x%x bytes (alignment 0x%x) in the board's %s pool "
               "0x%08x..0x%08x",
               size, r->align, pool, lo, hi);
    return -1;
}

static void reserve_fixed(const struct config *cfg, struct taken *t)
{
    const struct board *b = &cfg->board;
    take(t, kphys(b->vzcode), kphys(b->vzcode) + b->vzcodesize);
    take(t, kphys(b->vzdata), kphys(b->vzstacktop));
    for (size_t i = 0; i < cfg->vms.n; i++) {
        const struct vm *vm = cfg->vms.v[i];
        for (size_t j = 0; j < vm->mmap.n; j++) {
            const struct region *r = &vm->mmap.v[j];
            if (r->kind != RK_ROM && r->kind != RK_RAM)
                take(t, r->rpa, r->rpa + r->size);
        }
    }
}

int alloc_guest_memory(struct config *cfg)
{
    struct taken t = {.a = cfg->arena};
    const struct board *b = &cfg->board;
    reserve_fixed(cfg, &t);
    int bad = 0;
    for (size_t i = 0; i < cfg->vms.n; i++) {
        struct vm *vm = cfg->vms.v[i];
        for (size_t j = 0; j < vm->mmap.n; j++) {
            struct region *r = &vm->mmap.v[j];
            if (r->kind == RK_ROM)
                bad |= place(cfg, &t, r, b->rom_start, b->rom_end, "rom") != 0;
            else if (r->kind == RK_RAM)
                bad |= place(cfg, &t, r, b->ram_start, b->ram_end, "ram") != 0;
        }
    }
    return bad ? -1 : 0;
}

void alloc_usage(const struct config *cfg, struct pool_usage *rom, struct pool_usage *ram)
{
    const struct board *b = &cfg->board;
    *rom = (struct pool_usage){b->rom_start, b->rom_end, 0};
    *ram = (struct pool_usage){b->ram_start, b->ram_end, 0};
    for (size_t i = 0; i < cfg->vms.n; i++) {
        const struct vm *vm = cfg->vms.v[i];
        for (size_t j = 0; j < vm->mmap.n; j++) {
            const struct region *r = &vm->mmap.v[j];
            struct pool_usage *u = r->rpa >= rom->start && r->rpa < rom->end   ? rom
                                   : r->rpa >= ram->start && r->rpa < ram->end ? ram
                                                                               : NULL;
            if (u && r->kind != RK_REGS)
                u->used += r->size;
        }
    }
}
