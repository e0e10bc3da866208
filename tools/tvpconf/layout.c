/*
 * Per-VM layout: memory regions become page-tree regions directly; device registers are
 * split into whole pages (mapped) and pieces of pages (trapped, with a per-register mask
 * of what the VM may touch: config-format.md, 4-byte granularity). Emulated registers and
 * write-ignored registers get a window that tells the hypervisor what to do on a trap.
 */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "parse.h"

#define PAGE 0x1000u

struct interval {
    uint32_t lo, hi, rpa; /* [lo, hi) guest physical; rpa of lo */
    unsigned flags;
    int emulator;
    struct loc loc;
    const char *what;
};

static int cmp_interval(const void *a, const void *b)
{
    const struct interval *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static int cmp_trap(const void *a, const void *b)
{
    const struct trap_page *x = a, *y = b;
    return x->t.gpa < y->t.gpa ? -1 : x->t.gpa > y->t.gpa;
}

static int cmp_mmio(const void *a, const void *b)
{
    const struct mmio_window *x = a, *y = b;
    return x->m.gpa < y->m.gpa ? -1 : x->m.gpa > y->m.gpa;
}

static int cmp_pt(const void *a, const void *b)
{
    const struct pt_region *x = a, *y = b;
    return x->gpa < y->gpa ? -1 : x->gpa > y->gpa;
}

static unsigned same_attrs_mask(unsigned f)
{
    return f & ~(RF_SHARED | RF_D);
}

static unsigned mmio_flags(unsigned f)
{
    unsigned m = 0;
    if (f & RF_R)
        m |= TVP_MMIO_R;
    if ((f & RF_W) && !(f & (RF_IGNORE | RF_IGNORE_PRINT)))
        m |= TVP_MMIO_W;
    if (f & RF_IGNORE)
        m |= TVP_MMIO_IGNORE;
    if (f & RF_IGNORE_PRINT)
        m |= TVP_MMIO_IGNORE_PRINT;
    if (f & RF_EMULATED)
        m |= TVP_MMIO_EMULATED;
    if (f & RF_SHARED)
        m |= TVP_MMIO_SHARED;
    if (f & RF_UNCACHED)
        m |= TVP_MMIO_UNCACHED;
    return m;
}

static unsigned pt_flags(unsigned f)
{
    unsigned p = 0;
    if (f & RF_R)
        p |= PT_R;
    if ((f & RF_W) && !(f & (RF_IGNORE | RF_IGNORE_PRINT)))
        p |= PT_W; /* write-ignored pages are mapped read-only: a write faults */
    if (f & RF_X)
        p |= PT_X;
    if (f & RF_UNCACHED)
        p |= PT_UNCACHED;
    return p;
}

struct builder {
    struct arena *arena;
    struct vm_layout *lay;
    const struct vm *vm;
    int bad;
};

static void add_window(struct builder *b, const struct interval *iv, uint32_t lo, uint32_t hi,
                       int trapped)
{
    struct mmio_window *w = vec_push(b->arena, &b->lay->mmio);
    w->m.gpa = lo;
    w->m.size = hi - lo;
    w->m.rpa = iv->rpa + (lo - iv->lo);
    w->m.flags = mmio_flags(iv->flags) | (trapped ? TVP_MMIO_TRAPPED : 0);
    w->m.emulator = iv->emulator > 0 ? (uint32_t)iv->emulator : TVP_EMUL_NONE;
    w->loc = iv->loc;
    w->what = iv->what;
}

/* Marks the registers [lo, hi) (inside one page) in that page's trap entry. */
static void add_trap(struct builder *b, const struct interval *iv, uint32_t lo, uint32_t hi)
{
    uint32_t page = lo & ~(PAGE - 1);
    struct trap_page *t = NULL;
    for (size_t i = b->lay->traps.n; i-- > 0;)
        if (b->lay->traps.v[i].t.gpa == page) {
            t = &b->lay->traps.v[i];
            break;
        }
    if (!t) {
        if (b->lay->traps.n == MAX_TRAP_PAGES) {
            if (!b->bad)
                diag_error(&iv->loc,
                           "VM %d has more than %d trapped (emulated or partially "
                           "owned) pages",
                           b->vm->id, MAX_TRAP_PAGES);
            b->bad = 1;
            return;
        }
        t = vec_push(b->arena, &b->lay->traps);
        t->t.gpa = page;
        t->t.rpa = (iv->rpa - (iv->lo - page)) & ~(PAGE - 1);
        t->loc = iv->loc;
    }
    for (uint32_t a = lo & ~3u; a < hi; a += 4) {
        uint32_t w = (a - page) / 4;
        t->t.mask[w / 32] |= 1u << (w % 32);
    }
}

static void add_pt(struct builder *b, uint32_t gpa, uint32_t rpa, uint32_t size, unsigned flags,
                   int line)
{
    struct pt_region *p = vec_push(b->arena, &b->lay->pt);
    p->gpa = gpa;
    p->rpa = rpa;
    p->size = size;
    p->flags = flags;
    p->line = line;
}

static void layout_interval(struct builder *b, const struct interval *iv)
{
    uint32_t lo = iv->lo, hi = iv->hi;
    int direct = !(iv->flags & RF_EMULATED) && ((iv->rpa - lo) & (PAGE - 1)) == 0;
    uint64_t clo = ((uint64_t)lo + PAGE - 1) & ~(uint64_t)(PAGE - 1); /* first whole page */
    uint32_t fhi = hi & ~(PAGE - 1);                                  /* end of whole pages */
    int whole = direct && clo < fhi;
    int ignore = (iv->flags & (RF_IGNORE | RF_IGNORE_PRINT)) != 0;
    if (whole)
        add_pt(b, (uint32_t)clo, iv->rpa + ((uint32_t)clo - lo), fhi - (uint32_t)clo,
               pt_flags(iv->flags), iv->loc.line);
    if (iv->flags & (RF_EMULATED | RF_IGNORE | RF_IGNORE_PRINT))
        add_window(b, iv, lo, hi, !whole);
    /* pieces of pages (and, when not mapped directly, every page) trap */
    for (uint64_t a = lo; a < hi && !b->bad;) {
        uint64_t pend = (a & ~(uint64_t)(PAGE - 1)) + PAGE;
        uint64_t e = pend < hi ? pend : hi;
        if (whole && a >= clo && e <= fhi) {
            a = fhi; /* mapped */
            continue;
        }
        add_trap(b, iv, (uint32_t)a, (uint32_t)e);
        if (!(iv->flags & RF_EMULATED) && !ignore)
            add_window(b, iv, (uint32_t)a, (uint32_t)e, 1);
        a = e;
    }
}

static int collect_devices(struct builder *b, struct interval **out, size_t *nout)
{
    const struct vm *vm = b->vm;
    size_t n = 0;
    for (size_t j = 0; j < vm->devices.n; j++)
        n += vm->devices.v[j]->regs.n;
    struct interval *v = arena_alloc(b->arena, (n + 1) * sizeof(*v));
    n = 0;
    for (size_t j = 0; j < vm->devices.n; j++) {
        const struct device *d = vm->devices.v[j];
        for (size_t k = 0; k < d->regs.n; k++) {
            const struct region *r = &d->regs.v[k];
            v[n++] = (struct interval){r->gpa,
                                       r->gpa + r->size,
                                       r->rpa,
                                       r->flags,
                                       d->emulator ? emulator_id(d->emulator) : 0,
                                       vm->device_locs.v[j],
                                       d->name};
        }
    }
    if (n)
        qsort(v, n, sizeof(*v), cmp_interval);
    /* merge equal neighbours; different overlapping ones are an error */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && v[i].lo <= v[m - 1].hi) {
            struct interval *p = &v[m - 1];
            int same = same_attrs_mask(p->flags) == same_attrs_mask(v[i].flags) &&
                       p->emulator == v[i].emulator && p->rpa - p->lo == v[i].rpa - v[i].lo;
            if (same) {
                p->flags |= v[i].flags & RF_SHARED;
                if (v[i].hi > p->hi)
                    p->hi = v[i].hi;
                continue;
            }
            if (v[i].lo < p->hi) {
                diag_error(&v[i].loc,
                           "VM %d: registers of '%s' at 0x%x overlap those of '%s' "
                           "with other flags or emulator",
                           vm->id, v[i].what, v[i].lo, p->what);
                b->bad = 1;
                continue;
            }
        }
        v[m++] = v[i];
    }
    *out = v;
    *nout = m;
    return b->bad ? -1 : 0;
}

