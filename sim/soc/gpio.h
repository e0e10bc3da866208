/*
 * PIC32MZ I/O ports A..K and change notice (pic32mz-ef.md §5.1, §5.2; PIC32 FRM Section 12).
 * Only the ports and pins of the board's part exist (struct board port_pins / port_analog).
 *
 * Host side (buttons, LEDs, VCD):
 * - gpio_set_input() drives a pin from outside: GPIO_LOW, GPIO_HIGH, or GPIO_FLOAT (nothing
 *   drives it: a released button; the pin then reads its pull-up/pull-down, or 0).
 * - pin_changed(ctx, port, pin, level, cycle) is called whenever the level of a pin changes,
 *   whatever the cause (a LAT/TRIS/ODC/pull write, or gpio_set_input), with the new level
 *   (0/1) and the simulated cycle; an output pin's level is its LAT bit.
 */
#ifndef SIM_GPIO_H
#define SIM_GPIO_H

#include <stdbool.h>
#include <stdint.h>

#include "devenv.h"
#include "soc/gpio.h"

struct bus;
struct board;

enum gpio_level { GPIO_LOW = 0, GPIO_HIGH = 1, GPIO_FLOAT = 2 };

struct gpio_port {
    bool present, has_ansel, has_srcon;
    uint32_t pins, analog; /* implemented pins, pins with an ANSEL bit */
    uint32_t ansel, tris, lat, odc, cnpu, cnpd, cncon, cnen, cnne, cnf, srcon0, srcon1;
    uint32_t ext_driven, ext_level; /* outside drive: which pins, at which level */
    uint32_t level;                 /* pin levels now */
    uint32_t last_read;             /* PORTx value at the last read (mismatch reference) */
    uint32_t prev_in;               /* digital input value at the last evaluation (edges) */
};

struct gpio {
    struct gpio_port port[GPIO_NUM_PORTS];
    struct dev_env env;
    void (*pin_changed)(void *ctx, unsigned port, unsigned pin, int level, uint64_t cycle);
    void *ctx;
};

/* Registers the ports the board's part has, in their reset state. */
int gpio_attach(struct gpio *g, struct bus *b, const struct board *board,
                const struct dev_env *env);
void gpio_reset(struct gpio *g);
void gpio_set_pin_changed(struct gpio *g,
                          void (*fn)(void *ctx, unsigned port, unsigned pin, int level,
                                     uint64_t cycle),
                          void *ctx);
/* Returns false if the port or pin does not exist on this part. */
bool gpio_set_input(struct gpio *g, unsigned port, unsigned pin, enum gpio_level level);
/* Current level of a pin (0/1); -1 if it does not exist. */
int gpio_pin_level(const struct gpio *g, unsigned port, unsigned pin);

#endif
