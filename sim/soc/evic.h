/*
 * PIC32MZ-EF interrupt controller (EVIC) model, pic32mz-ef.md §3.  Device models drive request
 * lines with evic_set_irq() (irq.h); the EVIC latches them into IFSx, arbitrates the enabled
 * requests by priority, subpriority and natural order, and presents the winner to the core in
 * EIC mode (RIPL, vector, OFFx offset, shadow set from PRISS) through struct cpu_irq_source.
 */
#ifndef SIM_EVIC_H
#define SIM_EVIC_H

#include <stdbool.h>
#include <stdint.h>

#include "irq.h"
#include "soc/evic.h"

struct bus;
struct cpu;

struct evic {
    struct cpu *cpu;
    uint32_t intcon, priss, intstat, iptmr;
    uint32_t ifs[EVIC_FLAG_WORDS], iec[EVIC_FLAG_WORDS];
    uint32_t ipc[EVIC_IPC_WORDS];
    uint32_t off[EVIC_NUM_VECTORS];
    uint32_t line[EVIC_FLAG_WORDS];       /* request line levels as the sources drive them */
    uint32_t persistent[EVIC_FLAG_WORDS]; /* 1 = persistent source (pic32mz-ef.md §3.5) */
    int presented;                        /* IRQ last presented to the core, -1 = none */
    /* Interrupt-event observer (evic_set_event_hook); kept across evic_reset. */
    void (*event_hook)(void *ctx, unsigned irq);
    void *event_ctx;
};

/* Registers the EVIC on the bus and installs it as the core's interrupt source. */
int evic_attach(struct evic *e, struct bus *b, struct cpu *c);
/* Reset state: everything 0, single-vector mode (pic32mz-ef.md §3.2). */
void evic_reset(struct evic *e);
/* Overrides the persistent/non-persistent class of one source; device models whose
 * documentation says otherwise than the default table in evic.c call this at attach time. */
void evic_set_persistent(struct evic *e, unsigned irq, bool persistent);
/* Registers the observer of interrupt events, which the DMA controller uses as channel start
 * and abort triggers (DCHxECON.CHSIRQ/CHAIRQ): fn(ctx, irq) runs whenever a source raises its
 * request (a rising line, or a persistent line that sets a cleared flag again) and whenever
 * software sets a flag through IFSx. */
void evic_set_event_hook(struct evic *e, void (*fn)(void *ctx, unsigned irq), void *ctx);

#endif
