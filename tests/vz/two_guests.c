/*
 * Two guests sharing the TLB (MD00846; mips-vz.md §5.4, §5.13 "Shared TLB and GuestID", §3
 * "Match"): guest 1 and guest 2 (GuestCtl1.ID = 1, 2) map the same GVA through their own
 * guest TLB entries and the same GPA through their own root entries to different RPAs; a
 * lookup only matches entries of the running guest's GuestID, so each reads its own data and
 * a guest never hits the other's entries (guest level or root level).  A root TLBR over the
 * TLB shows each entry's GuestID in GuestCtl1.RID.
 *
 * Root entries (tagged with RID): 0, 1 guest 1 code/RAM (vz_setup, RAM RPA 0x60000);
 * 2, 3 guest 2 code/RAM (RAM RPA 0x70000); 4 guest 1 only: GPA 0x40000 -> RPA 0x50000.
 * Root Wired = 6, so guest index i is physical entry 6 + i (tlb.c's documented layout).
 */
#include "vzlib.h"

__asm__(".section .guest, \"ax\"\n"
        ".set noreorder\n.set virt\n"
        /* tlbwi with EntryHi = $4, EntryLo0/1 = $8/$9, PageMask = 0, Index = $10 */
        "g_tlbwi: mtc0 $4, $10, 0\n mtc0 $8, $2, 0\n mtc0 $9, $3, 0\n mtc0 $0, $5, 0\n"
        "  mtc0 $10, $0, 0\n ehb\n tlbwi\n ehb\n hypcall 1\n"
        "g_load: lw $8, 0($9)\n hypcall 1\n"
        /* tlbp for EntryHi = $4; $8 = Index */
        "g_tlbp: mtc0 $4, $10, 0\n ehb\n tlbp\n ehb\n mfc0 $8, $0, 0\n hypcall 1\n"
        ".previous\n");

extern char g_tlbwi[], g_load[], g_tlbp[];

#define BASE_CTL0  (GUESTCTL0_CP0 | (GUESTCTL0_AT_GUEST << GUESTCTL0_AT_SHIFT) | GUESTCTL0_CG)
#define ROOT_WIRED 6u
#define CACHED     (3u << ENTRYLO_C_SHIFT)
#define RAM1_RPA   GUEST_RAM_RPA
#define RAM2_RPA   0x00070000u
#define WORD(rpa)  (*(volatile uint32_t *)KSEG1(rpa))
#define LOG2       ((volatile struct guest_log *)KSEG1(RAM2_RPA))
#define GVA        0x00400000u

static void switch_to(unsigned id)
{
    mtc0(10, 4, id | (id << GUESTCTL1_RID_SHIFT)); /* ID = RID = the guest (§5.18) */
}

static void guest_tlbwi(unsigned index, uint32_t hi, uint32_t lo0)
{
    set_guest_gpr(4, hi);
    set_guest_gpr(8, lo0);
    set_guest_gpr(9, 0);
    set_guest_gpr(10, index);
    vz_run_guest((uint32_t)g_tlbwi);
}

/* The running guest loads from va; returns the value or 0xFFFFFFFF when the load did not
 * complete (a guest exception skipped it, or the root exit was not the snippet's HYPCALL). */
static uint32_t guest_load(uint32_t va)
{
    set_guest_gpr(8, 0xFFFFFFFFu);
    set_guest_gpr(9, va);
    if (vz_run_guest((uint32_t)g_load) != EXCCODE_GE || vz_exit_info.epc != (uint32_t)g_load + 4)
        return 0xFFFFFFFEu;
    return guest_gpr(8);
}

static uint32_t guest_tlbp(uint32_t hi)
{
    set_guest_gpr(4, hi);
    vz_run_guest((uint32_t)g_tlbp);
    return guest_gpr(8);
}

