/* Root TLB management for guest GPA mappings (architecture.md "Few TLB entries"). */
#ifndef HV_CORE_TLB_H
#define HV_CORE_TLB_H

#include <stdint.h>

struct vm;

void tlb_init(void);
/* Writes the pair mapping gpa for vm, from its tvpconf page tree, when gpa is in a mapped
 * page.  Returns the tree entry's kind: TVP_PT_MAPPED (written), TVP_PT_TRAP (an emulated
 * page: nothing written, so trap pages never take a TLB entry), or TVP_PT_NONE. */
unsigned tlb_refill(struct vm *vm, uint32_t gpa);
struct tvp_tlb_pair;
/* Writes the TLB slot kept out of every VM's range (core/llclear.c). */
void tlb_write_reserved(unsigned guestid, const struct tvp_tlb_pair *pair);
/* Prints every TLB entry (the console's T command). */
void tlb_dump(void);

#endif
