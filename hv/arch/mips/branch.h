/* Where a guest continues after root emulated an instruction (mips-vz.md §4.7). */
#ifndef HV_ARCH_BRANCH_H
#define HV_ARCH_BRANCH_H

#include <stdbool.h>
#include <stdint.h>

/* The PC after the instruction at `epc` (Cause.BD = 0), or after the delay-slot instruction
 * of the branch at `epc` whose word is `branch` (BD = 1).  Evaluated with the guest's current
 * registers: call it before writing the emulated instruction's result. */
uint32_t resume_pc(uint32_t epc, bool in_delay_slot, uint32_t branch);

#endif
