/*
 * Whole-configuration checks (config-format.md, "What tvpconf must check" and "Rules the
 * original tool applied"). Each failure is reported as FILE:LINE: message; checking goes on
 * so one run shows every problem, up to a limit.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "soc/memmap.h"

#define MAX_REPORTS  50
#define N_SRS        8        /* shadow register sets, set 0 included (pic32mz-ef.md §0) */
#define DMA_ZONE_MIN 0x400u   /* SBTxREGy.SIZE >= 1: 2^(SIZE+9) bytes (pic32mz-ef.md §8.4) */
#define RAM_BANK     0x40000u /* bus targets T2/T3 (pic32mz-ef.md §8.3) */
#define EBI_PHYS     0x20000000u
#define SQI_PHYS     0x30000000u
#define EXT_MEM_SIZE 0x04000000u /* 64 MB windows (pic32mz-ef.md §1.1) */

/* IRQs that do not exist on the EF parts or that tinyVP keeps (pic32mz-ef.md §3.6, §3.7). */
static const char *irq_problem(uint32_t irq)
{
    static const uint32_t reserved[] = {108, 191, 195, 197, 203, 204, 211, 212};
    if (irq >= N_IRQ)
        return "is not an EVIC vector (0..213)";
    for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
        if (irq == reserved[i])
            return "is a reserved vector";
    if (irq == 0)
        return "is the core timer, which tinyVP keeps (guest time is emulated)";
    if (irq == 106)
        return "is the system bus protection violation, which tinyVP keeps";
    return NULL;
}

/*
 * A device several VMs may take: share = 1, or (as the original tinyVP's library has it for
 * `ports`, `syscontroller`, ...) every register region shared or read-only and no IRQ of its
 * own, so that the region overlap rule alone decides.
 */
static int device_shareable(const struct device *d)
{
    if (d->share)
        return 1;
    if (d->irqs.n && !d->emulator)
        return 0;
    for (size_t i = 0; i < d->regs.n; i++)
        if ((d->regs.v[i].flags & RF_W) && !(d->regs.v[i].flags & RF_SHARED))
            return 0;
    return 1;
}

static int check_devices(const struct config *cfg)
{
    int bad = 0;
    for (size_t i = 0; i < cfg->vms.n; i++) {
        const struct vm *vm = cfg->vms.v[i];
        for (size_t j = 0; j < vm->devices.n; j++) {
            const struct device *d = vm->devices.v[j];
            const struct loc *at = &vm->device_locs.v[j];
            for (size_t k = 0; k < j; k++)
                if (strcmp(vm->devices.v[k]->name, d->name) == 0) {
                    diag_error(at, "device '%s' is given twice to VM %d", d->name, vm->id);
                    bad = 1;
                }
            for (size_t i2 = 0; i2 < i && !device_shareable(d); i2++) {
                const struct vm *o = cfg->vms.v[i2];
                for (size_t k = 0; k < o->devices.n; k++)
                    if (strcmp(o->devices.v[k]->name, d->name) == 0) {
                        diag_error(at,
                                   "device '%s' is not shared (share = 1) but VM %d owns it "
                                   "too",
                                   d->name, o->id);
                        diag_note(&o->device_locs.v[k], "VM %d takes '%s' here", o->id, d->name);
                        bad = 1;
                    }
            }
            for (size_t k = 0; k < d->regs.n; k++) {
                const struct region *r = &d->regs.v[k];
                if ((r->flags & RF_EMULATED) && !d->emulator) {
                    diag_error(&r->loc,
                               "region 0x%x is emulated ('e') but device '%s' names no "
                               "emulator",
                               r->gpa, d->name);
                    bad = 1;
                }
            }
            for (size_t k = 0; k < d->irqs.n; k++) {
                const char *p = irq_problem(d->irqs.v[k]);
                if (p && !(d->emulator && d->irqs.v[k] < N_IRQ && d->irqs.v[k] != 108)) {
                    diag_error(&d->irq_locs.v[k], "IRQ %u %s", d->irqs.v[k], p);
                    bad = 1;
                }
            }
        }
        for (size_t k = 0; k < vm->irqs.n; k++) {
            const char *p = irq_problem(vm->irqs.v[k]);
            if (p) {
                diag_error(&vm->irq_locs.v[k], "IRQ %u %s", vm->irqs.v[k], p);
                bad = 1;
            }
        }
    }
    return bad;
}

