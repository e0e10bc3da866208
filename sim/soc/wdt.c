/*
 * WDT and DMT (see wdt.h).  Time base and decisions:
 *
 * - The simulated SYSCLK is 200 MHz (1 instruction = 1 cycle, sim-internals.md).  The WDT runs
 *   from the 32 kHz LPRC through a divide-by-32 prescaler, i.e. 1 ms per count, and times out
 *   after 2^WDTPS counts (PIC32 FRM Section 9 "WDT time-out period"; PIC32MX DS61143
 *   Equation 26-1, same circuit); WDTPS codes above 20 act as 20.  One count is therefore
 *   200 000 cycles.
 * - Clearing the WDT: a 16-bit write of 0x5743 to WDTCLRKEY (WDTCON + 2); "any other write with
 *   a different value or byte size will NOT clear the timer" (FRM Section 9 "Clearing the
 *   Watchdog Timer").  Window mode (DEVCFG1.WINDIS = 0 or WDTCON.WDTWINEN = 1): the clear is
 *   allowed only in the last FWDTWINSZ share of the period (75/50/37.5/25 %); an earlier clear
 *   is a watchdog event, as the FRM describes for the windowed WDT.
 * - DEVCFG1.FWDTEN = 1: WDTCON.ON reads 1 and cannot be cleared (PIC32MX DS61143 §26.2.3, the
 *   same WDT); otherwise software sets and clears ON.
 * - DMT: counts instructions (SYSCLK cycles here) up to DMTPSCNT = 2^(DMTCNT+8) (codes above 23
 *   act as 23, §10.2).  Clearing: DMTPRECLR.STEP1 = 0x40, then DMTCLR.STEP2 = 0x08 (§2.10).
 *   A wrong STEP1, or STEP2 without STEP1, sets BAD1; a wrong STEP2 or a STEP2 before the
 *   window opens (DMTINTV: after 1/2, 3/4, ... of the count; 0 = always open) sets BAD2; each is
 *   a DMT event, as the FRM's DMT chapter describes.  DEVCFG1.FDMTEN = 1 forces DMTCON.ON; a
 *   DMT that software switched on cannot be switched off again (FRM Section 9).
 * - A watchdog event while the core sleeps in WAIT (Sleep/Idle) sets RNMICON.WDTS and does not
 *   reset the chip (FRM Section 9); the NMI that would wake the core is not modelled.
 */
#include "wdt.h"

#include <string.h>

#include "../cpu/cpu.h"
#include "bus.h"
#include "sfr_reg.h"
#include "soc/devcfg.h"
#include "soc/sfr.h"
#include "soc/syscfg.h"
#include "soc/wdt.h"
#include "syscfg.h"

#define CYCLES_PER_SECOND 200000000ull
#define WDT_COUNT_CYCLES  (CYCLES_PER_SECOND / WDT_TICK_HZ)

static uint64_t now(const struct wdt *w)
{
    return cpu_cycles(w->cpu);
}

/* ---- WDT ---- */

static bool wdt_running(const struct wdt *w)
{
    return w->wdtcon & WDTCON_ON;
}

static void wdt_restart(struct wdt *w)
{
    w->last_clear = now(w);
    if (wdt_running(w)) {
        events_schedule(w->q, &w->wdt_ev, w->last_clear + w->period);
        cpu_request_stop(w->cpu); /* the core's slice may end after the new event */
    } else
        events_cancel(w->q, &w->wdt_ev);
}

static void wdt_event(struct wdt *w)
{
    if (cpu_sleeping(w->cpu)) {
        /* Sleep/Idle: flag and wake-up NMI only (not modelled), no reset; count again. */
        w->sc->rnmicon |= RNMICON_WDTS;
        w->sc->rcon |= RCON_WDTO;
        wdt_restart(w);
        return;
    }
    events_cancel(w->q, &w->wdt_ev);
    syscfg_watchdog_event(w->sc, RNMICON_WDTO, RCON_WDTO);
}

