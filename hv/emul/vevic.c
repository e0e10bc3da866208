/*
 * The interrupt controller as each VM sees it: registers of the IRQs it owns (physical ones
 * routed to it and the emulated ones), read as 0 and write-ignored for every other IRQ, so
 * nothing of one VM's interrupt state is visible to another (pic32mz-ef.md §3.1, §3.7).
 * What it presents to the guest is computed by vevic_highest and injected by core/irq.c;
 * every write here lets irq.c follow (end of interrupt, enables, persistent sources).
 */
#include "vevic.h"

#include "core/irq.h"
#include "core/vm.h"
#include "emul/emul.h"
#include "soc/sfr.h"

static uint32_t owned_bits(const struct vm *vm, unsigned word)
{
    return vm->cfg->irq_owned[word] | vm->cfg->irq_emulated[word];
}

static bool owns(const struct vm *vm, unsigned irq)
{
    return irq < EVIC_NUM_VECTORS && ((owned_bits(vm, irq >> 5) >> (irq & 31)) & 1u);
}

/* IPCn holds four vectors' priority fields (8 bits each). */
static uint32_t owned_ipc(const struct vm *vm, unsigned n)
{
    uint32_t m = 0;
    for (unsigned k = 0; k < 4; k++)
        if (owns(vm, 4 * n + k))
            m |= EVIC_IPC_MASK(4 * n + k);
    return m;
}

void vevic_flag(struct vevic *e, unsigned irq)
{
    e->ifs[irq >> 5] |= EVIC_IRQ_BIT(irq);
}

bool vevic_flagged(const struct vevic *e, unsigned irq)
{
    return (e->ifs[irq >> 5] >> (irq & 31)) & 1u;
}

bool vevic_highest(const struct vevic *e, unsigned *irq, unsigned *priority)
{
    unsigned best = 0, best_key = 0;
    for (unsigned k = 0; k < EVIC_FLAG_WORDS; k++) {
        uint32_t req = e->ifs[k] & e->iec[k];
        while (req) {
            unsigned bit = (unsigned)__builtin_ctz(req);
            req &= req - 1;
            unsigned n = 32 * k + bit;
            unsigned pri = (e->ipc[n >> 2] >> EVIC_IPC_SHIFT(n)) & (IPC_IP | IPC_IS);
            /* Priority 0 disables the source; ties keep the lower vector (scan order). */
            if ((pri & IPC_IP) && pri > best_key) {
                best_key = pri;
                best = n;
            }
        }
    }
    if (!best_key)
        return false;
    *irq = best;
    *priority = (best_key & IPC_IP) >> IPC_IP_SHIFT;
    return true;
}

static bool offset_access(struct vm *vm, struct emul_reg *r)
{
    unsigned n = (r->off - EVIC_OFF(0)) >> 2;
    if (n >= EVIC_NUM_VECTORS)
        return false;
    if (!owns(vm, n)) {
        r->value = 0; /* another VM's or nobody's vector: reads 0, writes ignored */
        return true;
    }
    /* OFFn has no CLR/SET/INV aliases (pic32mz-ef.md §3.1): every word is a plain write. */
    struct emul_reg plain = *r;
    plain.alias = 0;
    if (r->write)
        vm->evic.off[n] = emul_apply(vm->evic.off[n], &plain, OFF_VOFF);
    else
        r->value = vm->evic.off[n];
    return true;
}

bool vevic_access(struct vm *vm, struct emul_reg *r)
{
    struct vevic *e = &vm->evic;
    uint32_t *reg;
    uint32_t writable;
    if (r->off >= EVIC_OFF(0))
        return offset_access(vm, r);
    if (r->reg == EVIC_INTCON) {
        reg = &e->intcon;
        writable = INTCON_MVEC | INTCON_TPC;
    } else if (r->reg == EVIC_PRISS) {
        /* Kept and read back (start-up code waits for its value), never used: a guest has
         * no shadow sets of its own, its interrupts run in its one set (GEICSS = 0). */
        reg = &e->priss;
        writable = 0xFFFFFFF1u;
    } else if (r->reg == EVIC_INTSTAT) {
        /* The request being presented (pic32mz-ef.md §3.2, used in single-vector mode). */
        unsigned irq = 0, pri = 0;
        r->value = 0;
        if (!r->write && !r->alias && vevic_highest(e, &irq, &pri))
            r->value = irq | (pri << INTSTAT_SRIPL_SHIFT);
        return true;
    } else if (r->reg == EVIC_IPTMR) {
        r->value = 0; /* the proximity timer is not emulated: reads 0, writes ignored */
        return true;
    } else if (r->reg >= EVIC_IFS(0) && r->reg < EVIC_IFS(EVIC_FLAG_WORDS)) {
        unsigned k = (r->reg - EVIC_IFS(0)) >> 4;
        reg = &e->ifs[k];
        writable = owned_bits(vm, k);
    } else if (r->reg >= EVIC_IEC(0) && r->reg < EVIC_IEC(EVIC_FLAG_WORDS)) {
        unsigned k = (r->reg - EVIC_IEC(0)) >> 4;
        reg = &e->iec[k];
        writable = owned_bits(vm, k);
    } else if (r->reg >= EVIC_IPC(0) && r->reg < EVIC_IPC(EVIC_IPC_WORDS)) {
        unsigned n = (r->reg - EVIC_IPC(0)) >> 4;
        reg = &e->ipc[n];
        writable = owned_ipc(vm, n);
    } else {
        return false;
    }
    if (r->write) {
        *reg = emul_apply(*reg, r, writable);
        irq_guest_wrote(vm);
    } else {
        r->value = r->alias ? 0 : *reg; /* alias addresses read 0 (pic32mz-ef.md §2.1) */
    }
    return true;
}
