/*
 * An interrupt storm from a device the guest owns (tests/isolation/irqstorm.conf, attack
 * irq/timer1-storm): Timer1 with PR = 1 requests an interrupt every two PBCLK3 ticks
 * (pic32mz-ef.md §6.2) at the highest priority, and the handler only acknowledges it, so the
 * request is back at once.  tinyVP routes the IRQ to this VM; the other VM must keep its time.
 */
#include "../rt/irq.h"
#include "../rt/pic32mz.h"
#include "soc/timer.h"

static volatile uint32_t taken;

static void timer1(unsigned vec)
{
    /* The request is back before the handler returns: the guest lives in here (as it would on
     * a chip), so the handler reports. */
    if (++taken == 1000)
        console_puts("hostile: irq/timer1-storm: storming\n");
    irq_clear(vec);
}

int main(void)
{
    console_init(4);
    irq_setup(1);
    irq_connect(IRQ_TIMER1, timer1, 7, 3);
    REG32(TIMER_PHYS(1) + TMRx) = 0;
    REG32(TIMER_PHYS(1) + PRx) = 1;
    REG32(TIMER_PHYS(1) + TxCON) = TCON_ON;
    irq_enable();
    for (;;)
        ;
}
