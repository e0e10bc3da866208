/*
 * IRQ routing, bus-arbiter fencing, PMD and setup tables (see hwtables.h).
 *
 * Bus arbiter (pic32mz-ef.md §8): the CPU is permission group 0 and may go everywhere; the
 * DMA guests get groups 1 and 2 in VM id order. Region 0 of each RAM bank (targets T2/T3)
 * and of peripheral sets 2..4 (T6..T8) is opened to group 0 only; region g of the RAM bank
 * holding a DMA guest's zone opens that zone to groups 0 and g; region 1 of a peripheral
 * set that a DMA guest's device names with dma-set opens the set to that guest's group.
 * Each DMA initiator the guest owns gets the guest's group in its CFGPG field.
 */
#include "hwtables.h"

#include <string.h>

#include "parse.h"
#include "soc/memmap.h"
#include "soc/sba.h"

/* Bus targets (pic32mz-ef.md §8.3): RAM banks T2/T3 of 256 KB; peripheral sets 2..4
 * (targets T6..T8) are the 64 KB at 0x1F820000, 0x1F840000, 0x1F860000. */
#define RAM_BANK       0x40000u
#define PSET_SIZE      0x10000u
#define PSET_BASE(s)   (SFR_PHYS - 0x20000u + 0x20000u * (uint32_t)(s)) /* s = 2..4 */
#define PSET_TARGET(s) (SBT_PSET2 - 2u + (uint32_t)(s))
#define MAX_DMA_GROUPS 2

static void set_bit(uint32_t *w, uint32_t n)
{
    w[n / 32] |= 1u << (n % 32);
}

static int route_irqs(struct config *cfg, struct hwtables *t)
{
    int bad = 0;
    struct loc owner_loc[N_IRQ];
    for (size_t i = 0; i < cfg->vms.n; i++) {
        const struct vm *vm = cfg->vms.v[i];
        /* tinyVP keeps the core timer and injects each guest's timer interrupt itself
         * (architecture.md, "Interrupts") */
        set_bit(t->irq_emulated[vm->id], 0);
        for (size_t j = 0; j <= vm->devices.n; j++) {
            const struct device *d = j < vm->devices.n ? vm->devices.v[j] : NULL;
            size_t n = d ? d->irqs.n : vm->irqs.n;
            int em = d && d->emulator ? emulator_id(d->emulator) : 0;
            for (size_t k = 0; k < n; k++) {
                uint32_t irq = d ? d->irqs.v[k] : vm->irqs.v[k];
                const struct loc *at = d ? &vm->device_locs.v[j] : &vm->irq_locs.v[k];
                if (irq >= N_IRQ)
                    continue; /* reported by check_config */
                if (em) {
                    if (t->irq_emulator[irq] && t->irq_emulator[irq] != em) {
                        diag_error(at, "IRQ %u is served by two different emulators", irq);
                        bad = 1;
                    }
                    t->irq_emulator[irq] = (uint8_t)em;
                    set_bit(t->irq_emulated[vm->id], irq);
                    continue;
                }
                if (t->irq_owner[irq] && t->irq_owner[irq] != vm->id) {
                    diag_error(at, "IRQ %u is already owned by VM %d", irq, t->irq_owner[irq]);
                    diag_note(&owner_loc[irq], "VM %d takes IRQ %u here", t->irq_owner[irq], irq);
                    bad = 1;
                    continue;
                }
                t->irq_owner[irq] = (uint8_t)vm->id;
                owner_loc[irq] = *at;
                set_bit(t->irq_owned[vm->id], irq);
            }
        }
    }
    for (uint32_t irq = 0; irq < N_IRQ; irq++)
        if (t->irq_owner[irq] && t->irq_emulator[irq]) {
            diag_error(&owner_loc[irq], "IRQ %u is owned by VM %d and also emulated", irq,
                       t->irq_owner[irq]);
            bad = 1;
        }
    return bad;
}

