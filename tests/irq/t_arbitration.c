/*
 * Arbitration among pending requests (pic32mz-ef.md §3.3): the highest priority IP wins, then
 * the highest subpriority IS, then natural order (the lower vector number; evic.c decision,
 * §3.3 "likely"); flags with IEC = 0 or IP = 0 never win (§3.2-§3.3).  Observed in
 * single-vector mode through INTSTAT.SIRQ, one request serviced per interrupt.
 */
#include "rt.h"

static volatile uint32_t order[16], n_order;

static void handler(struct irq_frame *f)
{
    (void)f;
    unsigned irq = (EVIC(EVIC_INTSTAT) & INTSTAT_SIRQ) >> INTSTAT_SIRQ_SHIFT;
    if (n_order < 16)
        order[n_order++] = irq;
    evic_ack(irq);
}

static const struct {
    unsigned irq, ip, is;
} src[] = {
    {40, 4, 0}, {9, 4, 2}, {150, 4, 2}, {200, 6, 0}, {3, 2, 3},
    {77, 4, 2}, {0, 2, 3}, {190, 6, 0}, {120, 1, 0},
};
/* Expected service order: 190 and 200 (IP 6, IS 0: natural order), then IP 4 IS 2 by
 * number, then IP 4 IS 0, then IP 2 IS 3 by number, then IP 1. */
static const unsigned want[] = {190, 200, 9, 77, 150, 40, 0, 3, 120};

int main(void)
{
    irq_handler = handler;
    for (unsigned i = 0; i < sizeof(src) / sizeof(src[0]); i++) {
        evic_prio(src[i].irq, src[i].ip, src[i].is);
        evic_enable(src[i].irq);
        evic_raise(src[i].irq);
    }
    evic_prio(50, 7, 3); /* flag set, IEC = 0 */
    evic_raise(50);
    evic_prio(51, 0, 3); /* flag set, IEC = 1, IP = 0 */
    evic_enable(51);
    evic_raise(51);

    irq_enable();
    irq_disable();
    CHECK_EQ(n_order, sizeof(want) / sizeof(want[0]));
    for (unsigned i = 0; i < sizeof(want) / sizeof(want[0]); i++)
        CHECK_EQ(order[i], want[i]);
    CHECK(evic_flag(50));
    CHECK(evic_flag(51));

    /* A higher priority raised while a lower one is pending is presented first. */
    n_order = 0;
    evic_raise(120);
    set_ipl(1); /* hold 120 (IP 1) back */
    evic_raise(3);
    set_ipl(0);
    irq_enable();
    irq_disable();
    CHECK_EQ(n_order, 2);
    CHECK_EQ(order[0], 3);
    CHECK_EQ(order[1], 120);
    return 0;
}
