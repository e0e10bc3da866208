/*
 * The guest LL bit on a VM switch (mips-vz.md §5.17): the M5150 has no Config5.LLB, so root
 * cannot clear the guest's LL bit with MTGC0, and without clearing it one VM's SC could
 * succeed on a reservation another VM's LL made.  Only an ERET executed in guest context
 * clears it.  So, when the guest context changes hands, tinyVP first enters a two-instruction
 * trampoline in the incoming VM's GuestID: "eret; hypcall 0x3ff" at the board's eret_page
 * address (board file), mapped read-only for that GuestID in a TLB slot reserved for it and
 * pointing at hv_eret_page in tinyVP's flash.  The trampoline runs with guest Status.EXL = 1
 * and guest EPC at its HYPCALL, so the guest's ERET clears the LL bit and lands on the exit.
 * The original tinyVP used a reserved VM for this; using the incoming VM's own GuestID keeps
 * all 7 GuestIDs for guests and needs no extra entry in any VM's map.
 */
#include "llclear.h"

#include "arch/mips/cp0.h"
#include "core/hv.h"
#include "core/tlb.h"
#include "core/vm.h"
#include "soc/memmap.h"
#include "tvp/pagetree.h"
#include "tvp_config.h"

#define GUESTCTL0_TRAMPOLINE (GUESTCTL0_CP0 | (GUESTCTL0_AT_GUEST << GUESTCTL0_AT_SHIFT))

extern char hv_eret_page[];
static struct vm *running;   /* the trampoline is running for this VM */
static struct vm *completed; /* its LL bit is clear: load and enter it */

void llclear_run(struct vm *vm)
{
    /* Map eret_page (GVA, kseg0 -> its GPA) to tinyVP's page for vm's GuestID: the odd or
     * even half of a 4 KB pair, read-only, executable, cached. */
    uint32_t gpa = TVP_ERET_PAGE & KSEG_PHYS_MASK;
    uint32_t lo = ((((uint32_t)hv_eret_page & KSEG_PHYS_MASK) >> 12) << ENTRYLO_PFN_SHIFT) |
                  ENTRYLO_V | (3u << ENTRYLO_C_SHIFT);
    struct tvp_tlb_pair pair = {
        .entryhi = gpa & ~0x1FFFu,
        .pagemask = 0,
        .entrylo0 = (gpa & 0x1000u) ? 0 : lo,
        .entrylo1 = (gpa & 0x1000u) ? lo : 0,
    };
    tlb_write_reserved(vm->cfg->guestid, &pair);
    mtgc0(12, 0, STATUS_EXL);        /* guest kernel, exception level */
    mtgc0(14, 0, TVP_ERET_PAGE + 4); /* where its ERET goes: the HYPCALL */
    mtc0(10, 5, 0);                  /* GuestCtl2: nothing injected meanwhile */
    mtc0(10, 4, vm->cfg->guestid | (vm->cfg->guestid << GUESTCTL1_RID_SHIFT));
    mtc0(14, 0, TVP_ERET_PAGE);
    mtc0(11, 4, GUESTCTL0EXT_FCD);
    mtc0(12, 6, GUESTCTL0_TRAMPOLINE | GUESTCTL0_GM);
    running = vm;
    completed = 0;
    hv_eret();
}

bool llclear_exit(void)
{
    if (!running)
        return false;
    uint32_t cause = mfc0(13, 0);
    uint32_t code = (cause & CAUSE_EXCCODE) >> CAUSE_EXCCODE_SHIFT;
    uint32_t gexc = (mfc0(12, 6) & GUESTCTL0_GEXC) >> GUESTCTL0_GEXC_SHIFT;
    if (code == EXCCODE_GE && gexc == GEXCCODE_HC && mfc0(14, 0) == TVP_ERET_PAGE + 4) {
        /* Unmap the page once it has served: left mapped, the guest could read and run
         * tinyVP's page at eret_page, where a chip has nothing (tests/isolation
         * mem/eret-page-read, mem/eret-page-exec: a bus error is due). */
        static const struct tvp_tlb_pair gone = {.entryhi = ENTRYHI_EHINV};
        tlb_write_reserved(0, &gone);
        completed = running;
    } else if (code != EXCCODE_INT)
        hv_panic("LL-clear trampoline faulted", cause, mfc0(14, 0));
    running = 0; /* an interrupt before the ERET: the next entry runs it again */
    return true;
}

struct vm *llclear_ready(void)
{
    return completed;
}

struct vm *llclear_done(void)
{
    struct vm *vm = completed;
    completed = 0;
    return vm;
}