int main(void)
{
    vz_setup(BASE_CTL0, 1);
    tlb_write_guest(2, 2, 0x1D000000u, 0x001FE000u, tlb_lo(0x1D000000u, ENTRYLO_V | CACHED),
                    tlb_lo(0x1D100000u, ENTRYLO_V | CACHED));
    tlb_write_guest(3, 2, GUEST_RAM_GPA, 0x0001E000u,
                    tlb_lo(RAM2_RPA, ENTRYLO_V | ENTRYLO_D | CACHED), 0);
    tlb_write_guest(4, 1, 0x00040000u, 0, tlb_lo(0x50000, ENTRYLO_V | ENTRYLO_D), 0);
    mtc0(6, 0, ROOT_WIRED);
    uint32_t cfg1 = mfgc0(16, 1);
    mtgc0(16, 1, (cfg1 & ~CONFIG1_MMUSIZE) | (7u << CONFIG1_MMUSIZE_SHIFT));

    WORD(RAM1_RPA + 0x4000) = 0x11111111;
    WORD(RAM2_RPA + 0x4000) = 0x22222222;
    WORD(RAM1_RPA + 0x5000) = 0x11115555;
    WORD(RAM2_RPA + 0x5000) = 0x22225555;
    WORD(0x50000) = 0x50505050;
    for (unsigned i = 0; i < sizeof(struct guest_log) / 4; i++)
        ((volatile uint32_t *)LOG2)[i] = 0;

    /* Guest 1 maps GVA -> GPA 0x4000 in its guest index 0 and reads its own RAM. */
    switch_to(1);
    guest_tlbwi(0, GVA, tlb_lo(0x4000, ENTRYLO_V | ENTRYLO_D | CACHED));
    CHECK_EQ(guest_load(GVA), 0x11111111);

    /* Guest 2: guest 1's entry is not its own: TLBP finds nothing and a load of the same GVA
     * is guest 2's own guest TLB refill (guest EBase + 0, logged in guest 2's RAM), not a hit
     * in guest 1's entry and not a root exit. */
    switch_to(2);
    CHECK_EQ(guest_tlbp(GVA) & INDEX_P, INDEX_P);
    CHECK_EQ(guest_load(GVA), 0xFFFFFFFFu);
    CHECK_EQ(LOG2->count, 1);
    CHECK_EQ(LOG2->vector, 0x000);
    CHECK_EQ(exc_code(LOG2->cause), EXCCODE_TLBL);
    CHECK_EQ(LOG2->badvaddr, GVA);
    CHECK_EQ(GUEST_LOG->count, 0); /* guest 1's log untouched */

    /* Guest 2 maps the same GVA to the same GPA in its guest index 1; its root entry takes
     * the GPA to its own RPA. */
    guest_tlbwi(1, GVA, tlb_lo(0x4000, ENTRYLO_V | ENTRYLO_D | CACHED));
    CHECK_EQ(guest_load(GVA), 0x22222222);
    CHECK_EQ(guest_tlbp(GVA), 1);
    /* Guest 2 also maps GVA + 0x2000 -> GPA 0x5000 in guest index 2 ... */
    guest_tlbwi(2, GVA + 0x2000, tlb_lo(0x5000, ENTRYLO_V | ENTRYLO_D | CACHED));
    CHECK_EQ(guest_load(GVA + 0x2000), 0x22225555);
    /* ... and guest 2 never reaches guest 1's GPA-only root entry (GPA 0x40000): a root
     * TLB refill with GExcCode = GPA and BadVAddr = the GPA (§5.13 steps 3-4). */
    set_guest_gpr(9, 0xA0040000u);
    CHECK_EQ(vz_run_guest((uint32_t)g_load), EXCCODE_TLBL);
    CHECK_EQ(vz_exit_info.vector, 0);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_GPA);
    CHECK_EQ(vz_exit_info.badvaddr, 0x00040000);

    /* Back to guest 1: its entry survived (a different index), it still reads its own data,
     * TLBP finds its index 0, and guest 2's GVA + 0x2000 mapping is a refill for guest 1. */
    switch_to(1);
    CHECK_EQ(guest_load(GVA), 0x11111111);
    CHECK_EQ(guest_tlbp(GVA), 0);
    CHECK_EQ(guest_tlbp(GVA + 0x2000) & INDEX_P, INDEX_P);
    GUEST_LOG->count = 0;
    CHECK_EQ(guest_load(GVA + 0x2000), 0xFFFFFFFFu);
    CHECK_EQ(GUEST_LOG->count, 1);
    CHECK_EQ(GUEST_LOG->vector, 0x000);
    CHECK_EQ(LOG2->count, 1);                      /* guest 2's log untouched */
    CHECK_EQ(guest_load(0xA0040000u), 0x50505050); /* guest 1's GPA-only root entry */

    /* Root TLBR over the whole TLB (§5.4, §5.13): each entry's GuestID comes back in RID. */
    static const struct {
        unsigned index, rid;
        uint32_t vpn2;
    } want[] = {
        {0, 1, 0x1D000000u},      {1, 1, GUEST_RAM_GPA},
        {2, 2, 0x1D000000u},      {3, 2, GUEST_RAM_GPA},
        {4, 1, 0x00040000u},      {ROOT_WIRED + 0, 1, GVA},
        {ROOT_WIRED + 1, 2, GVA}, {ROOT_WIRED + 2, 2, GVA + 0x2000},
    };
    for (unsigned i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        struct tlb_image t = tlb_read_root(want[i].index);
        CHECK_EQ(t.rid, want[i].rid);
        CHECK_EQ(t.entryhi & ENTRYHI_VPN2 & ~t.pagemask, want[i].vpn2);
    }
    /* TLBR of guest 2's entry with GuestCtl1 = ID 1 | RID 1 sets RID = 2 and leaves ID. */
    mtc0(0, 0, ROOT_WIRED + 1);
    __asm__ volatile("tlbr; ehb");
    CHECK_EQ((mfc0(10, 4) & GUESTCTL1_RID) >> GUESTCTL1_RID_SHIFT, 2);
    CHECK_EQ(mfc0(10, 4) & GUESTCTL1_ID, 1);

    test_exit();
}
