/*
 * Address translation: the fixed segments and the shared JTLB, for root mode and for VZ guest
 * mode (two levels: GVA -> GPA through the guest's segments and guest TLB entries, then
 * GPA -> RPA through root TLB entries tagged with the guest's GuestID).
 * MIPS32 PRA (MD00090) §4.3, §4.9; mips-vz.md §3, §5.13.
 *
 * The TLB (mips-vz.md §5.13 found no source for the M5150's layout; decision): one array of
 * Config1.MMUSize entries shared by root and guests.  Each entry carries a GuestID (0 = root)
 * and whether it is a guest-level (GVA->GPA) entry written by a guest TLB instruction, or a
 * root-level entry (root RVA mapping when GuestID = 0, GPA->RPA mapping otherwise).  A lookup
 * only ever sees entries of its own kind and GuestID, so guests cannot see each other's
 * entries, whatever index they were written at.
 */
#include "tlb.h"

void stlb_flush(struct cpu *c)
{
    for (unsigned i = 0; i < STLB_SIZE; i++) {
        c->stlb_rd[i].tag = STLB_INVALID;
        c->stlb_wr[i].tag = STLB_INVALID;
    }
    c->fetch_tag = STLB_INVALID;
}

static unsigned tlb_exccode(enum access acc)
{
    return acc == ACC_STORE ? EXCCODE_TLBS : EXCCODE_TLBL;
}

const struct tlb_entry *tlb_match(const struct cpu *c, const struct tlb_match_key *k)
{
    for (unsigned i = 0; i < c->params.tlb_entries; i++) {
        const struct tlb_entry *t = &c->tlb[i];
        if (t->guestid != k->guestid || t->guest_level != k->guest_level ||
            (t->entryhi & ENTRYHI_EHINV))
            continue;
        uint32_t mask = t->pagemask | 0x1FFFu; /* VPN2 compare mask of the pair */
        if ((k->va & ~mask) != (t->entryhi & ~mask))
            continue;
        if (k->compare_asid && !(t->lo[0] & ENTRYLO_G) && (t->entryhi & ENTRYHI_ASID) != k->asid)
            continue;
        return t;
    }
    return NULL;
}

/* What kind of TLB exception a lookup raises, and in which context. */
enum fault_level {
    FAULT_ROOT,     /* root mode: root exception */
    FAULT_GUEST,    /* guest-level (GVA): guest exception */
    FAULT_ROOT_GPA, /* guest mode, root level (GPA): guest exit to root, GExcCode = GPA */
};

static void tlb_fault(struct cpu *c, enum fault_level lvl, unsigned code, uint32_t addr,
                      bool refill)
{
    if (lvl == FAULT_ROOT_GPA)
        cpu_exception_tlb_gpa(c, code, addr, refill);
    else
        cpu_exception_tlb(c, code, addr, refill);
}

/* Checks V, XI, RI and D of the matching half (mips-vz.md §3 "check order") and computes the
 * physical address.  pagegrain is that of the context that owns the entry. */
static bool tlb_access(struct cpu *c, const struct tlb_entry *t, uint32_t va, enum access acc,
                       uint32_t pagegrain, enum fault_level lvl, uint32_t *pa)
{
    uint32_t mask = t->pagemask | 0x1FFFu;
    uint32_t page_bytes = (mask + 1) >> 1;
    uint32_t lo = t->lo[(va & page_bytes) ? 1 : 0];
    bool iec = pagegrain & PAGEGRAIN_IEC;
    if (!(lo & ENTRYLO_V)) {
        tlb_fault(c, lvl, tlb_exccode(acc), va, false);
        return false;
    }
    if (acc == ACC_FETCH && (lo & ENTRYLO_XI) && (pagegrain & PAGEGRAIN_XIE)) {
        tlb_fault(c, lvl, iec ? EXCCODE_TLBXI : EXCCODE_TLBL, va, false);
        return false;
    }
    if (acc == ACC_LOAD && (lo & ENTRYLO_RI) && (pagegrain & PAGEGRAIN_RIE)) {
        tlb_fault(c, lvl, iec ? EXCCODE_TLBRI : EXCCODE_TLBL, va, false);
        return false;
    }
    if (acc == ACC_STORE && !(lo & ENTRYLO_D)) {
        tlb_fault(c, lvl, EXCCODE_MOD, va, false);
        return false;
    }
    uint32_t pfn = (lo & ENTRYLO_PFN) >> ENTRYLO_PFN_SHIFT;
    *pa = ((pfn << 12) & ~(page_bytes - 1)) | (va & (page_bytes - 1));
    return true;
}

