/*
 * The board-facing part of the core's microMIPS support (the decoder is private to sim/cpu:
 * micromips_internal.h).
 */
#ifndef SIM_CPU_MICROMIPS_H
#define SIM_CPU_MICROMIPS_H

#include <stdbool.h>

struct cpu;

/* The BOOTISA input (DEVCFG0.BOOTISA = 0: microMIPS).  Called by syscfg at every chip reset,
 * before the core's own reset: the core then resets at 0xBFC00000 in microMIPS with
 * Config3.ISA = 3 and Config3.ISAOnExc = 1 (cpu.c). */
void cpu_set_boot_isa(struct cpu *c, bool micromips);

#endif