static int check_regions(const struct vm *vm)
{
    int bad = 0;
    for (size_t j = 0; j < vm->mmap.n; j++) {
        const struct region *r = &vm->mmap.v[j];
        if ((r->flags & RF_X) && r->size < 0x1000) {
            diag_error(&r->loc, "executable region 0x%x is smaller than 4 KB (0x%x bytes)", r->gpa,
                       r->size);
            bad = 1;
        }
        if (r->kind == RK_DMA) {
            if (!is_pow2(r->size) || r->size < DMA_ZONE_MIN) {
                diag_error(&r->loc, "DMA zone size 0x%x is not a power of two of at least 1 KB",
                           r->size);
                bad = 1;
            } else if (r->gpa & (r->size - 1)) {
                diag_error(&r->loc, "DMA zone 0x%x is not aligned to its size 0x%x", r->gpa,
                           r->size);
                bad = 1;
            }
            if (r->gpa != r->rpa) {
                diag_error(&r->loc,
                           "DMA zone guest address 0x%x differs from its physical "
                           "address 0x%x (DMA uses physical addresses)",
                           r->gpa, r->rpa);
                bad = 1;
            }
            if (r->rpa >= RAM_SIZE_MAX || r->size > RAM_BANK ||
                r->rpa / RAM_BANK != (r->rpa + r->size - 1) / RAM_BANK) {
                diag_error(&r->loc, "DMA zone 0x%x+0x%x must lie in one 256 KB RAM bank", r->rpa,
                           r->size);
                bad = 1;
            }
        }
    }
    return bad;
}

static int check_threads(const struct config *cfg)
{
    int bad = 0;
    unsigned srs_used = 0;
    const struct board *b = &cfg->board;
    for (size_t i = 0; i < cfg->threads.n; i++) {
        const struct thread *t = &cfg->threads.v[i];
        for (size_t j = 0; j < i; j++)
            if (cfg->threads.v[j].id == t->id) {
                diag_error(&t->loc, "thread id %d is used twice", t->id);
                bad = 1;
            }
        for (size_t j = 0; j < cfg->vms.n; j++) {
            if (cfg->vms.v[j]->id == t->id) {
                diag_error(&t->loc, "thread id %d is also a VM id", t->id);
                bad = 1;
            }
            if (t->srs && cfg->vms.v[j]->id == t->srs) {
                diag_error(&t->loc, "shadow register set %d belongs to VM %d", t->srs, t->srs);
                bad = 1;
            }
        }
        if (t->srs)
            srs_used |= 1u << t->srs;
        if (t->sp_words >= 1 && (t->sp_size == 0 || (t->sp_size & 7))) {
            diag_error(&t->sp_loc, "stack size 0x%x is not a non-zero multiple of 8", t->sp_size);
            bad = 1;
        }
        if (t->sp_words >= 2) {
            uint32_t lo = kphys(t->sp_addr);
            if ((t->sp_addr & 7) || lo < kphys(b->vzdata) ||
                (uint64_t)lo + t->sp_size > kphys(b->vzstacktop)) {
                diag_error(&t->sp_loc,
                           "stack 0x%x+0x%x is not 8-byte aligned inside tinyVP's "
                           "data 0x%x..0x%x",
                           t->sp_addr, t->sp_size, b->vzdata, b->vzstacktop);
                bad = 1;
            }
        }
        if (t->sp_words == 3 &&
            (t->sp_init < t->sp_addr || (uint64_t)t->sp_init > (uint64_t)t->sp_addr + t->sp_size)) {
            diag_error(&t->sp_loc, "initial sp 0x%x is outside the stack", t->sp_init);
            bad = 1;
        }
    }
    int sets = (int)cfg->vms.n + __builtin_popcount(srs_used);
    if (sets > N_SRS - 1) {
        struct loc at = {cfg->file, 0};
        diag_error(&at,
                   "%d VMs and threads need their own shadow register set; the core has %d "
                   "besides set 0",
                   sets, N_SRS - 1);
        bad = 1;
    }
    return bad;
}

static int check_dma_guests(const struct config *cfg)
{
    int bad = 0, n = 0;
    for (size_t i = 0; i < cfg->vms.n; i++) {
        const struct vm *vm = cfg->vms.v[i];
        const struct loc *dev_at = NULL;
        for (size_t j = 0; j < vm->devices.n; j++)
            if (vm->devices.v[j]->dma_cfgpg_position >= 0)
                dev_at = &vm->device_locs.v[j];
        if (dev_at && !vm->has_dma_zone) {
            diag_error(dev_at, "VM %d owns a DMA initiator but has no 'dma =' zone to fence it",
                       vm->id);
            bad = 1;
        }
        if (dev_at && ++n == 3) {
            diag_error(dev_at, "more DMA guests than the bus arbiter can fence (2: permission "
                               "groups 1 and 2, pic32mz-ef.md §8.3)");
            bad = 1;
        }
    }
    return bad;
}

