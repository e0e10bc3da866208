/*
 * One simulator run as the host sees it: the machine with its UARTs on host connections, the
 * LEDs and buttons, an optional script, gdb stub and traces, and the loop that runs it
 * (run.c).  main.c fills this in from the command line.
 */
#ifndef SIM_HOST_SESSION_H
#define SIM_HOST_SESSION_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "../soc/machine.h"
#include "console.h"
#include "gdbstub.h"
#include "leds.h"
#include "script.h"
#include "trace.h"

struct session {
    struct machine *m;
    const struct board *board;
    struct uart_link link[UART_COUNT]; /* link[n - 1] is UART n */
    struct leds leds;
    struct script script;
    bool has_script;
    struct gdb gdb;
    bool has_gdb;
    struct tracer tracer;
    uint64_t max_cycles;
    bool test;        /* --test: the test device decides the status */
    bool realtime;    /* pace simulated time to wall-clock time */
    bool interactive; /* a person types on this terminal (Ctrl-C is the way out) */
    volatile sig_atomic_t stop_signal, winch;
};

/* Drives the button `index` of the board (pressed or released) and records it. */
void session_button(struct session *s, unsigned index, bool pressed);
/* Runs until the program, the script, the debugger or a signal ends the run; returns the
 * exit status (docs/simulator.md "Exit status"). */
int session_run(struct session *s);

#endif
