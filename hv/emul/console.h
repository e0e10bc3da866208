/*
 * The shared console (architecture.md "Shared console"): the VMs' output reaches the
 * terminal line by line from their buffers; the terminal's input goes to one owner at a time,
 * root (0) by default, switched by EOT (0x04, Ctrl-D) followed by the owner's digit.
 */
#ifndef HV_EMUL_CONSOLE_H
#define HV_EMUL_CONSOLE_H

#include <stdbool.h>

struct vuart;

#define CONSOLE_EOT  0x04
#define CONSOLE_BELL 0x07

/* Input on (the root's receive interrupt). */
void console_init(void);
/* The root console UART's RX/TX interrupts; false for any other IRQ. */
bool console_irq(unsigned irq);
/* Moves whole lines from the VMs' buffers to the UART as far as it has room; enables the
 * UART's TX interrupt while output is left. */
void console_pump(void);
/* If u's line is going out, hand the rest of it to the UART now (u is being reset). */
void console_finish_line(const struct vuart *u);
/* Root is about to write to the terminal itself: first finish the VM line going out. */
void console_root_output(void);
/* One character from the terminal. */
void console_input(char c);
/* Input owner: 0 = root, else a VM id. */
unsigned console_input_owner(void);
/* A character of input while root owns it: for the root console (a weak default drops it). */
void console_root_input(char c);

/* What the platform provides (hv/platform/<soc>/): the console UART, without waiting. */
void platform_console_irqs(unsigned *rx, unsigned *tx);
bool platform_console_try_putc(char c);
bool platform_console_getc(char *c); /* false when nothing was received */
void platform_console_tx_irq(bool on);

#endif
