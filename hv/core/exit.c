/*
 * Root exception entry points (called from the vectors in arch/mips/entry.S on an empty
 * stack): guest exits dispatched by ExcCode and GuestCtl0.GExcCode (mips-vz.md §5.8), root
 * TLB refills for guest GPAs, root interrupts.
 */
#include "arch/mips/cp0.h"
#include "core/fpu.h"
#include "core/hv.h"
#include "core/llclear.h"
#include "core/mmio.h"
#include "core/platform.h"
#include "core/sched.h"
#include "core/tlb.h"
#include "core/thread.h"
#include "core/trap.h"
#include "core/vm.h"
#include "shell/trace.h"
#include "tvp/pagetree.h"

/* Leaves guest mode for good (clear GM before anything lowers EXL: mips-vz.md §5.1) and
 * records where the guest stopped.  Returns the VM, or NULL when root itself was running. */
static struct vm *exit_guest(uint32_t *gexc)
{
    uint32_t g0 = mfc0(12, 6);
    mtc0(12, 6, g0 & ~GUESTCTL0_GM);
    ehb();
    thread_left(); /* a root thread was running: it is preempted (core/thread.h) */
    *gexc = (g0 & GUESTCTL0_GEXC) >> GUESTCTL0_GEXC_SHIFT;
    if (!(g0 & GUESTCTL0_GM) || !current)
        return 0;
    current->pc = mfc0(14, 0);
    current->hilo[0] = hv_exit_hilo[0];
    current->hilo[1] = hv_exit_hilo[1];
    current->gexits++;
    trace_exit(current, mfc0(13, 0), *gexc);
    return current;
}

/* The LL-clear trampoline's exit: enter the VM it was run for (core/llclear.c). */
static void llclear_finish(void)
{
    if (!llclear_exit())
        return;
    struct vm *ready = llclear_ready();
    if (ready)
        vm_enter(ready); /* consumes it */
    schedule();
}

static uint32_t exccode(void)
{
    return (mfc0(13, 0) & CAUSE_EXCCODE) >> CAUSE_EXCCODE_SHIFT;
}

void hv_tlb_refill(void)
{
    uint32_t gexc;
    struct vm *vm = exit_guest(&gexc);
    llclear_finish();
    uint32_t gpa = mfc0(8, 0);
    if (!vm || gexc != GEXCCODE_GPA)
        hv_panic("TLB refill in root", gpa, mfc0(14, 0));
    unsigned kind = tlb_refill(vm, gpa);
    if (kind == TVP_PT_NONE)
        trap_bus_error(vm, gpa); /* nothing configured there: what a chip gives for nothing */
    else if (kind == TVP_PT_TRAP)
        mmio_trap(vm, exccode()); /* data-side refill: BadInstr holds the access */
    schedule();
}

static void guest_exit(struct vm *vm, uint32_t gexc)
{
    switch (gexc) {
    case GEXCCODE_GPSI: trap_gpsi(vm); return;
    case GEXCCODE_HC: trap_hypcall(vm); return;
    case GEXCCODE_GSFC: trap_gsfc(vm); return;
    default: hv_panic("unexpected guest exit", gexc, vm->pc);
    }
}

void hv_exception(void)
{
    uint32_t gexc;
    struct vm *vm = exit_guest(&gexc);
    llclear_finish();
    uint32_t code = exccode();
    if (!vm) {
        if (code == EXCCODE_DBE && mmio_passthrough_faulted())
            schedule(); /* a guest access root passed through to the chip: the guest's error */
        if (thread_exception(code)) /* a root thread's SYSCALL or fault */
            schedule();
        hv_panic("exception in root", code, mfc0(14, 0));
    }
    switch (code) {
    case EXCCODE_GE: guest_exit(vm, gexc); break;
    case EXCCODE_TLBL:
    case EXCCODE_TLBS:
    case EXCCODE_MOD:
        /* A root TLB invalid/modified fault on a GPA: an emulated or write-ignored page, or a
         * write to read-only memory (mips-vz.md §5.18 "Emulate an MMIO access"). */
        mmio_trap(vm, code);
        break;
    case EXCCODE_TLBRI:
    case EXCCODE_TLBXI:
        trap_bus_error(vm, mfc0(8, 0)); /* executing or reading what it may not */
        break;
    case EXCCODE_IBE:
    case EXCCODE_DBE:
        trap_reflect(vm, code, mfc0(8, 0)); /* a real bus error: the guest's own */
        break;
    case EXCCODE_CPU:
        /* Only CE = 1 (FPU) can reach root: the guest's own Status allowed the unit. */
        fpu_claim(vm, 1);
        break;
    case EXCCODE_DSPDIS: fpu_claim(vm, -1); break;
    default:
        /* Nothing else a guest does may stop tinyVP (issue 7: faults): give the guest the
         * exception, as a chip without a hypervisor would have. */
        trap_reflect(vm, code, mfc0(8, 0));
        break;
    }
    schedule();
}

void hv_interrupt(void)
{
    uint32_t gexc;
    (void)exit_guest(&gexc);
    (void)llclear_exit();
    platform_irq();
    schedule();
}
