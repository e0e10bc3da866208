/*
 * LED running light for the LED and button tests, one program per board (BOARD_*): after
 * "blink ready" has left the console UART completely (TRMT), the board's LEDs light one at a
 * time, the next one every millisecond of the core timer (100000 counts at 100 MHz,
 * pic32mz-ef.md §6.1), starting with the first; while the first button is pressed every LED
 * is lit.  Pins, polarities and console UARTs come from pic32mz-ef.md §5.3 and §4.5.
 */
#include "hostrt.h"

struct pin {
    unsigned port, bit;
};

#if defined(BOARD_WIFIRE)
#define CONSOLE_UART 4
static const struct pin leds[] = {
    {GPIO_PORT_G, 6}, {GPIO_PORT_D, 4}, {GPIO_PORT_B, 11}, {GPIO_PORT_G, 15}};
static const struct pin button = {GPIO_PORT_A, 5}; /* BTN1: active high, pulled down */
#define BUTTON_ACTIVE_LOW 0
#elif defined(BOARD_DM320007)
#define CONSOLE_UART      1
static const struct pin leds[] = {{GPIO_PORT_H, 0}, {GPIO_PORT_H, 1}, {GPIO_PORT_H, 2}};
static const struct pin button = {GPIO_PORT_B, 12}; /* SW1: active low, needs the pull-up */
#define BUTTON_ACTIVE_LOW 1
#elif defined(BOARD_OLIMEX)
#define CONSOLE_UART      4
static const struct pin leds[] = {{GPIO_PORT_B, 8}, {GPIO_PORT_B, 9}, {GPIO_PORT_B, 10}};
static const struct pin button = {GPIO_PORT_B, 12}; /* BUT1: active low */
#define BUTTON_ACTIVE_LOW 1
#else
#error "define BOARD_WIFIRE, BOARD_DM320007 or BOARD_OLIMEX"
#endif

#define NLEDS (sizeof(leds) / sizeof(leds[0]))

static void led(unsigned i, bool on)
{
    PORT_REG(leds[i].port, LATx + (on ? SFR_SET : SFR_CLR)) = 1u << leds[i].bit;
}

static bool pressed(void)
{
    bool level = (PORT_REG(button.port, PORTx) >> button.bit) & 1;
    return level != BUTTON_ACTIVE_LOW;
}

int main(void)
{
    for (unsigned i = 0; i < NLEDS; i++) {
        led(i, false);
        PORT_REG(leds[i].port, TRISx + SFR_CLR) = 1u << leds[i].bit;
    }
    /* A digital input: ANSEL off (its reset value is 1 on analog-capable pins, §5.1). */
    PORT_REG(button.port, ANSELx + SFR_CLR) = 1u << button.bit;
    PORT_REG(button.port, TRISx + SFR_SET) = 1u << button.bit;
    if (BUTTON_ACTIVE_LOW)
        PORT_REG(button.port, CNPUx + SFR_SET) = 1u << button.bit;

    uart_open(CONSOLE_UART);
    uart_puts("blink ready\n");
    while (!(REG32(UART_PHYS(CONSOLE_UART) + UxSTA) & UxSTA_TRMT))
        ;
    unsigned k = 0;
    uint32_t t = core_count();
    for (;;) {
        bool all = pressed();
        for (unsigned i = 0; i < NLEDS; i++)
            led(i, all || i == k);
        while (core_count() - t < COUNT_PER_MS)
            ;
        t += COUNT_PER_MS;
        if (!all)
            k = (k + 1) % NLEDS;
    }
}