static void wdt_timeout(void *opaque, uint64_t t)
{
    (void)t;
    wdt_event(opaque);
}

static bool window_mode(const struct wdt *w)
{
    return w->win_config || (w->wdtcon & WDTCON_WDTWINEN);
}

static void wdt_clear(struct wdt *w)
{
    if (!wdt_running(w))
        return;
    if (window_mode(w)) {
        /* The window is the last 75, 50, 37.5 or 25 % of the period (eighths: 6, 4, 3, 2). */
        static const unsigned open_eighths[4] = {6, 4, 3, 2};
        uint64_t closed = w->period - w->period / 8 * open_eighths[w->winsz & 3];
        if (now(w) - w->last_clear < closed) {
            wdt_event(w);
            return;
        }
    }
    wdt_restart(w);
}

static bool wdt_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct wdt *w = opaque;
    if ((off & ~0xFu) != WDT_WDTCON)
        return false;
    uint32_t v = (off & SFR_ALIAS_MASK) ? 0 : w->wdtcon >> (8 * (off & 3));
    *val = size < 4 ? v & ((1u << (8 * size)) - 1) : v;
    return true;
}

static bool wdt_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct wdt *w = opaque;
    if ((off & ~0xFu) != WDT_WDTCON)
        return false;
    if (off == WDT_CLRKEY_OFFSET && size == 2) {
        if ((val & 0xFFFF) == WDT_CLRKEY)
            wdt_clear(w);
        return true;
    }
    uint32_t lanes;
    uint32_t v = sfr_widen(off, size, val, &lanes);
    uint32_t writable = WDTCON_WDTWINEN | (w->forced_on ? 0 : WDTCON_ON);
    bool was = wdt_running(w);
    w->wdtcon = sfr_apply(w->wdtcon, off & 0xF, v, writable & lanes);
    if (was != wdt_running(w))
        wdt_restart(w);
    return true;
}

/* ---- DMT ---- */

static uint64_t dmt_count(const struct wdt *w)
{
    return (w->dmtcon & DMTCON_ON) ? now(w) - w->dmt_start : 0;
}

static bool dmt_window_open(const struct wdt *w)
{
    return dmt_count(w) >= w->dmt_window;
}

static void dmt_restart(struct wdt *w)
{
    w->dmt_start = now(w);
    w->step1 = false;
    if (w->dmtcon & DMTCON_ON) {
        events_schedule(w->q, &w->dmt_ev, w->dmt_start + w->dmt_limit);
        cpu_request_stop(w->cpu); /* the core's slice may end after the new event */
    } else
        events_cancel(w->q, &w->dmt_ev);
}

static void dmt_event(struct wdt *w, uint32_t why)
{
    w->dmtstat |= DMTSTAT_DMTEVENT | why;
    events_cancel(w->q, &w->dmt_ev);
    syscfg_watchdog_event(w->sc, RNMICON_DMTO, RCON_DMTO);
}

static void dmt_timeout(void *opaque, uint64_t t)
{
    (void)t;
    dmt_event(opaque, 0);
}

static bool dmt_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct wdt *w = opaque;
    uint32_t r;
    switch (off & ~3u) {
    case DMT_DMTCON: r = w->dmtcon; break;
    case DMT_DMTPRECLR: r = w->step1 ? DMT_STEP1_KEY << DMTPRECLR_STEP1_SHIFT : 0; break;
    case DMT_DMTCLR: r = 0; break;
    case DMT_DMTSTAT: r = w->dmtstat | (dmt_window_open(w) ? DMTSTAT_WINOPN : 0); break;
    case DMT_DMTCNT: r = (uint32_t)dmt_count(w); break;
    case DMT_DMTPSCNT: r = (uint32_t)w->dmt_limit; break;
    case DMT_DMTPSINTV: r = (uint32_t)w->dmt_window; break;
    default: return false;
    }
    r >>= 8 * (off & 3);
    *val = size < 4 ? r & ((1u << (8 * size)) - 1) : r;
    return true;
}

