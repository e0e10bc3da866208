/*
 * PIC32MZ Timer1 (type A) and Timer2..9 (type B) with 32-bit pairs T2/T3, T4/T5, T6/T7, T8/T9
 * (pic32mz-ef.md §6.2; PIC32 FRM Section 14).  Counting is lazy: TMRx is computed from the
 * cycle counter when read, and only the next period match is an event in the event queue,
 * so nothing runs per instruction.  The count clock is PBCLK3 (100 MHz by default).
 */
#ifndef SIM_TIMERS_H
#define SIM_TIMERS_H

#include <stdbool.h>
#include <stdint.h>

#include "devenv.h"
#include "events.h"
#include "soc/timer.h"

struct bus;
struct timers;

struct timer {
    unsigned n;    /* 1..9 */
    uint32_t con;  /* TxCON */
    uint32_t tmr;  /* count at `base` (32 bits in a pair's even timer) */
    uint32_t pr;   /* PRx, 16 bits */
    uint64_t base; /* cycle where `tmr` holds and the prescaler is at 0 */
    bool gate;     /* TxCK level for gated accumulation */
    struct sim_event ev;
    struct timers *owner;
};

struct timers {
    struct timer t[TIMER_COUNT]; /* t[0] = Timer1 */
    struct dev_env env;
    unsigned pb_div; /* cycles per PBCLK3 tick */
};

int timers_attach(struct timers *ts, struct bus *b, const struct dev_env *env);
void timers_reset(struct timers *ts);
/* PBCLK3 = SYSCLK / div (the oscillator model calls this when PB3DIV changes). */
void timers_set_pbclk_div(struct timers *ts, unsigned div);
/* Level of timer n's gate input TxCK (gated time accumulation, TGATE = 1); no pin is wired
 * to it yet. */
void timers_set_gate(struct timers *ts, unsigned n, bool level);
/* The count of timer n now (as TMRx reads; a pair's full 32 bits for its even timer). */
uint32_t timers_count(struct timers *ts, unsigned n);

#endif
