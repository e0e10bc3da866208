/*
 * PIC32MZ UART (pic32mz-ef.md §4; PIC32 FRM Section 21 "UART").  Decisions where the fact sheet
 * is unsure, with the reasons:
 *
 * - FIFO depth 8 for TX and RX (§4.4, the Microchip-authored Linux driver).  The transmit
 *   shift register (TSR) is separate: a character written while the TSR is idle moves there at
 *   once, so 9 characters fit before UTXBF (FRM 21: the TSR is loaded from the buffer).
 * - Character time = bits x (BRGH ? 4 : 16) x (UxBRG + 1) PBCLK2 periods, bits = start + 8 or 9
 *   data + parity + 1 or 2 stop (§4.2, §4.4): 10 bits for 8N1.  A break (UTXBRK set when a
 *   character is loaded) is a start bit, twelve 0 bits and a stop bit (FRM 21 / PIC24 UxSTA
 *   UTXBRK text: 14 bit times); UTXBRK clears when the break has been sent, the data written to
 *   trigger it is not transmitted.  In loopback the receiver sees a break as 0x00 with FERR.
 * - Writes to UxTXREG while ON = 0 or UTXEN = 0 are ignored ("UTXEN = 0: transmit disabled,
 *   any pending transmission is aborted and buffer is reset", the UxSTA text of the PIC24/dsPIC
 *   UART the PIC32 one derives from); a write while the buffer is full is lost.
 * - Clearing UTXEN aborts the character in the TSR and empties the TX buffer (same text).
 * - ON 1 -> 0 empties both FIFOs, aborts both shift registers, clears OERR and UTXBRK;
 *   the control bits (UTXEN, URXEN, ...) keep their values.  The QEMU model does the same
 *   (§4.4, [QU]); keeping UTXEN/URXEN is what firmware that toggles ON to change the baud
 *   rate expects.  The status bits URXDA, UTXBF, TRMT, RIDLE, FERR, PERR are computed from the
 *   state, so they read as an idle, empty UART while ON = 0.
 * - OERR: a character that completes while the RX FIFO holds 8 sets OERR and is lost; while
 *   OERR is set nothing more is received, the 8 characters stay readable; clearing OERR (a
 *   1 -> 0 write through UxSTA or UxSTACLR) flushes the RX FIFO (§4.3, Harmony and Linux).
 *   Writing 1 to OERR does nothing (clear-only bit).
 * - URXISEL: 00 >= 1 character, 01 >= 4 (half of 8), 10 >= 6 (3/4 of 8), 11 reserved: never.
 *   UTXISEL: 00 a free slot, 01 TSR and buffer empty, 10 buffer empty, 11 reserved: never
 *   (§4.3).  The RX/TX requests exist while ON = 1, the TX request also needs UTXEN = 1 (a
 *   disabled transmitter has no buffer to report on).  All three sources are persistent
 *   (§3.5), which evic.c already knows: the line is the condition and IFSx re-asserts while
 *   it holds.
 * - Fault request: OERR, or FERR/PERR of the character at the top of the RX FIFO (§4.4).
 * - RIDLE = 1 unless a character is being received (host byte in flight, or in loopback a
 *   character in the TSR, which the receiver sees on the same wire).
 * - Address detect (ADDEN with PDSEL = 11): characters with bit 8 = 0 are not received.
 *   Auto-baud (ABAUD), IrDA, wake-up, RTS/CTS and the polarity bits are stored only.
 * - Reading the CLR/SET/INV addresses returns 0 (§2.1: treated as write-only), as evic.c does.
 */
#include "uart.h"

#include "bus.h"
#include "sfr_reg.h"
#include "soc/memmap.h"
#include "soc/uart.h"

enum { LINE_FAULT, LINE_RX, LINE_TX };

static bool on(const struct uart *u)
{
    return (u->mode & UxMODE_ON) != 0;
}

static bool loopback(const struct uart *u)
{
    return (u->mode & UxMODE_LPBACK) != 0;
}

static bool tx_enabled(const struct uart *u)
{
    return on(u) && (u->sta & UxSTA_UTXEN);
}

static bool rx_enabled(const struct uart *u)
{
    return on(u) && (u->sta & UxSTA_URXEN);
}

static unsigned data_bits(const struct uart *u)
{
    return ((u->mode & UxMODE_PDSEL) >> UxMODE_PDSEL_SHIFT) == 3 ? 9 : 8;
}

