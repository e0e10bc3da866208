/* Scheduling of the VMs: round-robin time slices, WAIT blocking until the guest's timer. */
#ifndef HV_CORE_SCHED_H
#define HV_CORE_SCHED_H

#include <stdint.h>

struct vm;

/* Default time slice (the configuration language has no per-VM slice key yet). */
#define SLICE_TICKS (10u * 1000u * 100u) /* 10 ms of Count ticks */

/* Runs the next VM, or idles; never returns.  Called at the end of every exception. */
void schedule(void) __attribute__((noreturn));
/* The guest executed WAIT (resume PC already advanced): block it until its timer. */
void sched_wait(struct vm *vm);
/* The running VM gives up the rest of its slice. */
void sched_yield(void);
/* The root timer fired: wake VMs whose guest timer matched, end the slice if it is over. */
void sched_tick(void);
/* Guest timer (emulated Compare) changed: re-arm the root timer. */
void sched_rearm(void);

#endif
