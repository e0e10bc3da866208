/*
 * DMA controller of the PIC32MZ-EF (pic32mz-ef.md §7): 8 channels moving data between physical
 * addresses through bus_read/bus_write as BUS_DMA (so the bus arbiter filters them), started by
 * software (CFORCE) or by interrupt events (CHSIRQ, through the EVIC's event hook), aborted by
 * CABORT, an abort IRQ (CHAIRQ) or a pattern match, with chaining, auto-enable and the
 * channel interrupts 134..141.
 */
#ifndef SIM_DMA_H
#define SIM_DMA_H

#include <stdbool.h>
#include <stdint.h>

#include "events.h"
#include "soc/dma.h"

struct bus;
struct cpu;
struct evic;
struct syscfg;
struct dma;

struct dma_channel {
    struct dma *dma;
    unsigned n;
    uint32_t con, econ, intr, ssa, dsa, ssiz, dsiz, sptr, dptr, csiz, cptr, dat;
    uint32_t moved; /* bytes moved in the current block */
    bool pending;   /* a cell transfer is requested */
    bool pat_first; /* the first byte of a 2-byte pattern has just matched */
    struct sim_event ev;
};

struct dma {
    struct bus *bus;
    struct evic *evic;
    struct syscfg *sc;
    struct event_queue *q;
    struct cpu *cpu;
    uint32_t dmacon, dmastat, dmaaddr, crccon, crcdata, crcxor;
    struct dma_channel ch[DMA_CHANNELS];
};

int dma_attach(struct dma *d, struct bus *b, struct event_queue *q, struct cpu *c, struct evic *e,
               struct syscfg *sc);
void dma_reset(struct dma *d);

#endif
