/*
 * GPIO ports and change notice on the Wi-FIRE's PIC32MZ2048EFG100 (pic32mz-ef.md §5.1-§5.3;
 * PIC32 FRM Section 12):
 * - reset: analog-capable pins analog (ANSEL), every pin an input (TRIS), LAT 0; only the
 *   implemented pins of the EFG100 table exist (port A: 0-7, 9, 10, 14, 15; analog 0, 1, 5, 9,
 *   10), unimplemented bits read 0; every register has CLR/SET/INV;
 * - an output pin reads back its LAT bit through PORT; a write to PORT goes to LAT; an analog
 *   pin's digital input reads 0;
 * - inputs read their pull-up / pull-down; an open-drain output driving 1 releases the pin;
 * - ports and registers the part does not have are bus errors (port H; SRCON on port C);
 * - change notice, mismatch mode: CNSTAT shows enabled pins that differ from the last PORT
 *   read, live (Microchip FAQ 2895: a second change can cancel it) while the CN flag, once
 *   set, stays; reading PORT ends the mismatch; nothing with CNCON.ON = 0 or a pin not in CNEN;
 * - change notice, edge mode (EDGEDETECT): CNEN = rising, CNNE = falling edges set CNF, which
 *   software clears; the port's CN request (IRQ 118 + port) reaches its OFFn vector in
 *   multi-vector mode (§3.6, §5.2).
 * Pin levels are changed from software by switching the weak pull-up of an input pin.
 */
#include "periph.h"
#include "soc/gpio.h"

#define P(port, reg) REG32(GPIO_PORT_KSEG1(port) + (reg))
#define PB(reg)      P(GPIO_PORT_B, reg)
#define BIT(n)       (1u << (n))
#define CN_B         IRQ_CN(GPIO_PORT_B)

static void reset_state(void)
{
    CHECK_EQ(PB(TRISx), 0xFFFF);
    CHECK_EQ(PB(ANSELx), 0xFFFF);
    CHECK_EQ(PB(LATx), 0);
    CHECK_EQ(PB(PORTx), 0); /* all analog: digital inputs read 0 */
    CHECK_EQ(P(GPIO_PORT_A, TRISx), 0xC6FF);
    CHECK_EQ(P(GPIO_PORT_A, ANSELx), 0x0623);
    CHECK_EQ(P(GPIO_PORT_G, TRISx), 0xF3C3);
    CHECK_EQ(PB(CNCONx), 0);
    CHECK_EQ(PB(ODCx) | PB(CNPUx) | PB(CNPDx) | PB(CNENx) | PB(CNNEx) | PB(CNFx), 0);
    P(GPIO_PORT_A, LATx) = 0xFFFFFFFF;
    CHECK_EQ(P(GPIO_PORT_A, LATx), 0xC6FF);
    P(GPIO_PORT_A, ANSELx) = 0xFFFFFFFF;
    CHECK_EQ(P(GPIO_PORT_A, ANSELx), 0x0623);
    P(GPIO_PORT_A, LATx + SFR_CLR) = 0xFFFF;
    CHECK_EQ(P(GPIO_PORT_A, LATx), 0);
}

