/*
 * The scheduler: guests by round robin with fixed time slices; a guest that executes WAIT
 * with nothing pending gives up the CPU until its emulated timer matches (the guest timer
 * is emulated in root, mips-vz.md §5.15); with nothing runnable the root sleeps in WAIT.
 */
#include "sched.h"

#include "arch/mips/cp0.h"
#include "core/hv.h"
#include "core/irq.h"
#include "core/thread.h"
#include "core/time.h"
#include "core/vm.h"
#include "shell/trace.h"

static uint64_t slice_end;
static unsigned rr_next;
/* The VM whose slice is running.  Not `current` (the VM loaded in the guest context): a root
 * interrupt can arrive between picking a VM and loading it (LL clearing runs in between),
 * and the slice must then stay the picked VM's. */
static struct vm *slice_vm;

/* Has the guest's Count (= root Count, GTOffset 0) reached its Compare? */
static int timer_due(const struct vm *vm, uint32_t count)
{
    return vm->compare_armed && (int32_t)(count - vm->compare) >= 0;
}

/* The guest timer matched: guest Cause.TI (root may write it: mips-vz.md §5.5) and the VM
 * runs again if it was waiting. */
static void timer_match(struct vm *vm)
{
    trace_time(vm, TRACE_MATCH, vm->compare, (uint32_t)time_now() - vm->compare);
    vm->compare_armed = false;
    if (vm == current)
        mtgc0(13, 0, mfgc0(13, 0) | CAUSE_TI);
    else
        vm->cp0.cause |= CAUSE_TI;
    if (vm->state == VM_WAITING)
        vm->state = VM_RUNNABLE;
    irq_raise(vm, IRQ_CORE_TIMER); /* the guest's core timer interrupt, EVIC vector 0 */
}

void sched_rearm(void)
{
    uint64_t now = time_now();
    uint64_t next = slice_end > now ? slice_end : now + SLICE_TICKS;
    uint64_t wake = thread_next_wake(); /* root threads' sleeps (core/thread.c) */
    if (wake < next)
        next = wake;
    for (unsigned i = 0; i < TVP_NVMS; i++) {
        const struct vm *vm = &vms[i];
        if (vm->compare_armed && vm->state != VM_STOPPED) {
            uint64_t at = now + (uint32_t)(vm->compare - (uint32_t)now);
            if (at < next)
                next = at;
        }
    }
    time_arm(next);
}

void sched_tick(void)
{
    uint32_t count = (uint32_t)time_now();
    for (unsigned i = 0; i < TVP_NVMS; i++)
        if (timer_due(&vms[i], count))
            timer_match(&vms[i]);
}

void sched_wait(struct vm *vm)
{
    uint32_t cause = vm == current ? mfgc0(13, 0) : vm->cp0.cause;
    if ((cause & CAUSE_TI) || timer_due(vm, (uint32_t)time_now()) || irq_pending(vm))
        return; /* the match already happened: WAIT ends at once */
    trace_time(vm, TRACE_WAIT, vm->compare, 0);
    vm->state = VM_WAITING;
    slice_end = 0;
}

void sched_yield(void)
{
    slice_end = 0;
}

static struct vm *pick(void)
{
    uint64_t now = time_now();
    if (slice_vm && slice_vm->state == VM_RUNNABLE && now < slice_end)
        return slice_vm;
    for (unsigned k = 0; k < TVP_NVMS; k++) {
        struct vm *vm = &vms[(rr_next + k) % TVP_NVMS];
        if (vm->state == VM_RUNNABLE) {
            rr_next = (unsigned)(vm - vms) + 1;
            slice_end = now + SLICE_TICKS;
            slice_vm = vm;
            vm->slices++;
            return vm;
        }
    }
    return 0;
}

void schedule(void)
{
    thread_schedule(); /* a ready root thread runs first (core/thread.h) */
    struct vm *vm = pick();
    sched_rearm();
    if (!vm)
        hv_idle();
    irq_before_enter(vm);
    trace_inject(vm); /* what irq_before_enter presented */
    vm_enter(vm);
}