static uint64_t bit_cycles(const struct uart *u)
{
    uint64_t per_bit = (u->mode & UxMODE_BRGH) ? 4 : 16;
    return per_bit * ((uint64_t)(u->brg & 0xFFFF) + 1) * u->pb_div;
}

uint64_t uart_char_cycles(const struct uart *u)
{
    unsigned pdsel = (u->mode & UxMODE_PDSEL) >> UxMODE_PDSEL_SHIFT;
    unsigned bits =
        1 + data_bits(u) + (pdsel == 1 || pdsel == 2) + ((u->mode & UxMODE_STSEL) ? 2 : 1);
    return bits * bit_cycles(u);
}

static uint64_t break_cycles(const struct uart *u)
{
    return 14 * bit_cycles(u);
}

static void set_line(struct uart *u, unsigned which, bool level)
{
    u->line[which] = level;
    evic_set_irq(u->env.evic, u->irq_fault + which, level);
}

/* Recomputes the three request lines from the state (pic32mz-ef.md §4.3, §4.4). */
static void update_irqs(struct uart *u)
{
    bool fault = false, rx = false, tx = false;
    if (on(u)) {
        bool top_err = u->rx_count && u->rxf[u->rx_head].err;
        fault = (u->sta & UxSTA_OERR) || top_err;
        static const unsigned rx_need[4] = {1, 4, 6, 0};
        unsigned need = rx_need[(u->sta & UxSTA_URXISEL) >> UxSTA_URXISEL_SHIFT];
        rx = need && u->rx_count >= need;
        if (u->sta & UxSTA_UTXEN) {
            switch ((u->sta & UxSTA_UTXISEL) >> UxSTA_UTXISEL_SHIFT) {
            case UTXISEL_SPACE: tx = u->tx_count < UART_FIFO_DEPTH; break;
            case UTXISEL_ALL_SENT: tx = u->tx_count == 0 && !u->tsr_busy; break;
            case UTXISEL_EMPTY: tx = u->tx_count == 0; break;
            default: tx = false; break;
            }
        }
    }
    set_line(u, LINE_FAULT, fault);
    set_line(u, LINE_RX, rx);
    set_line(u, LINE_TX, tx);
}

static bool host_can_push(const struct uart *u)
{
    return rx_enabled(u) && !loopback(u) && !u->rsr_busy && !(u->sta & UxSTA_OERR) &&
           u->rx_count < UART_FIFO_DEPTH;
}

static void notify_rx_space(struct uart *u)
{
    if (u->rx_space && host_can_push(u))
        u->rx_space(u->rx_ctx);
}

/* A character has completed its stop bit at the receiver (FRM 21 "Receiving"). */
static void rx_complete(struct uart *u, uint16_t data, uint8_t err)
{
    if (!rx_enabled(u) || (u->sta & UxSTA_OERR))
        return;
    if ((u->sta & UxSTA_ADDEN) && data_bits(u) == 9 && !(data & 0x100))
        return; /* address-detect mode: only address characters are received */
    if (u->rx_count == UART_FIFO_DEPTH) {
        u->sta |= UxSTA_OERR;
        return;
    }
    unsigned slot = (u->rx_head + u->rx_count) % UART_FIFO_DEPTH;
    u->rxf[slot].data = data & (data_bits(u) == 9 ? 0x1FF : 0xFF);
    u->rxf[slot].err = err;
    u->rx_count++;
}

static void rx_flush(struct uart *u)
{
    u->rx_head = u->rx_count = 0;
    u->rsr_busy = false;
    dev_cancel(&u->env, &u->rx_ev);
}

static void tx_flush(struct uart *u)
{
    u->tx_head = u->tx_count = 0;
    u->tsr_busy = false;
    dev_cancel(&u->env, &u->tx_ev);
}

static void tx_finish(struct uart *u);

/* Moves the next character from the buffer into the idle TSR (FRM 21 "Transmitting"). */
static void tx_kick(struct uart *u)
{
    while (!u->tsr_busy && u->tx_count && tx_enabled(u)) {
        u->tsr = u->txf[u->tx_head];
        u->tx_head = (u->tx_head + 1) % UART_FIFO_DEPTH;
        u->tx_count--;
        u->tsr_busy = true;
        u->tsr_break = (u->sta & UxSTA_UTXBRK) != 0;
        if (u->instant || !u->env.events) {
            tx_finish(u);
            continue;
        }
        uint64_t len = u->tsr_break ? break_cycles(u) : uart_char_cycles(u);
        dev_schedule(&u->env, &u->tx_ev, dev_now(&u->env) + len);
    }
}