static bool dmt_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct wdt *w = opaque;
    uint32_t lanes;
    uint32_t v = sfr_widen(off, size, val, &lanes);
    switch (off & ~3u) {
    case DMT_DMTCON:
        if ((v & lanes & DMTCON_ON) && !(w->dmtcon & DMTCON_ON)) {
            w->dmtcon |= DMTCON_ON;
            dmt_restart(w);
        }
        return true;
    case DMT_DMTPRECLR:
        if (!(lanes & DMTPRECLR_STEP1))
            return true;
        if (((v & DMTPRECLR_STEP1) >> DMTPRECLR_STEP1_SHIFT) == DMT_STEP1_KEY)
            w->step1 = true;
        else if (w->dmtcon & DMTCON_ON)
            dmt_event(w, DMTSTAT_BAD1);
        return true;
    case DMT_DMTCLR:
        if (!(lanes & DMTCLR_STEP2) || !(w->dmtcon & DMTCON_ON))
            return true;
        if (!w->step1)
            dmt_event(w, DMTSTAT_BAD1);
        else if ((v & DMTCLR_STEP2) != DMT_STEP2_KEY || !dmt_window_open(w))
            dmt_event(w, DMTSTAT_BAD2);
        else
            dmt_restart(w);
        return true;
    case DMT_DMTSTAT:
    case DMT_DMTCNT:
    case DMT_DMTPSCNT:
    case DMT_DMTPSINTV: return true; /* read-only */
    default: return false;
    }
}

void wdt_reset(struct wdt *w)
{
    uint32_t d1 = w->sc->devcfg[1];
    unsigned ps = (d1 & DEVCFG1_WDTPS) >> DEVCFG1_WDTPS_SHIFT;
    w->period = WDT_COUNT_CYCLES << (ps > WDT_PS_MAX ? WDT_PS_MAX : ps);
    w->forced_on = d1 & DEVCFG1_FWDTEN;
    w->win_config = !(d1 & DEVCFG1_WINDIS);
    w->winsz = (d1 & DEVCFG1_FWDTWINSZ) >> DEVCFG1_FWDTWINSZ_SHIFT;
    w->wdtcon = (ps << WDTCON_RUNDIV_SHIFT) & WDTCON_RUNDIV;
    if (w->forced_on)
        w->wdtcon |= WDTCON_ON;
    wdt_restart(w);

    unsigned cnt = (d1 & DEVCFG1_DMTCNT) >> DEVCFG1_DMTCNT_SHIFT;
    unsigned intv = (d1 & DEVCFG1_DMTINTV) >> DEVCFG1_DMTINTV_SHIFT;
    w->dmt_limit = 1ull << ((cnt > 23 ? 23 : cnt) + 8);
    w->dmt_window = intv ? w->dmt_limit - (w->dmt_limit >> intv) : 0;
    w->dmt_forced = d1 & DEVCFG1_FDMTEN;
    w->dmtcon = w->dmt_forced ? DMTCON_ON : 0;
    w->dmtstat = 0;
    dmt_restart(w);
}

int wdt_attach(struct wdt *w, struct bus *b, struct event_queue *q, struct cpu *c,
               struct syscfg *sc)
{
    memset(w, 0, sizeof(*w));
    w->sc = sc;
    w->q = q;
    w->cpu = c;
    w->wdt_ev = (struct sim_event){.fn = wdt_timeout, .opaque = w};
    w->dmt_ev = (struct sim_event){.fn = dmt_timeout, .opaque = w};
    struct bus_device wd = {.name = "wdt",
                            .base = WDT_PHYS,
                            .size = WDT_SIZE,
                            .opaque = w,
                            .read = wdt_read,
                            .write = wdt_write};
    struct bus_device dd = {.name = "dmt",
                            .base = DMT_PHYS,
                            .size = DMT_SIZE,
                            .opaque = w,
                            .read = dmt_read,
                            .write = dmt_write};
    if (bus_add_device(b, &wd) || bus_add_device(b, &dd))
        return -1;
    return 0;
}
