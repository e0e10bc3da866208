/*
 * Demo guest 2: an ordinary interrupt-driven PIC32MZ program.  The EVIC runs in multi-vector
 * mode with the guest's own vector offsets (guests/rt/irq.h): the core timer (EVIC vector 0)
 * paces the steps and the console's receive interrupt takes typed characters, which become
 * the guest's symbol.  The main loop sleeps in WAIT; at each step it moves the LED pattern
 * over the board's other LEDs (LD2-LD3-LD4 on the Wi-FIRE) and prints its symbol.  On the
 * Olimex board Timer2 paces the steps instead (its configuration routes IRQ 9 to this guest).
 */
#include "../rt/irq.h"
#include "../rt/pic32mz.h"
#include "board.h"
#include "soc/timer.h"

#define STEP_MS 300

static volatile uint32_t steps;
static volatile char symbol = '#';

#if defined(BOARD_OLIMEX)
/* Timer2 from PBCLK3 (100 MHz at reset, pic32mz-ef.md §2.7, §6.2) through 1:256: a 100 ms
 * period, three periods a step. */
#define T2_HZ (100000000u / 256u)
static void timer_handler(unsigned vec)
{
    static unsigned periods;
    irq_clear(vec);
    if (++periods % (STEP_MS / 100) == 0)
        steps++;
}

static void timer_start(void)
{
    REG32(TIMER_PHYS(2) + TxCON) = 7u << TBCON_TCKPS_SHIFT;
    REG32(TIMER_PHYS(2) + TMRx) = 0;
    REG32(TIMER_PHYS(2) + PRx) = T2_HZ / 10 - 1;
    irq_connect(IRQ_TIMER2, timer_handler, 2, 0);
    REG32(TIMER_PHYS(2) + TxCON + SFR_SET) = TCON_ON;
}
#else
static uint32_t next;
static void timer_handler(unsigned vec)
{
    next += STEP_MS * (CORE_TIMER_HZ / 1000);
    mtc0(11, 0, next); /* a new Compare withdraws the request (pic32mz-ef.md §3.5) */
    irq_clear(vec);
    steps++;
}

static void timer_start(void)
{
    next = core_count() + STEP_MS * (CORE_TIMER_HZ / 1000);
    mtc0(11, 0, next);
    irq_connect(IRQ_CORE_TIMER, timer_handler, 2, 0);
}
#endif

static void rx_handler(unsigned vec)
{
    for (int c; (c = board_console_getc()) >= 0;)
        if (c > ' ' && c < 0x7F)
            symbol = (char)c;
    irq_clear(vec); /* persistent source: after the FIFO is empty (§3.5) */
}

int main(void)
{
    board_console_init();
    for (unsigned i = 1; i < BOARD_NLEDS; i++)
        board_led_init(i);
    console_puts("\nguest 2: interrupt-driven demo on " BOARD_NAME ": LED pattern on ");
    for (unsigned i = 1; i < BOARD_NLEDS; i++) {
        console_puts(board_leds[i].name);
        console_puts(i + 1 < BOARD_NLEDS ? "-" : "");
    }
    console_puts(", prints its symbol; type a character to change it\n");
    irq_setup(1);
    timer_start();
    irq_connect(board_console_rx_irq(), rx_handler, 3, 0); /* URXISEL = 00: any character */
    irq_enable();
    uint32_t seen = 0;
    for (;;) {
        if (steps == seen) {
            __asm__ volatile("wait"); /* until the next interrupt */
            continue;
        }
        seen = steps;
        unsigned lit = 1 + seen % (BOARD_NLEDS - 1);
        for (unsigned i = 1; i < BOARD_NLEDS; i++) /* the others off first, then the next */
            if (i != lit)
                board_led_set(i, 0);
        board_led_set(lit, 1);
        console_puts("guest 2: ");
        console_putc(symbol);
        console_putc('\n');
    }
}
