/* Per-VM state of the emulated console UART (architecture.md "Shared console"). */
#ifndef HV_EMUL_VUART_H
#define HV_EMUL_VUART_H

#include <stdint.h>

#define VUART_LINE 80 /* a line is printed whole; longer ones are cut here */
#define VUART_RXQ 16

struct vuart {
    uint32_t mode, sta, brg;
    uint8_t line[VUART_LINE];
    uint8_t line_len;
    uint8_t rx[VUART_RXQ];
    uint8_t rx_head, rx_count;
};

struct vm;

void vuart_reset(struct vuart *u);
/* Prints what the VM has buffered (at the end of a line, or when it loses the CPU). */
void vuart_flush(struct vm *vm);

#endif
