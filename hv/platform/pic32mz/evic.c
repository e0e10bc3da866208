/* The real EVIC as interrupt routing uses it (core/irq.h): every register through its
 * CLR/SET aliases, so no read-modify-write races an interrupt (pic32mz-ef.md §2.1, §3.1). */
#include "core/irq.h"
#include "soc/evic.h"
#include "soc/memmap.h"
#include "soc/sfr.h"

#define EVIC(off) (*(volatile uint32_t *)KSEG1(EVIC_PHYS + (off)))

void platform_irq_route(unsigned irq, unsigned priority)
{
    EVIC(EVIC_IEC_OF(irq) + SFR_CLR) = EVIC_IRQ_BIT(irq);
    EVIC(EVIC_IPC_OF(irq) + SFR_CLR) = EVIC_IPC_MASK(irq);
    EVIC(EVIC_IPC_OF(irq) + SFR_SET) = EVIC_IPC_VAL(irq, priority, 0);
    EVIC(EVIC_IFS_OF(irq) + SFR_CLR) = EVIC_IRQ_BIT(irq);
}

void platform_irq_enable(unsigned irq, bool on)
{
    EVIC(EVIC_IEC_OF(irq) + (on ? SFR_SET : SFR_CLR)) = EVIC_IRQ_BIT(irq);
}

bool platform_irq_enabled(unsigned irq)
{
    return (EVIC(EVIC_IEC_OF(irq)) >> (irq & 31)) & 1u;
}

void platform_irq_ack(unsigned irq)
{
    EVIC(EVIC_IFS_OF(irq) + SFR_CLR) = EVIC_IRQ_BIT(irq);
}
