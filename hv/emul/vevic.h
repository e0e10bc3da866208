/* Per-VM copy of the interrupt controller registers (pic32mz-ef.md §3.1). */
#ifndef HV_EMUL_VEVIC_H
#define HV_EMUL_VEVIC_H

#include <stdbool.h>
#include <stdint.h>

#include "soc/evic.h"

struct vevic {
    uint32_t intcon, priss;
    uint32_t ifs[EVIC_FLAG_WORDS], iec[EVIC_FLAG_WORDS];
    uint32_t ipc[EVIC_IPC_WORDS];
    uint32_t off[EVIC_NUM_VECTORS];
};

struct vm;

/* The request the VM's controller presents (pic32mz-ef.md §3.3): the flagged, enabled IRQ
 * with priority != 0 that wins arbitration (highest priority, then subpriority, then the lower
 * vector number).  False when none. */
bool vevic_highest(const struct vevic *e, unsigned *irq, unsigned *priority);
/* Sets the VM's flag for `irq` (an emulated source or a routed physical one). */
void vevic_flag(struct vevic *e, unsigned irq);
/* Is `irq` flagged (whatever its enable)? */
bool vevic_flagged(const struct vevic *e, unsigned irq);

#endif
