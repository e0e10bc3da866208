/* TLB instructions of the root context (MD00090 §9.2-§9.7; mips-vz.md §3). */
#ifndef SIM_TLB_H
#define SIM_TLB_H

#include "cpu_internal.h"

void tlb_read(struct cpu *c);
void tlb_write(struct cpu *c, uint32_t index);
void tlb_probe(struct cpu *c);

#endif
