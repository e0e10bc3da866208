/* Root threads: see thread.h for how they run. */
#include "thread.h"

#include "arch/mips/cp0.h"
#include "core/hv.h"
#include "core/sched.h"
#include "core/time.h"
#include "tvp/tables.h"
#include "tvp_config.h"

enum thread_state { THREAD_READY, THREAD_SLEEPING, THREAD_DONE };

/* SYSCALL codes in v0 (a0/a1: the wake-up time, low and high word). */
#define TCALL_SLEEP_UNTIL 0
#define TCALL_SLEEP       1
#define TCALL_YIELD       2
#define TCALL_EXIT        3

/* Save area of a set-0 thread, filled by the vectors (entry.S): word n = GPR n, except
 * word 0 (unused) and words 26/27 (k0/k1, which exceptions may clobber anyway) = HI/LO. */
#define SAVE_HI 26
#define SAVE_LO 27

struct thread {
    const struct tvp_thread *cfg;
    enum thread_state state;
    bool started;
    bool woken; /* thread_wake while it ran: its next thread_sleep returns at once */
    uint32_t pc;
    uint64_t wake;
    uint32_t regs[32]; /* set-0 threads only */
};

static struct thread threads[TVP_NTHREADS ? TVP_NTHREADS : 1];
static const unsigned n_threads = TVP_NTHREADS;
static bool initialised;
static struct thread *running; /* the thread whose context is live, NULL in root handlers */
static struct thread *left;    /* the thread this exception came from, NULL if none */
static bool give_way;          /* a thread yielded: one scheduling decision without threads */
static unsigned rr_next;
uint32_t *hv_thread_save; /* entry.S: where the vector saves set 0, NULL when no set-0 thread */

void hv_thread_resume(uint32_t *regs) __attribute__((noreturn)); /* entry.S */

static void thread_return(void);

static void init(void)
{
    initialised = true;
    for (unsigned i = 0; i < n_threads; i++) {
        struct thread *t = &threads[i];
        t->cfg = &tvp_threads[i];
        t->pc = (uint32_t)t->cfg->entry;
        t->state = THREAD_READY;
        if (t->cfg->mode != TVP_THREAD_KERNEL) {
            hv_printf("thread %u: user-mode threads are not supported; not started\n",
                      (unsigned)t->cfg->id);
            t->state = THREAD_DONE;
        }
    }
}

static void enter(struct thread *t)
{
    running = t;
    mtc0(12, 6, mfc0(12, 6) & ~GUESTCTL0_GM); /* root mode after the ERET */
    uint32_t srsctl = mfc0(12, 2) & ~SRSCTL_PSS;
    mtc0(12, 2, srsctl | (t->cfg->srs << SRSCTL_PSS_SHIFT));
    /* Kernel mode, IE = 1 (root's Status has it); EXL = 1 until the ERET clears it. */
    mtc0(12, 0, mfc0(12, 0) & ~(STATUS_KSU | STATUS_ERL));
    mtc0(14, 0, t->pc);
    ehb();
    if (!t->started) {
        t->started = true;
        uint32_t sp = (uint32_t)t->cfg->sp & ~7u;
        if (t->cfg->srs == 0) {
            t->regs[29] = sp;
            t->regs[31] = (uint32_t)thread_return;
        } else {
            set_guest_gpr(28, 0);
            set_guest_gpr(29, sp);
            set_guest_gpr(31, (uint32_t)thread_return);
        }
    }
    if (t->cfg->srs == 0)
        hv_thread_resume(t->regs); /* arms hv_thread_save, restores set 0, ERET */
    hv_eret();
}

void thread_schedule(void)
{
    if (!initialised)
        init();
    if (give_way) {
        give_way = false;
        return;
    }
    uint64_t now = time_now();
    for (unsigned k = 0; k < n_threads; k++) {
        unsigned i = rr_next + k; /* round robin among the threads */
        struct thread *t = &threads[i < n_threads ? i : i - n_threads];
        if (t->state == THREAD_SLEEPING && t->wake <= now)
            t->state = THREAD_READY;
        if (t->state == THREAD_READY) {
            rr_next = (unsigned)(t - threads) + 1 < n_threads ? (unsigned)(t - threads) + 1 : 0;
            sched_rearm(); /* the root timer keeps the guests' deadlines meanwhile */
            enter(t);
        }
    }
}

uint64_t thread_next_wake(void)
{
    uint64_t next = UINT64_MAX;
    for (unsigned i = 0; i < n_threads; i++)
        if (threads[i].state == THREAD_SLEEPING && threads[i].wake < next)
            next = threads[i].wake;
    return next;
}

void thread_left(void)
{
    left = running;
    running = 0;
    if (!left)
        return;
    left->pc = mfc0(14, 0);
    hv_thread_save = 0; /* the vector has saved set 0 already, if it was the thread's */
}

static uint32_t reg(const struct thread *t, unsigned n)
{
    return t->cfg->srs == 0 ? t->regs[n] : guest_gpr(n); /* PSS is the thread's set */
}

bool thread_exception(uint32_t exccode)
{
    struct thread *t = left;
    left = 0;
    if (!t)
        return false;
    if (exccode != EXCCODE_SYS) {
        hv_printf("thread %u: exception %u at %08x; stopped\n", (unsigned)t->cfg->id,
                  (unsigned)exccode, (unsigned)t->pc);
        t->state = THREAD_DONE;
        return true;
    }
    t->pc += 4; /* SYSCALL is never in a delay slot here (thread_call) */
    switch (reg(t, 2)) {
    case TCALL_SLEEP_UNTIL:
        t->wake = reg(t, 4) | (uint64_t)reg(t, 5) << 32;
        t->state = THREAD_SLEEPING;
        break;
    case TCALL_SLEEP:
        t->wake = UINT64_MAX;
        t->state = t->woken ? THREAD_READY : THREAD_SLEEPING;
        t->woken = false;
        break;
    case TCALL_EXIT: t->state = THREAD_DONE; break;
    default: give_way = true; break; /* yield: stays ready, a guest goes first */
    }
    return true;
}

static void thread_call(uint32_t op, uint64_t when)
{
    register uint32_t v0 __asm__("$2") = op;
    register uint32_t a0 __asm__("$4") = (uint32_t)when;
    register uint32_t a1 __asm__("$5") = (uint32_t)(when >> 32);
    __asm__ volatile("syscall" : "+r"(v0) : "r"(a0), "r"(a1) : "memory");
}

void thread_sleep_until(uint64_t when)
{
    thread_call(TCALL_SLEEP_UNTIL, when);
}

void thread_sleep(void)
{
    thread_call(TCALL_SLEEP, 0);
}

void thread_yield(void)
{
    thread_call(TCALL_YIELD, 0);
}

static void thread_return(void)
{
    thread_call(TCALL_EXIT, 0);
}

struct thread *thread_self(void)
{
    return running; /* called by a thread: it is the live context */
}

void thread_wake(struct thread *t)
{
    if (!t)
        return;
    if (t->state == THREAD_SLEEPING)
        t->state = THREAD_READY;
    else
        t->woken = true;
}

uint32_t thread_lock(void)
{
    uint32_t st;
    __asm__ volatile("di %0; ehb" : "=r"(st)::"memory");
    return st;
}

void thread_unlock(uint32_t status)
{
    if (status & STATUS_IE)
        __asm__ volatile("ei; ehb" ::: "memory");
}
