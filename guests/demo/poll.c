/*
 * Demo guest 1: an ordinary polling PIC32MZ program (interrupts stay off: Status.IE = 0).
 * Every step it waits for its core-timer Compare with WAIT, which ends with IE = 0 when the
 * timer's request is pending and unmasked (MD00090 WAIT, Config7.WII).  Then it toggles the first
 * LED (LD1 on the Wi-FIRE), prints its symbol, and polls the console: a character typed to it
 * becomes its symbol.  It runs the same bare-metal and under tinyVP (`irqpolling = 1`).
 */
#include "../rt/pic32mz.h"
#include "board.h"

#define STEP_MS 500

int main(void)
{
    board_console_init();
    board_led_init(0);
    console_puts("\nguest 1: polling demo on " BOARD_NAME ": blinks ");
    console_puts(board_leds[0].name);
    console_puts(", prints its symbol; type a character to change it\n");
    char symbol = '*';
    uint32_t next = core_count();
    /* The core timer's request reaches the core (priority 1), which never takes it. */
    /* The program never leaves BEV = 1, so the core is in compatibility interrupt mode: the
     * timer requests through Cause.IP7, and WAIT with IE = 0 ends when IM7 lets it through
     * (MD00090 Status.IM, WAIT with Config7.WII). */
    mtc0(12, 0, mfc0(12, 0) | (0x80u << STATUS_IM_SHIFT));
    for (uint32_t step = 1;; step++) {
        next += STEP_MS * (CORE_TIMER_HZ / 1000);
        mtc0(11, 0, next); /* Compare: withdraws the timer's request (pic32mz-ef.md §3.5) */
        while ((int32_t)(core_count() - next) < 0)
            __asm__ volatile("wait");
        for (int c; (c = board_console_getc()) >= 0;)
            if (c > ' ' && c < 0x7F)
                symbol = (char)c;
        board_led_set(0, step & 1);
        console_puts("guest 1: ");
        console_putc(symbol);
        console_putc('\n');
    }
}
