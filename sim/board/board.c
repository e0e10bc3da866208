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
        .console_uart = 4,              /* to the on-board USB-serial chip (pic32mz-ef.md §4.5) */
        .bootloader_entry = 0x9D001000, /* chipKIT boot loader jumps here (issue 4) */
        .description = "Digilent chipKIT Wi-FIRE",
        /* EFG100 pins and analog pins (pic32mz-ef.md §5.1 table). */
        .port_pins = {[PORT_A] = 0xC6FF,
                      [PORT_B] = 0xFFFF,
                      [PORT_C] = 0xF01E,
                      [PORT_D] = 0xFE3F,
                      [PORT_E] = 0x03FF,
                      [PORT_F] = 0x313F,
                      [PORT_G] = 0xF3C3},
        .port_analog = {[PORT_A] = 0x0623,
                        [PORT_B] = 0xFFFF,
                        [PORT_C] = 0x001E,
                        [PORT_D] = 0xC000,
                        [PORT_E] = 0x03F0,
                        [PORT_F] = 0x3000,
                        [PORT_G] = 0x83C0},
        .leds = {{"LD1", PORT_G, 6, false},
                 {"LD2", PORT_D, 4, false},
                 {"LD3", PORT_B, 11, false},
                 {"LD4", PORT_G, 15, false}},
        .nleds = 4,
        /* External pull-downs; the sheet notes a polarity conflict and calls active-high
         * likely (pic32mz-ef.md §5.3). */
        .buttons = {{"BTN1", PORT_A, 5, false}, {"BTN2", PORT_A, 4, false}},
        .nbuttons = 2,
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
        /* 144-pin: the 100-pin set plus RD6/RD7 and ports H, J (0-15), K (0-7) (§5.1);
         * analog pins of H..K are not listed by the sheet: none assumed. */
        .port_pins = {[PORT_A] = 0xC6FF,
                      [PORT_B] = 0xFFFF,
                      [PORT_C] = 0xF01E,
                      [PORT_D] = 0xFEFF,
                      [PORT_E] = 0x03FF,
                      [PORT_F] = 0x313F,
                      [PORT_G] = 0xF3C3,
                      [PORT_H] = 0xFFFF,
                      [PORT_J] = 0xFFFF,
                      [PORT_K] = 0x00FF},
        .port_analog = {[PORT_A] = 0x0623,
                        [PORT_B] = 0xFFFF,
                        [PORT_C] = 0x001E,
                        [PORT_D] = 0xC000,
                        [PORT_E] = 0x03F0,
                        [PORT_F] = 0x3000,
                        [PORT_G] = 0x83C0},
        .leds = {{"LED1", PORT_H, 0, false},
                 {"LED2", PORT_H, 1, false},
                 {"LED3", PORT_H, 2, false}},
        .nleds = 3,
        .buttons = {{"SW1", PORT_B, 12, true},
                    {"SW2", PORT_B, 13, true},
                    {"SW3", PORT_B, 14, true}},
        .nbuttons = 3,
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
        /* 64-pin: ports B..G only (§5.1); no ANSEL for C, D, F; B and E analog as on the
         * 100-pin part (assumed). */
        .port_pins = {[PORT_B] = 0xFFFF,
                      [PORT_C] = 0xF000,
                      [PORT_D] = 0x0E3F,
                      [PORT_E] = 0x00FF,
                      [PORT_F] = 0x003B,
                      [PORT_G] = 0x03C0},
        .port_analog = {[PORT_B] = 0xFFFF, [PORT_E] = 0x00F0, [PORT_G] = 0x03C0},
        .leds = {{"LED1", PORT_B, 8, false},
                 {"LED2", PORT_B, 9, false},
                 {"LED3", PORT_B, 10, false}},
        .nleds = 3,
        .buttons = {{"BUT1", PORT_B, 12, true},
                    {"BUT2", PORT_B, 13, true},
                    {"BUT3", PORT_B, 14, true}},
        .nbuttons = 3,
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
