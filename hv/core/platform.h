/* What tinyVP's core needs from the SoC (hv/platform/<soc>/). */
#ifndef HV_CORE_PLATFORM_H
#define HV_CORE_PLATFORM_H

#include <stdint.h>

/* Board and SoC set-up from tvpconf's tables: unlock, PMD, setup writes, bus-arbiter fences,
 * CFGPG, lock; the console UART; the interrupt controller with the core timer enabled. */
void platform_init(void);
/* The root interrupt handler's body: acknowledges and handles the pending interrupt. */
void platform_irq(void);
void platform_console_putc(char c);
void platform_console_write(const uint8_t *s, unsigned n);

#endif
