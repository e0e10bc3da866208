/*
 * The guest TLB (MD00846; mips-vz.md §5.13, §5.9, §5.12, §5.4, §3): a guest with
 * GuestCtl0.AT = 3 writes, probes and reads its own TLB entries and handles its own guest TLB
 * refill/invalid/modified exceptions at its own vectors; with AT = 1 the same instructions
 * are GPSI exits; root reaches the guest's entries with TLBGWI/TLBGR/TLBGP, tagged with
 * GuestCtl1.RID.
 *
 * Layout used (tlb.c documents the simulator's shared-TLB decision: guest index i is
 * physical entry root Wired + i): root Wired = 4 keeps the root's GPA entries 0..3 out of
 * the guest's way, and guest Config1.MMUSize-1 = 7 gives the guest 8 entries (mips-vz.md
 * §5.13: root shrinks the guest-visible TLB, as Linux does).
 *
 * Guest mappings (4 KB pages; GPA 0x0000..0xFFFF is guest RAM = RPA 0x60000 + GPA):
 *   guest index 0: GVA 0x00400000 -> GPA 0x4000 (V, D); GVA 0x00401000 -> invalid (V = 0)
 *   guest index 1: GVA 0x00402000 -> GPA 0x6000 (V, D = 0: read-only); odd page invalid
 *   guest index 2: GVA 0x00404000 -> GPA 0x7000, written by root with TLBGWI (RID = 1)
 *   guest index 3: GVA 0x00406000 -> GPA 0x8000, written by root with RID = 2 (not ours)
 */
#include "vzlib.h"

__asm__(".section .guest, \"ax\"\n"
        ".set noreorder\n.set virt\n"
        /* tlbwi with EntryHi = $4, EntryLo0/1 = $8/$9, PageMask = 0, Index = $10 */
        "g_tlbwi: mtc0 $4, $10, 0\n mtc0 $8, $2, 0\n mtc0 $9, $3, 0\n mtc0 $0, $5, 0\n"
        "  mtc0 $10, $0, 0\n ehb\n tlbwi\n ehb\n hypcall 1\n"
        /* load ($9) into $8, store $10 to 4($9) */
        "g_load_store: lw $8, 0($9)\n sw $10, 4($9)\n hypcall 1\n"
        "g_load: lw $8, 0($9)\n hypcall 1\n"
        "g_store: sw $10, 0($9)\n hypcall 1\n"
        /* tlbp for EntryHi = $4; $8 = Index */
        "g_tlbp: mtc0 $4, $10, 0\n ehb\n tlbp\n ehb\n mfc0 $8, $0, 0\n hypcall 1\n"
        /* tlbr of Index = $4; $8/$9 = EntryLo0/1, $10 = EntryHi, $11 = PageMask */
        "g_tlbr: mtc0 $4, $0, 0\n ehb\n tlbr\n ehb\n mfc0 $8, $2, 0\n mfc0 $9, $3, 0\n"
        "  mfc0 $10, $10, 0\n mfc0 $11, $5, 0\n hypcall 1\n"
        "g_tlbp_only: tlbp\n hypcall 1\n"
        "g_tlbr_only: tlbr\n hypcall 1\n"
        "g_tlbwr_only: tlbwr\n hypcall 1\n"
        ".previous\n");

extern char g_tlbwi[], g_load_store[], g_load[], g_store[], g_tlbp[], g_tlbr[], g_tlbp_only[],
    g_tlbr_only[], g_tlbwr_only[];

#define BASE_CTL0  (GUESTCTL0_CP0 | (GUESTCTL0_AT_GUEST << GUESTCTL0_AT_SHIFT) | GUESTCTL0_CG)
#define ROOT_WIRED 4u
#define CACHED     (3u << ENTRYLO_C_SHIFT)
#define RAM(gpa)   ((volatile uint32_t *)KSEG1(GUEST_RAM_RPA + (gpa)))

static void run_expect_hc(char *snippet_end_hypcall, unsigned line)
{
    check_eq(exc_code(vz_exit_info.cause), EXCCODE_GE, line);
    check_eq(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC, line);
    check_eq(vz_exit_info.epc, (uint32_t)snippet_end_hypcall, line);
}

