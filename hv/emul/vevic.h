/* Per-VM copy of the interrupt controller registers (pic32mz-ef.md §3.1). */
#ifndef HV_EMUL_VEVIC_H
#define HV_EMUL_VEVIC_H

#include <stdint.h>

#include "soc/evic.h"

struct vevic {
    uint32_t intcon, priss;
    uint32_t ifs[EVIC_FLAG_WORDS], iec[EVIC_FLAG_WORDS];
    uint32_t ipc[EVIC_IPC_WORDS];
    uint32_t off[EVIC_NUM_VECTORS];
};

#endif
