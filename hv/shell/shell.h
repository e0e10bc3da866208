/* The root console (docs/console.md): what root does with the terminal input it owns. */
#ifndef HV_SHELL_SHELL_H
#define HV_SHELL_SHELL_H

#include <stdint.h>

struct vm;

/* One character of root input: a digit selects a VM for the next command, a letter is a
 * command.  Runs with interrupts off (an exception handler, or shell_thread locked). */
void shell_input(char c);

/* Printouts (status.c): the VM's state, or every VM's with vm = NULL; the interrupt
 * controller, physical and each VM's emulated one. */
void shell_print_status(const struct vm *vm);
void shell_print_interrupts(void);

/* System time in milliseconds (64-bit division without libgcc's, which tinyVP cannot link). */
uint32_t shell_time_ms(void);

/* Root threads the configuration may name (`.thread` entry =). */
void shell_thread(void); /* runs the console's commands, queued by the RX interrupt */
void clock_thread(void); /* prints the system time once a second */

#endif
