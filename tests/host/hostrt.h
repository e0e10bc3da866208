/* Tiny runtime of the tests/host programs: register access, the core timer, a polled UART. */
#ifndef TESTS_HOST_HOSTRT_H
#define TESTS_HOST_HOSTRT_H

#include <stdbool.h>
#include <stdint.h>

#include "soc/gpio.h"
#include "soc/memmap.h"
#include "soc/sfr.h"
#include "soc/uart.h"

#define REG32(pa)        (*(volatile uint32_t *)KSEG1(pa))
#define PORT_REG(k, off) REG32(GPIO_PORT_PHYS(k) + (off))

/* Core timer: Count runs at SYSCLK/2 = 100 MHz (pic32mz-ef.md §6.1). */
#define COUNT_PER_MS 100000u

static inline uint32_t core_count(void)
{
    uint32_t v;
    __asm__ volatile("mfc0 %0, $9, 0" : "=r"(v));
    return v;
}

static inline void delay_counts(uint32_t n)
{
    uint32_t t0 = core_count();
    while (core_count() - t0 < n)
        ;
}

void uart_open(unsigned uart);
void uart_putc(char c);
void uart_puts(const char *s);
bool uart_ready(void);
char uart_getc(void);

#endif