static void outputs_inputs(void)
{
    /* LD3 = RB11 (§5.3): digital output. */
    PB(ANSELx + SFR_CLR) = BIT(11) | BIT(0) | BIT(1) | BIT(2) | BIT(3) | BIT(4) | BIT(5);
    PB(TRISx + SFR_CLR) = BIT(11);
    PB(LATx + SFR_SET) = BIT(11);
    CHECK_EQ(PB(PORTx) & BIT(11), BIT(11));
    PB(LATx + SFR_INV) = BIT(11);
    CHECK_EQ(PB(PORTx) & BIT(11), 0);
    PB(PORTx + SFR_SET) = BIT(11); /* PORT writes go to LAT */
    CHECK_EQ(PB(LATx) & BIT(11), BIT(11));
    CHECK_EQ(PB(PORTx) & BIT(11), BIT(11));
    PB(PORTx) = 0;
    CHECK_EQ(PB(LATx), 0);
    /* An analog pin driven as an output: its digital input still reads 0. */
    PB(TRISx + SFR_CLR) = BIT(10);
    PB(LATx + SFR_SET) = BIT(10);
    CHECK_EQ(PB(PORTx) & BIT(10), 0);
    PB(LATx + SFR_CLR) = BIT(10);
    PB(TRISx + SFR_SET) = BIT(10);

    /* Input with pulls. */
    CHECK_EQ(PB(PORTx) & BIT(0), 0);
    PB(CNPUx + SFR_SET) = BIT(0);
    CHECK_EQ(PB(PORTx) & BIT(0), BIT(0));
    PB(CNPUx + SFR_CLR) = BIT(0);
    PB(CNPDx + SFR_SET) = BIT(0);
    CHECK_EQ(PB(PORTx) & BIT(0), 0);
    PB(CNPDx + SFR_CLR) = BIT(0);

    /* Open drain on RB1. */
    PB(TRISx + SFR_CLR) = BIT(1);
    PB(ODCx + SFR_SET) = BIT(1);
    PB(CNPUx + SFR_SET) = BIT(1);
    PB(LATx + SFR_SET) = BIT(1);
    CHECK_EQ(PB(PORTx) & BIT(1), BIT(1)); /* released, pulled up */
    PB(LATx + SFR_CLR) = BIT(1);
    CHECK_EQ(PB(PORTx) & BIT(1), 0); /* driven low despite the pull-up */
    PB(CNPUx + SFR_CLR) = BIT(1);
    PB(ODCx + SFR_CLR) = BIT(1);
    PB(LATx + SFR_SET) = BIT(1);
    CHECK_EQ(PB(PORTx) & BIT(1), BIT(1)); /* push-pull drives 1 */
    PB(LATx + SFR_CLR) = BIT(1);
    PB(TRISx + SFR_SET) = BIT(1);
}

static void bus_errors(void)
{
    expect_exception();
    (void)probe_read(GPIO_PORT_KSEG1(GPIO_PORT_H) + TRISx); /* no port H on the EFG100 */
    CHECK_EQ(exception_code(), EXCCODE_DBE);
    expect_exception();
    probe_write(GPIO_PORT_KSEG1(GPIO_PORT_C) + SRCON0x, 1); /* SRCON only on A, B, E, F, G */
    CHECK_EQ(exception_code(), EXCCODE_DBE);
    expect_exception();
    (void)probe_read(GPIO_PORT_KSEG1(GPIO_PORT_A) + SRCON0x);
    CHECK_EQ(exception_code(), -1);
    expect_exception();
    (void)probe_read(GPIO_PORT_KSEG1(GPIO_PORT_B) + 0xE0); /* past SRCON1 */
    CHECK_EQ(exception_code(), EXCCODE_DBE);
}

