/* Clearing the guest LL bit on a VM switch (issue 7; mips-vz.md §5.17). */
#ifndef HV_CORE_LLCLEAR_H
#define HV_CORE_LLCLEAR_H

#include <stdbool.h>

struct vm;

/* Runs the ERET trampoline in vm's GuestID; the exit it ends with comes back through the
 * vectors, where llclear_exit() recognises it.  Never returns. */
void llclear_run(struct vm *vm) __attribute__((noreturn));
/* At a root exception: was the guest running the trampoline?  Then the exit is consumed and
 * vm (if the trampoline completed) is ready to be loaded. */
bool llclear_exit(void);
/* The VM whose guest LL bit is clear and whose CP0 must now be loaded, or NULL;
 * llclear_ready() only looks, llclear_done() also consumes it. */
struct vm *llclear_ready(void);
struct vm *llclear_done(void);

#endif
