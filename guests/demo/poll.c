/*
 * Demo guest 1: an ordinary polling PIC32MZ program (interrupts stay off).  Every step it
 * waits for its core-timer Compare with WAIT (the core wakes from WAIT with IE = 0 when the
 * timer's request is pending: MD00090 WAIT, Config7.WII), toggles the first LED (LD1 on the
 * Wi-FIRE), prints its symbol, and polls the console: a character typed to it becomes its
 * symbol.  It runs the same bare-metal and under tinyVP (docs/porting.md).
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
    for (uint32_t step = 1;; step++) {
        next += STEP_MS * (CORE_TIMER_HZ / 1000);
        mtc0(11, 0, next); /* Compare: also clears the timer's request */
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
