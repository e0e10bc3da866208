/*
 * Timer1 (type A) and Timer2..9 (type B), pic32mz-ef.md §6.2, PIC32 FRM Section 14:
 * - reset: TxCON = 0, TMRx = 0, PRx = 0xFFFF; TxCON/TMRx/PRx have CLR/SET/INV;
 * - each timer counts PBCLK3 (100 MHz = 2 cycles, §6.2) through its prescaler (type A 1, 8,
 *   64, 256; type B 1, 2, 4, 8, 16, 32, 64, 256) and sets its flag (IRQ 4, 9, 14, 19, 24, 28,
 *   32, 36, 40) every (PRx + 1) counts, the counter running 0..PRx;
 * - ON = 0 stops the counter without clearing it; a TMRx write moves it; PRx = 0 gives no
 *   interrupt; T32 is read-only 0 in the odd timers;
 * - 32-bit pairs T2/T3, T4/T5, T6/T7, T8/T9: the even timer's T32 joins them, the pair counts
 *   to the 32-bit period and the odd timer raises the request (Microchip developer help
 *   "PIC32 Timer Overview"); TMRx/PRx of the even timer hold 32 bits, the odd timer's TMRy/PRy
 *   the upper halves (tests/periph decision in timers.c);
 * - Timer1's request through its OFFn vector in multi-vector mode.
 */
#include "periph.h"
#include "soc/timer.h"

#define T(n, reg) REG32(TIMER_KSEG1(n) + (reg))
#define SLACK     40 /* polling-loop granularity, cycles */

static const unsigned irq_of[10] = {0,          IRQ_TIMER1, IRQ_TIMER2, IRQ_TIMER3, IRQ_TIMER4,
                                    IRQ_TIMER5, IRQ_TIMER6, IRQ_TIMER7, IRQ_TIMER8, IRQ_TIMER9};

/* Cycle at which IRQ n's flag is seen set (0xFFFFFFFF after `limit` cycles). */
static uint32_t wait_flag(unsigned irq, uint32_t limit)
{
    return wait_bits(EVIC_KSEG1 + EVIC_IFS_OF(irq), EVIC_IRQ_BIT(irq), EVIC_IRQ_BIT(irq), limit);
}

/* Two consecutive periods of IRQ `irq`, each checked against `want` cycles. */
static void check_period(unsigned irq, uint32_t want)
{
    evic_ack(irq);
    uint32_t t0 = wait_flag(irq, 4 * want + 1000);
    evic_ack(irq);
    uint32_t t1 = wait_flag(irq, 4 * want + 1000);
    evic_ack(irq);
    uint32_t t2 = wait_flag(irq, 4 * want + 1000);
    evic_ack(irq);
    CHECK(t0 != 0xFFFFFFFFu && t2 != 0xFFFFFFFFu);
    CHECK_RANGE(t1 - t0, want - SLACK, want + SLACK);
    CHECK_RANGE(t2 - t1, want - SLACK, want + SLACK);
}

static void reset_state(void)
{
    for (unsigned n = 1; n <= 9; n++) {
        CHECK_EQ(T(n, TxCON), 0);
        CHECK_EQ(T(n, TMRx), 0);
        CHECK_EQ(T(n, PRx), 0xFFFF);
    }
    T(1, TxCON) = 0xFFFFFFFF;
    CHECK_EQ(T(1, TxCON), T1CON_WRITABLE);
    T(1, TxCON) = 0;
    T(3, TxCON + SFR_SET) = TBCON_T32 | TBCON_TCKPS;
    CHECK_EQ(T(3, TxCON), TBCON_TCKPS); /* no T32 in an odd timer */
    T(3, TxCON) = 0;
    T(2, PRx) = 0x12345678;
    CHECK_EQ(T(2, PRx), 0x5678); /* 16 bits when not paired */
    T(2, PRx + SFR_INV) = 0xFF;
    CHECK_EQ(T(2, PRx), 0x5687);
    T(2, PRx) = 0xFFFF;
}

static void periods(void)
{
    /* Timer1: 1:8, PR = 199: 200 x 8 x 2 = 3200 cycles. */
    T(1, PRx) = 199;
    T(1, TxCON) = TCON_ON | (1u << T1CON_TCKPS_SHIFT);
    check_period(IRQ_TIMER1, 3200);
    /* TMR stays within 0..PR. */
    unsigned bad = 0;
    for (unsigned i = 0; i < 50; i++)
        bad += T(1, TMRx) > 199;
    CHECK_EQ(bad, 0);
    /* 1:256, PR = 9: 10 x 256 x 2 = 5120 cycles. */
    T(1, TxCON) = 0;
    T(1, TMRx) = 0;
    T(1, PRx) = 9;
    T(1, TxCON) = TCON_ON | (3u << T1CON_TCKPS_SHIFT);
    check_period(IRQ_TIMER1, 5120);
    T(1, TxCON) = 0;

    /* Type B, each with its own prescaler: period (PR + 1) x prescale x 2. */
    static const unsigned pre[8] = {1, 2, 4, 8, 16, 32, 64, 256};
    for (unsigned n = 2; n <= 9; n++) {
        unsigned ps = (n + 3) % 8; /* 5, 6, 7, 0, 1, 2, 3, 4 */
        unsigned pr = 4000 / pre[ps];
        T(n, TMRx) = 0;
        T(n, PRx) = pr;
        T(n, TxCON) = TCON_ON | (ps << TBCON_TCKPS_SHIFT);
        check_period(irq_of[n], (pr + 1) * pre[ps] * CYCLES_PER_PBCLK);
        T(n, TxCON) = 0;
        evic_ack(irq_of[n]);
    }
}

