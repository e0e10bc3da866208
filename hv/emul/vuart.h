/* Per-VM state of the emulated console UART (architecture.md "Shared console"). */
#ifndef HV_EMUL_VUART_H
#define HV_EMUL_VUART_H

#include <stdbool.h>
#include <stdint.h>

/* The VM's transmit buffer: the console prints from it line by line (emul/console.c); when
 * it is full the guest sees UTXBF = 1 and waits, so a slow terminal throttles it and nothing
 * is dropped.  A line longer than the buffer is printed in pieces. */
#define VUART_TXBUF 128
/* The receive FIFO.  Deeper than the chip's 8 (pic32mz-ef.md §4.4) so that a line typed at
 * once is not lost; the URXISEL levels keep the chip's counts (1, 4, 6). */
#define VUART_RXQ 16

struct vuart {
    uint32_t mode, sta, brg;
    uint8_t tx[VUART_TXBUF];
    uint8_t tx_head, tx_count, tx_lines; /* tx_lines: '\n' characters in the buffer */
    uint8_t rx[VUART_RXQ];
    uint8_t rx_head, rx_count;
};

struct vm;

void vuart_reset(struct vuart *u);
/* Called when the VM loses the CPU or stops: its lines keep waiting in its buffer until
 * whole (the console prints only whole lines), so there is nothing to do but move output. */
void vuart_flush(struct vm *vm);
/* Flags the VM's UART interrupts whose condition holds (UTXISEL/URXISEL, OERR; all three are
 * persistent sources, pic32mz-ef.md §3.5). */
void vuart_irq_update(struct vm *vm);
/* A character from the terminal for this VM: queued in its receive FIFO; with the FIFO full it
 * is lost and OERR is set, as on the chip.  False when the receiver is off (dropped). */
bool vuart_rx_push(struct vm *vm, uint8_t c);
/* For the console: has the VM a whole line (or a full buffer) to print?  Next character. */
bool vuart_tx_ready(const struct vuart *u);
bool vuart_tx_pop(struct vuart *u, uint8_t *c);
/* A character the VM sends (UxTXREG, HCALL_PUTC) into its buffer; lost when it is full. */
void vuart_putc(struct vm *vm, uint8_t c);

#endif
