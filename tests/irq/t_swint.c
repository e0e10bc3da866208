/*
 * Core software interrupts in EIC mode.  Cause.IP0/IP1 (software-writable, mips-vz.md §2.6)
 * are the EVIC's sources CS0/CS1, vectors 1 and 2 (pic32mz-ef.md §3.6, §6.1).  They are
 * persistent sources (§3.5; evic.c decision): the flag follows the IP bit, so clearing IFS
 * while IP is still set re-asserts it, and software clears IP first, then IFS (the order the
 * FreeRTOS PIC32MZ port uses).
 */
#include "rt.h"

static volatile uint32_t n_cs0, n_cs1, last_tag, repeats;

static void handler(struct irq_frame *f)
{
    last_tag = f->tag;
    if (f->tag == IRQ_CORE_SW0) {
        n_cs0++;
        /* The first `repeats` times only the flag is cleared: the source re-asserts it. */
        if (n_cs0 > repeats)
            SET_CAUSE(CAUSE() & ~CAUSE_IP0);
        evic_ack(IRQ_CORE_SW0);
    } else if (f->tag == IRQ_CORE_SW1) {
        n_cs1++;
        SET_CAUSE(CAUSE() & ~CAUSE_IP1);
        evic_ack(IRQ_CORE_SW1);
    }
}

int main(void)
{
    irq_handler = handler;
    EVIC(EVIC_INTCON) = INTCON_MVEC;

    /* With interrupts off: IP0 sets IFS0.CS0IF; the flag stays while IP0 is set. */
    SET_CAUSE(CAUSE() | CAUSE_IP0);
    CHECK(evic_flag(IRQ_CORE_SW0));
    CHECK(!evic_flag(IRQ_CORE_SW1));
    evic_ack(IRQ_CORE_SW0);
    CHECK(evic_flag(IRQ_CORE_SW0)); /* persistent: re-asserted */
    SET_CAUSE(CAUSE() & ~CAUSE_IP0);
    CHECK(evic_flag(IRQ_CORE_SW0)); /* dropping the line does not clear the flag */
    evic_ack(IRQ_CORE_SW0);
    CHECK(!evic_flag(IRQ_CORE_SW0));
    SET_CAUSE(CAUSE() | CAUSE_IP1);
    CHECK(evic_flag(IRQ_CORE_SW1));
    SET_CAUSE(CAUSE() & ~CAUSE_IP1);
    evic_ack(IRQ_CORE_SW1);
    CHECK(!evic_flag(IRQ_CORE_SW1));

    /* Through the EVIC: CS0 at priority 2 enters vector 1, CS1 at priority 4 vector 2. */
    evic_prio(IRQ_CORE_SW0, 2, 0);
    evic_prio(IRQ_CORE_SW1, 4, 0);
    evic_route(IRQ_CORE_SW0);
    evic_route(IRQ_CORE_SW1);
    evic_enable(IRQ_CORE_SW0);
    evic_enable(IRQ_CORE_SW1);
    irq_enable();
    SET_CAUSE(CAUSE() | CAUSE_IP0);
    CHECK_EQ(n_cs0, 1);
    CHECK_EQ(last_tag, IRQ_CORE_SW0);
    SET_CAUSE(CAUSE() | CAUSE_IP1);
    CHECK_EQ(n_cs1, 1);
    CHECK_EQ(last_tag, IRQ_CORE_SW1);
    CHECK_EQ(CAUSE() & (CAUSE_IP0 | CAUSE_IP1), 0);

    /* A handler that clears only IFS is entered again until it clears IP0. */
    repeats = 2;
    n_cs0 = 0;
    SET_CAUSE(CAUSE() | CAUSE_IP0);
    CHECK_EQ(n_cs0, 3);
    CHECK(!evic_flag(IRQ_CORE_SW0));

    /* Both at once: CS1 (priority 4) first. */
    irq_disable();
    n_cs0 = n_cs1 = 0;
    repeats = 0;
    SET_CAUSE(CAUSE() | CAUSE_IP0 | CAUSE_IP1);
    irq_enable();
    CHECK_EQ(n_cs0, 1);
    CHECK_EQ(n_cs1, 1);
    CHECK_EQ(last_tag, IRQ_CORE_SW0);
    irq_disable();
    return 0;
}
