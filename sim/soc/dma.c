/*
 * DMA controller (see dma.h).  Semantics from the PIC32 FRM Section 31 "Direct Memory Access
 * (DMA) Controller" (the field list is pic32mz-ef.md §7.2); decisions where the sources are
 * unsure, with the reasons:
 *
 * - A cell transfer moves DCHxCSIZ bytes.  It starts on DCHxECON.CFORCE = 1 or on the start
 *   event CHSIRQ when SIRQEN = 1, only while the channel is enabled (CHEN) and DMACON.ON = 1.
 *   An event that arrives while the channel is disabled is remembered in CHEDET when CHAED = 1
 *   and starts a cell once the channel is enabled.  The "event" of an IRQ is a request of its
 *   source or a flag set by software in IFSx, whether or not the interrupt is enabled in IECx
 *   (FRM 31: the DMA sees the interrupt event, not the CPU interrupt; §11 item 8 UNVERIFIED).
 * - Source and destination pointers advance through SSIZ and DSIZ bytes and wrap; a block is
 *   complete when the larger of the two sizes has been moved (FRM 31 "CHBCIF": "the larger of
 *   CHSSIZ/CHDSIZ bytes has been transferred").  Size registers are 16 bits; 0 means 65536.
 *   Flags: CHSHIF/CHDHIF when the pointer reaches half the size, CHSDIF/CHDDIF when it reaches
 *   the size, CHCCIF after each cell, CHBCIF at the end of the block.
 * - At the end of a block (or a pattern match) the channel is disabled and its pointers reset,
 *   unless CHAEN = 1 (it stays enabled for the next block); every channel chained to it
 *   (CHCHN = 1, CHCHNS = 0: chained to channel n-1, CHCHNS = 1: to channel n+1) is enabled.
 * - Pattern match (PATEN): each byte read is compared, in address order, with DCHxDAT<7:0>
 *   (CHPATLEN = 0) or with DAT<7:0> then DAT<15:8> (CHPATLEN = 1: the two bytes as they lie
 *   in little-endian memory); a byte equal to CHPIGN is skipped when CHPIGNEN = 1.  A match
 *   ends the transfer after the matching byte has been written, as a block completion (CHBCIF,
 *   FRM 31).  With PATEN the channel moves one byte at a time.
 * - Abort: the CHAIRQ event (AIRQEN = 1) aborts the channel and sets CHTAIF; CABORT = 1 aborts
 *   without a flag.  Both disable the channel and reset its pointers.
 * - A bus error on either side (an address that is nothing, or an arbiter violation) ends the
 *   transfer: CHERIF, channel disabled, DMASTAT.DMACH = channel, DMASTAT.RDWR = 1 for a read,
 *   DMAADDR = the failing physical address.
 * - Channel interrupt IRQ 134 + n is a level: (flags & enables) != 0 (pic32mz-ef.md §7.2).
 * - Timing: a requested cell runs as one event, DMA_CELL_LATENCY cycles plus one cycle per
 *   4 bytes after the request (one 32-bit bus beat per SYSCLK; the fabric's arbitration delays
 *   are not modelled).  Channels are served in event order, not by CHPRI.  Accesses use the
 *   widest of 4/2/1 bytes that both addresses' alignment and the remaining counts allow.
 * - DMACON.SUSPEND holds pending cells until it is cleared; a channel whose module is off
 *   (PMD7.DMAMD) does nothing.  CHBUSY reads as CHEN; DMABUSY while any cell is pending.
 * - CRC: DCRCCON/DCRCDATA/DCRCXOR are storage only (no CRC is computed yet).
 */
#include "dma.h"

#include <string.h>

#include "../cpu/cpu.h"
#include "bus.h"
#include "evic.h"
#include "sfr_reg.h"
#include "syscfg.h"

#define DMA_CELL_LATENCY 3

static uint32_t size_of(uint32_t reg)
{
    reg &= DCH_SIZE_MASK;
    return reg ? reg : 0x10000u;
}

static void update_irq(struct dma_channel *ch)
{
    uint32_t active = ch->intr & (ch->intr >> DCHINT_EN_SHIFT) & DCHINT_FLAGS;
    evic_set_irq(ch->dma->evic, IRQ_DMA(ch->n), active != 0);
}

static void reset_pointers(struct dma_channel *ch)
{
    ch->sptr = ch->dptr = ch->cptr = 0;
    ch->moved = 0;
    ch->pat_first = false;
}

static void stop_channel(struct dma_channel *ch)
{
    ch->con &= ~DCHCON_CHEN;
    ch->pending = false;
    events_cancel(ch->dma->q, &ch->ev);
    reset_pointers(ch);
}

