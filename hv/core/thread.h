/*
 * Root threads (tvpconf's tvp_threads[], `.thread` blocks): kernel-mode C functions of tinyVP
 * scheduled with the guests.  How they run, given that root otherwise lives with EXL = 1
 * between exceptions and every exception starts on an empty stack (arch/mips/entry.S):
 *
 * - A thread runs in root kernel mode with EXL = 0 and IE = 1, on its own stack, in its own
 *   shadow register set or in set 0.  It is entered like a guest: EPC = where it continues,
 *   SRSCtl.PSS = its set, GuestCtl0.GM = 0, ERET (MD00090 ERET: CSS = PSS).
 * - Any interrupt preempts it: the core switches to set 0 (ESS, and PRISS = 0 for interrupts)
 *   and enters the vector on the empty hypervisor stack as usual.  A thread in its own set
 *   keeps its registers there untouched; for a thread in set 0 the vector first stores
 *   set 0's registers into the thread's save area (hv_thread_save, entry.S), because the
 *   handler is about to use them.  Its PC is EPC.  The handler ends in schedule(), which may
 *   enter the thread again (restoring set 0 from the save area) or a guest.
 * - A thread gives up the CPU with SYSCALL (thread_sleep_until, thread_yield): root takes it
 *   as an exception from root mode, not from a guest.
 * - Ready threads run before guests: a root thread is short work that then sleeps.  A thread
 *   that never sleeps would starve the guests; tinyVP's threads all sleep.
 * - Code a thread shares with exception handlers (the console, hv_printf) runs between
 *   thread_lock() and thread_unlock(), with interrupts off, as handlers do.
 * User-mode threads (`mode = user`, their own memory map) are not implemented: tinyVP reports
 * them at boot and never runs them.
 */
#ifndef HV_CORE_THREAD_H
#define HV_CORE_THREAD_H

#include <stdbool.h>
#include <stdint.h>

struct thread;

/* For the scheduler: enters the first ready thread (never returns then); returns if none. */
void thread_schedule(void);
/* The earliest wake-up time of a sleeping thread, UINT64_MAX when none. */
uint64_t thread_next_wake(void);
/* At every exception entry: a thread that was running is preempted (its PC saved). */
void thread_left(void);
/* An exception from root mode: true when it was a running thread's SYSCALL (handled). */
bool thread_exception(uint32_t exccode);

/* For threads themselves. */
void thread_sleep_until(uint64_t when); /* system time (time_now()) */
void thread_sleep(void);                /* until thread_wake */
void thread_yield(void);
struct thread *thread_self(void);
/* From an exception handler: a sleeping thread runs at the next scheduling decision. */
void thread_wake(struct thread *t);
uint32_t thread_lock(void); /* interrupts off; returns the previous Status */
void thread_unlock(uint32_t status);

#endif
