/*
 * Debug traces for the root console (docs/console.md): exceptions, interrupts and guest time
 * events, kept in static ring buffers while debug mode is on (the console's `d`) and printed
 * by `e`, `i` and `t`.  The hooks are called from hv/core and hv/platform; each is a test of
 * one flag while debug mode is off.
 */
#ifndef HV_SHELL_TRACE_H
#define HV_SHELL_TRACE_H

#include <stdbool.h>
#include <stdint.h>

struct vm;

extern bool trace_on; /* debug mode */

/* Time events (`t`). */
enum trace_time_kind {
    TRACE_COMPARE, /* the guest wrote Compare: value */
    TRACE_MATCH,   /* its timer interrupt was raised: Compare, ticks late */
    TRACE_WAIT,    /* it executed WAIT: its Compare */
};

/* Every guest exit (exit.c): counts it in the VM's status and traces exceptions. */
void trace_exit(struct vm *vm, uint32_t cause, uint32_t gexccode);
/* A root interrupt from the EVIC (platform.c), before it is handled. */
void trace_irq(unsigned irq);
/* The VM is about to be entered (sched.c): the request its emulated EVIC presents, if any. */
void trace_inject(struct vm *vm);
/* Guest timer events (sched.c, trap.c); `late` in Count ticks for TRACE_MATCH. */
void trace_time(struct vm *vm, enum trace_time_kind kind, uint32_t value, uint32_t late);

/* Printers for the console: vm = NULL prints every VM's entries. */
void trace_print_exc(const struct vm *vm);
void trace_print_irq(const struct vm *vm);
void trace_print_time(const struct vm *vm);
void trace_clear(void);

#endif