static bool controller_on(const struct dma *d)
{
    return (d->dmacon & DMACON_ON) && syscfg_module_enabled(d->sc, PMD_DMA);
}

static void request_cell(struct dma_channel *ch)
{
    struct dma *d = ch->dma;
    ch->pending = true;
    if (!controller_on(d) || (d->dmacon & DMACON_SUSPEND) || ch->ev.queued)
        return;
    uint32_t left = size_of(ch->csiz) - ch->cptr;
    events_schedule(d->q, &ch->ev, cpu_cycles(d->cpu) + DMA_CELL_LATENCY + (left + 3) / 4);
    cpu_request_stop(d->cpu); /* the core's slice may end after the new event */
}

static void enable_chained(struct dma *d, unsigned master)
{
    for (unsigned m = 0; m < DMA_CHANNELS; m++) {
        struct dma_channel *c = &d->ch[m];
        if (!(c->con & DCHCON_CHCHN))
            continue;
        unsigned from = (c->con & DCHCON_CHCHNS) ? m + 1 : m - 1;
        if (from == master && !(c->con & DCHCON_CHEN)) {
            c->con |= DCHCON_CHEN;
            if (c->con & DCHCON_CHEDET)
                request_cell(c);
        }
    }
}

static void block_done(struct dma_channel *ch)
{
    ch->intr |= DCHINT_CHBCIF;
    bool again = ch->con & DCHCON_CHAEN;
    stop_channel(ch);
    if (again)
        ch->con |= DCHCON_CHEN;
    enable_chained(ch->dma, ch->n);
}

static void bus_error(struct dma_channel *ch, uint32_t pa, bool read)
{
    struct dma *d = ch->dma;
    ch->intr |= DCHINT_CHERIF;
    d->dmastat = (read ? DMASTAT_RDWR : 0) | (ch->n & DMASTAT_DMACH);
    d->dmaaddr = pa;
    stop_channel(ch);
}

/* True if the byte ends the transfer (pattern match). */
static bool pattern_hit(struct dma_channel *ch, uint8_t b)
{
    if ((ch->con & DCHCON_CHPIGNEN) && b == (ch->con & DCHCON_CHPIGN) >> DCHCON_CHPIGN_SHIFT)
        return false;
    uint8_t lo = ch->dat & 0xFF, hi = (ch->dat >> 8) & 0xFF;
    if (!(ch->con & DCHCON_CHPATLEN))
        return b == lo;
    if (ch->pat_first && b == hi)
        return true;
    ch->pat_first = b == lo;
    return false;
}

static unsigned chunk(uint32_t a, uint32_t b, uint32_t left)
{
    if (left >= 4 && !(a & 3) && !(b & 3))
        return 4;
    if (left >= 2 && !(a & 1) && !(b & 1))
        return 2;
    return 1;
}

static uint32_t min3(uint32_t a, uint32_t b, uint32_t c)
{
    uint32_t m = a < b ? a : b;
    return m < c ? m : c;
}

static void run_cell(void *opaque, uint64_t now)
{
    struct dma_channel *ch = opaque;
    struct dma *d = ch->dma;
    (void)now;
    if (!ch->pending || !(ch->con & DCHCON_CHEN) || !controller_on(d))
        return;
    if (d->dmacon & DMACON_SUSPEND)
        return; /* stays pending; resumed when SUSPEND clears */
    ch->pending = false;
    ch->con &= ~DCHCON_CHEDET;
    uint32_t ssiz = size_of(ch->ssiz), dsiz = size_of(ch->dsiz), csiz = size_of(ch->csiz);
    uint32_t block = ssiz > dsiz ? ssiz : dsiz;
    bool pat = ch->econ & DCHECON_PATEN;
    while (ch->cptr < csiz) {
        uint32_t src = ch->ssa + ch->sptr, dst = ch->dsa + ch->dptr;
        unsigned n =
            pat ? 1 : chunk(src, dst, min3(ssiz - ch->sptr, dsiz - ch->dptr, csiz - ch->cptr));
        uint32_t v;
        if (!bus_read(d->bus, src, n, &v, BUS_DMA)) {
            bus_error(ch, src, true);
            update_irq(ch);
            return;
        }
        if (!bus_write(d->bus, dst, n, v, BUS_DMA)) {
            bus_error(ch, dst, false);
            update_irq(ch);
            return;
        }
        uint32_t s0 = ch->sptr, d0 = ch->dptr;
        ch->sptr += n;
        ch->dptr += n;
        ch->cptr += n;
        ch->moved += n;
        if (s0 < ssiz / 2 && ch->sptr >= ssiz / 2)
            ch->intr |= DCHINT_CHSHIF;
        if (d0 < dsiz / 2 && ch->dptr >= dsiz / 2)
            ch->intr |= DCHINT_CHDHIF;
        if (ch->sptr == ssiz) {
            ch->intr |= DCHINT_CHSDIF;
            ch->sptr = 0;
        }
        if (ch->dptr == dsiz) {
            ch->intr |= DCHINT_CHDDIF;
            ch->dptr = 0;
        }
        if ((pat && pattern_hit(ch, (uint8_t)v)) || ch->moved >= block) {
            ch->intr |= DCHINT_CHCCIF;
            block_done(ch);
            update_irq(ch);
            return;
        }
    }
    ch->cptr = 0;
    ch->intr |= DCHINT_CHCCIF;
    update_irq(ch);
}

