/* Polled console on a PIC32MZ UART (pic32mz-ef.md §4): enable, then write when not full. */
#include "pic32mz.h"

static uint32_t console_base;

void console_init(unsigned uart)
{
    console_base = UART_PHYS(uart);
    REG32(console_base + UxBRG) = 216; /* 115200 baud from a 100 MHz PBCLK2 with BRGH=1 */
    REG32(console_base + UxMODE) = UxMODE_ON | UxMODE_BRGH;
    REG32(console_base + UxSTA + SFR_SET) = UxSTA_UTXEN | UxSTA_URXEN;
}

void console_putc(char c)
{
    if (c == '\n')
        console_putc('\r');
    while (REG32(console_base + UxSTA) & UxSTA_UTXBF)
        ;
    REG32(console_base + UxTXREG) = (uint8_t)c;
}

void console_puts(const char *s)
{
    while (*s)
        console_putc(*s++);
}

void console_putdec(uint32_t v)
{
    char buf[11];
    int i = 10;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    console_puts(&buf[i]);
}
