/* tinyVP-wide declarations: entry points from the vectors, panic, console output. */
#ifndef HV_CORE_HV_H
#define HV_CORE_HV_H

#include <stdint.h>

void hv_main(void);
void hv_exception(void) __attribute__((noreturn));
void hv_tlb_refill(void) __attribute__((noreturn));
void hv_interrupt(void) __attribute__((noreturn));
void hv_eret(void) __attribute__((noreturn));
/* HI/LO as the last root exception found them, and as hv_eret sets them (arch/mips/entry.S):
 * they are shared by all shadow sets, so tinyVP keeps each guest's copy (core/vm.c). */
extern uint32_t hv_exit_hilo[2];
extern uint32_t hv_guest_hilo[2];
void hv_idle(void) __attribute__((noreturn));
void hv_panic_halt(void) __attribute__((noreturn));

/* An internal hypervisor fault (a bug, never a guest's doing): report and halt. */
void hv_panic(const char *what, uint32_t a, uint32_t b) __attribute__((noreturn));

/* Root console output, marked "[tvp] " at the start of each line (lib/print.c). */
void hv_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