/* The guest writes guest TLB entry `index` itself. */
static void guest_tlbwi(unsigned index, uint32_t hi, uint32_t lo0, uint32_t lo1)
{
    set_guest_gpr(4, hi);
    set_guest_gpr(8, lo0);
    set_guest_gpr(9, lo1);
    set_guest_gpr(10, index);
    vz_run_guest((uint32_t)g_tlbwi);
}

/* Expect one guest exception taken by the guest itself at guest EBase + vector (the vzlib
 * guest handler logs it and skips the instruction), then the snippet's HYPCALL. */
static void expect_guest_exc(char *pc, unsigned code, uint32_t vector, uint32_t badvaddr,
                             unsigned line)
{
    GUEST_LOG->count = 0;
    vz_run_guest((uint32_t)pc);
    run_expect_hc(pc + 4, line);
    check_eq(GUEST_LOG->count, 1, line);
    check_eq(exc_code(GUEST_LOG->cause), code, line);
    check_eq(GUEST_LOG->vector, vector, line);
    check_eq(GUEST_LOG->epc, (uint32_t)pc, line);
    check_eq(GUEST_LOG->badvaddr, badvaddr, line);
}

static void expect_gpsi(char *pc, uint32_t word, unsigned line)
{
    check_eq(vz_run_guest((uint32_t)pc), EXCCODE_GE, line);
    check_eq(gexc_code(vz_exit_info.guestctl0), GEXCCODE_GPSI, line);
    check_eq(vz_exit_info.epc, (uint32_t)pc, line);
    check_eq(vz_exit_info.badinstr, word, line);
}

