/*
 * Interrupt routing: physical IRQs to the VM that owns them, every VM's emulated EVIC to its
 * guest through GuestCtl2 (irq.h; mips-vz.md §5.5, §5.14; pic32mz-ef.md §3.3, §3.7).
 *
 * A routed physical IRQ is masked and acknowledged in the real EVIC when it arrives and
 * flagged in its VM's EVIC.  Its real enable then follows the VM's view: on while the VM
 * has it enabled and not flagged, so the end of interrupt (the guest clearing its flag) lets
 * a persistent source that is still asserted interrupt again, as it would on the chip.
 *
 * GuestCtl2 carries what the VM's EVIC presents: the winning request's priority as GRIPL and
 * its vector offset (OFFn in multi-vector mode, 0x200 in single-vector mode) as GVEC.  The
 * core takes it only when GRIPL exceeds the guest's Status.IPL with IE = 1 and EXL = ERL = 0,
 * and GRIPL is not cleared by acceptance (mips-vz.md §5.14), so the request is presented
 * whenever one is pending: one masked by the guest's IPL is taken the moment the guest
 * lowers IPL, without waiting for an exit, as with a real EVIC; the guest's end of interrupt
 * (an EVIC access, so an exit) withdraws it or presents the next one.
 */
#include "irq.h"

#include "arch/mips/cp0.h"
#include "core/vm.h"
#include "emul/console.h"
#include "emul/vevic.h"
#include "emul/vuart.h"
#include "soc/memmap.h"

static struct vm *owner_of(unsigned irq)
{
    unsigned id = tvp_irq_owner[irq];
    if (!id || id > TVP_MAX_VMID || tvp_vm_index[id] >= TVP_NVMS ||
        tvp_irq_emulator[irq] != TVP_EMUL_NONE)
        return 0;
    return &vms[tvp_vm_index[id]];
}

void irq_init(void)
{
    platform_bus_guard_init();
    for (unsigned irq = 1; irq < TVP_NIRQ; irq++)
        if (owner_of(irq))
            platform_irq_route(irq, IRQ_ROUTE_PRIORITY);
}

static uint32_t guest_reg(const struct vm *vm, unsigned which)
{
    if (vm == current)
        return which ? mfgc0(13, 0) : mfgc0(12, 0);
    return which ? vm->cp0.cause : vm->cp0.status;
}

/* Core software interrupts 0/1 (EVIC IRQs 1/2, pic32mz-ef.md §3.6): in EIC mode the core
 * hands Cause.IP0/IP1 to the controller, where they are persistent sources (the handler
 * clears Cause.IPn, then the flag).  A guest's Cause writes do not exit, so the bits are
 * sampled whenever root looks at the VM's interrupt state: at every entry and WAIT. */
static void sample_soft(struct vm *vm)
{
    uint32_t cause = guest_reg(vm, 1);
    if ((cause & CAUSE_IP0) && (vm->cfg->irq_emulated[0] & EVIC_IRQ_BIT(IRQ_CORE_SW0)))
        vevic_flag(&vm->evic, IRQ_CORE_SW0);
    if ((cause & CAUSE_IP1) && (vm->cfg->irq_emulated[0] & EVIC_IRQ_BIT(IRQ_CORE_SW1)))
        vevic_flag(&vm->evic, IRQ_CORE_SW1);
}

bool irq_pending(struct vm *vm)
{
    unsigned irq, pri;
    sample_soft(vm);
    if (!vevic_highest(&vm->evic, &irq, &pri))
        return false;
    uint32_t st = guest_reg(vm, 0);
    unsigned ipl = (st & STATUS_IPL) >> STATUS_IPL_SHIFT;
    return pri > ipl;
}

static void wake(struct vm *vm)
{
    if (vm->state == VM_WAITING && irq_pending(vm))
        vm->state = VM_RUNNABLE;
}

void irq_raise(struct vm *vm, unsigned irq)
{
    vevic_flag(&vm->evic, irq);
    wake(vm);
}

void irq_physical(unsigned irq)
{
    if (console_irq(irq) || platform_bus_violation(irq))
        return;
    platform_irq_enable(irq, false);
    platform_irq_ack(irq);
    struct vm *vm = irq < TVP_NIRQ ? owner_of(irq) : 0;
    if (vm)
        irq_raise(vm, irq); /* else: nobody's, and now masked for good */
}

/* The real enables of the VM's physical IRQs follow its view: on while enabled, not flagged. */
static void sync_physical(const struct vm *vm)
{
    const struct vevic *e = &vm->evic;
    for (unsigned k = 0; k < EVIC_FLAG_WORDS; k++) {
        uint32_t phys = vm->cfg->irq_owned[k];
        while (phys) {
            unsigned bit = (unsigned)__builtin_ctz(phys);
            phys &= phys - 1;
            unsigned irq = 32 * k + bit;
            bool want = ((e->iec[k] & ~e->ifs[k]) >> bit) & 1u;
            if (want != platform_irq_enabled(irq))
                platform_irq_enable(irq, want);
        }
    }
}

void irq_guest_wrote(struct vm *vm)
{
    sync_physical(vm);
    vuart_irq_update(vm); /* persistent sources flag again while their condition holds */
    wake(vm);
}

void irq_before_enter(struct vm *vm)
{
    unsigned irq, pri;
    uint32_t g2 = 0;
    console_pump();
    sync_physical(vm); /* also after a restart reset the VM's EVIC */
    sample_soft(vm);
    if (!(vm->cfg->flags & TVP_VM_IRQPOLLING) && vevic_highest(&vm->evic, &irq, &pri)) {
        uint32_t vec = (vm->evic.intcon & INTCON_MVEC) ? vm->evic.off[irq] : VEC_INTERRUPT;
        g2 = (pri << GUESTCTL2_GRIPL_SHIFT) | (vec & GUESTCTL2_GVEC);
    }
    mtc0(10, 5, g2);
}
