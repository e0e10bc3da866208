/* CP0 and guest-CP0 accessors for tinyVP (root mode).  mips-vz.md §5.12 encodings. */
#ifndef HV_ARCH_CP0_H
#define HV_ARCH_CP0_H

#include <stdint.h>

#include "soc/cp0.h"

#define mfc0(reg, sel)                                                                             \
    ({                                                                                             \
        uint32_t v_;                                                                               \
        __asm__ volatile("mfc0 %0, $" #reg ", " #sel : "=r"(v_));                                  \
        v_;                                                                                        \
    })
#define mtc0(reg, sel, v) __asm__ volatile("mtc0 %z0, $" #reg ", " #sel ::"Jr"(v))
#define mfgc0(reg, sel)                                                                            \
    ({                                                                                             \
        uint32_t v_;                                                                               \
        __asm__ volatile(".set push; .set virt; mfgc0 %0, $" #reg ", " #sel "; .set pop"           \
                         : "=r"(v_));                                                              \
        v_;                                                                                        \
    })
#define mtgc0(reg, sel, v)                                                                         \
    __asm__ volatile(".set push; .set virt; mtgc0 %z0, $" #reg ", " #sel "; .set pop" ::"Jr"(v))
#define ehb() __asm__ volatile("ehb" ::: "memory")

/* Guest general registers live in the guest's shadow set, which is SRSCtl.PSS while root
 * handles its exit (mips-vz.md §5.18): read and written with RDPGPR/WRPGPR (gpr.S). */
uint32_t guest_gpr(unsigned n);
void set_guest_gpr(unsigned n, uint32_t v);

#endif
