/* Tiny helpers for bare-metal PIC32MZ programs: register access, the core timer, a console. */
#ifndef GUEST_RT_PIC32MZ_H
#define GUEST_RT_PIC32MZ_H

#include <stdint.h>

#include "soc/cp0.h"
#include "soc/memmap.h"
#include "soc/sfr.h"
#include "soc/uart.h"

#define REG32(pa) (*(volatile uint32_t *)KSEG1(pa))

#define mfc0(reg, sel)                                                                             \
    ({                                                                                             \
        uint32_t v_;                                                                               \
        __asm__ volatile("mfc0 %0, $" #reg ", " #sel : "=r"(v_));                                  \
        v_;                                                                                        \
    })
#define mtc0(reg, sel, v) __asm__ volatile("mtc0 %0, $" #reg ", " #sel "; ehb" ::"r"(v))

/* Core timer: Count runs at SYSCLK/2 = 100 MHz on a 200 MHz part (pic32mz-ef.md §6.1). */
#define CORE_TIMER_HZ 100000000u

static inline uint32_t core_count(void)
{
    return mfc0(9, 0);
}

void console_init(unsigned uart);
void console_putc(char c);
void console_puts(const char *s);
void console_putdec(uint32_t v);

#endif
