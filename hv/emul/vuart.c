/*
 * The console UART as each VM sees it (pic32mz-ef.md §4): its own UxMODE/UxSTA/UxBRG, a
 * transmit buffer the shared console prints from line by line (emul/console.c), a receive
 * FIFO fed by the console's input switch, and the UART's fault/RX/TX interrupts raised in
 * the VM's own EVIC with the chip's URXISEL/UTXISEL conditions (§4.3, §4.4).
 */
#include "vuart.h"

#include "core/irq.h"
#include "core/vm.h"
#include "emul/console.h"
#include "emul/emul.h"
#include "soc/sfr.h"
#include "soc/uart.h"

void vuart_reset(struct vuart *u)
{
    console_finish_line(u); /* a line already going out ends whole (VM restart) */
    *u = (struct vuart){0};
}

void vuart_flush(struct vm *vm)
{
    (void)vm;
    console_pump();
}

/* The VM's console window tells which UART it believes it has, hence its IRQ numbers. */
static unsigned fault_irq(const struct vm *vm)
{
    static const uint8_t fault[UART_COUNT] = {UART1_IRQ_FAULT, UART2_IRQ_FAULT, UART3_IRQ_FAULT,
                                              UART4_IRQ_FAULT, UART5_IRQ_FAULT, UART6_IRQ_FAULT};
    for (unsigned k = 0; k < vm->cfg->n_mmio; k++) {
        const struct tvp_mmio *m = &vm->cfg->mmio[k];
        unsigned n = (m->gpa - UART_PHYS(1)) / UART_BLOCK_SIZE;
        if (m->emulator == TVP_EMUL_CONSOLE && n < UART_COUNT)
            return fault[n];
    }
    return 0;
}

static void raise_if_owned(struct vm *vm, unsigned irq)
{
    if ((vm->cfg->irq_emulated[irq >> 5] >> (irq & 31)) & 1u)
        irq_raise(vm, irq);
}

void vuart_irq_update(struct vm *vm)
{
    static const uint8_t rx_need[4] = {1, 4, 6, 0}; /* URXISEL 00, 01, 10; 11 reserved */
    struct vuart *u = &vm->uart;
    unsigned irq = fault_irq(vm);
    if (!irq || !(u->mode & UxMODE_ON))
        return;
    if (u->sta & UxSTA_OERR)
        raise_if_owned(vm, irq);
    unsigned need = rx_need[(u->sta & UxSTA_URXISEL) >> UxSTA_URXISEL_SHIFT];
    if (need && u->rx_count >= need)
        raise_if_owned(vm, UART_IRQ_RX(irq));
    if (u->sta & UxSTA_UTXEN) {
        bool tx;
        switch ((u->sta & UxSTA_UTXISEL) >> UxSTA_UTXISEL_SHIFT) {
        case UTXISEL_SPACE: tx = u->tx_count < VUART_TXBUF; break;
        case UTXISEL_ALL_SENT: /* everything handed to the terminal */
        case UTXISEL_EMPTY: tx = u->tx_count == 0; break;
        default: tx = false; break;
        }
        if (tx)
            raise_if_owned(vm, UART_IRQ_TX(irq));
    }
}

bool vuart_rx_push(struct vm *vm, uint8_t c)
{
    struct vuart *u = &vm->uart;
    if (!(u->mode & UxMODE_ON) || !(u->sta & UxSTA_URXEN))
        return false;
    if (u->rx_count == VUART_RXQ) {
        u->sta |= UxSTA_OERR;
    } else {
        u->rx[(u->rx_head + u->rx_count) % VUART_RXQ] = c;
        u->rx_count++;
    }
    vuart_irq_update(vm);
    return true;
}

bool vuart_tx_ready(const struct vuart *u)
{
    return u->tx_lines || u->tx_count == VUART_TXBUF;
}

bool vuart_tx_pop(struct vuart *u, uint8_t *c)
{
    if (!u->tx_count)
        return false;
    *c = u->tx[u->tx_head];
    u->tx_head = (uint8_t)((u->tx_head + 1) % VUART_TXBUF);
    u->tx_count--;
    if (*c == '\n')
        u->tx_lines--;
    return true;
}

