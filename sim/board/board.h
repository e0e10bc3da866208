/* The boards the simulator can be: part, memory, console UART, boot loader convention. */
#ifndef SIM_BOARD_H
#define SIM_BOARD_H

#include <stdbool.h>
#include <stdint.h>

/* GPIO ports: index 0..9 = A, B, C, D, E, F, G, H, J, K (there is no port I; pic32mz-ef.md §5.1).
 */
#define BOARD_PORTS 10
enum board_port { PORT_A, PORT_B, PORT_C, PORT_D, PORT_E, PORT_F, PORT_G, PORT_H, PORT_J, PORT_K };

/* An LED or button on a port pin (pic32mz-ef.md §5.3). */
struct board_pin {
    const char *name;
    enum board_port port;
    unsigned pin;
    bool active_low;
};

#define BOARD_MAX_LEDS    4
#define BOARD_MAX_BUTTONS 3

struct board {
    const char *name;
    const char *part;
    uint32_t devid; /* DEVID<27:0> (pic32mz-ef.md §0) */
    uint32_t ram_size;
    uint32_t flash_size;
    unsigned console_uart;     /* 1..6 */
    uint32_t bootloader_entry; /* where the board's own boot loader jumps, 0 = none */
    const char *description;
    uint16_t port_pins[BOARD_PORTS];   /* implemented pins of each port; 0 = no such port */
    uint16_t port_analog[BOARD_PORTS]; /* pins with an ANSEL bit */
    struct board_pin leds[BOARD_MAX_LEDS];
    unsigned nleds;
    struct board_pin buttons[BOARD_MAX_BUTTONS];
    unsigned nbuttons;
};

const struct board *board_find(const char *name);
/* Writes the known board names, separated by '|', for --help. */
const char *board_names(void);

#endif
