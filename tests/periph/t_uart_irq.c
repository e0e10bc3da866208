/*
 * UART interrupt requests (pic32mz-ef.md §4.3, §4.4, §3.5, §3.6), UART2 = IRQ 145/146/147:
 * - UTXISEL 00 (a free buffer slot), 01 (all sent: TRMT), 10 (buffer empty, the shift
 *   register may still be busy); URXISEL 00 (>= 1), 01 (>= 4 of 8), 10 (>= 6 of 8);
 * - the sources are persistent: a flag cleared while the condition holds is set again, and
 *   stays clear once the condition is gone (§3.5: drain the FIFO, then clear IFS);
 * - fault request on OERR;
 * - in multi-vector mode (INTCON.MVEC, §3.4) the RX and TX requests enter at their own OFFn
 *   vectors: a 40-character message is sent by the TX handler (UTXISEL 00, Harmony disables
 *   the TX IEC when it has nothing more) and received in loopback by the RX handler, which
 *   reads until URXDA = 0 and then clears its flag (Harmony's order, §3.5).
 */
#include "periph.h"
#include "soc/uart.h"

#define U(off)    SFR(UART_PHYS(2) + (off))
#define IRQ_FAULT UART2_IRQ_FAULT
#define IRQ_RX    UART_IRQ_RX(UART2_IRQ_FAULT)
#define IRQ_TX    UART_IRQ_TX(UART2_IRQ_FAULT)
#define MSG_LEN   40

static void uart_on(uint32_t sta)
{
    U(UxMODE) = 0;
    U(UxSTA) = 0;
    U(UxBRG) = 4; /* BRGH = 1: 10 x 4 x 5 x 2 = 400 cycles a character */
    U(UxSTA) = UxSTA_UTXEN | UxSTA_URXEN | sta;
    U(UxMODE) = UxMODE_ON | UxMODE_LPBACK | UxMODE_BRGH;
}

static void wait_trmt(void)
{
    (void)wait_bits(KSEG1(UART_PHYS(2) + UxSTA), UxSTA_TRMT, UxSTA_TRMT, 1000000);
}

static void drain(void)
{
    while (U(UxSTA) & UxSTA_URXDA)
        (void)U(UxRXREG);
}

static void send_wait(unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        U(UxTXREG) = 0x20 + i;
        wait_trmt();
    }
}

static void flag_conditions(void)
{
    /* UTXISEL = 00: space in the buffer. */
    uart_on(UTXISEL_SPACE << UxSTA_UTXISEL_SHIFT);
    CHECK(evic_flag(IRQ_TX));
    evic_ack(IRQ_TX);
    CHECK(evic_flag(IRQ_TX)); /* persistent: set again at once */
    for (unsigned i = 0; i < 9; i++)
        U(UxTXREG) = i;
    CHECK_EQ(U(UxSTA) & UxSTA_UTXBF, UxSTA_UTXBF);
    evic_ack(IRQ_TX);
    CHECK(!evic_flag(IRQ_TX));
    wait_trmt();
    CHECK(evic_flag(IRQ_TX));
    U(UxSTA + SFR_CLR) = UxSTA_OERR; /* 9 came back: one overran */
    drain();

    /* UTXISEL = 01: everything sent. */
    uart_on(UTXISEL_ALL_SENT << UxSTA_UTXISEL_SHIFT);
    U(UxTXREG) = 'a';
    evic_ack(IRQ_TX);
    CHECK(!evic_flag(IRQ_TX));
    wait_trmt();
    CHECK(evic_flag(IRQ_TX));

    /* UTXISEL = 10: buffer empty while the last character is still shifting out. */
    uart_on(UTXISEL_EMPTY << UxSTA_UTXISEL_SHIFT);
    U(UxTXREG) = 'b';
    U(UxTXREG) = 'c';
    evic_ack(IRQ_TX);
    CHECK(!evic_flag(IRQ_TX));
    while (!evic_flag(IRQ_TX))
        ;
    CHECK_EQ(U(UxSTA) & UxSTA_TRMT, 0);
    wait_trmt();
    drain();

    /* URXISEL = 01: 4 characters. */
    uart_on(URXISEL_HALF << UxSTA_URXISEL_SHIFT);
    evic_ack(IRQ_RX);
    send_wait(3);
    CHECK(!evic_flag(IRQ_RX));
    send_wait(1);
    CHECK(evic_flag(IRQ_RX));
    drain();
    evic_ack(IRQ_RX);

    /* URXISEL = 10: 6 characters. */
    uart_on(URXISEL_3_4 << UxSTA_URXISEL_SHIFT);
    evic_ack(IRQ_RX);
    send_wait(5);
    CHECK(!evic_flag(IRQ_RX));
    send_wait(1);
    CHECK(evic_flag(IRQ_RX));
    drain();
    evic_ack(IRQ_RX);
    CHECK(!evic_flag(IRQ_RX));

    /* URXISEL = 00: one character; clearing the flag before draining does not stick. */
    uart_on(URXISEL_NOT_EMPTY << UxSTA_URXISEL_SHIFT);
    evic_ack(IRQ_RX);
    send_wait(1);
    CHECK(evic_flag(IRQ_RX));
    evic_ack(IRQ_RX);
    CHECK(evic_flag(IRQ_RX));
    drain();
    evic_ack(IRQ_RX);
    CHECK(!evic_flag(IRQ_RX));

    /* Fault: overrun. */
    evic_ack(IRQ_FAULT);
    CHECK(!evic_flag(IRQ_FAULT));
    send_wait(9);
    CHECK_EQ(U(UxSTA) & UxSTA_OERR, UxSTA_OERR);
    CHECK(evic_flag(IRQ_FAULT));
    U(UxSTA + SFR_CLR) = UxSTA_OERR;
    evic_ack(IRQ_FAULT);
    CHECK(!evic_flag(IRQ_FAULT));
    evic_ack(IRQ_RX);
    U(UxMODE) = 0;
}