/* Segment rules of one context (MD00090 §4.3): kseg0/1 unmapped and kernel-only, kseg2 also
 * for supervisor, kuseg unmapped while ERL=1.  Returns 1 = unmapped (*out set), 0 = mapped,
 * -1 = address error raised. */
static int segment(struct cpu *c, uint32_t st, uint32_t va, enum access acc, uint32_t *out)
{
    bool kernel = (st & (STATUS_EXL | STATUS_ERL)) || !(st & STATUS_KSU);
    if (va & 0x80000000u) {
        bool super_ok = !kernel && ((st & STATUS_KSU) >> STATUS_KSU_SHIFT) == STATUS_KSU_SUPER &&
                        (va >> 29) == 6;
        if (!kernel && !super_ok) {
            cpu_exception_addr(c, acc == ACC_STORE ? EXCCODE_ADES : EXCCODE_ADEL, va);
            return -1;
        }
        if (va < KSEG2_BASE) {
            *out = va & KSEG_PHYS_MASK;
            return 1;
        }
        return 0;
    }
    if (st & STATUS_ERL) {
        *out = va;
        return 1;
    }
    return 0;
}

static bool root_translate(struct cpu *c, uint32_t va, enum access acc, uint32_t *pa)
{
    int seg = segment(c, c->cp0[CP0_STATUS], va, acc, pa);
    if (seg)
        return seg > 0;
    struct tlb_match_key k = {
        .va = va,
        .asid = c->cp0[CP0_ENTRYHI] & ENTRYHI_ASID,
        .compare_asid = true,
        .guestid = 0,
        .guest_level = false,
    };
    const struct tlb_entry *t = tlb_match(c, &k);
    if (!t) {
        cpu_exception_tlb(c, tlb_exccode(acc), va, true);
        return false;
    }
    return tlb_access(c, t, va, acc, c->cp0[CP0_PAGEGRAIN], FAULT_ROOT, pa);
}

/* Guest mode, second level: GPA -> RPA through the root TLB entries of GuestCtl1.ID. */
static bool gpa_translate(struct cpu *c, uint32_t gpa, enum access acc, uint32_t *pa)
{
    struct tlb_match_key k = {
        .va = gpa,
        .asid = c->cp0[CP0_ENTRYHI] & ENTRYHI_ASID,
        .compare_asid = c->params.gpa_asid_compare,
        .guestid = (uint8_t)(c->cp0[CP0_GUESTCTL1] & GUESTCTL1_ID),
        .guest_level = false,
    };
    const struct tlb_entry *t = tlb_match(c, &k);
    if (!t) {
        cpu_exception_tlb_gpa(c, tlb_exccode(acc), gpa, true);
        return false;
    }
    return tlb_access(c, t, gpa, acc, c->cp0[CP0_PAGEGRAIN], FAULT_ROOT_GPA, pa);
}

/* Guest mode, first level: GVA -> GPA with the guest's Status and guest TLB entries. */
static bool guest_translate(struct cpu *c, uint32_t va, enum access acc, uint32_t *pa)
{
    uint32_t gpa;
    int seg = segment(c, c->g.r[CP0_STATUS], va, acc, &gpa);
    if (seg < 0)
        return false;
    if (seg == 0) {
        struct tlb_match_key k = {
            .va = va,
            .asid = c->g.r[CP0_ENTRYHI] & ENTRYHI_ASID,
            .compare_asid = true,
            .guestid = (uint8_t)(c->cp0[CP0_GUESTCTL1] & GUESTCTL1_ID),
            .guest_level = true,
        };
        const struct tlb_entry *t = tlb_match(c, &k);
        if (!t) {
            cpu_exception_tlb(c, tlb_exccode(acc), va, true);
            return false;
        }
        if (!tlb_access(c, t, va, acc, c->g.r[CP0_PAGEGRAIN], FAULT_GUEST, &gpa))
            return false;
    }
    return gpa_translate(c, gpa, acc, pa);
}

bool mmu_translate(struct cpu *c, uint32_t va, enum access acc, uint32_t *pa)
{
    return c->guest ? guest_translate(c, va, acc, pa) : root_translate(c, va, acc, pa);
}