/* The TSR has shifted out its stop bit. */
static void tx_finish(struct uart *u)
{
    u->tsr_busy = false;
    if (u->tsr_break) {
        u->sta &= ~UxSTA_UTXBRK;
        if (loopback(u))
            rx_complete(u, 0, UxSTA_FERR); /* the stop bit position reads 0 */
    } else {
        if (u->tx)
            u->tx(u->tx_ctx, (uint8_t)u->tsr);
        if (loopback(u))
            rx_complete(u, u->tsr, 0);
    }
}

static void tx_event(void *opaque, uint64_t now)
{
    struct uart *u = opaque;
    (void)now;
    tx_finish(u);
    tx_kick(u);
    update_irqs(u);
}

static void rx_event(void *opaque, uint64_t now)
{
    struct uart *u = opaque;
    (void)now;
    u->rsr_busy = false;
    rx_complete(u, u->rsr, 0);
    update_irqs(u);
    notify_rx_space(u);
}

bool uart_rx_push(struct uart *u, uint8_t byte)
{
    if (!host_can_push(u))
        return false;
    if (u->instant || !u->env.events) {
        rx_complete(u, byte, 0);
        update_irqs(u);
        return true;
    }
    u->rsr_busy = true;
    u->rsr = byte;
    dev_schedule(&u->env, &u->rx_ev, dev_now(&u->env) + uart_char_cycles(u));
    return true;
}

bool uart_rx_enabled(const struct uart *u)
{
    return rx_enabled(u) && !loopback(u);
}

/* UxSTA as software reads it: stored bits plus the computed status (§4.3). */
static uint32_t sta_value(const struct uart *u)
{
    uint32_t v = u->sta & (UxSTA_WRITABLE | UxSTA_OERR);
    if (u->rx_count) {
        v |= UxSTA_URXDA;
        v |= u->rxf[u->rx_head].err;
    }
    bool receiving = u->rsr_busy || (loopback(u) && u->tsr_busy);
    if (!receiving)
        v |= UxSTA_RIDLE;
    if (!u->tsr_busy && u->tx_count == 0)
        v |= UxSTA_TRMT;
    if (u->tx_count == UART_FIFO_DEPTH)
        v |= UxSTA_UTXBF;
    return v;
}

static uint32_t rx_pop(struct uart *u)
{
    if (!u->rx_count)
        return 0; /* empty FIFO: reads 0 (UNVERIFIED: the chip may repeat the last word) */
    uint32_t v = u->rxf[u->rx_head].data;
    u->rx_head = (u->rx_head + 1) % UART_FIFO_DEPTH;
    u->rx_count--;
    return v;
}

static bool uart_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct uart *u = opaque;
    uint32_t reg;
    bool alias = (off & SFR_ALIAS_MASK) != 0;
    switch (off & ~0xFu) {
    case UxMODE: reg = u->mode; break;
    case UxSTA: reg = sta_value(u); break;
    case UxBRG: reg = u->brg; break;
    case UxTXREG: reg = 0; break; /* write-only */
    case UxRXREG:
        reg = 0;
        /* Only a read of the register itself (its low byte lane) pops the FIFO. */
        if (!alias && (off & 3) == 0) {
            reg = rx_pop(u);
            update_irqs(u);
            notify_rx_space(u);
        }
        break;
    default: return false;
    }
    if (alias)
        reg = 0; /* CLR/SET/INV addresses read as 0 (pic32mz-ef.md §2.1) */
    *val = reg >> (8 * (off & 3));
    if (size < 4)
        *val &= (1u << (8 * size)) - 1;
    return true;
}

static void write_mode(struct uart *u, uint32_t next)
{
    uint32_t old = u->mode;
    u->mode = next;
    if ((old & UxMODE_ON) && !(next & UxMODE_ON)) {
        tx_flush(u);
        rx_flush(u);
        u->sta &= ~(UxSTA_OERR | UxSTA_UTXBRK);
    }
    /* LPBACK changes take effect for the character that completes next. */
    tx_kick(u);
    update_irqs(u);
    notify_rx_space(u);
}

