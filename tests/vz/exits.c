/*
 * Guest exits (MD00846; mips-vz.md §5.8-§5.11): every GExcCode the M5150 reports, with the
 * root EPC, BadInstr and GuestCtl0.GExcCode the documents give for each.
 */
#include "vzlib.h"

/* Guest code snippets, run from flash at their link (GVA = KSEG0) addresses. */
__asm__(".section .guest, \"ax\"\n"
        ".set noreorder\n.set virt\n"
        /* Every snippet ends in HYPCALL 1, so none can run into the next one. */
        "g_hypcall: hypcall 0x2a5\n nop\n"
        "g_mfc0_status: mfc0 $8, $12, 0\n hypcall 1\n"
        "g_prid: mfc0 $8, $15, 0\n hypcall 1\n"
        "g_srsctl: mfc0 $8, $12, 2\n hypcall 1\n"
        "g_count: mfc0 $8, $9, 0\n hypcall 1\n"
        "g_config_write: mtc0 $0, $16, 0\n hypcall 1\n"
        "g_wait: wait\n hypcall 1\n"
        "g_cache: cache 0x15, 0($0)\n hypcall 1\n"
        "g_rdhwr_cc: rdhwr $8, $2\n hypcall 1\n"
        "g_tlbwi: tlbwi\n hypcall 1\n"
        "g_rdpgpr: rdpgpr $8, $9\n hypcall 1\n"
        "g_cu1_on: lui $8, 0x2000\n mtc0 $8, $12, 0\n hypcall 1\n"
        "g_syscall: syscall\n hypcall 1\n"
        "g_reserved: .word 0x7c00003f\n hypcall 1\n" /* SPECIAL3 function 0x3F: RI */
        "g_load_gpa_miss: lui $9, 0xa004\n lw $8, 0($9)\n hypcall 1\n" /* GPA 0x40000: no entry */
        "g_load_trap: lui $9, 0xa001\n lw $8, 8($9)\n hypcall 1\n"     /* GPA 0x10008: V=0 */
        "g_store_trap_ds: lui $9, 0xa001\n beq $0, $0, 1f\n sw $9, 4($9)\n nop\n1: hypcall 1\n"
        ".previous\n");

extern char g_hypcall[], g_mfc0_status[], g_prid[], g_srsctl[], g_count[], g_config_write[],
    g_wait[], g_cache[], g_rdhwr_cc[], g_tlbwi[], g_rdpgpr[], g_cu1_on[], g_syscall[], g_reserved[],
    g_load_gpa_miss[], g_load_trap[], g_store_trap_ds[];

#define BASE_CTL0 (GUESTCTL0_CP0 | (GUESTCTL0_AT_GUEST << GUESTCTL0_AT_SHIFT) | GUESTCTL0_CG)

