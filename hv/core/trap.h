/* Emulation of what a guest's exits ask for (mips-vz.md §5.8-§5.11). */
#ifndef HV_CORE_TRAP_H
#define HV_CORE_TRAP_H

#include <stdint.h>

struct vm;

void trap_gpsi(struct vm *vm);
void trap_gsfc(struct vm *vm);
void trap_hypcall(struct vm *vm);
/* Gives the guest the exception a real chip gives it: a bus error for an address with
 * nothing behind it (IBE for its instruction fetch, DBE otherwise; pic32mz-ef.md §1.5). */
void trap_bus_error(struct vm *vm, uint32_t gpa);
/* Delivers exception `code` to the guest's own vectors, as the hardware would have. */
void trap_reflect(struct vm *vm, uint32_t code, uint32_t badvaddr);

/* Hypercalls: HYPCALL's 10-bit code selects the function, a0..a3 are the arguments, v0 the
 * result (docs/hypercalls.md). */
#define HCALL_YIELD         0x000
#define HCALL_PUTC          0x001 /* a0 = character, straight to the console (debugging) */
#define HCALL_VM_STATUS     0x002 /* v0 = the calling VM's id */
#define HCALL_VM_CONTROL    0x3F0 /* tests only (TVP_TEST_HOOKS): a0 = VM id, a1 = op below */
#define HCALL_CONSOLE_INPUT 0x3F1 /* tests only: a0 = a character as if typed on the terminal */
#define HCALL_ERROR         0xFFFFFFFFu

/* HCALL_VM_CONTROL operations: what the root console's s, c and r commands do. */
#define VMCTL_STOP     0
#define VMCTL_CONTINUE 1
#define VMCTL_RESTART  2

#endif