/* EVIC event hook: start and abort triggers. */
static void irq_event(void *ctx, unsigned irq)
{
    struct dma *d = ctx;
    if (!controller_on(d))
        return;
    for (unsigned n = 0; n < DMA_CHANNELS; n++) {
        struct dma_channel *ch = &d->ch[n];
        uint32_t e = ch->econ;
        if ((e & DCHECON_AIRQEN) && ((e & DCHECON_CHAIRQ) >> DCHECON_CHAIRQ_SHIFT) == irq &&
            (ch->con & DCHCON_CHEN)) {
            stop_channel(ch);
            ch->intr |= DCHINT_CHTAIF;
            update_irq(ch);
            continue;
        }
        if (!(e & DCHECON_SIRQEN) || ((e & DCHECON_CHSIRQ) >> DCHECON_CHSIRQ_SHIFT) != irq)
            continue;
        if (ch->con & DCHCON_CHEN) {
            ch->con |= DCHCON_CHEDET;
            request_cell(ch);
        } else if (ch->con & DCHCON_CHAED) {
            ch->con |= DCHCON_CHEDET;
        }
    }
}

/* ---- registers ---- */

static uint32_t *ch_slot(struct dma_channel *ch, uint32_t r, uint32_t *writable)
{
    switch (r) {
    case DCH_CON:
        *writable = DCHCON_CHPRI | DCHCON_CHEDET | DCHCON_CHAEN | DCHCON_CHCHN | DCHCON_CHAED |
                    DCHCON_CHEN | DCHCON_CHCHNS | DCHCON_CHPATLEN | DCHCON_CHPIGNEN | DCHCON_CHPIGN;
        return &ch->con;
    case DCH_ECON:
        *writable = DCHECON_AIRQEN | DCHECON_SIRQEN | DCHECON_PATEN | DCHECON_CABORT |
                    DCHECON_CFORCE | DCHECON_CHSIRQ | DCHECON_CHAIRQ;
        return &ch->econ;
    case DCH_INT: *writable = DCHINT_FLAGS | (DCHINT_FLAGS << DCHINT_EN_SHIFT); return &ch->intr;
    case DCH_SSA: *writable = ~0u; return &ch->ssa;
    case DCH_DSA: *writable = ~0u; return &ch->dsa;
    case DCH_SSIZ: *writable = DCH_SIZE_MASK; return &ch->ssiz;
    case DCH_DSIZ: *writable = DCH_SIZE_MASK; return &ch->dsiz;
    case DCH_SPTR: *writable = 0; return &ch->sptr;
    case DCH_DPTR: *writable = 0; return &ch->dptr;
    case DCH_CSIZ: *writable = DCH_SIZE_MASK; return &ch->csiz;
    case DCH_CPTR: *writable = 0; return &ch->cptr;
    case DCH_DAT: *writable = 0xFFFF; return &ch->dat;
    default: return NULL;
    }
}

static uint32_t *slot(struct dma *d, uint32_t reg, uint32_t *writable, struct dma_channel **chp)
{
    *chp = NULL;
    switch (reg) {
    case DMA_DMACON: *writable = DMACON_ON | DMACON_SUSPEND; return &d->dmacon;
    case DMA_DMASTAT: *writable = 0; return &d->dmastat;
    case DMA_DMAADDR: *writable = 0; return &d->dmaaddr;
    case DMA_DCRCCON:
        *writable = DCRCCON_CRCCH | DCRCCON_CRCTYP | DCRCCON_CRCAPP | DCRCCON_CRCEN | DCRCCON_PLEN |
                    DCRCCON_BITO | DCRCCON_WBO | DCRCCON_BYTO;
        return &d->crccon;
    case DMA_DCRCDATA: *writable = ~0u; return &d->crcdata;
    case DMA_DCRCXOR: *writable = ~0u; return &d->crcxor;
    default: break;
    }
    if (reg < DMA_CH(0) || reg >= DMA_CH(DMA_CHANNELS))
        return NULL;
    struct dma_channel *ch = &d->ch[(reg - DMA_CH(0)) / 0xC0];
    *chp = ch;
    return ch_slot(ch, (reg - DMA_CH(0)) % 0xC0, writable);
}

