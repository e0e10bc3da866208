/*
 * Compatibility (non-EIC) interrupt mode (mips-vz.md §4.4; MD00090 §6.1.1.1): with Cause.IV = 0
 * interrupts use the general vector EBase + 0x180, with IV = 1 but IntCtl.VS = 0 the special
 * vector EBase + 0x200; a request is taken when Cause.IP AND Status.IM is non-zero (and IE=1,
 * EXL=0, ERL=0).  Sources used: the software interrupts IP1..0 and the timer on
 * IP[IntCtl.IPTI] (mips-vz.md §2.3, §2.5).
 */
#include "rt.h"

static volatile uint32_t n_int, seen_tag, seen_cause;

static void handler(struct irq_frame *f)
{
    n_int++;
    seen_tag = f->tag;
    seen_cause = f->cause;
    SET_CAUSE(CAUSE() & ~(CAUSE_IP0 | CAUSE_IP1));
    SET_COMPARE(COUNT() - 1);
}

int main(void)
{
    irq_handler = handler;
    SET_CAUSE(CAUSE() & ~CAUSE_IV);

    /* IP0 masked by IM0, then taken at EBase + 0x180 with ExcCode 0. */
    SET_STATUS(STATUS() | STATUS_IE);
    SET_CAUSE(CAUSE() | CAUSE_IP0);
    CHECK_EQ(n_int, 0);
    SET_STATUS(STATUS() | (1u << STATUS_IM_SHIFT)); /* IM0 */
    CHECK_EQ(n_int, 1);
    CHECK_EQ(seen_tag, 0x180);
    CHECK(seen_cause & CAUSE_IP0);
    CHECK_EQ((seen_cause & CAUSE_EXCCODE) >> CAUSE_EXCCODE_SHIFT, EXCCODE_INT);

    /* IP1 with IM1 only: IV = 1 and VS = 0 select the special vector 0x200. */
    SET_INTCTL(INTCTL() & ~INTCTL_VS);
    SET_CAUSE(CAUSE() | CAUSE_IV);
    SET_STATUS((STATUS() & ~STATUS_IM) | (2u << STATUS_IM_SHIFT)); /* IM1 */
    SET_CAUSE(CAUSE() | CAUSE_IP0);
    CHECK_EQ(n_int, 1); /* IP0 is masked now */
    SET_CAUSE(CAUSE() | CAUSE_IP1);
    CHECK_EQ(n_int, 2);
    CHECK_EQ(seen_tag, 0x200);
    CHECK_EQ(seen_cause & (CAUSE_IP0 | CAUSE_IP1), CAUSE_IP0 | CAUSE_IP1);

    /* The timer on IP[IPTI] (IPTI is fixed by the implementation; >= 2 names IP2..IP7). */
    unsigned ipti = (INTCTL() & INTCTL_IPTI) >> INTCTL_IPTI_SHIFT;
    CHECK(ipti >= 2);
    SET_STATUS((STATUS() & ~STATUS_IM) | (1u << (STATUS_IM_SHIFT + ipti)));
    SET_COMPARE(COUNT() + 100);
    cpu_wait();
    CHECK_EQ(n_int, 3);
    CHECK(seen_cause & CAUSE_TI);
    CHECK(seen_cause & (1u << (CAUSE_IP_SHIFT + ipti)));
    CHECK_EQ(CAUSE() & CAUSE_TI, 0);
    irq_disable();
    return 0;
}
