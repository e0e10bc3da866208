/*
 * The run loop (session.h).  The machine runs in slices; between slices the host looks at
 * its connections (console input, gdb), writes out console output and redraws the LED line.
 * What the simulated chip sees depends only on simulated time and on the inputs' order:
 * a script's inputs come at cycles the script fixes, so scripted runs are reproducible byte
 * for byte.  Only interactive runs look at the wall clock: they are paced to real time
 * (--realtime) and take input whenever the person types it.
 */
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../cpu/cpu.h"
#include "session.h"

/* Slice lengths: 1 ms of simulated time when the host has something to look at, else
 * 100 ms (signals are still seen promptly). */
#define SLICE_INTERACTIVE 200000u
#define SLICE_BATCH       20000000u
#define CYCLE_NS          5u

static uint64_t wall_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void session_button(struct session *s, unsigned index, bool pressed)
{
    const struct board_pin *bp = &s->board->buttons[index];
    /* Pressed: the switch drives its active level.  Released: an active-low switch leaves
     * the pin to the pull-up firmware enables (CNPU; DM320007 and Olimex, pic32mz-ef.md
     * §5.3); the Wi-FIRE's active-high buttons have external pull-downs: low. */
    enum gpio_level lv;
    if (pressed)
        lv = bp->active_low ? GPIO_LOW : GPIO_HIGH;
    else
        lv = bp->active_low ? GPIO_FLOAT : GPIO_LOW;
    gpio_set_input(&s->m->gpio, bp->port, bp->pin, lv);
    leds_button(&s->leds, index, pressed, cpu_cycles(s->m->cpu));
}

/* Can anything outside the simulation still produce input (so that an idle core may wake)? */
static bool host_can_input(struct session *s)
{
    if (s->has_gdb && gdb_connected(&s->gdb))
        return true;
    for (unsigned i = 0; i < UART_COUNT; i++)
        if (s->link[i].m && link_can_input(&s->link[i]))
            return true;
    return false;
}

static bool looks_often(struct session *s)
{
    return s->realtime || s->has_gdb || host_can_input(s) || s->leds.line_tty;
}

static void flush_all(struct session *s)
{
    for (unsigned i = 0; i < UART_COUNT; i++)
        if (s->link[i].m)
            link_flush(&s->link[i]);
    leds_refresh(&s->leds, false);
}

/* Waits up to timeout_ms (-1: until something happens) for host input and handles the
 * console connections; the gdb connection is read by the caller. */
static void host_wait(struct session *s, int timeout_ms)
{
    struct pollfd pfd[3 * UART_COUNT + 1];
    unsigned n = 0, first[UART_COUNT], count[UART_COUNT];
    for (unsigned i = 0; i < UART_COUNT; i++) {
        first[i] = n;
        count[i] = s->link[i].m ? link_pollfds(&s->link[i], pfd + n) : 0;
        n += count[i];
    }
    if (s->has_gdb)
        n += gdb_pollfds(&s->gdb, pfd + n);
    if (n == 0 && timeout_ms < 0)
        return;
    if (poll(pfd, n, timeout_ms) <= 0)
        return;
    for (unsigned i = 0; i < UART_COUNT; i++)
        if (count[i])
            link_handle(&s->link[i], pfd + first[i], count[i]);
}

/* Real-time pacing: wait while simulated time is ahead of the wall clock, watching input. */
static void pace(struct session *s, uint64_t wall0, uint64_t cyc0)
{
    uint64_t sim_ns = (cpu_cycles(s->m->cpu) - cyc0) * CYCLE_NS;
    uint64_t w = wall_ns() - wall0;
    if (sim_ns > w + 1000000u)
        host_wait(s, (int)((sim_ns - w) / 1000000u));
}

/* The core sleeps and no event can wake it: only the host can. */
static void wait_for_host(struct session *s, uint64_t wall0, uint64_t cyc0)
{
    flush_all(s);
    leds_refresh(&s->leds, true);
    host_wait(s, s->has_gdb ? 50 : 200);
    if (s->realtime) {
        /* Simulated time went on while the core slept. */
        uint64_t target = cyc0 + (wall_ns() - wall0) / CYCLE_NS;
        if (target > s->max_cycles)
            target = s->max_cycles;
        cpu_skip_to(s->m->cpu, target);
    }
}

static int program_exit_status(struct session *s)
{
    return testdev_status(&s->m->testdev);
}

/* The end of the run at the cycle limit. */
static int at_limit(struct session *s)
{
    uint64_t now = cpu_cycles(s->m->cpu);
    if (s->has_script &&
        script_program_ended(&s->script, now, "--max-cycles reached") != SCRIPT_PASSED)
        return 1;
    if (s->test) {
        fprintf(stderr,
                "pic32mz-sim: stopped at the cycle limit (%" PRIu64
                ") before the test ended; pc 0x%08x\n",
                s->max_cycles, cpu_pc(s->m->cpu));
        return 3;
    }
    return 0;
}

