/*
 * Root TLB entries for guest GPA mappings.  Each VM owns a fixed range of TLB indexes, as
 * many as tvpconf says it needs in steady state, and pair k of its page tree always goes to
 * slot k of that range (modulo its size): so configurations whose VMs fit the 16 entries
 * take no refills after the first touch of each pair, and one VM's refills never evict
 * another's entries.  Entries are tagged with the VM's GuestID (GuestCtl1.RID).
 */
#include "tlb.h"

#include "arch/mips/cp0.h"
#include "core/hv.h"
#include "core/vm.h"
#include "tvp/pagetree.h"

#define TLB_ENTRIES  16                /* PIC32MZ-EF (mips-vz.md §6) */
#define TLB_RESERVED (TLB_ENTRIES - 1) /* the LL-clear trampoline's page (core/llclear.c) */
#define TLB_FOR_VMS  TLB_RESERVED

static uint8_t reserved = TLB_RESERVED; /* the trampoline's entry: the last wired one */
static uint8_t slot_base[TVP_NVMS];
static uint8_t slot_count[TVP_NVMS];
/* Pair k of a VM's tree -> its slot within the VM's range: pairs with a mapped half are
 * numbered in order (trap-only pairs never take an entry); pairs past the table share by
 * modulo. */
#define SLOT_MAP_PAIRS 32
static uint8_t slot_of_pair[TVP_NVMS][SLOT_MAP_PAIRS];

static void number_pairs(unsigned i)
{
    const struct tvp_pagetree *pt = tvp_vms[i].pagetree;
    unsigned n = 0;
    for (unsigned k = 0; k < pt->n_pairs && k < SLOT_MAP_PAIRS; k++) {
        slot_of_pair[i][k] = (uint8_t)n;
        if ((pt->pairs[k].entrylo0 | pt->pairs[k].entrylo1) & ENTRYLO_V)
            n++;
    }
}

static void write_entry(unsigned index, unsigned guestid, const struct tvp_tlb_pair *p)
{
    mtc0(10, 4, (mfc0(10, 4) & ~GUESTCTL1_RID) | (guestid << GUESTCTL1_RID_SHIFT));
    mtc0(0, 0, index);
    mtc0(5, 0, p->pagemask);
    mtc0(10, 0, p->entryhi);
    mtc0(2, 0, p->entrylo0);
    mtc0(3, 0, p->entrylo1);
    ehb();
    __asm__ volatile("tlbwi" ::: "memory");
    ehb();
}

void tlb_init(void)
{
    static const struct tvp_tlb_pair invalid = {0, 0, 0, 0};
    mtc0(6, 0, 0);                                             /* Wired */
    mtc0(5, 1, PAGEGRAIN_RIE | PAGEGRAIN_XIE | PAGEGRAIN_IEC); /* RI/XI act (pagetree.h) */
    for (unsigned i = 0; i < TLB_ENTRIES; i++) {
        struct tvp_tlb_pair p = invalid;
        p.entryhi = ENTRYHI_EHINV;
        write_entry(i, 0, &p);
    }
    /* Fixed ranges: in VM order while they fit, then the rest share the whole TLB. */
    unsigned next = 0;
    for (unsigned i = 0; i < TVP_NVMS; i++) {
        number_pairs(i);
        unsigned want = tvp_vms[i].tlb_pairs ? tvp_vms[i].tlb_pairs : 1;
        if (next + want <= TLB_FOR_VMS) {
            slot_base[i] = (uint8_t)next;
            slot_count[i] = (uint8_t)want;
            next += want;
        } else {
            slot_base[i] = 0;
            slot_count[i] = TLB_FOR_VMS;
            next = TLB_FOR_VMS;
        }
    }
    /* Wire root's entries: guest TLB index i is root entry Wired + i in the M5150's shared
     * TLB (mips-vz.md §5.13), so with Wired = 0 a guest's TLBWI/TLBWR overwrote tinyVP's GPA
     * mappings and the trampoline's page (tests/isolation cpu/tlbwi-foreign).  Guests share
     * what is left (docs/security.md). */
    reserved = (uint8_t)next;
    mtc0(6, 0, next + 1u);
}

void tlb_write_reserved(unsigned guestid, const struct tvp_tlb_pair *pair)
{
    write_entry(reserved, guestid, pair);
}

unsigned tlb_refill(struct vm *vm, uint32_t gpa)
{
    const struct tvp_tlb_pair *pair = 0;
    unsigned kind = tvp_pt_lookup(vm->cfg->pagetree, gpa, &pair);
    if (kind != TVP_PT_MAPPED)
        return kind; /* a trap page takes no entry: its accesses are emulated from the refill */
    unsigned i = (unsigned)(vm - vms);
    unsigned k = (unsigned)(pair - vm->cfg->pagetree->pairs);
    unsigned slot = k < SLOT_MAP_PAIRS ? slot_of_pair[i][k] : k;
    write_entry(slot_base[i] + slot % slot_count[i], vm->cfg->guestid, pair);
    mtc0(10, 4, (mfc0(10, 4) & ~GUESTCTL1_RID) | (vm->cfg->guestid << GUESTCTL1_RID_SHIFT));
    return kind;
}

void tlb_dump(void)
{
    uint32_t g1 = mfc0(10, 4);
    for (unsigned i = 0; i < TLB_ENTRIES; i++) {
        mtc0(0, 0, i);
        ehb();
        __asm__ volatile("tlbr" ::: "memory");
        ehb();
        uint32_t hi = mfc0(10, 0);
        hv_printf("TLB %2u: gid %u hi %08x mask %08x lo0 %08x lo1 %08x%s\n", i,
                  (mfc0(10, 4) & GUESTCTL1_RID) >> GUESTCTL1_RID_SHIFT, (unsigned)hi,
                  (unsigned)mfc0(5, 0), (unsigned)mfc0(2, 0), (unsigned)mfc0(3, 0),
                  (hi & ENTRYHI_EHINV) ? " (invalid)" : "");
    }
    mtc0(10, 4, g1);
}
