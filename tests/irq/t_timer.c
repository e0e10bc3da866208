/*
 * The core timer (mips-vz.md §2.3; pic32mz-ef.md §6.1, §3.5):
 * - Count advances at SYSCLK/2 (one Count per two simulated cycles);
 * - Count == Compare sets Cause.TI and requests EVIC vector 0 (edge source: IFS0.CTIF is set
 *   even with IEC = 0, and clearing it while TI is still 1 does not set it again);
 * - writing Compare clears Cause.TI;
 * - WAIT sleeps until the interrupt; the core skips the idle time; EPC is the instruction
 *   after WAIT.
 */
#include "rt.h"

static volatile uint32_t n_ct, seen_tag, seen_cause, seen_epc, ti_after_compare;

static void handler(struct irq_frame *f)
{
    n_ct++;
    seen_tag = f->tag;
    seen_cause = f->cause;
    seen_epc = f->epc;
    SET_COMPARE(COUNT() - 1); /* far away; clears TI (the handler pattern of §3.5) */
    ti_after_compare = CAUSE() & CAUSE_TI;
    evic_ack(IRQ_CORE_TIMER);
}

int main(void)
{
    irq_handler = handler;
    EVIC(EVIC_INTCON) = INTCON_MVEC;

    /* Count rate: SYSCLK/2. */
    uint32_t c0 = COUNT(), s0 = simcycles();
    for (volatile int i = 0; i < 2000; i++)
        ;
    uint32_t c1 = COUNT(), s1 = simcycles();
    uint32_t dc = c1 - c0, ds = s1 - s0;
    CHECK(dc > 1000);
    CHECK(2 * dc >= ds - 4 && 2 * dc <= ds + 4);

    /* Compare match with the source disabled: TI and the flag, no interrupt. */
    SET_COMPARE(COUNT() + 50);
    CHECK_EQ(CAUSE() & CAUSE_TI, 0);
    CHECK(!evic_flag(IRQ_CORE_TIMER));
    while (!(CAUSE() & CAUSE_TI))
        ;
    CHECK(evic_flag(IRQ_CORE_TIMER));
    evic_ack(IRQ_CORE_TIMER);
    CHECK(!evic_flag(IRQ_CORE_TIMER)); /* non-persistent: TI is still 1 */
    CHECK(CAUSE() & CAUSE_TI);
    SET_COMPARE(COUNT() - 1);
    CHECK_EQ(CAUSE() & CAUSE_TI, 0); /* writing Compare clears TI */
    CHECK(!evic_flag(IRQ_CORE_TIMER));

    /* WAIT until the core timer interrupt (vector 0, priority 4 in set 0). */
    evic_prio(IRQ_CORE_TIMER, 4, 0);
    evic_route(IRQ_CORE_TIMER);
    evic_enable(IRQ_CORE_TIMER);
    irq_enable();
    uint32_t after, start = simcycles();
    SET_COMPARE(COUNT() + 100000); /* 200000 cycles away */
    __asm__ volatile(".set push\n\t.set noreorder\n\t"
                     "wait\n"
                     "1:\n\t"
                     "la %0, 1b\n\t"
                     ".set pop"
                     : "=r"(after)
                     :
                     : "memory");
    uint32_t slept = simcycles() - start;
    CHECK_EQ(n_ct, 1);
    CHECK_EQ(seen_tag, IRQ_CORE_TIMER);
    CHECK(seen_cause & CAUSE_TI);
    CHECK_EQ((seen_cause & CAUSE_RIPL) >> CAUSE_RIPL_SHIFT, 4);
    CHECK_EQ(seen_epc, after);
    CHECK_EQ(ti_after_compare, 0);
    CHECK(slept >= 200000 && slept < 201000);
    irq_disable();
    return 0;
}
