/* Polled UART for the tests/host programs (pic32mz-ef.md §4.1-§4.4). */
#include "hostrt.h"

static uint32_t base;

void uart_open(unsigned uart)
{
    base = UART_PHYS(uart);
    REG32(base + UxBRG) = 216; /* 115200 baud from PBCLK2 = 100 MHz with BRGH = 1 (§4.4) */
    REG32(base + UxMODE) = UxMODE_ON | UxMODE_BRGH;
    REG32(base + UxSTA + SFR_SET) = UxSTA_UTXEN | UxSTA_URXEN;
}

void uart_putc(char c)
{
    while (REG32(base + UxSTA) & UxSTA_UTXBF)
        ;
    REG32(base + UxTXREG) = (uint8_t)c;
}

void uart_puts(const char *s)
{
    while (*s) {
        if (*s == '\n')
            uart_putc('\r');
        uart_putc(*s++);
    }
}

bool uart_ready(void)
{
    return REG32(base + UxSTA) & UxSTA_URXDA;
}

char uart_getc(void)
{
    while (!uart_ready())
        ;
    return (char)REG32(base + UxRXREG);
}
