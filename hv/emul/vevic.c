/*
 * The interrupt controller as each VM sees it: registers of the IRQs it owns (physical ones
 * routed to it and the emulated ones), read as 0 and write-ignored for every other IRQ, so
 * nothing of one VM's interrupt state is visible to another (pic32mz-ef.md §3.1, §3.7).
 * This version keeps the registers; injecting into the guest comes with the interrupt
 * routing work (issue "device emulation and interrupt routing").
 */
#include "core/vm.h"
#include "emul/emul.h"
#include "soc/sfr.h"

static uint32_t owned_bits(const struct vm *vm, unsigned word)
{
    return vm->cfg->irq_owned[word] | vm->cfg->irq_emulated[word];
}

/* IPCn holds four vectors' priority fields (8 bits each). */
static uint32_t owned_ipc(const struct vm *vm, unsigned n)
{
    uint32_t m = 0;
    for (unsigned k = 0; k < 4; k++) {
        unsigned irq = 4 * n + k;
        if (irq < EVIC_NUM_VECTORS && ((owned_bits(vm, irq >> 5) >> (irq & 31)) & 1u))
            m |= EVIC_IPC_MASK(irq);
    }
    return m;
}

static void write_reg(uint32_t *reg, uint32_t off, uint32_t val, uint32_t writable)
{
    uint32_t r = *reg;
    uint32_t next = (off & SFR_ALIAS_MASK) == SFR_CLR   ? r & ~val
                    : (off & SFR_ALIAS_MASK) == SFR_SET ? r | val
                    : (off & SFR_ALIAS_MASK) == SFR_INV ? r ^ val
                                                        : val;
    *reg = (r & ~writable) | (next & writable);
}

bool vevic_access(struct vm *vm, struct mmio_access *a)
{
    struct vevic *e = &vm->evic;
    uint32_t off = a->offset;
    uint32_t *reg;
    uint32_t writable;
    if (a->size != 4)
        return false;
    if (off >= EVIC_OFF(0)) {
        unsigned n = (off - EVIC_OFF(0)) >> 2;
        if (n >= EVIC_NUM_VECTORS)
            return false;
        bool own = (owned_bits(vm, n >> 5) >> (n & 31)) & 1u;
        if (a->write) {
            if (own)
                e->off[n] = a->value & OFF_VOFF;
        } else {
            a->value = own ? e->off[n] : 0;
        }
        return true;
    }
    uint32_t base = off & ~0xFu;
    if (base == EVIC_INTCON) {
        reg = &e->intcon;
        writable = INTCON_MVEC | INTCON_TPC;
    } else if (base == EVIC_PRISS) {
        reg = &e->priss;
        writable = 0; /* shadow sets belong to the hypervisor */
    } else if (base == EVIC_INTSTAT || base == EVIC_IPTMR) {
        a->value = 0;
        return true;
    } else if (base >= EVIC_IFS(0) && base < EVIC_IFS(EVIC_FLAG_WORDS)) {
        unsigned k = (base - EVIC_IFS(0)) >> 4;
        reg = &e->ifs[k];
        writable = owned_bits(vm, k);
    } else if (base >= EVIC_IEC(0) && base < EVIC_IEC(EVIC_FLAG_WORDS)) {
        unsigned k = (base - EVIC_IEC(0)) >> 4;
        reg = &e->iec[k];
        writable = owned_bits(vm, k);
    } else if (base >= EVIC_IPC(0) && base < EVIC_IPC(EVIC_IPC_WORDS)) {
        unsigned n = (base - EVIC_IPC(0)) >> 4;
        reg = &e->ipc[n];
        writable = owned_ipc(vm, n);
    } else {
        return false;
    }
    if (a->write)
        write_reg(reg, off, a->value, writable);
    else
        a->value = (off & SFR_ALIAS_MASK) ? 0 : *reg;
    return true;
}