static volatile unsigned sent, received, tx_irqs, rx_irqs, other_irqs;
static volatile uint8_t rx_buf[MSG_LEN];

static uint8_t msg_byte(unsigned i)
{
    return (uint8_t)(0x41 + (i * 7) % 26);
}

static void handler(struct irq_frame *f)
{
    if (f->tag == IRQ_TX) {
        tx_irqs++;
        while (sent < MSG_LEN && !(U(UxSTA) & UxSTA_UTXBF))
            U(UxTXREG) = msg_byte(sent++);
        if (sent == MSG_LEN)
            evic_disable(IRQ_TX);
        evic_ack(IRQ_TX);
    } else if (f->tag == IRQ_RX) {
        rx_irqs++;
        while (U(UxSTA) & UxSTA_URXDA) {
            uint32_t c = U(UxRXREG);
            if (received < MSG_LEN)
                rx_buf[received] = (uint8_t)c;
            received++;
        }
        evic_ack(IRQ_RX);
    } else {
        other_irqs++;
        evic_disable(f->tag);
    }
}

static void interrupt_driven(void)
{
    irq_handler = handler;
    EVIC(EVIC_INTCON) = INTCON_MVEC;
    unsigned irqs[3] = {IRQ_FAULT, IRQ_RX, IRQ_TX};
    for (unsigned i = 0; i < 3; i++) {
        evic_prio(irqs[i], 3, 0);
        evic_route(irqs[i]);
        evic_ack(irqs[i]);
    }
    uart_on((UTXISEL_SPACE << UxSTA_UTXISEL_SHIFT) | (URXISEL_NOT_EMPTY << UxSTA_URXISEL_SHIFT));
    evic_enable(IRQ_FAULT);
    evic_enable(IRQ_RX);
    irq_enable();
    evic_enable(IRQ_TX); /* the buffer has room: the first TX interrupt comes at once */
    uint32_t t0 = simcycles();
    while (received < MSG_LEN && simcycles() - t0 < 2000000)
        ;
    irq_disable();
    CHECK_EQ(sent, MSG_LEN);
    CHECK_EQ(received, MSG_LEN);
    unsigned bad = 0;
    for (unsigned i = 0; i < MSG_LEN; i++)
        bad += rx_buf[i] != msg_byte(i);
    CHECK_EQ(bad, 0);
    CHECK_EQ(other_irqs, 0);
    CHECK_RANGE(tx_irqs, 5, MSG_LEN); /* 9 characters fit per refill: at least 5 */
    CHECK_RANGE(rx_irqs, 2, MSG_LEN);
    CHECK_EQ(U(UxSTA) & UxSTA_OERR, 0);
    for (unsigned i = 0; i < 3; i++)
        evic_disable(irqs[i]);
    U(UxMODE) = 0;
}

int main(void)
{
    flag_conditions();
    interrupt_driven();
    return 0;
}
