/*
 * Hardware tables for the hypervisor: IRQ ownership and emulation, bus-arbiter (DMA
 * fencing) register writes and CFGPG, PMD words, boot-time setup writes.
 */
#ifndef TVPCONF_HWTABLES_H
#define TVPCONF_HWTABLES_H

#include "model.h"
#include "tvp/tables.h"

struct reg_write {
    uint32_t addr, value;
    const char *what; /* comment in the generated C */
    int line;         /* configuration line, 0 when none */
};

struct hwtables {
    uint8_t irq_owner[N_IRQ];    /* VM id, 0 = tinyVP */
    uint8_t irq_emulator[N_IRQ]; /* enum tvp_emulator */
    uint32_t irq_owned[MAX_VMS + 1][TVP_IRQ_WORDS];
    uint32_t irq_emulated[MAX_VMS + 1][TVP_IRQ_WORDS];
    VEC(struct reg_write) setup; /* setup / .setup of every VM, in VM order */
    VEC(struct reg_write) sba;   /* bus arbiter regions */
    uint32_t cfgpg;
    uint32_t pmd[N_PMD];
    int has_pmd;
    int n_dma_vms;
};

/* Fills t; also sets vm->dma_group. 0, or -1 after errors. */
int hwtables_build(struct config *cfg, struct hwtables *t);

#endif
