/*
 * System bus arbiter of the PIC32MZ-EF (pic32mz-ef.md §8): per-target region registers with
 * read/write permissions per permission group, error logs, SBFLAG and the protection
 * violation interrupt.  It filters every CPU and DMA access on the bus (bus_set_filter): a
 * forbidden access is blocked and logged, and the initiator gets a bus error.
 */
#ifndef SIM_SBA_H
#define SIM_SBA_H

#include <stdbool.h>
#include <stdint.h>

#include "soc/sba.h"

struct bus;
struct evic;
struct syscfg;

struct sba {
    struct bus *bus;
    struct syscfg *sc;
    struct evic *evic;
    uint32_t reg[SBA_TARGETS][SBA_MAX_REGIONS];
    uint32_t rd[SBA_TARGETS][SBA_MAX_REGIONS];
    uint32_t wr[SBA_TARGETS][SBA_MAX_REGIONS];
    uint32_t elog1[SBA_TARGETS], elog2[SBA_TARGETS], econ[SBA_TARGETS];
    bool logged[SBA_TARGETS];
    unsigned deny_groups; /* bit g: some active region refuses group g something */
};

/* Registers the SBT blocks and SBFLAG and installs the bus filter. */
int sba_attach(struct sba *s, struct bus *b, struct syscfg *sc, struct evic *e);
/* Reset values (DS60001320 registers 4-1..4-10): regions 1..8 off, groups 0-2 allowed. */
void sba_reset(struct sba *s);
/* Target of a physical address, -1 if it belongs to none (pic32mz-ef.md §8.3). */
int sba_target_of(uint32_t pa);
/* Called by syscfg when CFGPG or CFGCON.CPUPRI/DMAPRI change. */
void sba_groups_changed(void *sba);

#endif
