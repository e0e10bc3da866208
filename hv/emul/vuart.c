/*
 * The console UART as each VM sees it (pic32mz-ef.md §4): its own UxMODE/UxSTA/UxBRG, a
 * transmit path that collects a line and prints it whole on the real console, and a receive
 * queue fed by the root console.  The transmitter is never full towards the guest: output is
 * absorbed into the line buffer and printed when the line ends or the VM loses the CPU.
 */
#include "vuart.h"

#include "core/platform.h"
#include "core/vm.h"
#include "emul/emul.h"
#include "soc/sfr.h"
#include "soc/uart.h"

void vuart_reset(struct vuart *u)
{
    *u = (struct vuart){0};
}

void vuart_flush(struct vm *vm)
{
    struct vuart *u = &vm->uart;
    if (u->line_len)
        platform_console_write(u->line, u->line_len);
    u->line_len = 0;
}

static void tx(struct vm *vm, uint8_t c)
{
    struct vuart *u = &vm->uart;
    u->line[u->line_len++] = c;
    if (c == '\n' || u->line_len == VUART_LINE)
        vuart_flush(vm);
}

static uint32_t apply(uint32_t reg, uint32_t off, uint32_t val, uint32_t writable)
{
    uint32_t next = (off & SFR_ALIAS_MASK) == SFR_CLR   ? reg & ~val
                    : (off & SFR_ALIAS_MASK) == SFR_SET ? reg | val
                    : (off & SFR_ALIAS_MASK) == SFR_INV ? reg ^ val
                                                        : val;
    return (reg & ~writable) | (next & writable);
}

bool vuart_access(struct vm *vm, struct mmio_access *a)
{
    struct vuart *u = &vm->uart;
    uint32_t reg = a->offset & ~0xFu;
    if (a->size != 4 && reg != UxTXREG && reg != UxRXREG)
        return false; /* sub-word SFR accesses: not modelled (a chip allows them) */
    if (a->write) {
        switch (reg) {
        case UxMODE: u->mode = apply(u->mode, a->offset, a->value, UxMODE_WRITABLE); break;
        case UxSTA: u->sta = apply(u->sta, a->offset, a->value, UxSTA_WRITABLE); break;
        case UxBRG: u->brg = apply(u->brg, a->offset, a->value, 0xFFFFu); break;
        case UxTXREG:
            if ((a->offset & 0xF) == 0 && (u->mode & UxMODE_ON) && (u->sta & UxSTA_UTXEN))
                tx(vm, (uint8_t)a->value);
            break;
        case UxRXREG: break;
        default: return false;
        }
        return true;
    }
    if (a->offset & SFR_ALIAS_MASK) {
        a->value = 0; /* CLR/SET/INV addresses read as 0 (pic32mz-ef.md §2.1) */
        return reg <= UxBRG;
    }
    switch (reg) {
    case UxMODE: a->value = u->mode; break;
    case UxSTA:
        a->value = u->sta | UxSTA_TRMT | UxSTA_RIDLE | (u->rx_count ? UxSTA_URXDA : 0);
        break;
    case UxBRG: a->value = u->brg; break;
    case UxTXREG: a->value = 0; break;
    case UxRXREG:
        a->value = 0;
        if (u->rx_count) {
            a->value = u->rx[u->rx_head];
            u->rx_head = (uint8_t)((u->rx_head + 1) % VUART_RXQ);
            u->rx_count--;
        }
        break;
    default: return false;
    }
    return true;
}