static void control(void)
{
    /* ON = 0 freezes the count. */
    T(4, PRx) = 0xFFFF;
    T(4, TMRx) = 0;
    T(4, TxCON) = TCON_ON;
    uint32_t t = simcycles();
    while (simcycles() - t < 2000)
        ;
    T(4, TxCON + SFR_CLR) = TCON_ON;
    uint32_t c = T(4, TMRx);
    CHECK_RANGE(c, 900, 1100);
    t = simcycles();
    while (simcycles() - t < 2000)
        ;
    CHECK_EQ(T(4, TMRx), c);
    /* Restart from a written count: 0xFFF0 .. 0xFFFF, then the match. */
    evic_ack(IRQ_TIMER4);
    T(4, TMRx) = 0xFFF0;
    uint32_t t0 = simcycles();
    T(4, TxCON + SFR_SET) = TCON_ON;
    uint32_t t1 = wait_flag(IRQ_TIMER4, 10000);
    CHECK_RANGE(t1 - t0, 16 * 2 - SLACK / 2, 16 * 2 + SLACK);
    T(4, TxCON) = 0;
    evic_ack(IRQ_TIMER4);
    /* PR below the count: runs to 0xFFFF, wraps without a flag, then matches PR. */
    T(5, TMRx) = 0xFF00;
    T(5, PRx) = 0x10;
    evic_ack(IRQ_TIMER5);
    t0 = simcycles();
    T(5, TxCON) = TCON_ON;
    t1 = wait_flag(IRQ_TIMER5, 10000);
    CHECK_RANGE(t1 - t0, (0x100 + 0x11) * 2 - SLACK / 2, (0x100 + 0x11) * 2 + SLACK);
    T(5, TxCON) = 0;
    evic_ack(IRQ_TIMER5);
    /* PR = 0: no interrupt. */
    T(6, PRx) = 0;
    T(6, TxCON) = TCON_ON;
    CHECK_EQ(wait_flag(IRQ_TIMER6, 20000), 0xFFFFFFFFu);
    T(6, TxCON) = 0;
    /* External clock (TCS): no clock is connected, nothing counts. */
    T(7, TMRx) = 0;
    T(7, TxCON) = TCON_ON | TCON_TCS;
    t = simcycles();
    while (simcycles() - t < 1000)
        ;
    CHECK_EQ(T(7, TMRx), 0);
    T(7, TxCON) = 0;
}

static void pairs(void)
{
    for (unsigned x = 2; x <= 8; x += 2) {
        unsigned y = x + 1;
        T(x, TxCON) = TBCON_T32;
        T(x, TMRx) = 0;
        T(x, PRx) = 0x00012345;
        CHECK_EQ(T(x, PRx), 0x00012345);
        CHECK_EQ(T(y, PRx), 0x0001);
        T(y, TxCON) = TCON_ON | TBCON_TCKPS; /* ignored in a pair */
        evic_ack(irq_of[x]);
        evic_ack(irq_of[y]);
        T(x, TxCON) = TBCON_T32 | TCON_ON;
        uint32_t want = 0x12346 * CYCLES_PER_PBCLK;
        check_period(irq_of[y], want);
        CHECK(!evic_flag(irq_of[x])); /* the even timer raises nothing */
        /* Past 0xFFFF: the count needs 32 bits; TMRy shows its upper half. */
        uint32_t c = wait_bits(TIMER_KSEG1(y) + TMRx, 0xFFFF, 1, 200000);
        CHECK(c != 0xFFFFFFFFu);
        uint32_t full = T(x, TMRx);
        CHECK_RANGE(full, 0x10000, 0x12345);
        T(x, TxCON + SFR_CLR) = TCON_ON; /* stopped, still paired */
        CHECK_EQ(T(y, TMRx), T(x, TMRx) >> 16);
        /* Leaving 32-bit mode splits the count into the two 16-bit timers. */
        full = T(x, TMRx);
        T(x, TxCON) = 0;
        CHECK_EQ(T(x, TMRx), full & 0xFFFF);
        CHECK_EQ(T(y, TMRx), full >> 16);
        T(y, TxCON) = 0;
        evic_ack(irq_of[y]);
    }
}

static volatile unsigned t1_irqs, other;

static void handler(struct irq_frame *f)
{
    if (f->tag == IRQ_TIMER1)
        t1_irqs++;
    else
        other++;
    evic_ack(f->tag);
}

static void interrupts(void)
{
    irq_handler = handler;
    EVIC(EVIC_INTCON) = INTCON_MVEC;
    evic_prio(IRQ_TIMER1, 5, 0);
    evic_route(IRQ_TIMER1);
    evic_ack(IRQ_TIMER1);
    evic_enable(IRQ_TIMER1);
    T(1, TMRx) = 0;
    T(1, PRx) = 999; /* 2000 cycles */
    irq_enable();
    uint32_t t0 = simcycles();
    T(1, TxCON) = TCON_ON;
    while (simcycles() - t0 < 21000)
        ;
    irq_disable();
    T(1, TxCON) = 0;
    CHECK_EQ(t1_irqs, 10);
    CHECK_EQ(other, 0);
    evic_disable(IRQ_TIMER1);
}

int main(void)
{
    reset_state();
    periods();
    control();
    pairs();
    interrupts();
    return 0;
}
