/*
 * PIC32MZ UART model (pic32mz-ef.md §4; PIC32 FRM Section 21): UxMODE, UxSTA, UxBRG with
 * CLR/SET/INV, UxTXREG/UxRXREG without; 8-deep TX and RX FIFOs; a transmit shift register that
 * takes the time the baud rate says (or no time, `instant`); loopback; fault/RX/TX interrupt
 * requests per URXISEL/UTXISEL to the EVIC.
 *
 * Host side (console, pty, scripts):
 * - `tx(tx_ctx, byte)` is called when a character leaves the shift register (low 8 bits of a
 *   9-bit character; a break character is not reported).  It is called in loopback too: the
 *   UxTX pin keeps working (FRM 21 "Loopback mode").
 * - `uart_rx_push()` offers one received byte.  It returns false when the UART cannot take it
 *   now: module off, receiver disabled, loopback on, a character still being shifted in
 *   (with baud timing the receiver takes one character per character time), or the RX FIFO
 *   full.  The host keeps the byte and retries when `rx_space(rx_ctx)` is called: that hook
 *   fires whenever the receiver becomes able to take a byte (firmware read UxRXREG, the
 *   previous character finished, the receiver or the module was enabled, OERR was cleared,
 *   loopback was switched off).  The hook may call uart_rx_push() directly.
 *   A byte accepted by the host path never overruns: overruns (OERR) come only from loopback,
 *   where the transmitter does not wait.
 * - `uart_rx_enabled()` tells whether firmware has the receiver on at all (the host may choose
 *   to drop input while it is not).
 */
#ifndef SIM_UART_H
#define SIM_UART_H

#include <stdbool.h>
#include <stdint.h>

#include "devenv.h"
#include "events.h"

struct bus;

#define UART_FIFO_DEPTH 8 /* TX and RX (pic32mz-ef.md §4.4) */

struct uart {
    unsigned index;     /* 1..6 */
    unsigned irq_fault; /* fault, RX = +1, TX = +2 (pic32mz-ef.md §4.1) */
    struct dev_env env;
    uint32_t mode, sta, brg; /* sta: the stored bits only (control bits and OERR) */

    uint16_t txf[UART_FIFO_DEPTH];
    unsigned tx_head, tx_count;
    bool tsr_busy, tsr_break;
    uint16_t tsr;
    struct sim_event tx_ev;

    struct {
        uint16_t data;
        uint8_t err; /* UxSTA_FERR | UxSTA_PERR of this character */
    } rxf[UART_FIFO_DEPTH];
    unsigned rx_head, rx_count;
    bool rsr_busy; /* a host byte being shifted in */
    uint16_t rsr;
    struct sim_event rx_ev;

    bool instant;    /* characters take no time (machine option) */
    unsigned pb_div; /* cycles per PBCLK2 tick */
    bool line[3];    /* last levels driven: fault, RX, TX */

    void (*tx)(void *ctx, uint8_t byte);
    void *tx_ctx;
    void (*rx_space)(void *ctx);
    void *rx_ctx;
};

/* Registers UART `index` (1..6) on the bus, in its reset state, with its host tx hook. */
int uart_attach(struct uart *u, struct bus *b, unsigned index, void (*tx)(void *ctx, uint8_t byte),
                void *tx_ctx);
/* Connects it to the chip (EVIC, events, time); until then characters take no time and raise
 * no interrupts. */
void uart_connect(struct uart *u, const struct dev_env *env);
/* Power-on reset: registers 0, FIFOs empty, nothing in flight. */
void uart_reset(struct uart *u);
void uart_set_tx(struct uart *u, void (*tx)(void *ctx, uint8_t byte), void *ctx);
void uart_set_rx_space(struct uart *u, void (*rx_space)(void *ctx), void *ctx);
/* Characters take no simulated time (TRMT is 1 again right after the write). */
void uart_set_instant(struct uart *u, bool instant);
/* PBCLK2 = SYSCLK / div (the oscillator model calls this when PB2DIV changes). */
void uart_set_pbclk_div(struct uart *u, unsigned div);

/* Sends everything in the TSR and the TX buffer now (the run ends: what firmware handed to
 * the UART still reaches the host). */
void uart_drain(struct uart *u);

bool uart_rx_push(struct uart *u, uint8_t byte);
bool uart_rx_enabled(const struct uart *u);
/* Simulated cycles one character takes with the current UxMODE/UxBRG settings. */
uint64_t uart_char_cycles(const struct uart *u);

#endif
