/*
 * Bus arbiter violations (pic32mz-ef.md §8.4): every target reports its violations
 * (SBTxECON.ERRP), root takes IRQ 106, prints who was stopped where (the DMA initiator's
 * permission group names the VM, tvp_vms[].dma_group) and clears the logs.  The transfer itself
 * was already refused by the arbiter; the guest learns it from its channel's address-error
 * interrupt (CHERIF).
 */
#include "core/hv.h"
#include "core/irq.h"
#include "core/time.h"
#include "soc/evic.h"
#include "soc/memmap.h"
#include "soc/sba.h"
#include "tvp_config.h"

#define SBT(t, off) (*(volatile uint32_t *)KSEG1(SBT_PHYS(t) + (off)))

void platform_bus_guard_init(void)
{
    for (unsigned t = 0; t < SBA_TARGETS; t++) {
        SBT(t, SBT_ELOG1) = 0xFFFFFFFFu; /* clear what boot left (writing ones clears) */
        (void)SBT(t, SBT_ECLRM);
        SBT(t, SBT_ECON) = ECON_ERRP; /* no CLR/SET/INV on SBT registers (§8.4) */
    }
    platform_irq_route(IRQ_SB_VIOLATION, IRQ_ROUTE_PRIORITY);
    platform_irq_enable(IRQ_SB_VIOLATION, true);
}

static unsigned vm_of_group(unsigned group)
{
    for (unsigned i = 0; i < TVP_NVMS; i++)
        if (group && tvp_vms[i].dma_group == group)
            return tvp_vms[i].id;
    return 0;
}

/* At most REPORT_BURST reports a second: root prints synchronously, so a guest repeating a
 * refused transfer would otherwise take the console, and the CPU time root spends waiting
 * on it, from the other VMs (tests/isolation dma/to-victim). */
#define REPORT_BURST 4
#define REPORT_TICKS 100000000u /* 1 s of Count (SYSCLK / 2) */

static bool report_allowed(void)
{
    static uint64_t window_end;
    static unsigned in_window;
    uint64_t now = time_now();
    if (now >= window_end) {
        window_end = now + REPORT_TICKS;
        in_window = 0;
    }
    return in_window < REPORT_BURST && ++in_window;
}

bool platform_bus_violation(unsigned irq)
{
    if (irq != IRQ_SB_VIOLATION)
        return false;
    uint32_t flags = *(volatile uint32_t *)KSEG1(SBFLAG_PHYS);
    for (unsigned t = 0; t < SBA_TARGETS; t++) {
        if (!((flags >> t) & 1u))
            continue;
        uint32_t e1 = SBT(t, SBT_ELOG1), e2 = SBT(t, SBT_ELOG2);
        unsigned group = e2 & ELOG2_GROUP;
        unsigned cmd = (e1 & ELOG1_CMD) >> ELOG1_CMD_SHIFT;
        if (report_allowed())
            hv_printf("bus violation: T%u %s by initiator %u (group %u, VM%u)%s\n", t,
                      cmd == ELOG_CMD_WRITE ? "write" : "read",
                      (unsigned)((e1 & ELOG1_INITID) >> ELOG1_INITID_SHIFT), group,
                      vm_of_group(group), (e1 & ELOG1_MULTI) ? " and more" : "");
        SBT(t, SBT_ELOG1) = 0xFFFFFFFFu;
        (void)SBT(t, SBT_ECLRM);
    }
    platform_irq_ack(IRQ_SB_VIOLATION);
    return true;
}
