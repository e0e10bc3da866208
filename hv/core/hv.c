/* tinyVP's C entry: set the chip and the root up, then run the guests. */
#include "hv.h"

#include "arch/mips/cp0.h"
#include "core/platform.h"
#include "core/sched.h"
#include "core/tlb.h"
#include "core/vm.h"

extern char hv_vectors[];

void hv_main(void)
{
    /* EBase must be written while BEV = 1 (pic32mz-ef.md §1.3); then root runs with BEV = 0,
     * EXL = 1 (between exceptions it is always inside one), kernel mode, IE = 1 so that
     * root interrupts reach it whenever a guest runs or root idles; CU1/MX are set only for
     * the VM that owns the FPU/DSP (core/fpu.c). */
    mtc0(12, 0, STATUS_BEV | STATUS_EXL | STATUS_CU0);
    ehb();
    mtc0(15, 1, (uint32_t)hv_vectors);
    mtc0(12, 0, STATUS_EXL | STATUS_CU0 | STATUS_IE);
    mtc0(12, 1, 1u << INTCTL_VS_SHIFT); /* vector spacing 32 bytes: EIC mode */
    mtc0(13, 0, CAUSE_IV);
    mtc0(12, 2, 0); /* SRSCtl: exceptions in set 0 */
    ehb();
    platform_init();
    tlb_init();
    vm_init_all();
    hv_printf("tinyVP: %u VMs\n", (unsigned)TVP_NVMS);
    schedule();
}