static void sba_write(struct config *cfg, struct hwtables *t, uint32_t addr, uint32_t value,
                      const char *what, int line)
{
    struct reg_write *w = vec_push(cfg->arena, &t->sba);
    *w = (struct reg_write){addr, value, what, line};
}

static uint32_t log2u(uint32_t v)
{
    uint32_t n = 0;
    while (v >>= 1)
        n++;
    return n;
}

static uint32_t sbt_region(uint32_t base, uint32_t size)
{
    return SBTREG_VAL(base, log2u(size));
}

static const struct region *dma_zone(const struct vm *vm)
{
    for (size_t i = 0; i < vm->mmap.n; i++)
        if (vm->mmap.v[i].kind == RK_DMA)
            return &vm->mmap.v[i];
    return NULL;
}

static int fence_dma(struct config *cfg, struct hwtables *t)
{
    int bad = 0;
    int set_group[6] = {0};
    struct loc set_loc[6];
    int pos_vm[32] = {0};
    const struct region *zone[MAX_DMA_GROUPS + 1] = {0};
    /* groups in VM id order */
    for (int id = 1; id <= MAX_VMS; id++) {
        struct vm *vm = NULL;
        for (size_t i = 0; i < cfg->vms.n; i++)
            if (cfg->vms.v[i]->id == id)
                vm = cfg->vms.v[i];
        if (!vm)
            continue;
        int initiator = 0;
        for (size_t j = 0; j < vm->devices.n; j++)
            initiator |= vm->devices.v[j]->dma_cfgpg_position >= 0;
        if (!initiator || !dma_zone(vm) || t->n_dma_vms == MAX_DMA_GROUPS)
            continue; /* missing zone / third guest: reported by check_config */
        int g = ++t->n_dma_vms;
        vm->dma_group = g;
        zone[g] = dma_zone(vm);
        for (size_t j = 0; j < vm->devices.n; j++) {
            const struct device *d = vm->devices.v[j];
            const struct loc *at = &vm->device_locs.v[j];
            if (d->dma_cfgpg_position >= 0) {
                int p = d->dma_cfgpg_position;
                if (pos_vm[p] && pos_vm[p] != vm->id) {
                    diag_error(at, "CFGPG position %d is already VM %d's", p, pos_vm[p]);
                    bad = 1;
                }
                pos_vm[p] = vm->id;
                t->cfgpg |= (uint32_t)g << p;
            }
            if (d->dma_set >= 0) {
                int s = d->dma_set;
                if (s < 2 || s > 4) {
                    diag_error(at,
                               "device '%s': peripheral set %d cannot be opened to a DMA "
                               "guest (sets 2..4)",
                               d->name, s);
                    bad = 1;
                } else if (set_group[s] && set_group[s] != g) {
                    diag_error(at,
                               "peripheral set %d is used by two DMA guests; the bus "
                               "arbiter cannot fence both",
                               s);
                    diag_note(&set_loc[s], "the other guest's device");
                    bad = 1;
                } else {
                    set_group[s] = g;
                    set_loc[s] = *at;
                }
            }
        }
    }
    /* group 0 (CPU) everywhere it is used */
    static const char *const bank_what[2] = {"RAM 0..256 KB: group 0 (CPU)",
                                             "RAM 256..512 KB: group 0 (CPU)"};
    for (int bank = 0; bank < 2; bank++) {
        uint32_t x = SBT_RAM0 + (uint32_t)bank;
        sba_write(cfg, t, SBT_REG_PHYS(x, 0), sbt_region(RAM_BANK * (uint32_t)bank, RAM_BANK),
                  bank_what[bank], 0);
        sba_write(cfg, t, SBT_RD_PHYS(x, 0), SBTPERM_GROUP(0), "read: group 0", 0);
        sba_write(cfg, t, SBT_WR_PHYS(x, 0), SBTPERM_GROUP(0), "write: group 0", 0);
    }
    for (uint32_t s = 2; s <= 4; s++) {
        uint32_t x = PSET_TARGET(s), base = PSET_BASE(s);
        sba_write(cfg, t, SBT_REG_PHYS(x, 0), sbt_region(base, PSET_SIZE),
                  "peripheral set: group 0 (CPU)", 0);
        sba_write(cfg, t, SBT_RD_PHYS(x, 0), SBTPERM_GROUP(0), "read: group 0", 0);
        sba_write(cfg, t, SBT_WR_PHYS(x, 0), SBTPERM_GROUP(0), "write: group 0", 0);
    }
    /* DMA zones: region g of the bank that holds the zone, the other bank's region g off */
    for (int g = 1; g <= MAX_DMA_GROUPS; g++) {
        for (int bank = 0; bank < 2; bank++) {
            uint32_t x = SBT_RAM0 + (uint32_t)bank;
            const struct region *z = zone[g];
            int here = z && z->rpa / RAM_BANK == (uint32_t)bank;
            uint32_t perm = SBTPERM_GROUP(0) | (here ? SBTPERM_GROUP(g) : 0);
            sba_write(cfg, t, SBT_REG_PHYS(x, (uint32_t)g),
                      here ? sbt_region(z->rpa, z->size) : RAM_BANK * (uint32_t)bank,
                      here ? "DMA zone" : "unused (size 0)", here ? z->loc.line : 0);
            sba_write(cfg, t, SBT_RD_PHYS(x, (uint32_t)g), perm,
                      here ? "read: groups 0 and g" : "read: group 0", 0);
            sba_write(cfg, t, SBT_WR_PHYS(x, (uint32_t)g), perm,
                      here ? "write: groups 0 and g" : "write: group 0", 0);
        }
    }
    for (uint32_t s = 2; s <= 4; s++) {
        uint32_t x = PSET_TARGET(s), base = PSET_BASE(s);
        int g = set_group[s];
        uint32_t perm = SBTPERM_GROUP(0) | (g ? SBTPERM_GROUP(g) : 0);
        sba_write(cfg, t, SBT_REG_PHYS(x, 1), g ? sbt_region(base, PSET_SIZE) : base,
                  g ? "peripheral set opened to a DMA guest" : "unused (size 0)",
                  g ? set_loc[s].line : 0);
        sba_write(cfg, t, SBT_RD_PHYS(x, 1), perm, "read", 0);
        sba_write(cfg, t, SBT_WR_PHYS(x, 1), perm, "write", 0);
    }
    return bad;
}