static bool dma_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct dma *d = opaque;
    uint32_t writable;
    struct dma_channel *ch;
    uint32_t *r = slot(d, off & ~0xFu, &writable, &ch);
    if (!r)
        return false;
    uint32_t v = *r;
    if (r == &d->dmacon) {
        bool busy = false;
        for (unsigned n = 0; n < DMA_CHANNELS; n++)
            busy = busy || d->ch[n].pending;
        v = (v & ~DMACON_DMABUSY) | (busy ? DMACON_DMABUSY : 0);
    } else if (ch && r == &ch->con) {
        v = (v & ~DCHCON_CHBUSY) | ((v & DCHCON_CHEN) ? DCHCON_CHBUSY : 0);
    }
    v = (off & SFR_ALIAS_MASK) ? 0 : v >> (8 * (off & 3));
    *val = size < 4 ? v & ((1u << (8 * size)) - 1) : v;
    return true;
}

static void after_channel_write(struct dma_channel *ch, uint32_t *r, uint32_t old)
{
    if (r == &ch->con) {
        if ((old & DCHCON_CHEN) && !(ch->con & DCHCON_CHEN)) {
            ch->pending = false;
            events_cancel(ch->dma->q, &ch->ev);
        } else if (!(old & DCHCON_CHEN) && (ch->con & DCHCON_CHEN) && (ch->con & DCHCON_CHEDET)) {
            request_cell(ch); /* an event remembered while disabled (CHAED) */
        }
    } else if (r == &ch->econ) {
        uint32_t cmd = ch->econ & (DCHECON_CABORT | DCHECON_CFORCE);
        ch->econ &= ~(DCHECON_CABORT | DCHECON_CFORCE); /* both read back 0 when done */
        if (cmd & DCHECON_CABORT)
            stop_channel(ch);
        else if ((cmd & DCHECON_CFORCE) && (ch->con & DCHCON_CHEN))
            request_cell(ch);
    } else if (r == &ch->ssa || r == &ch->ssiz) {
        ch->sptr = 0;
    } else if (r == &ch->dsa || r == &ch->dsiz) {
        ch->dptr = 0;
    } else if (r == &ch->csiz) {
        ch->cptr = 0;
    }
    update_irq(ch);
}

static bool dma_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct dma *d = opaque;
    uint32_t writable, lanes;
    struct dma_channel *ch;
    uint32_t *r = slot(d, off & ~0xFu, &writable, &ch);
    if (!r)
        return false;
    uint32_t v = sfr_widen(off, size, val, &lanes);
    uint32_t old = *r;
    *r = sfr_apply(*r, off & 0xF, v, writable & lanes);
    if (ch) {
        after_channel_write(ch, r, old);
    } else if (r == &d->dmacon && !(d->dmacon & DMACON_SUSPEND) && controller_on(d)) {
        for (unsigned n = 0; n < DMA_CHANNELS; n++)
            if (d->ch[n].pending)
                request_cell(&d->ch[n]); /* resume */
    }
    return true;
}

void dma_reset(struct dma *d)
{
    d->dmacon = d->dmastat = d->dmaaddr = d->crccon = d->crcdata = d->crcxor = 0;
    for (unsigned n = 0; n < DMA_CHANNELS; n++) {
        struct dma_channel *ch = &d->ch[n];
        events_cancel(d->q, &ch->ev);
        ch->con = ch->econ = ch->intr = ch->ssa = ch->dsa = 0;
        ch->ssiz = ch->dsiz = ch->csiz = ch->dat = 0;
        ch->pending = false;
        reset_pointers(ch);
        update_irq(ch);
    }
}

int dma_attach(struct dma *d, struct bus *b, struct event_queue *q, struct cpu *c, struct evic *e,
               struct syscfg *sc)
{
    memset(d, 0, sizeof(*d));
    d->bus = b;
    d->q = q;
    d->cpu = c;
    d->evic = e;
    d->sc = sc;
    for (unsigned n = 0; n < DMA_CHANNELS; n++) {
        d->ch[n].dma = d;
        d->ch[n].n = n;
        d->ch[n].ev = (struct sim_event){.fn = run_cell, .opaque = &d->ch[n]};
    }
    struct bus_device dev = {.name = "dma",
                             .base = DMA_PHYS,
                             .size = DMA_SIZE,
                             .opaque = d,
                             .read = dma_read,
                             .write = dma_write};
    if (bus_add_device(b, &dev))
        return -1;
    evic_set_event_hook(e, irq_event, d);
    return 0;
}
