/* The root console's printouts: VM status (`q`) and the interrupt controllers (`I`). */
#include "arch/mips/cp0.h"
#include "core/hv.h"
#include "core/time.h"
#include "core/vm.h"
#include "emul/console.h"
#include "emul/vevic.h"
#include "shell/shell.h"
#include "soc/evic.h"
#include "soc/memmap.h"
#include "tvp_config.h"

static const char *state_name(const struct vm *vm)
{
    switch (vm->state) {
    case VM_RUNNABLE: return vm == current ? "running" : "runnable";
    case VM_WAITING: return "waiting (WAIT)";
    default: return "stopped";
    }
}

/* The VM's guest CP0 register: live while it is loaded in the guest context. */
#define GUEST_CP0(vm, reg, sel, field) ((vm) == current ? mfgc0(reg, sel) : (vm)->cp0.field)

static void print_gprs(const struct vm *vm)
{
    static const char names[32][3] = {"ze", "at", "v0", "v1", "a0", "a1", "a2", "a3",
                                      "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
                                      "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
                                      "t8", "t9", "k0", "k1", "gp", "sp", "s8", "ra"};
    /* Its registers are in its own shadow set: read through SRSCtl.PSS (RDPGPR). */
    uint32_t srsctl = mfc0(12, 2);
    mtc0(12, 2, (srsctl & ~SRSCTL_PSS) | (vm->cfg->srs << SRSCTL_PSS_SHIFT));
    ehb();
    for (unsigned r = 0; r < 32; r += 4)
        hv_printf("  %s %08x  %s %08x  %s %08x  %s %08x\n", names[r], (unsigned)guest_gpr(r),
                  names[r + 1], (unsigned)guest_gpr(r + 1), names[r + 2],
                  (unsigned)guest_gpr(r + 2), names[r + 3], (unsigned)guest_gpr(r + 3));
    mtc0(12, 2, srsctl);
    ehb();
}

static void print_one(const struct vm *vm)
{
    const struct vm_stats *s = &vm->stats;
    hv_printf("VM%u: %s, pc %08x, GuestID %u, shadow set %u, %u exits, %u slices\n",
              (unsigned)vm->cfg->id, state_name(vm), (unsigned)vm->pc, (unsigned)vm->cfg->guestid,
              (unsigned)vm->cfg->srs, (unsigned)vm->gexits, (unsigned)vm->slices);
    print_gprs(vm);
    hv_printf("  guest CP0: Status %08x Cause %08x EPC %08x EBase %08x BadVAddr %08x\n",
              (unsigned)GUEST_CP0(vm, 12, 0, status), (unsigned)GUEST_CP0(vm, 13, 0, cause),
              (unsigned)GUEST_CP0(vm, 14, 0, epc), (unsigned)GUEST_CP0(vm, 15, 1, ebase),
              (unsigned)GUEST_CP0(vm, 8, 0, badvaddr));
    hv_printf("  timer: Count %08x Compare %08x%s; %u timer interrupts, %u late\n",
              (unsigned)(uint32_t)time_now(), (unsigned)vm->compare,
              vm->compare_armed ? " (armed)" : "", (unsigned)s->timer_irqs,
              (unsigned)s->timer_late);
    hv_printf("  interrupts: %u routed to it, %u injected, the last IRQ %u at priority %u\n",
              (unsigned)s->irqs, (unsigned)s->injected, (unsigned)(s->last_injected & 0xFFFF),
              (unsigned)((s->last_injected >> 16) & 0xFF));
    hv_printf("  last exits (oldest first):");
    unsigned n = s->next < VM_LAST_EXITS ? s->next : VM_LAST_EXITS;
    for (unsigned i = 0; i < n; i++) {
        unsigned k = (unsigned)(s->next - n + i) % VM_LAST_EXITS;
        hv_printf(" exccode %u/%u at %08x;",
                  (unsigned)((s->last_cause[k] & CAUSE_EXCCODE) >> CAUSE_EXCCODE_SHIFT),
                  (unsigned)s->last_gexc[k], (unsigned)s->last_pc[k]);
    }
    hv_printf("\n");
}

void shell_print_status(const struct vm *vm)
{
    if (vm) {
        print_one(vm);
        return;
    }
    uint32_t ms = shell_time_ms();
    hv_printf("%u VMs, system time %u.%03u s, console input: %s%u\n", (unsigned)TVP_NVMS,
              (unsigned)(ms / 1000), (unsigned)(ms % 1000), console_input_owner() ? "VM" : "root ",
              console_input_owner());
    for (unsigned i = 0; i < TVP_NVMS; i++) {
        const struct vm *v = &vms[i];
        hv_printf("VM%u: %s, pc %08x, %u exits, %u slices, %u interrupts routed, "
                  "%u timer interrupts (%u late)\n",
                  (unsigned)v->cfg->id, state_name(v), (unsigned)v->pc, (unsigned)v->gexits,
                  (unsigned)v->slices, (unsigned)v->stats.irqs, (unsigned)v->stats.timer_irqs,
                  (unsigned)v->stats.timer_late);
    }
}

#define EVIC(off) (*(volatile uint32_t *)KSEG1(EVIC_PHYS + (off)))

static void print_words(const char *what, const uint32_t *ifs, const uint32_t *iec)
{
    hv_printf("  %s IFS/IEC:", what);
    bool any = false;
    for (unsigned k = 0; k < EVIC_FLAG_WORDS; k++)
        if (ifs[k] || iec[k]) {
            hv_printf(" %u: %08x/%08x", k, (unsigned)ifs[k], (unsigned)iec[k]);
            any = true;
        }
    hv_printf(any ? "\n" : " none\n");
}

void shell_print_interrupts(void)
{
    uint32_t ifs[EVIC_FLAG_WORDS], iec[EVIC_FLAG_WORDS];
    for (unsigned k = 0; k < EVIC_FLAG_WORDS; k++) {
        ifs[k] = EVIC(EVIC_IFS(k));
        iec[k] = EVIC(EVIC_IEC(k));
    }
    hv_printf("EVIC: INTCON %08x INTSTAT %08x\n", (unsigned)EVIC(EVIC_INTCON),
              (unsigned)EVIC(EVIC_INTSTAT));
    print_words("requests/masks", ifs, iec);
    for (unsigned i = 0; i < TVP_NVMS; i++) {
        const struct vm *vm = &vms[i];
        const struct vevic *e = &vm->evic;
        unsigned irq, pri;
        hv_printf("VM%u: INTCON %08x (%s-vector)%s", (unsigned)vm->cfg->id, (unsigned)e->intcon,
                  (e->intcon & INTCON_MVEC) ? "multi" : "single",
                  (vm->cfg->flags & TVP_VM_IRQPOLLING) ? ", polling" : "");
        if (vevic_highest(e, &irq, &pri))
            hv_printf(", presents IRQ %u at priority %u\n", irq, pri);
        else
            hv_printf(", nothing to present\n");
        print_words("virtual requests/masks", e->ifs, e->iec);
    }
}