static void power(struct config *cfg, struct hwtables *t)
{
    const struct board *b = &cfg->board;
    t->has_pmd = b->has_pmd;
    memcpy(t->pmd, b->pmd, sizeof(t->pmd));
    for (size_t i = 0; i < cfg->vms.n; i++) {
        const struct vm *vm = cfg->vms.v[i];
        for (size_t j = 0; j < vm->devices.n; j++) {
            const struct device *d = vm->devices.v[j];
            for (size_t k = 0; k < d->pmd.n; k++)
                t->pmd[d->pmd.v[k].reg] &= ~(1u << d->pmd.v[k].bit); /* 1 = module off */
        }
    }
}

int hwtables_build(struct config *cfg, struct hwtables *t)
{
    memset(t, 0, sizeof(*t));
    int bad = route_irqs(cfg, t);
    bad |= fence_dma(cfg, t);
    power(cfg, t);
    for (size_t i = 0; i < cfg->vms.n; i++) {
        const struct vm *vm = cfg->vms.v[i];
        for (size_t k = 0; k < vm->setup.n; k++) {
            struct reg_write *w = vec_push(cfg->arena, &t->setup);
            *w = (struct reg_write){vm->setup.v[k].addr, vm->setup.v[k].value, "setup",
                                    vm->setup.v[k].loc.line};
        }
    }
    return bad ? -1 : 0;
}
