/* Debug traces and the per-VM counters behind the console's `q` (trace.h). */
#include "trace.h"

#include "arch/mips/cp0.h"
#include "core/hv.h"
#include "core/vm.h"
#include "emul/vevic.h"
#include "tvp_config.h"

/* A guest timer interrupt raised more than this after its Compare counts as late: 10 us,
 * far more than the root timer's own latency (sched.c arms it at the earliest Compare). */
#define LATE_TICKS 1000u

#define RING 32 /* entries per trace: a power of two */

struct exc_entry {
    uint32_t time; /* low word of the system time, Count ticks */
    uint32_t cause, pc;
    uint8_t vm, gexc;
};

struct irq_entry {
    uint32_t time;
    uint16_t irq;   /* EVIC vector */
    uint8_t vm;     /* owner (0 = root / nobody) */
    uint8_t kind;   /* 'P' physical, 'I' injected */
    uint32_t value; /* injected: its priority */
};

struct time_entry {
    uint32_t time, value, late;
    uint8_t vm, kind;
};

bool trace_on;
static struct exc_entry excs[RING];
static struct irq_entry irqs[RING];
static struct time_entry times[RING];
static unsigned n_exc, n_irq, n_time; /* entries ever written (index = n % RING) */

static uint32_t now32(void)
{
    return mfc0(9, 0); /* Count: the low word of the system time (core/time.c) */
}

static uint8_t vm_id(const struct vm *vm)
{
    return vm ? (uint8_t)vm->cfg->id : 0;
}

void trace_exit(struct vm *vm, uint32_t cause, uint32_t gexccode)
{
    struct vm_stats *s = &vm->stats;
    unsigned k = s->next++ % VM_LAST_EXITS;
    s->last_cause[k] = cause;
    s->last_gexc[k] = (uint8_t)gexccode;
    s->last_pc[k] = vm->pc;
    uint32_t code = (cause & CAUSE_EXCCODE) >> CAUSE_EXCCODE_SHIFT;
    if (!trace_on || code == EXCCODE_INT)
        return;
    struct exc_entry *e = &excs[n_exc++ % RING];
    *e = (struct exc_entry){now32(), cause, vm->pc, vm_id(vm), (uint8_t)gexccode};
}

void trace_irq(unsigned irq)
{
    unsigned owner = irq < TVP_NIRQ ? tvp_irq_owner[irq] : 0;
    if (owner && owner <= TVP_MAX_VMID && tvp_vm_index[owner] < TVP_NVMS)
        vms[tvp_vm_index[owner]].stats.irqs++;
    else
        owner = 0;
    if (!trace_on)
        return;
    irqs[n_irq++ % RING] = (struct irq_entry){now32(), (uint16_t)irq, (uint8_t)owner, 'P', 0};
}

/* last_injected's bit 31: the request is still being presented (one trace entry for it). */
#define PRESENTING 0x80000000u

void trace_inject(struct vm *vm)
{
    unsigned irq, pri;
    struct vm_stats *s = &vm->stats;
    if ((vm->cfg->flags & TVP_VM_IRQPOLLING) || !vevic_highest(&vm->evic, &irq, &pri)) {
        s->last_injected &= ~PRESENTING; /* nothing presented (core/irq.c: irq_before_enter) */
        return;
    }
    uint32_t what = irq | pri << 16 | PRESENTING;
    bool same = s->last_injected == what; /* entered again while it is pending */
    s->last_injected = what;
    if (same)
        return;
    s->injected++;
    if (trace_on)
        irqs[n_irq++ % RING] = (struct irq_entry){now32(), (uint16_t)irq, vm_id(vm), 'I', pri};
}

void trace_time(struct vm *vm, enum trace_time_kind kind, uint32_t value, uint32_t late)
{
    if (kind == TRACE_MATCH) {
        vm->stats.timer_irqs++;
        if (late > LATE_TICKS)
            vm->stats.timer_late++;
    }
    if (!trace_on)
        return;
    times[n_time++ % RING] = (struct time_entry){now32(), value, late, vm_id(vm), (uint8_t)kind};
}

void trace_clear(void)
{
    n_exc = n_irq = n_time = 0;
}

/* The oldest entry still in a ring of n written entries. */
static unsigned first(unsigned n)
{
    return n > RING ? n - RING : 0;
}

static bool off(void)
{
    if (trace_on)
        return false;
    hv_printf("debug mode is off: 'd' turns it on, then traces are recorded\n");
    return true;
}

void trace_print_exc(const struct vm *vm)
{
    if (off())
        return;
    hv_printf("exception trace (%u recorded):\n", n_exc);
    for (unsigned i = first(n_exc); i < n_exc; i++) {
        const struct exc_entry *e = &excs[i % RING];
        if (vm && e->vm != vm->cfg->id)
            continue;
        unsigned code = (e->cause & CAUSE_EXCCODE) >> CAUSE_EXCCODE_SHIFT;
        hv_printf("  t=%08x VM%u pc %08x exccode %2u", (unsigned)e->time, e->vm, (unsigned)e->pc,
                  code);
        if (code == EXCCODE_GE) /* GExcCode means something only for a guest exit */
            hv_printf(" (guest exit, GExcCode %u)\n", e->gexc);
        else
            hv_printf("\n");
    }
}

void trace_print_irq(const struct vm *vm)
{
    if (off())
        return;
    hv_printf("interrupt trace (%u recorded):\n", n_irq);
    for (unsigned i = first(n_irq); i < n_irq; i++) {
        const struct irq_entry *e = &irqs[i % RING];
        if (vm && e->vm != vm->cfg->id)
            continue;
        if (e->kind == 'P')
            hv_printf("  t=%08x IRQ %3u -> %s%u\n", (unsigned)e->time, e->irq,
                      e->vm ? "VM" : "root ", e->vm);
        else
            hv_printf("  t=%08x VM%u injected: IRQ %u at priority %u\n", (unsigned)e->time, e->vm,
                      (unsigned)e->irq, (unsigned)e->value);
    }
}

void trace_print_time(const struct vm *vm)
{
    if (off())
        return;
    hv_printf("time trace (%u recorded):\n", n_time);
    for (unsigned i = first(n_time); i < n_time; i++) {
        const struct time_entry *e = &times[i % RING];
        if (vm && e->vm != vm->cfg->id)
            continue;
        switch (e->kind) {
        case TRACE_COMPARE:
            hv_printf("  t=%08x VM%u COMPARE <= %08x\n", (unsigned)e->time, e->vm,
                      (unsigned)e->value);
            break;
        case TRACE_MATCH:
            hv_printf("  t=%08x VM%u COUNT reached %08x: timer IRQ, %u ticks late\n",
                      (unsigned)e->time, e->vm, (unsigned)e->value, (unsigned)e->late);
            break;
        default:
            hv_printf("  t=%08x VM%u WAIT, COMPARE %08x\n", (unsigned)e->time, e->vm,
                      (unsigned)e->value);
            break;
        }
    }
}
