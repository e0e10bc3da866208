/*
 * Interrupt routing (architecture.md "Interrupts"; mips-vz.md §5.5, §5.14): physical IRQs a
 * VM owns are taken by root, masked and acknowledged in the real EVIC and flagged in that
 * VM's emulated EVIC; emulated sources (guest timer, core software interrupts, console UART)
 * are flagged there too.  Right before a guest runs, its emulated EVIC's request is presented
 * through GuestCtl2; the guest's own end of interrupt (clearing its flag) withdraws it and
 * lets the physical source interrupt again.
 */
#ifndef HV_CORE_IRQ_H
#define HV_CORE_IRQ_H

#include <stdbool.h>
#include <stdint.h>

struct vm;

/* Root priority of physical IRQs routed to VMs (the root timer has 1). */
#define IRQ_ROUTE_PRIORITY 2

/* Masks every IRQ no VM owns, readies the routed ones (masked until their VM enables them). */
void irq_init(void);
/* A root interrupt from a device other than the root timer (platform_irq). */
void irq_physical(unsigned irq);
/* Flags `irq` in the VM's emulated EVIC; a waiting VM runs again if it became pending. */
void irq_raise(struct vm *vm, unsigned irq);
/* The VM wrote its IFS/IEC/IPC/INTCON (emul/vevic.c): follow enables and ends of interrupt. */
void irq_guest_wrote(struct vm *vm);
/* Would the VM's core see an interrupt request now (WAIT ends; mips-vz.md §5.16)? */
bool irq_pending(struct vm *vm);
/* Right before entering vm: GuestCtl2 = its controller's request (mips-vz.md §5.5). */
void irq_before_enter(struct vm *vm);

/* What the platform provides (hv/platform/<soc>/): the real interrupt controller. */
void platform_irq_route(unsigned irq, unsigned priority); /* priority set, masked, no flag */
void platform_irq_enable(unsigned irq, bool on);
void platform_irq_ack(unsigned irq); /* clears the flag */
bool platform_irq_enabled(unsigned irq);
/* Bus arbiter violations reported to root (IRQ 106): logged, never a VM's. */
void platform_bus_guard_init(void);
bool platform_bus_violation(unsigned irq); /* false for any other IRQ */

#endif
