/*
 * A virtual machine: the static state tinyVP keeps for each guest (architecture.md "Static
 * only": one object per configured VM, sized by tvpconf's TVP_NVMS).
 */
#ifndef HV_CORE_VM_H
#define HV_CORE_VM_H

#include <stdbool.h>
#include <stdint.h>

#include "core/fpu.h"
#include "emul/vevic.h"
#include "emul/vuart.h"
#include "tvp_config.h"

enum vm_state {
    VM_RUNNABLE,
    VM_WAITING, /* executed WAIT: runs again at its next timer match or interrupt */
    VM_STOPPED,
};

/* The guest CP0 registers tinyVP switches between VMs (mips-vz.md §5.7); Config before
 * Status and Cause last, as the restore order rules say. */
#define GUEST_CP0_SWITCHED(X)                                                                      \
    X(16, 0, config0)                                                                              \
    X(16, 1, config1) X(16, 3, config3) X(16, 5, config5) X(0, 0, index) X(2, 0, entrylo0)         \
        X(3, 0, entrylo1) X(4, 0, context) X(4, 2, userlocal) X(5, 0, pagemask) X(5, 1, pagegrain) \
            X(6, 0, wired) X(7, 0, hwrena) X(8, 0, badvaddr) X(8, 1, badinstr) X(8, 2, badinstrp)  \
                X(10, 0, entryhi) X(12, 1, intctl) X(14, 0, epc) X(15, 1, ebase)                   \
                    X(30, 0, errorepc) X(31, 2, kscratch1) X(31, 3, kscratch2) X(12, 0, status)    \
                        X(13, 0, cause)

struct guest_cp0 {
#define GUEST_CP0_FIELD(reg, sel, name) uint32_t name;
    GUEST_CP0_SWITCHED(GUEST_CP0_FIELD)
#undef GUEST_CP0_FIELD
};

/* What the root console's `q` shows (hv/shell/trace.c keeps them). */
#define VM_LAST_EXITS 4
struct vm_stats {
    uint32_t last_cause[VM_LAST_EXITS], last_pc[VM_LAST_EXITS]; /* the last exits */
    uint8_t last_gexc[VM_LAST_EXITS];
    uint8_t next;
    uint32_t irqs;                   /* physical interrupts routed to it */
    uint32_t injected;               /* requests presented to it in GuestCtl2 */
    uint32_t last_injected;          /* the last: IRQ | priority << 16 (bit 31: still presented) */
    uint32_t timer_irqs, timer_late; /* emulated timer interrupts, and how many were late */
};

struct vm {
    const struct tvp_vm *cfg;
    enum vm_state state;
    uint32_t pc;          /* where the guest continues (guest virtual) */
    uint32_t hilo[2];     /* its HI and LO (not banked by shadow sets) */
    struct guest_cp0 cp0; /* valid while the VM is not loaded in the guest context */
    uint32_t compare;     /* the guest's Compare (root emulates the timer, GT = 0) */
    bool compare_armed;   /* a Compare match is still ahead */
    uint32_t gexits;      /* guest exits, for the status printout */
    uint32_t slices;
    struct vuart uart;
    struct vevic evic;
    struct vm_fpu fpu;
    struct vm_dsp dsp;
    struct vm_stats stats;
};

extern struct vm vms[TVP_NVMS];
extern struct vm *current; /* the VM loaded in the guest context, NULL before the first */

void vm_init_all(void);
void vm_reset(struct vm *vm);
/* Makes vm the loaded guest (switching guest CP0 if needed) and enters it; never returns. */
void vm_enter(struct vm *vm) __attribute__((noreturn));
/* Stop, continue and restart (from the guest's entry with a reset CPU: its start-up code
 * re-initialises its RAM from its flash image, as after a chip reset). */
void vm_stop(struct vm *vm);
void vm_continue(struct vm *vm);
void vm_restart(struct vm *vm);
/* Guest resumes at the instruction after the one that exited (branch-aware). */
void vm_advance_pc(struct vm *vm);

#endif
