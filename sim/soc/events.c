/* Cycle-ordered event queue: a sorted singly linked list (a handful of devices at most). */
#include "events.h"

#include <stddef.h>

void events_init(struct event_queue *q)
{
    q->head = NULL;
    q->seq = 0;
}

void events_cancel(struct event_queue *q, struct sim_event *ev)
{
    if (!ev->queued)
        return;
    for (struct sim_event **p = &q->head; *p; p = &(*p)->next) {
        if (*p == ev) {
            *p = ev->next;
            break;
        }
    }
    ev->queued = false;
    ev->next = NULL;
}

void events_schedule(struct event_queue *q, struct sim_event *ev, uint64_t when)
{
    events_cancel(q, ev);
    ev->when = when;
    ev->seq = q->seq++;
    struct sim_event **p = &q->head;
    while (*p && ((*p)->when < when || ((*p)->when == when && (*p)->seq < ev->seq)))
        p = &(*p)->next;
    ev->next = *p;
    *p = ev;
    ev->queued = true;
}

uint64_t events_next(const struct event_queue *q)
{
    return q->head ? q->head->when : UINT64_MAX;
}

void events_run_due(struct event_queue *q, uint64_t now)
{
    while (q->head && q->head->when <= now) {
        struct sim_event *ev = q->head;
        q->head = ev->next;
        ev->queued = false;
        ev->next = NULL;
        ev->fn(ev->opaque, now);
    }
}
