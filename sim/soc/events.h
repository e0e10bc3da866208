/*
 * The simulator's cycle-ordered event queue (architecture.md "Simulator rules"): peripherals
 * schedule callbacks at absolute cycle numbers; the machine runs the core up to the next event.
 * Events are caller-owned objects (no allocation); ties run in scheduling order, so runs are
 * deterministic.
 */
#ifndef SIM_EVENTS_H
#define SIM_EVENTS_H

#include <stdbool.h>
#include <stdint.h>

struct sim_event {
    uint64_t when;
    uint64_t seq; /* scheduling order, for ties */
    void (*fn)(void *opaque, uint64_t now);
    void *opaque;
    struct sim_event *next; /* queue link (private) */
    bool queued;
};

struct event_queue {
    struct sim_event *head;
    uint64_t seq;
};

void events_init(struct event_queue *q);
/* (Re)schedules ev at cycle `when`; an event already queued is moved. */
void events_schedule(struct event_queue *q, struct sim_event *ev, uint64_t when);
void events_cancel(struct event_queue *q, struct sim_event *ev);
/* Cycle of the earliest event, UINT64_MAX if none. */
uint64_t events_next(const struct event_queue *q);
/* Runs every event due at or before `now`, in order (callbacks may schedule more). */
void events_run_due(struct event_queue *q, uint64_t now);

#endif
