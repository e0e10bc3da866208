/*
 * Interrupts for PIC32MZ programs (guests/rt/isr.S): the EVIC in multi-vector mode with
 * OFFn offsets into one page of vectors at EBase (pic32mz-ef.md §3.4; XC32 sets the chip up
 * the same way), handlers run with Status.IPL = their priority and nest above it.
 */
#ifndef GUEST_RT_IRQ_H
#define GUEST_RT_IRQ_H

#include <stdint.h>

#include "soc/evic.h"

/* EBase at the vector page, IntCtl.VS = 32 bytes, Cause.IV, INTCON.MVEC, BEV = 0.
 * multi = 0 leaves the EVIC in single-vector mode: every request enters at EBase + 0x200 and
 * the dispatcher calls the handler irq_connect gave INTSTAT.SIRQ's vector. */
void irq_setup(int multi);
/* Routes EVIC vector `vec` to fn at priority ip (1..7), subpriority is, and enables it. */
void irq_connect(unsigned vec, void (*fn)(unsigned vec), unsigned ip, unsigned is);
/* Single-vector mode: fn gets INTSTAT's vector when no handler is connected for it. */
void irq_single(void (*fn)(unsigned vec));
void irq_enable(void);         /* Status.IE = 1 */
void irq_disable(void);        /* Status.IE = 0 */
void irq_clear(unsigned vec);  /* IFSxCLR */
void irq_set(unsigned vec);    /* IFSxSET: software raises the request */
int irq_flagged(unsigned vec); /* IFSx bit */

/* The general exception handler records the last exception and skips the instruction. */
extern volatile uint32_t exc_count, exc_code, exc_badvaddr;

#endif
