/*
 * What the peripheral models (UART, GPIO, timers) need from the chip: the interrupt
 * controller, the event queue and the core's cycle counter (time).  Any of them may be NULL
 * (a device attached alone, e.g. in a host-side test): no IRQs, no events, time 0.
 */
#ifndef SIM_DEVENV_H
#define SIM_DEVENV_H

#include <stddef.h>
#include <stdint.h>

#include "../cpu/cpu.h"
#include "events.h"
#include "irq.h"

/* SYSCLK is 200 MHz on every board (pic32mz-ef.md §0) and one simulated cycle is one SYSCLK
 * (docs/dev/sim-internals.md), so a peripheral bus clock PBCLKn = SYSCLK / PBnDIV lasts
 * PBnDIV cycles.  PBCLK2 (UART) and PBCLK3 (timers) are 100 MHz: 2 cycles (§2.7, §4.4). */
#define DEV_PBCLK_DEFAULT_DIV 2

struct dev_env {
    struct evic *evic;
    struct event_queue *events;
    struct cpu *cpu;
};

static inline uint64_t dev_now(const struct dev_env *e)
{
    return e->cpu ? cpu_cycles(e->cpu) : 0;
}

/* Schedules ev and hands control back to the machine loop after the current instruction:
 * cpu_run() keeps running to the deadline it was given, which may lie after the new event
 * (machine_run() computes the deadline from the queue before it starts the core). */
static inline void dev_schedule(const struct dev_env *e, struct sim_event *ev, uint64_t when)
{
    if (!e->events)
        return;
    events_schedule(e->events, ev, when);
    if (e->cpu)
        cpu_request_stop(e->cpu);
}

static inline void dev_cancel(const struct dev_env *e, struct sim_event *ev)
{
    if (e->events)
        events_cancel(e->events, ev);
}

#endif
