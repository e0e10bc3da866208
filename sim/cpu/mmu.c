/*
 * Address translation of the root (non-guest) context: the fixed segments and the JTLB.
 * MIPS32 PRA (MD00090) §4.3 "Virtual memory", §4.9 "TLB"; mips-vz.md §3.
 */
#include <string.h>

#include "cpu_internal.h"

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

/* Looks va up in the TLB (MD00090 §4.9.2); raises the TLB exception on a miss or fault. */
static bool tlb_translate(struct cpu *c, uint32_t va, enum access acc, uint32_t *pa)
{
    uint32_t asid = c->cp0[CP0_ENTRYHI] & ENTRYHI_ASID;
    for (unsigned i = 0; i < c->params.tlb_entries; i++) {
        const struct tlb_entry *t = &c->tlb[i];
        if (t->guestid != 0 || (t->entryhi & ENTRYHI_EHINV))
            continue; /* guest (VZ) entries and invalidated entries never match in root */
        uint32_t mask = t->pagemask | 0x1FFFu; /* covers the pair: VPN2 compare mask */
        if ((va & ~mask) != (t->entryhi & ~mask))
            continue;
        if (!(t->lo[0] & t->lo[1] & ENTRYLO_G) && (t->entryhi & ENTRYHI_ASID) != asid)
            continue;
        /* Even or odd page: the VA bit just above the page offset. */
        uint32_t page_bytes = (mask + 1) >> 1;
        uint32_t lo = t->lo[(va & page_bytes) ? 1 : 0];
        if (!(lo & ENTRYLO_V)) {
            cpu_exception_tlb(c, tlb_exccode(acc), va, false);
            return false;
        }
        uint32_t pagegrain = c->cp0[CP0_PAGEGRAIN];
        bool iec = pagegrain & PAGEGRAIN_IEC;
        if (acc == ACC_FETCH && (lo & ENTRYLO_XI) && (pagegrain & PAGEGRAIN_XIE)) {
            cpu_exception_tlb(c, iec ? EXCCODE_TLBXI : EXCCODE_TLBL, va, false);
            return false;
        }
        if (acc == ACC_LOAD && (lo & ENTRYLO_RI) && (pagegrain & PAGEGRAIN_RIE)) {
            cpu_exception_tlb(c, iec ? EXCCODE_TLBRI : EXCCODE_TLBL, va, false);
            return false;
        }
        if (acc == ACC_STORE && !(lo & ENTRYLO_D)) {
            cpu_exception_tlb(c, EXCCODE_MOD, va, false);
            return false;
        }
        uint32_t pfn = (lo & ENTRYLO_PFN) >> ENTRYLO_PFN_SHIFT;
        *pa = ((pfn << 12) & ~(page_bytes - 1)) | (va & (page_bytes - 1));
        return true;
    }
    cpu_exception_tlb(c, tlb_exccode(acc), va, true);
    return false;
}

bool mmu_translate(struct cpu *c, uint32_t va, enum access acc, uint32_t *pa)
{
    uint32_t st = cp0_status(c);
    bool kernel = cpu_kernel_mode(c);
    if (va & 0x80000000u) {
        /* kseg0/1 (unmapped), kseg2 (sseg for supervisor), kseg3: kernel only, except
         * that supervisor mode may use 0xC0000000-0xDFFFFFFF (MD00090 §4.3.3). */
        bool super_ok = !kernel && ((st & STATUS_KSU) >> STATUS_KSU_SHIFT) == STATUS_KSU_SUPER &&
                        (va >> 29) == 6;
        if (!kernel && !super_ok) {
            cpu_exception_addr(c, acc == ACC_STORE ? EXCCODE_ADES : EXCCODE_ADEL, va);
            return false;
        }
        if (va < KSEG2_BASE) {
            *pa = va & KSEG_PHYS_MASK;
            return true;
        }
        return tlb_translate(c, va, acc, pa);
    }
    if (st & STATUS_ERL) {
        *pa = va; /* ERL=1: kuseg is an unmapped, uncached window (MD00090 §4.3.1) */
        return true;
    }
    return tlb_translate(c, va, acc, pa);
}
