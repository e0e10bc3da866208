/*
 * The board's LEDs and buttons on the host (docs/simulator.md "LEDs and buttons"): a status
 * line on the terminal (● on, ○ off), a log of timestamped events (--events) and a VCD file of
 * every pin change (--vcd) for GTKWave.  Fed by the GPIO model's pin_changed hook.
 */
#ifndef SIM_HOST_LEDS_H
#define SIM_HOST_LEDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../board/board.h"
#include "outfile.h"

enum leds_line {
    LEDS_AUTO, /* the status line when standard output is a terminal */
    LEDS_ON,   /* always: on a terminal the status line, otherwise one line per change */
    LEDS_OFF,
};

struct leds {
    const struct board *b;
    uint32_t level[BOARD_PORTS]; /* pin levels as last reported */
    uint32_t known[BOARD_PORTS]; /* pins whose level has been reported */
    bool on[BOARD_MAX_LEDS];
    bool pressed[BOARD_MAX_BUTTONS];
    bool line, line_tty;
    int rows;
    bool dirty;
    uint64_t drawn_ns;
    struct outfile events, vcd;
    uint64_t vcd_time;
    bool vcd_started;
};

int leds_open(struct leds *l, const struct board *b, enum leds_line mode, const char *events,
              const char *vcd, char *err, size_t errlen);
/* The GPIO pin_changed hook (sim/soc/gpio.h); ctx is the struct leds.  Call it once per pin
 * with cycle 0 before the run for the levels at reset. */
void leds_pin_changed(void *ctx, unsigned port, unsigned pin, int level, uint64_t cycle);
/* Starts the VCD's values and the status line once the reset levels are in. */
void leds_start(struct leds *l);
/* Records a button press or release driven by the host (the caller drives the pin). */
void leds_button(struct leds *l, unsigned button, bool pressed, uint64_t cycle);
/* Index of the LED or button called `name` on this board, -1 if none. */
int leds_find_led(const struct board *b, const char *name);
int leds_find_button(const struct board *b, const char *name);
bool leds_is_on(const struct leds *l, unsigned led);
/* Redraws the status line if it changed (at most every 20 ms of wall-clock time unless
 * `force`); the run loop calls this after writing console output. */
void leds_refresh(struct leds *l, bool force);
/* The terminal changed size (SIGWINCH). */
void leds_resize(struct leds *l);
/* Clears the status line and closes the files (renamed into place when `keep`); `cycle` is
 * where the run ended. */
int leds_close(struct leds *l, bool keep, uint64_t cycle);

#endif
