/*
 * PIC32MZ Peripheral Pin Select (pic32mz-ef.md §5.4): the input select registers (which pin
 * feeds a peripheral input) and the output select registers RPxnR (which peripheral output
 * drives a pin) are recorded; nothing is routed yet (the UART talks to the host directly).
 *
 * CFGCON.IOLOCK belongs to the system-configuration model (sim/soc/syscfg*, another owner): it
 * calls pps_set_locked() whenever IOLOCK changes.  While locked, writes to the PPS registers
 * are ignored (pic32mz-ef.md §5.4, [TV-h]).
 */
#ifndef SIM_PPS_H
#define SIM_PPS_H

#include <stdbool.h>
#include <stdint.h>

#include "soc/pps.h"

struct bus;
struct board;

#define PPS_REGS (PPS_SIZE / 4)

struct pps {
    bool locked;
    bool exists[PPS_REGS]; /* which words of the block are registers on this part */
    uint8_t value[PPS_REGS];
};

int pps_attach(struct pps *s, struct bus *b, const struct board *board);
void pps_reset(struct pps *s);
/* CFGCON.IOLOCK (called by the CFGCON model). */
void pps_set_locked(struct pps *s, bool locked);

/* Recorded routing: the 4-bit code of an input register (PPS_U4RXR-style offset) or of the
 * output register of port/pin; -1 if there is no such register on this part. */
int pps_input(const struct pps *s, uint32_t off);
int pps_output(const struct pps *s, unsigned port, unsigned pin);

#endif