/* GuestID 0 is the root's; the core implements guestid_bits of GuestCtl1.ID (mips-vz.md
 * §5.4), so the VMs have 1..2^bits - 1. */
static int check_gid(const struct config *cfg, const struct vm *vm)
{
    const struct board *b = &cfg->board;
    uint32_t max = (1u << b->guestid_bits) - 1;
    if ((uint32_t)vm->gid <= max)
        return 0;
    int given = vm->gid_loc.file != NULL;
    diag_error(given ? &vm->gid_loc : &vm->id_loc,
               "%s %d does not fit the %u-bit GuestID of %s (1..%u)",
               given ? "gid" : "GuestID (= id)", vm->gid, b->guestid_bits,
               b->platform ? b->platform : "the platform", max);
    if (b->has_guestid_bits)
        diag_note(&b->loc_guestid_bits, "the board's guestid-bits");
    return 1;
}

int check_config(const struct config *cfg)
{
    int bad = 0;
    for (size_t i = 0; i < cfg->vms.n; i++) {
        const struct vm *vm = cfg->vms.v[i];
        bad |= check_gid(cfg, vm);
        for (size_t j = 0; j < i; j++) {
            const struct vm *o = cfg->vms.v[j];
            if (o->id == vm->id) {
                diag_error(&vm->id_loc, "VM id %d is used twice", vm->id);
                diag_note(&o->id_loc, "first use of VM id %d", o->id);
                bad = 1;
            } else if (o->gid == vm->gid) {
                diag_error(&vm->loc, "VMs %d and %d have the same GuestID %d", o->id, vm->id,
                           vm->gid);
                bad = 1;
            }
            for (unsigned k = 0; k < N_GPIO_PORTS; k++) {
                uint32_t both = vm->pins[k] & o->pins[k];
                if (both) {
                    diag_error(&vm->pins_loc[k], "pin R%c%d is VM %d's too", "ABCDEFGHJK"[k],
                               __builtin_ctz(both), o -> id);
                    diag_note(&o->pins_loc[k], "VM %d's pins of port %c", o->id, "ABCDEFGHJK"[k]);
                    bad = 1;
                }
            }
        }
        bad |= check_regions(vm);
        for (size_t k = 0; k < vm->setup.n; k++) {
            uint32_t a = vm->setup.v[k].addr;
            if (a < SFR_PHYS || a >= SFR_PHYS + SFR_SIZE) {
                diag_error(&vm->setup.v[k].loc,
                           "setup address 0x%x is not a special function "
                           "register (0x1f800000..0x1f8fffff)",
                           a);
                bad = 1;
            }
        }
    }
    if (cfg->vms.n == 0) {
        struct loc at = {cfg->file, 0};
        diag_error(&at, "the configuration has no .vm");
        bad = 1;
    }
    bad |= check_devices(cfg);
    bad |= check_threads(cfg);
    bad |= check_dma_guests(cfg);
    return bad ? -1 : 0;
}

/* ---- after allocation ---- */

struct placed {
    uint32_t lo, hi;
    unsigned flags;
    int vm;
    const struct region *r;
};

