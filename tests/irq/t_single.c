/*
 * EIC interrupts in single-vector mode (INTCON.MVEC = 0, the reset state):
 * - every request enters at EBase + 0x200 whatever its OFFn holds (pic32mz-ef.md §1.3, §3.4;
 *   [MW-entry]), with Cause.IV = 1;
 * - the handler finds the source in INTSTAT.SIRQ and its priority in INTSTAT.SRIPL (§3.2,
 *   §3.4: how tinyVP and Linux dispatch), Cause.RIPL = priority (mips-vz.md §2.6);
 * - shadow set: PRIxSS is not used; PRISS.SS0 = 0 presents set 0, SS0 = 1 presents set 1
 *   (evic.c decision: SS0 is one bit, the PIC32MX meaning).
 */
#include "rt.h"

static volatile uint32_t seen_tag, seen_intstat, seen_cause, seen_srsctl, seen_count;

static void handler(struct irq_frame *f)
{
    seen_tag = f->tag;
    seen_cause = f->cause;
    seen_srsctl = f->srsctl;
    seen_intstat = EVIC(EVIC_INTSTAT);
    seen_count++;
    evic_ack((seen_intstat & INTSTAT_SIRQ) >> INTSTAT_SIRQ_SHIFT);
}

static void one(unsigned n, unsigned ip, unsigned set)
{
    seen_count = 0;
    evic_prio(n, ip, 1);
    EVIC(EVIC_OFF(n)) = VTAB_OFFSET(n); /* must not be used */
    evic_enable(n);
    evic_raise(n);
    CHECK_EQ(seen_count, 1);
    CHECK_EQ(seen_tag, 0x200);
    CHECK_EQ(seen_intstat, (ip << INTSTAT_SRIPL_SHIFT) | n);
    CHECK_EQ((seen_cause & CAUSE_RIPL) >> CAUSE_RIPL_SHIFT, ip);
    CHECK_EQ((seen_cause & CAUSE_EXCCODE) >> CAUSE_EXCCODE_SHIFT, EXCCODE_INT);
    CHECK_EQ((seen_srsctl & SRSCTL_CSS) >> SRSCTL_CSS_SHIFT, set);
    CHECK_EQ((seen_srsctl & SRSCTL_EICSS) >> SRSCTL_EICSS_SHIFT, set);
    CHECK(!evic_flag(n));
    evic_disable(n);
}

int main(void)
{
    irq_handler = handler;
    CHECK_EQ(EVIC(EVIC_INTCON) & INTCON_MVEC, 0);
    irq_enable();
    EVIC(EVIC_PRISS) = 0x76543210; /* PRIxSS: not used in single-vector mode */
    one(IRQ_TIMER3, 3, 0);
    one(190, 7, 0);
    one(IRQ_CORE_FDC, 1, 0);
    EVIC(EVIC_PRISS) = PRISS_SS0;
    one(IRQ_TIMER4, 5, 1);
    one(213, 2, 1);
    irq_disable();
    return 0;
}