static const char *kind_name(enum region_kind k)
{
    static const char *const n[] = {"regs", "code", "data", "rodata", "rom", "ram", "dma"};
    return n[k];
}

static void layout_memory(struct builder *b)
{
    const struct vm *vm = b->vm;
    for (size_t j = 0; j < vm->mmap.n; j++) {
        const struct region *r = &vm->mmap.v[j];
        if ((r->gpa | r->rpa | r->size) & (PAGE - 1)) {
            diag_error(&r->loc,
                       "%s region 0x%x+0x%x (physical 0x%x) is not made of whole 4 KB "
                       "pages",
                       kind_name(r->kind), r->gpa, r->size, r->rpa);
            b->bad = 1;
            continue;
        }
        if (r->flags & RF_EMULATED) {
            diag_error(&r->loc, "'e' (emulated) is only for device registers");
            b->bad = 1;
            continue;
        }
        add_pt(b, r->gpa, r->rpa, r->size, pt_flags(r->flags), r->loc.line);
        if (r->flags & (RF_IGNORE | RF_IGNORE_PRINT)) {
            struct interval iv = {r->gpa, r->gpa + r->size,  r->rpa, r->flags, 0,
                                  r->loc, kind_name(r->kind)};
            add_window(b, &iv, iv.lo, iv.hi, 0);
        }
    }
}

