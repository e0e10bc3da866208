/* The boards the simulator can be: part, memory, console UART, boot loader convention. */
#ifndef SIM_BOARD_H
#define SIM_BOARD_H

#include <stdint.h>

struct board {
    const char *name;
    const char *part;
    uint32_t devid;           /* DEVID<27:0> (pic32mz-ef.md §0) */
    uint32_t ram_size;
    uint32_t flash_size;
    unsigned console_uart;    /* 1..6 */
    uint32_t bootloader_entry; /* where the board's own boot loader jumps, 0 = none */
    const char *description;
};

const struct board *board_find(const char *name);
/* Writes the known board names, separated by '|', for --help. */
const char *board_names(void);

#endif