int main(void)
{
    vz_setup(BASE_CTL0, 1);
    mtc0(6, 0, ROOT_WIRED);
    uint32_t cfg1 = mfgc0(16, 1);
    mtgc0(16, 1, (cfg1 & ~CONFIG1_MMUSIZE) | (7u << CONFIG1_MMUSIZE_SHIFT));
    CHECK_EQ((mfgc0(16, 1) & CONFIG1_MMUSIZE) >> CONFIG1_MMUSIZE_SHIFT, 7);

    *RAM(0x4000) = 0x11110000;
    *RAM(0x6000) = 0x66660000;
    *RAM(0x7000) = 0x77770000;
    *RAM(0x8000) = 0x88880000;

    /* 1. The guest writes a guest TLB entry (AT = 3: the guest owns its MMU, §5.2) and
     * reaches the kuseg page through it: GVA -> GPA by the guest TLB, GPA -> RPA by the
     * root entry of its GuestID (§5.13 steps 1-3). */
    guest_tlbwi(0, 0x00400000, tlb_lo(0x4000, ENTRYLO_V | ENTRYLO_D | CACHED), 0);
    run_expect_hc(g_tlbwi + 32, __LINE__);
    set_guest_gpr(9, 0x00400000);
    set_guest_gpr(10, 0xabcd0001);
    vz_run_guest((uint32_t)g_load_store);
    run_expect_hc(g_load_store + 8, __LINE__);
    CHECK_EQ(guest_gpr(8), 0x11110000);
    CHECK_EQ(*RAM(0x4004), 0xabcd0001);
    guest_tlbwi(1, 0x00402000, tlb_lo(0x6000, ENTRYLO_V | CACHED), 0);

    /* 2. Guest TLB refill (no guest entry for GVA 0x00800000): a guest exception at guest
     * EBase + 0 (guest EXL was 0), ExcCode TLBL, guest BadVAddr, EntryHi.VPN2 and
     * Context.BadVPN2 from the GVA (§3, §5.13 step 2); the root sees only the HYPCALL. */
    set_guest_gpr(9, 0x00800000);
    expect_guest_exc(g_load, EXCCODE_TLBL, 0x000, 0x00800000, __LINE__);
    CHECK_EQ(mfgc0(10, 0) & ENTRYHI_VPN2, 0x00800000);
    CHECK_EQ(mfgc0(4, 0) & 0x007FFFF0u, (0x00800000u >> 9) & 0x007FFFF0u);
    /* Store refill: TLBS at guest EBase + 0. */
    set_guest_gpr(9, 0x00810000);
    expect_guest_exc(g_store, EXCCODE_TLBS, 0x000, 0x00810000, __LINE__);

    /* A refill taken with guest EXL = 1 uses guest EBase + 0x180 and leaves guest EPC alone
     * (§3 "Refill vs invalid", §4.2 step 1).  Root presets guest EPC to g_tlbr_only, so the
     * handler's return (EPC + 4) lands on that snippet's HYPCALL. */
    mtgc0(14, 0, (uint32_t)g_tlbr_only);
    mtgc0(12, 0, STATUS_EXL);
    set_guest_gpr(9, 0x00820000);
    GUEST_LOG->count = 0;
    vz_run_guest((uint32_t)g_load);
    run_expect_hc(g_tlbr_only + 4, __LINE__);
    CHECK_EQ(GUEST_LOG->count, 1);
    CHECK_EQ(exc_code(GUEST_LOG->cause), EXCCODE_TLBL);
    CHECK_EQ(GUEST_LOG->vector, 0x180);
    CHECK_EQ(GUEST_LOG->epc, (uint32_t)g_tlbr_only);
    CHECK_EQ(GUEST_LOG->badvaddr, 0x00820000);
    CHECK_EQ(mfgc0(12, 0) & STATUS_EXL, 0); /* the guest's ERET cleared it */

    /* 3. Guest TLB invalid (matching entry, V = 0) and modified (store, D = 0): guest
     * exceptions at guest EBase + 0x180 (§3 "refill vs invalid", check order). */
    set_guest_gpr(9, 0x00401000);
    expect_guest_exc(g_load, EXCCODE_TLBL, 0x180, 0x00401000, __LINE__);
    set_guest_gpr(9, 0x00401008);
    expect_guest_exc(g_store, EXCCODE_TLBS, 0x180, 0x00401008, __LINE__);
    set_guest_gpr(9, 0x00402010);
    set_guest_gpr(10, 0xdead0000);
    expect_guest_exc(g_store, EXCCODE_MOD, 0x180, 0x00402010, __LINE__);
    CHECK_EQ(*RAM(0x6010), 0); /* the store did not happen */
    /* ... while a load from the read-only page works. */
    set_guest_gpr(9, 0x00402000);
    vz_run_guest((uint32_t)g_load);
    CHECK_EQ(guest_gpr(8), 0x66660000);

    /* 4. Guest TLBP / TLBR (MD00090 §9 TLBP/TLBR on the guest's CP0, §3). */
    set_guest_gpr(4, 0x00402000);
    vz_run_guest((uint32_t)g_tlbp);
    run_expect_hc(g_tlbp + 20, __LINE__);
    CHECK_EQ(guest_gpr(8), 1);
    set_guest_gpr(4, 0x00800000);
    vz_run_guest((uint32_t)g_tlbp);
    CHECK_EQ(guest_gpr(8) & INDEX_P, INDEX_P); /* no match: P = 1 */
    set_guest_gpr(4, 0);
    vz_run_guest((uint32_t)g_tlbr);
    run_expect_hc(g_tlbr + 32, __LINE__);
    CHECK_EQ(guest_gpr(8), tlb_lo(0x4000, ENTRYLO_V | ENTRYLO_D | CACHED));
    CHECK_EQ(guest_gpr(9), 0);
    CHECK_EQ(guest_gpr(10), 0x00400000);
    CHECK_EQ(guest_gpr(11), 0);

    /* 5. With AT = 1 (root controls the guest MMU) every guest TLB instruction is a GPSI
     * exit with EPC and BadInstr = the instruction (§5.2 AT, §5.9). */
    mtc0(12, 6, (BASE_CTL0 & ~GUESTCTL0_AT) | (GUESTCTL0_AT_ROOT << GUESTCTL0_AT_SHIFT));
    expect_gpsi(g_tlbp_only, 0x42000008, __LINE__);
    expect_gpsi(g_tlbr_only, 0x42000001, __LINE__);
    expect_gpsi(g_tlbwr_only, 0x42000006, __LINE__);
    expect_gpsi(g_tlbwi + 24, 0x42000002, __LINE__); /* the tlbwi inside g_tlbwi */
    mtc0(12, 6, BASE_CTL0);

    /* 6. Root TLBGWI writes guest entry guest-Index from the guest's CP0 registers, tagged
     * with GuestCtl1.RID (§5.4, §5.12); the guest then uses it. */
    mtgc0(10, 0, 0x00404000);
    mtgc0(2, 0, tlb_lo(0x7000, ENTRYLO_V | ENTRYLO_D | CACHED));
    mtgc0(3, 0, 0);
    mtgc0(5, 0, 0);
    mtgc0(0, 0, 2);
    __asm__ volatile("tlbgwi; ehb"); /* RID = 1 (vz_setup) */
    set_guest_gpr(9, 0x00404000);
    vz_run_guest((uint32_t)g_load);
    run_expect_hc(g_load + 4, __LINE__);
    CHECK_EQ(guest_gpr(8), 0x77770000);

    /* An entry written with RID = 2 belongs to GuestID 2: guest 1 (ID = 1) does not hit it
     * and takes its own refill (§3 "Match": GuestID equal). */
    mtc0(10, 4, 1u | (2u << GUESTCTL1_RID_SHIFT));
    mtgc0(10, 0, 0x00406000);
    mtgc0(2, 0, tlb_lo(0x8000, ENTRYLO_V | ENTRYLO_D | CACHED));
    mtgc0(0, 0, 3);
    __asm__ volatile("tlbgwi; ehb");
    mtc0(10, 4, 1u | (1u << GUESTCTL1_RID_SHIFT));
    set_guest_gpr(9, 0x00406000);
    expect_guest_exc(g_load, EXCCODE_TLBL, 0x000, 0x00406000, __LINE__);

    /* Root TLBGR: guest-Index entry into guest EntryHi/EntryLo/PageMask, and the entry's
     * GuestID into GuestCtl1.RID (§5.4, §5.12). */
    mtc0(10, 4, 1u); /* ID = 1, RID = 0 */
    mtgc0(0, 0, 0);
    __asm__ volatile("tlbgr; ehb");
    CHECK_EQ((mfc0(10, 4) & GUESTCTL1_RID) >> GUESTCTL1_RID_SHIFT, 1);
    CHECK_EQ(mfgc0(10, 0), 0x00400000);
    CHECK_EQ(mfgc0(2, 0), tlb_lo(0x4000, ENTRYLO_V | ENTRYLO_D | CACHED));
    CHECK_EQ(mfgc0(3, 0), 0);
    CHECK_EQ(mfc0(10, 4) & GUESTCTL1_ID, 1); /* ID untouched */
    mtgc0(0, 0, 3);
    __asm__ volatile("tlbgr; ehb");
    CHECK_EQ((mfc0(10, 4) & GUESTCTL1_RID) >> GUESTCTL1_RID_SHIFT, 2);
    CHECK_EQ(mfgc0(10, 0), 0x00406000);

    /* Root TLBGP: probes the guest TLB for guest EntryHi with GuestID = RID. */
    mtc0(10, 4, 1u | (1u << GUESTCTL1_RID_SHIFT));
    mtgc0(10, 0, 0x00404000);
    mtgc0(0, 0, 0);
    __asm__ volatile("tlbgp; ehb");
    CHECK_EQ(mfgc0(0, 0), 2);
    mtgc0(10, 0, 0x00406000); /* RID 2's entry: no match for RID 1 */
    __asm__ volatile("tlbgp; ehb");
    CHECK_EQ(mfgc0(0, 0) & INDEX_P, INDEX_P);
    mtc0(10, 4, 1u | (2u << GUESTCTL1_RID_SHIFT));
    __asm__ volatile("tlbgp; ehb");
    CHECK_EQ(mfgc0(0, 0), 3);
    mtc0(10, 4, 1u | (1u << GUESTCTL1_RID_SHIFT));

    /* The guest's entries sit in the shared TLB after root's wired entries; a root TLBR
     * shows them with their GuestID in RID (§5.13 "Shared TLB and GuestID"). */
    struct tlb_image t = tlb_read_root(ROOT_WIRED + 2);
    CHECK_EQ(t.rid, 1);
    CHECK_EQ(t.entryhi & ENTRYHI_VPN2, 0x00404000);
    t = tlb_read_root(ROOT_WIRED + 3);
    CHECK_EQ(t.rid, 2);
    /* Root's own GPA entries are untouched by all of this (guest indexes start at Wired). */
    t = tlb_read_root(1);
    CHECK_EQ(t.rid, 1);
    CHECK_EQ(t.entryhi & ENTRYHI_VPN2, GUEST_RAM_GPA);
    CHECK_EQ(t.lo0, tlb_lo(GUEST_RAM_RPA, ENTRYLO_V | ENTRYLO_D | CACHED));

    test_exit();
}