static int check_guest_overlap(struct builder *b)
{
    struct vm_layout *l = b->lay;
    for (size_t i = 0; i < l->traps.n; i++)
        add_pt(b, l->traps.v[i].t.gpa, l->traps.v[i].t.rpa, PAGE, PT_TRAP, l->traps.v[i].loc.line);
    if (l->pt.n)
        qsort(l->pt.v, l->pt.n, sizeof(*l->pt.v), cmp_pt);
    for (size_t i = 1; i < l->pt.n; i++) {
        const struct pt_region *p = &l->pt.v[i - 1], *q = &l->pt.v[i];
        if ((uint64_t)p->gpa + p->size > q->gpa) {
            struct loc at = {b->vm->loc.file, q->line};
            diag_error(&at, "VM %d: guest addresses 0x%x..0x%x are mapped twice (see line %d)",
                       b->vm->id, q->gpa, (uint32_t)((uint64_t)p->gpa + p->size - 1), p->line);
            b->bad = 1;
        }
    }
    return b->bad ? -1 : 0;
}

int layout_build(const struct config *cfg, struct vm_layout *lay)
{
    int bad = 0;
    for (size_t i = 0; i < cfg->vms.n; i++) {
        struct builder b = {cfg->arena, &lay[i], cfg->vms.v[i], 0};
        struct interval *iv;
        size_t n;
        layout_memory(&b);
        if (collect_devices(&b, &iv, &n) == 0)
            for (size_t k = 0; k < n && !b.bad; k++)
                layout_interval(&b, &iv[k]);
        if (!b.bad)
            check_guest_overlap(&b);
        if (lay[i].traps.n)
            qsort(lay[i].traps.v, lay[i].traps.n, sizeof(*lay[i].traps.v), cmp_trap);
        if (lay[i].mmio.n)
            qsort(lay[i].mmio.v, lay[i].mmio.n, sizeof(*lay[i].mmio.v), cmp_mmio);
        if (!b.bad) {
            struct pt_params pp = {cfg->board.max_page_size, PAGE, cfg->file};
            char err[512];
            if (pt_build(lay[i].pt.v, lay[i].pt.n, &pp, &lay[i].map, err, sizeof(err))) {
                diag_raw(err); /* already "FILE:LINE: message" */
                diag_note(&cfg->vms.v[i]->loc, "VM %d: the map cannot be expressed in TLB pairs",
                          cfg->vms.v[i]->id);
                b.bad = 1;
            } else {
                lay[i].has_map = 1;
                /* tinyVP gives a TLB entry only to pairs with a mapped half; accesses to
                 * trap pages are emulated from the refill (hv/core/tlb.c). */
                lay[i].tlb_pairs = pt_tlb_valid_pairs(&lay[i].map);
            }
        }
        bad |= b.bad;
    }
    return bad ? -1 : 0;
}

void layout_free(struct vm_layout *lay, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lay[i].has_map)
            pt_free(&lay[i].map);
}