/* Serves the debugger while the target is stopped.  Returns -1 to go on, else a status. */
static int serve_gdb(struct session *s, bool *stopped)
{
    host_wait(s, 200);
    switch (gdb_handle(&s->gdb, false)) {
    case GDB_NONE:
    case GDB_INTERRUPT: return -1;
    case GDB_CONTINUE: *stopped = false; return -1;
    case GDB_DETACHED:
        fprintf(stderr, "pic32mz-sim: gdb detached; running on\n");
        *stopped = false;
        s->has_gdb = false;
        return -1;
    case GDB_KILL: return 0;
    case GDB_STEP: break;
    }
    uint64_t now = cpu_cycles(s->m->cpu);
    enum machine_stop why = machine_run(s->m, now + 1);
    if (why == MACHINE_EXIT) {
        gdb_report_exit(&s->gdb, program_exit_status(s));
        return program_exit_status(s);
    }
    if (why == MACHINE_ERROR)
        return 2;
    gdb_report_stop(&s->gdb, 5);
    return -1;
}

int session_run(struct session *s)
{
    struct machine *m = s->m;
    uint64_t wall0 = wall_ns(), cyc0 = cpu_cycles(m->cpu);
    bool gdb_stopped = s->has_gdb; /* the target waits for the debugger's first command */
    int status = -1;
    while (status < 0) {
        if (s->stop_signal) {
            flush_all(s);
            fprintf(stderr, "\npic32mz-sim: %s at cycle %" PRIu64 "\n",
                    s->stop_signal == SIGINT ? "interrupted (Ctrl-C)" : "terminated by a signal",
                    cpu_cycles(m->cpu));
            /* Ctrl-C is how a person leaves an interactive session: a normal end. */
            status = s->interactive && s->stop_signal == SIGINT ? 0 : 128 + s->stop_signal;
            break;
        }
        if (s->winch) {
            s->winch = 0;
            leds_resize(&s->leds);
        }
        if (s->has_gdb && gdb_stopped) {
            flush_all(s);
            status = serve_gdb(s, &gdb_stopped);
            continue;
        }
        uint64_t now = cpu_cycles(m->cpu);
        uint64_t until = s->max_cycles;
        if (s->has_script) {
            uint64_t u = UINT64_MAX;
            enum script_state st = script_advance(&s->script, now, &u);
            if (st != SCRIPT_RUNNING) {
                status = st == SCRIPT_PASSED ? 0 : 1;
                if (st == SCRIPT_PASSED && s->test && s->m->testdev.failed)
                    status = 1;
                break;
            }
            if (u < until)
                until = u;
        }
        if (now >= s->max_cycles) {
            status = at_limit(s);
            break;
        }
        uint64_t slice = looks_often(s) ? SLICE_INTERACTIVE : SLICE_BATCH;
        if (until - now > slice)
            until = now + slice;
        switch (machine_run(m, until)) {
        case MACHINE_EXIT:
            status = program_exit_status(s);
            if (s->has_script && script_program_ended(&s->script, cpu_cycles(m->cpu),
                                                      "test device EXIT") != SCRIPT_PASSED)
                status = 1;
            if (s->has_gdb && gdb_connected(&s->gdb))
                gdb_report_exit(&s->gdb, status);
            break;
        case MACHINE_ERROR: status = 2; break;
        case MACHINE_BREAK:
            if (s->has_gdb && gdb_connected(&s->gdb)) {
                gdb_report_stop(&s->gdb, 5);
                gdb_stopped = true;
            }
            break;
        case MACHINE_STOP:
        case MACHINE_LIMIT: break;
        case MACHINE_IDLE:
            if (s->has_script) {
                cpu_skip_to(m->cpu, until); /* only the script's next input can wake it */
            } else if (host_can_input(s)) {
                wait_for_host(s, wall0, cyc0);
            } else {
                flush_all(s);
                fprintf(stderr,
                        "pic32mz-sim: the core waits (WAIT) and nothing can wake it; pc 0x%08x\n",
                        cpu_pc(m->cpu));
                status = s->test ? 3 : 0;
            }
            break;
        }
        if (status >= 0)
            break;
        flush_all(s);
        if (s->has_gdb) {
            host_wait(s, 0);
            switch (gdb_handle(&s->gdb, true)) {
            case GDB_INTERRUPT:
                gdb_report_stop(&s->gdb, 2);
                gdb_stopped = true;
                break;
            case GDB_DETACHED:
                fprintf(stderr, "pic32mz-sim: gdb left; running on\n");
                s->has_gdb = false;
                break;
            default: break;
            }
        } else if (looks_often(s)) {
            host_wait(s, 0);
        }
        if (s->realtime)
            pace(s, wall0, cyc0);
    }
    flush_all(s);
    leds_refresh(&s->leds, true);
    return status;
}
