/* One simulated chip on one board: memories, bus, core and devices, and the run loop. */
#ifndef SIM_MACHINE_H
#define SIM_MACHINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../board/board.h"
#include "bus.h"
#include "events.h"
#include "evic.h"
#include "testdev.h"
#include "uart.h"
#include "gpio.h"
#include "pps.h"
#include "timers.h"
#include "syscfg.h"
#include "sba.h"
#include "dma.h"
#include "wdt.h"
#include "nvm.h"
#include "soc/uart.h"

struct cpu;

struct machine_options {
    bool test_device;  /* --test */
    FILE *console_out; /* where the console UART's output goes */
    /* Host side (sim/host): where UART n+1's transmitted bytes go; NULL = the console UART to
     * console_out, the others nowhere. */
    void (*uart_tx[UART_COUNT])(void *ctx, uint8_t byte);
    void *uart_tx_ctx[UART_COUNT];
    bool uart_instant;      /* UART characters take no simulated time (sim/soc/uart.h) */
    bool warn_unmodelled;   /* --warn-unmodelled: report each unmodelled SFR address once */
    uint32_t max_page_size; /* --max-page-size: 0 = 256 MB (sim/cpu/cpu.h) */
};

struct machine {
    const struct board *board;
    struct bus bus;
    struct event_queue events;
    struct cpu *cpu;
    struct evic evic; /* devices raise their requests with evic_set_irq(&m->evic, ...) */
    uint8_t *ram, *flash, *boot_lower, *boot_upper;
    struct uart uart[UART_COUNT];
    struct gpio gpio; /* host side: gpio_set_input(), gpio_set_pin_changed() */
    struct pps pps;   /* the CFGCON model calls pps_set_locked() for IOLOCK */
    struct timers timers;
    struct testdev testdev;
    bool has_testdev;
    FILE *console_out;
    bool stop_requested;  /* machine_request_stop() */
    struct syscfg syscfg; /* SYSKEY, CFGCON, PMD, clocks, RCON/RSWRST, DEVCFG (syscfg.h) */
    struct sba sba;       /* system bus arbiter: the bus filter (sba.h) */
    struct dma dma;
    struct wdt wdt; /* WDT and DMT */
    struct nvm nvm;
    bool powered;             /* the power-on reset (DEVCFG read) has been done */
    uint32_t reset_cause;     /* machine_request_reset(): RCON cause bits, 0 = none */
    uint8_t *unmodelled_seen; /* --warn-unmodelled: one bit per SFR word reported */
};

int machine_init(struct machine *m, const struct board *b, const struct machine_options *o);
void machine_free(struct machine *m);

enum machine_stop {
    MACHINE_LIMIT,
    MACHINE_EXIT,
    MACHINE_IDLE,
    MACHINE_BREAK,
    MACHINE_STOP,
    MACHINE_ERROR, /* the chip cannot start as configured (message on stderr), e.g. BOOTISA */
};
/* Runs until `max_cycles` (UINT64_MAX = no limit), a test-device EXIT, or a core that
 * sleeps with nothing left that could wake it; MACHINE_BREAK: the core is at a breakpoint;
 * MACHINE_STOP: the host called machine_request_stop (from a device callback). */
enum machine_stop machine_run(struct machine *m, uint64_t max_cycles);
/* Makes machine_run return MACHINE_STOP after the current instruction or event. */
void machine_request_stop(struct machine *m);
/* Resets the whole chip after the current instruction or event (RSWRST, WDT, DMT): core and
 * devices to their reset state, configuration words read again, memory kept, RCON gets the
 * cause bits. */
void machine_request_reset(struct machine *m, uint32_t rcon_cause);

#endif
