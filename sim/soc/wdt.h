/*
 * Watchdog timer (WDT) and deadman timer (DMT) of the PIC32MZ-EF (pic32mz-ef.md §2.9, §2.10):
 * a running timer that software does not service raises a watchdog event, which resets the
 * chip through the NMI timer of the system configuration (syscfg_watchdog_event).
 */
#ifndef SIM_WDT_H
#define SIM_WDT_H

#include <stdbool.h>
#include <stdint.h>

#include "events.h"

struct bus;
struct cpu;
struct syscfg;

struct wdt {
    struct syscfg *sc;
    struct event_queue *q;
    struct cpu *cpu;
    /* WDT */
    uint32_t wdtcon;
    uint64_t period;     /* cycles from a clear to the time-out */
    uint64_t last_clear; /* cycle of the last clear (or enable) */
    bool forced_on;      /* DEVCFG1.FWDTEN */
    bool win_config;     /* DEVCFG1.WINDIS = 0 */
    unsigned winsz;      /* DEVCFG1.FWDTWINSZ */
    struct sim_event wdt_ev;
    /* DMT */
    uint32_t dmtcon, dmtstat;
    uint64_t dmt_limit;  /* DMTPSCNT: instruction counts to the time-out */
    uint64_t dmt_window; /* DMTPSINTV: the count from which a clear is allowed */
    uint64_t dmt_start;  /* cycle where the count was 0 */
    bool dmt_forced;     /* DEVCFG1.FDMTEN */
    bool step1;          /* DMTPRECLR.STEP1 written correctly, waiting for STEP2 */
    struct sim_event dmt_ev;
};

int wdt_attach(struct wdt *w, struct bus *b, struct event_queue *q, struct cpu *c,
               struct syscfg *sc);
/* Chip reset: configuration from DEVCFG1 as syscfg read it (call after syscfg_reset). */
void wdt_reset(struct wdt *w);

#endif