static void mismatch(void)
{
    evic_disable(CN_B);
    PB(CNCONx) = CNCON_ON;
    PB(CNENx) = BIT(2);
    (void)PB(PORTx);
    evic_ack(CN_B);
    CHECK_EQ(PB(CNSTATx), 0);
    PB(CNPUx + SFR_SET) = BIT(2); /* RB2 rises */
    CHECK_EQ(PB(CNSTATx), BIT(2));
    CHECK(evic_flag(CN_B));
    evic_ack(CN_B);
    CHECK(evic_flag(CN_B)); /* persistent while in mismatch */
    CHECK_EQ(PB(PORTx) & BIT(2), BIT(2));
    CHECK_EQ(PB(CNSTATx), 0);
    evic_ack(CN_B);
    CHECK(!evic_flag(CN_B));
    /* A change that is undone before PORT is read: CNSTAT clears, the flag stays. */
    PB(CNPUx + SFR_CLR) = BIT(2);
    PB(CNPUx + SFR_SET) = BIT(2);
    CHECK_EQ(PB(CNSTATx), 0);
    CHECK(evic_flag(CN_B));
    evic_ack(CN_B);
    /* A pin not enabled in CNEN does not count. */
    PB(CNPUx + SFR_SET) = BIT(3);
    CHECK_EQ(PB(CNSTATx), 0);
    CHECK(!evic_flag(CN_B));
    /* CN off: nothing. */
    PB(CNCONx + SFR_CLR) = CNCON_ON;
    PB(CNPUx + SFR_CLR) = BIT(2);
    CHECK_EQ(PB(CNSTATx), 0);
    CHECK(!evic_flag(CN_B));
    /* Switched on again, the old PORT read is the reference: RB2 now differs. */
    PB(CNCONx + SFR_SET) = CNCON_ON;
    CHECK_EQ(PB(CNSTATx), BIT(2));
    (void)PB(PORTx);
    evic_ack(CN_B);
    PB(CNCONx) = 0;
    PB(CNENx) = 0;
    PB(CNPUx) = 0;
}

static volatile unsigned cn_irqs;
static volatile uint32_t cn_seen;

static void handler(struct irq_frame *f)
{
    if (f->tag == CN_B) {
        cn_irqs++;
        cn_seen |= PB(CNFx);
        PB(CNFx + SFR_CLR) = cn_seen;
        evic_ack(CN_B);
    } else {
        evic_disable(f->tag);
    }
}

static void edges(void)
{
    (void)PB(PORTx);
    PB(CNCONx) = CNCON_ON | CNCON_EDGEDETECT;
    PB(CNENx) = BIT(4);
    PB(CNNEx) = BIT(5);
    evic_ack(CN_B);
    PB(CNPUx + SFR_SET) = BIT(4); /* rising, enabled */
    CHECK_EQ(PB(CNFx), BIT(4));
    CHECK_EQ(PB(CNSTATx), 0); /* CNSTAT is the mismatch status only */
    CHECK(evic_flag(CN_B));
    PB(CNPUx + SFR_CLR) = BIT(4); /* falling, not enabled for RB4 */
    PB(CNFx + SFR_CLR) = BIT(4);
    evic_ack(CN_B);
    CHECK(!evic_flag(CN_B));
    PB(CNPUx + SFR_SET) = BIT(5); /* rising, not enabled for RB5 */
    CHECK_EQ(PB(CNFx), 0);
    PB(CNPUx + SFR_CLR) = BIT(5); /* falling, enabled */
    CHECK_EQ(PB(CNFx), BIT(5));
    CHECK(evic_flag(CN_B));
    /* The flag persists while CNF is set, reading PORT does not clear CNF. */
    (void)PB(PORTx);
    evic_ack(CN_B);
    CHECK(evic_flag(CN_B));
    PB(CNFx + SFR_CLR) = BIT(5);
    evic_ack(CN_B);
    CHECK(!evic_flag(CN_B));

    /* Through the EVIC: OFF vector of CN port B, multi-vector mode. */
    irq_handler = handler;
    EVIC(EVIC_INTCON) = INTCON_MVEC;
    evic_prio(CN_B, 4, 0);
    evic_route(CN_B);
    evic_enable(CN_B);
    irq_enable();
    PB(CNPUx + SFR_SET) = BIT(4);
    PB(CNPUx + SFR_SET) = BIT(5);
    PB(CNPUx + SFR_CLR) = BIT(5);
    irq_disable();
    CHECK_EQ(cn_irqs, 2);
    CHECK_EQ(cn_seen, BIT(4) | BIT(5));
    CHECK_EQ(PB(CNFx), 0);
    CHECK(!evic_flag(CN_B));
    evic_disable(CN_B);
    PB(CNCONx) = 0;
}

int main(void)
{
    reset_state();
    outputs_inputs();
    bus_errors();
    mismatch();
    edges();
    return 0;
}
