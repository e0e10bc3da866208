/* Host stand-in for hv/arch/mips/cp0.h (tests/fuzz/hv): the CP0 and guest-CP0 registers and the
 * guest's general registers are arrays the harness sets before each call. */
#ifndef HV_ARCH_CP0_H
#define HV_ARCH_CP0_H

#include <stdint.h>

#include "soc/cp0.h"

extern uint32_t host_cp0[32][8], host_gcp0[32][8], host_gpr[32];

#define mfc0(reg, sel)     (host_cp0[reg][sel])
#define mtc0(reg, sel, v)  ((void)(host_cp0[reg][sel] = (uint32_t)(v)))
#define mfgc0(reg, sel)    (host_gcp0[reg][sel])
#define mtgc0(reg, sel, v) ((void)(host_gcp0[reg][sel] = (uint32_t)(v)))
#define ehb()              ((void)0)

uint32_t guest_gpr(unsigned n);
void set_guest_gpr(unsigned n, uint32_t v);

#endif
