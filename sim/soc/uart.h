/*
 * PIC32MZ UART model (pic32mz-ef.md §4).  This first version is the minimal console: UxMODE,
 * UxSTA with a transmitter that is always ready (UTXBF=0, TRMT=1), UxTXREG to the host, UxBRG;
 * with CLR/SET/INV.  FIFOs, receive, baud timing and interrupts come with the peripherals.
 */
#ifndef SIM_UART_H
#define SIM_UART_H

#include <stdint.h>

struct bus;

struct uart {
    unsigned index; /* 1..6 */
    uint32_t mode, sta, brg;
    void (*tx)(void *ctx, uint8_t byte);
    void *tx_ctx;
};

int uart_attach(struct uart *u, struct bus *b, unsigned index,
                void (*tx)(void *ctx, uint8_t byte), void *tx_ctx);

#endif