/* Guest output must not command the terminal: C0 controls other than TAB, LF, CR, BS and BEL,
 * and DEL, are shown as '?'.  ESC sequences and ENQ make terminals answer (cursor reports,
 * answerback) into whichever VM owns the input, or redraw what other VMs printed
 * (tests/isolation con/control-chars, con/eot-output).  Bytes from 0x80 pass for UTF-8 text
 * (docs/security.md: a terminal set to 8-bit C1 controls would obey 0x9B). */
static uint8_t printable(uint8_t c)
{
    bool ok = c >= 0x20 || c == '\t' || c == '\n' || c == '\r' || c == '\b' || c == '\a';
    return ok && c != 0x7F ? c : '?';
}

void vuart_putc(struct vm *vm, uint8_t c)
{
    struct vuart *u = &vm->uart;
    c = printable(c);
    if (u->tx_count == VUART_TXBUF)
        return; /* UTXBF = 1: a write to a full buffer is lost on the chip too */
    u->tx[(u->tx_head + u->tx_count) % VUART_TXBUF] = c;
    u->tx_count++;
    if (c == '\n')
        u->tx_lines++;
    if (vuart_tx_ready(u))
        console_pump();
}

static uint32_t status(const struct vuart *u)
{
    uint32_t v = (u->sta & ~(UxSTA_URXDA | UxSTA_UTXBF | UxSTA_TRMT | UxSTA_RIDLE)) | UxSTA_RIDLE;
    if (u->rx_count)
        v |= UxSTA_URXDA;
    if (u->tx_count == VUART_TXBUF)
        v |= UxSTA_UTXBF;
    if (!u->tx_count)
        v |= UxSTA_TRMT;
    return v;
}

static void write_sta(struct vuart *u, const struct emul_reg *r)
{
    uint32_t next = emul_apply(u->sta, r, UxSTA_WRITABLE | UxSTA_OERR);
    if ((u->sta & UxSTA_OERR) && !(next & UxSTA_OERR)) {
        u->rx_count = 0; /* clearing OERR empties the receive FIFO (pic32mz-ef.md §4.3) */
        u->rx_head = 0;
    }
    /* OERR may only be cleared by software. */
    u->sta = (next & ~UxSTA_OERR) | (next & u->sta & UxSTA_OERR);
}

bool vuart_access(struct vm *vm, struct emul_reg *r)
{
    struct vuart *u = &vm->uart;
    if (r->reg > UxBRG)
        return false;
    if (r->write) {
        switch (r->reg) {
        case UxMODE: u->mode = emul_apply(u->mode, r, UxMODE_WRITABLE); break;
        case UxSTA: write_sta(u, r); break;
        case UxBRG: u->brg = emul_apply(u->brg, r, 0xFFFFu); break;
        case UxTXREG:
            /* No CLR/SET/INV for TXREG (pic32mz-ef.md §2.1): only the register itself. */
            if (!r->alias && (r->lanes & 0xFFu) && (u->mode & UxMODE_ON) && (u->sta & UxSTA_UTXEN))
                vuart_putc(vm, (uint8_t)r->value);
            break;
        default: break; /* RXREG is read-only */
        }
        vuart_irq_update(vm);
        return true;
    }
    if (r->alias) {
        r->value = 0; /* CLR/SET/INV addresses read as 0 (pic32mz-ef.md §2.1) */
        return true;
    }
    switch (r->reg) {
    case UxMODE: r->value = u->mode; break;
    case UxSTA: r->value = status(u); break;
    case UxBRG: r->value = u->brg; break;
    case UxRXREG:
        r->value = 0;
        if (u->rx_count && (r->lanes & 0xFFu)) {
            r->value = u->rx[u->rx_head];
            u->rx_head = (uint8_t)((u->rx_head + 1) % VUART_RXQ);
            u->rx_count--;
        }
        break;
    default: r->value = 0; break; /* TXREG reads 0 */
    }
    return true;
}
