/*
 * How device models raise interrupt requests in the interrupt controller (EVIC,
 * pic32mz-ef.md §3).  A device drives a request line per IRQ number; the EVIC turns it into
 * IFSx flags: a persistent source sets its flag again while the line stays high, a
 * non-persistent one only on a rising edge (pic32mz-ef.md §3.5).
 */
#ifndef SIM_IRQ_H
#define SIM_IRQ_H

#include <stdbool.h>

struct evic;

/* Sets request line `irq` (the PIC32MZ vector number, pic32mz-ef.md §3.6) to `level`.
 * A NULL evic is allowed (devices attached without an interrupt controller). */
void evic_set_irq(struct evic *e, unsigned irq, bool level);

#endif