static int cmp_placed(const void *a, const void *b)
{
    const struct placed *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* config-format.md: overlap is allowed when both are shared, or one is read-only and the
 * other read-only or shared. */
static int overlap_allowed(unsigned a, unsigned b)
{
    if ((a & RF_SHARED) && (b & RF_SHARED))
        return 1;
    if (!(a & RF_W) && (!(b & RF_W) || (b & RF_SHARED)))
        return 1;
    if (!(b & RF_W) && (a & RF_SHARED))
        return 1;
    return 0;
}

static int in(uint32_t lo, uint32_t hi, uint32_t base, uint32_t size)
{
    return lo >= base && hi <= base + (uint64_t)size;
}

static int check_chip(const struct board *b, const struct placed *p)
{
    const struct region *r = p->r;
    if (r->kind == RK_REGS) {
        if (in(p->lo, p->hi, SFR_PHYS, SFR_SIZE) || in(p->lo, p->hi, BOOT_PHYS, BOOT_SIZE))
            return 0;
        diag_error(&r->loc,
                   "registers 0x%x..0x%x are not special function registers of the "
                   "chip",
                   p->lo, p->hi - 1);
        return 1;
    }
    if (in(p->lo, p->hi, RAM_PHYS, RAM_SIZE_MAX)) {
        if (in(p->lo, p->hi, b->ram_start, b->ram_end - b->ram_start))
            return 0;
        diag_error(&r->loc, "guest RAM 0x%x..0x%x is outside the board's ram pool 0x%x..0x%x",
                   p->lo, p->hi - 1, b->ram_start, b->ram_end - 1);
        return 1;
    }
    if (in(p->lo, p->hi, PFM_PHYS, PFM_SIZE_MAX)) {
        if (in(p->lo, p->hi, b->rom_start, b->rom_end - b->rom_start))
            return 0;
        diag_error(&r->loc, "guest flash 0x%x..0x%x is outside the board's rom pool 0x%x..0x%x",
                   p->lo, p->hi - 1, b->rom_start, b->rom_end - 1);
        return 1;
    }
    if (in(p->lo, p->hi, BOOT_PHYS, BOOT_SIZE) || in(p->lo, p->hi, EBI_PHYS, EXT_MEM_SIZE) ||
        in(p->lo, p->hi, SQI_PHYS, EXT_MEM_SIZE))
        return 0;
    diag_error(&r->loc, "region 0x%x..0x%x is beyond the chip's memory", p->lo, p->hi - 1);
    return 1;
}

int check_placement(const struct config *cfg)
{
    const struct board *b = &cfg->board;
    struct placed *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < cfg->vms.n; i++) {
        const struct vm *vm = cfg->vms.v[i];
        for (size_t j = 0; j < vm->mmap.n + vm->devices.n; j++) {
            const struct region *rs;
            size_t nr;
            if (j < vm->mmap.n) {
                rs = &vm->mmap.v[j];
                nr = 1;
            } else {
                rs = vm->devices.v[j - vm->mmap.n]->regs.v;
                nr = vm->devices.v[j - vm->mmap.n]->regs.n;
            }
            for (size_t k = 0; k < nr; k++) {
                if (n == cap) {
                    cap = cap ? 2 * cap : 64;
                    struct placed *nv = realloc(v, cap * sizeof(*v));
                    if (!nv) {
                        free(v);
                        diag_error(NULL, "out of memory");
                        return -1;
                    }
                    v = nv;
                }
                v[n++] =
                    (struct placed){rs[k].rpa, rs[k].rpa + rs[k].size, rs[k].flags, vm->id, &rs[k]};
            }
        }
    }
    if (n)
        qsort(v, n, sizeof(*v), cmp_placed);
    int reports = 0;
    const struct range {
        uint32_t lo, hi;
        const char *what;
    } hv[2] = {
        {kphys(b->vzcode), kphys(b->vzcode) + b->vzcodesize, "tinyVP's code"},
        {kphys(b->vzdata), kphys(b->vzstacktop), "tinyVP's data and stack"},
    };
    for (size_t i = 0; i < n && reports < MAX_REPORTS; i++) {
        reports += check_chip(b, &v[i]);
        for (int h = 0; h < 2; h++)
            if (v[i].lo < hv[h].hi && v[i].hi > hv[h].lo) {
                diag_error(&v[i].r->loc, "VM %d region 0x%x..0x%x overlaps %s 0x%x..0x%x", v[i].vm,
                           v[i].lo, v[i].hi - 1, hv[h].what, hv[h].lo, hv[h].hi - 1);
                reports++;
            }
        for (size_t j = i + 1; j < n && v[j].lo < v[i].hi && reports < MAX_REPORTS; j++) {
            if (v[j].r == v[i].r && v[j].vm == v[i].vm)
                continue;
            if (overlap_allowed(v[i].flags, v[j].flags))
                continue;
            diag_error(&v[j].r->loc,
                       "VM %d region 0x%x..0x%x (%s) overlaps VM %d region "
                       "0x%x..0x%x; only shared or read-only regions may overlap",
                       v[j].vm, v[j].lo, v[j].hi - 1, flags_str(v[j].flags), v[i].vm, v[i].lo,
                       v[i].hi - 1);
            diag_note(&v[i].r->loc, "the other region (%s)", flags_str(v[i].flags));
            reports++;
        }
    }
    free(v);
    return reports ? -1 : 0;
}
