/* The VZ virtualization module of the M5150: guest mode, guest exits, the guest's sensitive
 * instructions, root's VZ instructions, guest interrupts.  MD00846; mips-vz.md §5. */
#ifndef SIM_VZ_H
#define SIM_VZ_H

#include "cpu_internal.h"

/* Guest exits (exception.c). gexccode < 0: a root exception that sets no GExcCode. */
void vz_exit(struct cpu *c, unsigned exccode, int gexccode);
void vz_exit_cpu(struct cpu *c, unsigned unit);
void vz_take_guest_interrupt(struct cpu *c, unsigned gripl, uint32_t gvec);

/* After a guest exception entry or guest ERET: GHFC exit when GuestCtl0.MC=1 and
 * GuestCtl0Ext.FCD=0 (vz.c). */
void vz_mode_change(struct cpu *c);

/* Guest-mode instructions that may be sensitive (vz.c). */
void vz_guest_cop0(struct cpu *c, uint32_t w);
bool vz_guest_cache_traps(struct cpu *c, uint32_t w);
bool vz_guest_rdhwr_traps(struct cpu *c, unsigned rd);
/* Root-mode VZ instructions: MFGC0/MTGC0 (rs = 3), TLBG*, HYPCALL (vz.c). */
void vz_root_mfgc0_mtgc0(struct cpu *c, uint32_t w);
bool vz_root_co(struct cpu *c, unsigned funct);

/* Guest interrupt sampling (cpu.c calls it in guest mode when root takes nothing). */
void vz_check_guest_interrupts(struct cpu *c);
/* A unit (1 = FPU) or the DSP (unit = -1) is usable in the executing context; otherwise the
 * right exception is raised (guest CpU/DSPDis, or a root exit for lazy switching). */
bool vz_cop_usable(struct cpu *c, int unit);

#endif