/* Runs a guest snippet expecting a GPSI exit at its first instruction (mips-vz.md §5.9). */
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

    /* GuestCtl0 read-only bits: G1, G0E, G2 set, RAD = 0 (GuestID mode) (§5.2). */
    uint32_t g0 = mfc0(12, 6);
    CHECK_EQ(g0 & (GUESTCTL0_G1 | GUESTCTL0_G0E | GUESTCTL0_G2 | GUESTCTL0_RAD),
             GUESTCTL0_G1 | GUESTCTL0_G0E | GUESTCTL0_G2);

    /* HC: EPC = the HYPCALL, BadInstr holds it with its 10-bit code (§5.11). */
    CHECK_EQ(vz_run_guest((uint32_t)g_hypcall), EXCCODE_GE);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC);
    CHECK_EQ(vz_exit_info.epc, (uint32_t)g_hypcall);
    CHECK_EQ((vz_exit_info.badinstr >> 11) & 0x3FF, 0x2a5);
    CHECK_EQ(vz_exit_info.guestctl0 & GUESTCTL0_GM, GUESTCTL0_GM); /* GM stays set (§5.1) */
    /* The exit switched back to root's shadow set; the guest's is in PSS (§5.18). */
    CHECK_EQ((vz_exit_info.srsctl & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT, GUEST_SRS);
    CHECK_EQ(vz_exit_info.srsctl & SRSCTL_CSS, 0);

    /* With CP0 = 1 a guest reads its own Status without exiting: the exit is the HYPCALL
     * after it, and the guest register holds guest Status. */
    mtgc0(12, 0, STATUS_IM);
    CHECK_EQ(vz_run_guest((uint32_t)g_mfc0_status), EXCCODE_GE);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC);
    CHECK_EQ(vz_exit_info.epc, (uint32_t)g_mfc0_status + 4);
    CHECK_EQ(guest_gpr(8), STATUS_IM);
    mtgc0(12, 0, 0);

    /* GPSI classes (§5.9). */
    mtc0(12, 6, BASE_CTL0 & ~GUESTCTL0_CP0);
    expect_gpsi(g_mfc0_status, 0x40086000, __LINE__); /* any CP0 access with CP0 = 0 */
    mtc0(12, 6, BASE_CTL0);
    expect_gpsi(g_prid, 0x40087800, __LINE__);
    expect_gpsi(g_srsctl, 0x40086002, __LINE__);
    expect_gpsi(g_count, 0x40084800, __LINE__);        /* GT = 0 */
    expect_gpsi(g_config_write, 0x40808000, __LINE__); /* CF = 0 */
    expect_gpsi(g_wait, 0x42000020, __LINE__);         /* always */
    expect_gpsi(g_rdhwr_cc, 0x7c08103b, __LINE__);     /* RDHWR CC with GT = 0 */
    expect_gpsi(g_rdpgpr, 0x41494000, __LINE__);
    mtc0(12, 6, BASE_CTL0 & ~GUESTCTL0_CG);
    expect_gpsi(g_cache, 0xbc150000, __LINE__); /* CACHE with CG = 0 */
    mtc0(12, 6, (BASE_CTL0 & ~GUESTCTL0_AT) | (GUESTCTL0_AT_ROOT << GUESTCTL0_AT_SHIFT));
    expect_gpsi(g_tlbwi, 0x42000002, __LINE__); /* TLB instruction with AT = 1 */
    mtc0(12, 6, BASE_CTL0);

    /* GSFC: a guest MTC0 changing Status.CU1 with FCD = 0 exits before the write; root EPC
     * is the MTC0 (§5.10). With FCD = 1 the same write just happens. */
    mtc0(11, 4, 0);
    CHECK_EQ(vz_run_guest((uint32_t)g_cu1_on), EXCCODE_GE);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_GSFC);
    CHECK_EQ(vz_exit_info.epc, (uint32_t)g_cu1_on + 4);
    CHECK_EQ(mfgc0(12, 0) & STATUS_CU1, 0);
    mtc0(11, 4, GUESTCTL0EXT_FCD);
    mtgc0(12, 0, 0);
    vz_run_guest((uint32_t)g_cu1_on);
    CHECK_EQ(mfgc0(12, 0) & STATUS_CU1, STATUS_CU1);
    mtgc0(12, 0, 0);

    /* A guest exception the guest handles itself: SYSCALL goes to the guest's vector at
     * guest EBase + 0x180, guest EPC = the SYSCALL; the root only sees the later HYPCALL. */
    CHECK_EQ(vz_run_guest((uint32_t)g_syscall), EXCCODE_GE);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC);
    CHECK_EQ(GUEST_LOG->count, 1);
    CHECK_EQ(exc_code(GUEST_LOG->cause), EXCCODE_SYS);
    CHECK_EQ(GUEST_LOG->epc, (uint32_t)g_syscall);
    CHECK_EQ(GUEST_LOG->vector, 0x180);

    /* GHFC: with MC = 1 and FCD = 0 the guest's exception entry is itself an exit, after the
     * change: root EPC = the guest vector, guest EPC/Cause/EXL already updated (§5.8). */
    mtc0(12, 6, BASE_CTL0 | GUESTCTL0_MC);
    mtc0(11, 4, 0);
    CHECK_EQ(vz_run_guest((uint32_t)g_syscall), EXCCODE_GE);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_GHFC);
    CHECK_EQ(vz_exit_info.epc, (uint32_t)vz_guest_vectors + 0x180);
    CHECK_EQ(mfgc0(12, 0) & STATUS_EXL, STATUS_EXL);
    CHECK_EQ(mfgc0(14, 0), (uint32_t)g_syscall);
    mtc0(11, 4, GUESTCTL0EXT_FCD);
    mtc0(12, 6, BASE_CTL0);
    vz_run_guest(vz_exit_info.epc); /* the guest handler finishes; the HYPCALL 1 exits */
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC);
    CHECK_EQ(GUEST_LOG->count, 2);

    /* GRR: with GuestCtl0.RI = 1 a guest Reserved Instruction exits to root (§5.2, §5.8);
     * without it the guest takes RI itself. */
    mtc0(12, 6, BASE_CTL0 | GUESTCTL0_RI);
    CHECK_EQ(vz_run_guest((uint32_t)g_reserved), EXCCODE_GE);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_GRR);
    CHECK_EQ(vz_exit_info.badinstr, 0x7c00003f);
    mtc0(12, 6, BASE_CTL0);
    GUEST_LOG->count = 0;
    vz_run_guest((uint32_t)g_reserved);
    CHECK_EQ(GUEST_LOG->count, 1);
    CHECK_EQ(exc_code(GUEST_LOG->cause), EXCCODE_RI);

    /* GPA: a guest load from a GPA with no root entry is a root TLB refill at EBase + 0 with
     * BadVAddr = EntryHi.VPN2 = the GPA; after root maps it the guest goes on (§5.13). */
    CHECK_EQ(vz_run_guest((uint32_t)g_load_gpa_miss), EXCCODE_TLBL);
    CHECK_EQ(vz_exit_info.vector, 0);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_GPA);
    CHECK_EQ(vz_exit_info.badvaddr, 0x00040000);
    CHECK_EQ(vz_exit_info.entryhi & ENTRYHI_VPN2, 0x00040000);
    CHECK_EQ(vz_exit_info.epc, (uint32_t)g_load_gpa_miss + 4);
    *(volatile uint32_t *)KSEG1(0x50000) = 0x5a5a1234; /* RPA behind the new mapping */
    tlb_write_guest(2, 1, 0x00040000, 0, tlb_lo(0x50000, ENTRYLO_V | ENTRYLO_D),
                    tlb_lo(0x51000, ENTRYLO_V | ENTRYLO_D));
    vz_run_guest(vz_exit_info.epc);
    CHECK_EQ(guest_gpr(8), 0x5a5a1234);

    /* An access to an invalid root page (a trapping device page): TLBL/TLBS at the general
     * vector with the GPA, BadInstr = the load; the root emulates it and resumes. */
    CHECK_EQ(vz_run_guest((uint32_t)g_load_trap), EXCCODE_TLBL);
    CHECK_EQ(vz_exit_info.vector, 1);
    CHECK_EQ(vz_exit_info.badvaddr, 0x00010008);
    CHECK_EQ(vz_exit_info.badinstr, 0x8d280008);
    set_guest_gpr(8, 0xfeedbeef); /* the emulated load's value */
    vz_resume_next();
    CHECK_EQ(guest_gpr(8), 0xfeedbeef);

    /* The same for a store in a branch delay slot: EPC = the branch, Cause.BD = 1, BadInstr =
     * the store, BadInstrP = the branch (mips-vz.md §4.7). */
    CHECK_EQ(vz_run_guest((uint32_t)g_store_trap_ds), EXCCODE_TLBS);
    CHECK_EQ(vz_exit_info.epc, (uint32_t)g_store_trap_ds + 4);
    CHECK_EQ(vz_exit_info.cause & CAUSE_BD, CAUSE_BD);
    CHECK_EQ(vz_exit_info.badinstr, 0xad290004);
    CHECK_EQ(vz_exit_info.badinstrp, 0x10000002);
    CHECK_EQ(vz_exit_info.badvaddr, 0x00010004);

    test_exit();
}
