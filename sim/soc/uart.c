/* Minimal PIC32MZ console UART (see uart.h for the scope of this version). */
#include "uart.h"

#include "bus.h"
#include "sfr_reg.h"
#include "soc/memmap.h"
#include "soc/uart.h"

static bool uart_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct uart *u = opaque;
    uint32_t reg;
    switch (off & ~0xFu) {
    case UxMODE: reg = u->mode; break;
    case UxSTA: reg = u->sta | UxSTA_TRMT | UxSTA_RIDLE; break; /* UTXBF = 0: always ready */
    case UxBRG: reg = u->brg; break;
    case UxTXREG: reg = 0; break;
    case UxRXREG: reg = 0; break;
    default: return false;
    }
    if (off & SFR_ALIAS_MASK)
        reg = 0; /* CLR/SET/INV addresses read as 0 (pic32mz-ef.md §2.1: treated write-only) */
    *val = reg >> (8 * (off & 3));
    if (size < 4)
        *val &= (1u << (8 * size)) - 1;
    return true;
}

static bool uart_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct uart *u = opaque;
    uint32_t lanes;
    uint32_t v = sfr_widen(off, size, val, &lanes);
    switch (off & ~0xFu) {
    case UxMODE: u->mode = sfr_apply(u->mode, off, v, UxMODE_WRITABLE & lanes); return true;
    case UxSTA: u->sta = sfr_apply(u->sta, off, v, UxSTA_WRITABLE & lanes); return true;
    case UxBRG: u->brg = sfr_apply(u->brg, off, v, 0xFFFFu & lanes); return true;
    case UxTXREG:
        if ((off & 0xF) == 0 && (u->mode & UxMODE_ON) && (u->sta & UxSTA_UTXEN) && (lanes & 0xFF))
            u->tx(u->tx_ctx, (uint8_t)v);
        return true; /* no CLR/SET/INV for TXREG: those addresses take no effect */
    case UxRXREG: return true;
    default: return false;
    }
}

int uart_attach(struct uart *u, struct bus *b, unsigned index,
                void (*tx)(void *ctx, uint8_t byte), void *tx_ctx)
{
    *u = (struct uart){.index = index, .tx = tx, .tx_ctx = tx_ctx};
    struct bus_device d = {
        .name = "uart",
        .base = UART_PHYS(index),
        .size = 0x50, /* MODE..BRG with their aliases */
        .opaque = u,
        .read = uart_read,
        .write = uart_write,
    };
    return bus_add_device(b, &d);
}