static void write_sta(struct uart *u, uint32_t off, uint32_t v, uint32_t lanes)
{
    uint32_t old = u->sta;
    uint32_t next = sfr_apply(old, off, v, (UxSTA_WRITABLE | UxSTA_OERR) & lanes);
    if (!(old & UxSTA_OERR))
        next &= ~UxSTA_OERR; /* clear-only */
    u->sta = next;
    if ((old & UxSTA_OERR) && !(next & UxSTA_OERR))
        rx_flush(u);
    if ((old & UxSTA_UTXEN) && !(next & UxSTA_UTXEN))
        tx_flush(u);
    if ((old & UxSTA_URXEN) && !(next & UxSTA_URXEN)) {
        u->rsr_busy = false; /* a character being received is abandoned */
        dev_cancel(&u->env, &u->rx_ev);
    }
    tx_kick(u);
    update_irqs(u);
    notify_rx_space(u);
}

static bool uart_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct uart *u = opaque;
    uint32_t lanes;
    uint32_t v = sfr_widen(off, size, val, &lanes);
    switch (off & ~0xFu) {
    case UxMODE: write_mode(u, sfr_apply(u->mode, off, v, UxMODE_WRITABLE & lanes)); return true;
    case UxSTA: write_sta(u, off, v, lanes); return true;
    case UxBRG:
        /* A new rate applies from the next character (the one in flight keeps its time). */
        u->brg = sfr_apply(u->brg, off, v, 0xFFFFu & lanes);
        return true;
    case UxTXREG:
        /* No CLR/SET/INV for TXREG: those addresses take no effect (§4.1). */
        if ((off & 0xF) == 0 && (lanes & 0xFF) && tx_enabled(u) && u->tx_count < UART_FIFO_DEPTH) {
            u->txf[(u->tx_head + u->tx_count) % UART_FIFO_DEPTH] = (uint16_t)(v & UxDATA);
            u->tx_count++;
            tx_kick(u);
            update_irqs(u);
        }
        return true;
    case UxRXREG: return true; /* read-only */
    default: return false;
    }
}

void uart_drain(struct uart *u)
{
    if (u->tsr_busy) {
        dev_cancel(&u->env, &u->tx_ev);
        tx_finish(u);
    }
    bool instant = u->instant;
    u->instant = true;
    tx_kick(u);
    u->instant = instant;
    update_irqs(u);
}

void uart_reset(struct uart *u)
{
    tx_flush(u);
    rx_flush(u);
    u->mode = u->sta = u->brg = 0;
    u->tsr_break = false;
    update_irqs(u);
}

void uart_set_tx(struct uart *u, void (*tx)(void *ctx, uint8_t byte), void *ctx)
{
    u->tx = tx;
    u->tx_ctx = ctx;
}

void uart_set_rx_space(struct uart *u, void (*rx_space)(void *ctx), void *ctx)
{
    u->rx_space = rx_space;
    u->rx_ctx = ctx;
}

void uart_set_instant(struct uart *u, bool instant)
{
    u->instant = instant;
}

void uart_set_pbclk_div(struct uart *u, unsigned div)
{
    u->pb_div = div ? div : 1;
}

static const unsigned fault_irqs[] = {UART1_IRQ_FAULT, UART2_IRQ_FAULT, UART3_IRQ_FAULT,
                                      UART4_IRQ_FAULT, UART5_IRQ_FAULT, UART6_IRQ_FAULT};

void uart_connect(struct uart *u, const struct dev_env *env)
{
    u->env = *env;
    update_irqs(u);
}

int uart_attach(struct uart *u, struct bus *b, unsigned index, void (*tx)(void *ctx, uint8_t byte),
                void *tx_ctx)
{
    if (index < 1 || index > UART_COUNT)
        return -1;
    *u = (struct uart){
        .index = index,
        .irq_fault = fault_irqs[index - 1],
        .pb_div = DEV_PBCLK_DEFAULT_DIV,
        .tx = tx,
        .tx_ctx = tx_ctx,
    };
    u->tx_ev = (struct sim_event){.fn = tx_event, .opaque = u};
    u->rx_ev = (struct sim_event){.fn = rx_event, .opaque = u};
    uart_reset(u);
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
