/*
 * The boards the demo guests are built for (one build per board, -DBOARD_WIFIRE,
 * -DBOARD_DM320007 or -DBOARD_OLIMEX): LEDs and console UART (pic32mz-ef.md §4.5, §5.3).
 * Guest 1 drives the first LED; guest 2 runs a pattern on the others.
 */
#ifndef GUESTS_DEMO_BOARD_H
#define GUESTS_DEMO_BOARD_H

#include <stdint.h>

#include "soc/gpio.h"
#include "soc/uart.h"

struct led {
    const char *name;
    uint8_t port; /* GPIO_PORT_* */
    uint8_t pin;
};

#if defined(BOARD_DM320007)
/* DM320007 + MEB-II: the console on UART1 at the PICtail pins RA14/RA15 (what tinyVP's
 * DM320007 configuration used); LEDs RH0 (red), RH1 (yellow), RH2 (green), active high. */
#define BOARD_NAME  "DM320007"
#define BOARD_UART  1
#define BOARD_NLEDS 3
#define BOARD_LEDS                                                                                 \
    {                                                                                              \
        {"LED1", GPIO_PORT_H, 0}, {"LED2", GPIO_PORT_H, 1},                                        \
        {                                                                                          \
            "LED3", GPIO_PORT_H, 2                                                                 \
        }                                                                                          \
    }
#define BOARD_RX_PPS  13 /* U1RXR: RA14 */
#define BOARD_TX_PORT GPIO_PORT_A
#define BOARD_TX_PIN  15
#define BOARD_TX_PPS  1 /* RPA15R: U1TX */
#elif defined(BOARD_OLIMEX)
/* Olimex PIC32-EMZ64: console UART4 on RD0 (RX) / RD4 (TX); LEDs RB8, RB9, RB10. */
#define BOARD_NAME  "PIC32-EMZ64"
#define BOARD_UART  4
#define BOARD_NLEDS 3
#define BOARD_LEDS                                                                                 \
    {                                                                                              \
        {"LED1", GPIO_PORT_B, 8}, {"LED2", GPIO_PORT_B, 9},                                        \
        {                                                                                          \
            "LED3", GPIO_PORT_B, 10                                                                \
        }                                                                                          \
    }
#define BOARD_RX_PPS  3 /* U4RXR: RD0 */
#define BOARD_TX_PORT GPIO_PORT_D
#define BOARD_TX_PIN  4
#define BOARD_TX_PPS  2 /* RPD4R: U4TX */
#else
/* Digilent chipKIT Wi-FIRE: console UART4 on RF2 (RX) / RF8 (TX) to the USB-serial chip;
 * LD1 RG6, LD2 RD4, LD3 RB11, LD4 RG15, active high. */
#define BOARD_WIFIRE 1
#define BOARD_NAME   "chipKIT Wi-FIRE"
#define BOARD_UART   4
#define BOARD_NLEDS  4
#define BOARD_LEDS                                                                                 \
    {                                                                                              \
        {"LD1", GPIO_PORT_G, 6}, {"LD2", GPIO_PORT_D, 4}, {"LD3", GPIO_PORT_B, 11},                \
        {                                                                                          \
            "LD4", GPIO_PORT_G, 15                                                                 \
        }                                                                                          \
    }
#define BOARD_RX_PPS  11 /* U4RXR: RF2 */
#define BOARD_TX_PORT GPIO_PORT_F
#define BOARD_TX_PIN  8
#define BOARD_TX_PPS  2 /* RPF8R: U4TX */
#endif

extern const struct led board_leds[BOARD_NLEDS];

/* The console: its pins through PPS (what the board's boot loader does on the Wi-FIRE, and
 * what a program started from reset must do itself), 115200 baud, RX and TX on. */
void board_console_init(void);
/* The console's receive interrupt (EVIC vector) and UxSTA/UxRXREG access. */
unsigned board_console_rx_irq(void);
int board_console_getc(void); /* -1 when nothing was received */
/* LED n as a digital output, off. */
void board_led_init(unsigned n);
void board_led_set(unsigned n, int on);

#endif
