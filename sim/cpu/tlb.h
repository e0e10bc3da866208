/* The shared TLB: lookups (mmu.c) and the TLB instructions of root and guest (tlb.c).
 * MIPS32 PRA (MD00090) §9.2-§9.7; mips-vz.md §3, §5.12-§5.13. */
#ifndef SIM_TLB_H
#define SIM_TLB_H

#include <stddef.h>

#include "cpu_internal.h"

struct tlb_match_key {
    uint32_t va;
    uint32_t asid;
    bool compare_asid;
    uint8_t guestid;
    bool guest_level;
};

const struct tlb_entry *tlb_match(const struct cpu *c, const struct tlb_match_key *k);

/* Root TLB instructions: entries are tagged with GuestCtl1.RID (0 for root mappings). */
void tlb_read(struct cpu *c);
void tlb_write(struct cpu *c, uint32_t index);
void tlb_probe(struct cpu *c);
/* TLBINV/TLBINVF (present when Config4.IE >= 2). */
void tlb_invalidate(struct cpu *c, bool all);

/* Guest TLB operations on the guest CP0 registers.  `root` = executed by root as TLBG*
 * (GuestID = RID, TLBGR returns the entry's GuestID in RID); otherwise executed by the guest
 * itself in guest mode (GuestID = ID). */
void tlb_guest_read(struct cpu *c, bool root);
void tlb_guest_write(struct cpu *c, bool root, bool random);
void tlb_guest_probe(struct cpu *c, bool root);
void tlb_guest_invalidate(struct cpu *c, bool root, bool all);

#endif
