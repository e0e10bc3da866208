/* Board table (pic32mz-ef.md §0 parts and DEVIDs, §4.5 consoles). */
#include "board.h"

#include <string.h>

static const struct board boards[] = {
    {
        .name = "wifire",
        .part = "PIC32MZ2048EFG100",
        .devid = 0x0720E053,
        .ram_size = 512 * 1024,
        .flash_size = 2048 * 1024,
        .console_uart = 4, /* to the on-board USB-serial chip (pic32mz-ef.md §4.5) */
        .bootloader_entry = 0x9D001000, /* chipKIT boot loader jumps here (issue 4) */
        .description = "Digilent chipKIT Wi-FIRE",
    },
    {
        .name = "dm320007",
        .part = "PIC32MZ2048EFH144",
        .devid = 0x07227053,
        .ram_size = 512 * 1024,
        .flash_size = 2048 * 1024,
        /* UART1 on the MEB-II PICtail pins, the console tinyVP's DM320007 demo uses
         * (pic32mz-ef.md §4.5); the on-board USB bridge is UART2. */
        .console_uart = 1,
        .bootloader_entry = 0,
        .description = "Microchip DM320007 starter kit (+MEB-II)",
    },
    {
        .name = "olimex",
        /* A 64-pin EF part; the exact suffix is unverified (pic32mz-ef.md §0): EFH064. */
        .part = "PIC32MZ2048EFH064",
        .devid = 0x07209053,
        .ram_size = 512 * 1024,
        .flash_size = 2048 * 1024,
        .console_uart = 4,
        .bootloader_entry = 0,
        .description = "Olimex PIC32-EMZ64",
    },
};

const struct board *board_find(const char *name)
{
    for (unsigned i = 0; i < sizeof(boards) / sizeof(boards[0]); i++)
        if (strcmp(boards[i].name, name) == 0)
            return &boards[i];
    return NULL;
}

const char *board_names(void)
{
    return "wifire|dm320007|olimex";
}
