/*
 * The guest CP0 context (MD00846; mips-vz.md §5.7, §5.9, §5.12, §2.8, §5.17):
 * - root's MTGC0 writes what the guest then reads with MFC0, and the guest's MTC0 writes what
 *   root reads with MFGC0 (Status, Cause, EPC, EBase, KScratch1/2);
 * - registers with no guest copy the guest may use (the GuestCtl registers, GTOffset, Debug)
 *   are GPSI exits for the guest, and a trapped write changes nothing;
 * - guest Config registers are what root sets through MTGC0 in the root-writable fields
 *   (§2.8 table); other fields are not root-writable; guest Config3.VZ = 0 (a guest kernel
 *   does not see VZ, §5.1); with CF = 1 the guest writes only its guest-writable fields;
 * - the guest's LL bit: a root exit and root ERET back into the guest do not clear it, so
 *   the guest's SC succeeds (§5.17, no Config5.LLB on the M5150); a guest ERET clears it
 *   (§4.6 ERET), so SC after a guest exception fails.
 */
#include "vzlib.h"

__asm__(".section .guest, \"ax\"\n"
        ".set noreorder\n.set virt\n"
        "g_read: mfc0 $8, $12, 0\n mfc0 $9, $13, 0\n mfc0 $10, $14, 0\n mfc0 $11, $15, 1\n"
        "  mfc0 $12, $31, 2\n mfc0 $13, $31, 3\n hypcall 1\n"
        "g_write: mtc0 $8, $14, 0\n mtc0 $9, $31, 2\n mtc0 $10, $31, 3\n mtc0 $11, $12, 0\n"
        "  mtc0 $12, $13, 0\n ehb\n hypcall 1\n"
        "g_config: mfc0 $8, $16, 0\n mfc0 $9, $16, 1\n mfc0 $10, $16, 3\n hypcall 1\n"
        "g_guestctl0: mfc0 $8, $12, 6\n hypcall 1\n"
        "g_guestctl0_w: mtc0 $0, $12, 6\n hypcall 1\n"
        "g_guestctl1: mfc0 $8, $10, 4\n hypcall 1\n"
        "g_guestctl2: mfc0 $8, $10, 5\n hypcall 1\n"
        "g_guestctl3: mfc0 $8, $10, 6\n hypcall 1\n"
        "g_guestctl0ext: mfc0 $8, $11, 4\n hypcall 1\n"
        "g_gtoffset: mfc0 $8, $12, 7\n hypcall 1\n"
        "g_debug: mfc0 $8, $23, 0\n hypcall 1\n"
        "g_cfg0_w: mtc0 $8, $16, 0\n hypcall 1\n"
        "g_cfg1_w: mtc0 $8, $16, 1\n hypcall 1\n"
        "g_cfg3_w: mtc0 $8, $16, 3\n hypcall 1\n"
        /* LL, exit to root, root ERETs to g_sc: SC $10 to 0($9).  "ll $8, 0($9)" is written
         * as a word because this binutils puts a SYNC before every LL. */
        "g_ll: .word 0xc1280000\n hypcall 1\n"
        "g_sc: sc $10, 0($9)\n hypcall 1\n"
        /* LL, a guest exception (the guest handler ERETs back), SC */
        "g_ll_eret: .word 0xc1280000\n syscall\n sc $10, 0($9)\n hypcall 1\n"
        ".previous\n");

extern char g_read[], g_write[], g_config[], g_guestctl0[], g_guestctl0_w[], g_guestctl1[],
    g_guestctl2[], g_guestctl3[], g_guestctl0ext[], g_gtoffset[], g_debug[], g_cfg0_w[], g_cfg1_w[],
    g_cfg3_w[], g_ll[], g_sc[], g_ll_eret[];

#define BASE_CTL0 (GUESTCTL0_CP0 | (GUESTCTL0_AT_GUEST << GUESTCTL0_AT_SHIFT) | GUESTCTL0_CG)
#define LL_WORD   (*(volatile uint32_t *)KSEG1(GUEST_RAM_RPA + 0x100))
#define LL_GVA    0xA0000100u /* guest kseg1: GPA 0x100 */
/* Config1 cache geometry fields (IS IL IA DS DL DA, bits 24:7): not root-writable (§2.8). */
#define CONFIG1_CACHES 0x01FFFF80u

static void expect_hc_at(uint32_t pc, unsigned line)
{
    check_eq(exc_code(vz_exit_info.cause), EXCCODE_GE, line);
    check_eq(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC, line);
    check_eq(vz_exit_info.epc, pc, line);
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

    /* Root MTGC0 -> guest MFC0. */
    uint32_t ebase = (uint32_t)vz_guest_vectors;
    mtgc0(12, 0, STATUS_IM | STATUS_CU0);
    mtgc0(13, 0, CAUSE_IV | CAUSE_DC | CAUSE_IP1 | CAUSE_IP0);
    mtgc0(14, 0, 0x9D012344u);
    mtgc0(15, 1, 0x80042000u);
    mtgc0(31, 2, 0x5C000002u);
    mtgc0(31, 3, 0x5C000003u);
    CHECK_EQ(mfgc0(15, 1), 0x80042000u);
    vz_run_guest((uint32_t)g_read); /* takes no guest exception: needs no guest vectors */
    expect_hc_at((uint32_t)g_read + 24, __LINE__);
    CHECK_EQ(guest_gpr(8), STATUS_IM | STATUS_CU0);
    CHECK_EQ(guest_gpr(9), CAUSE_IV | CAUSE_DC | CAUSE_IP1 | CAUSE_IP0);
    CHECK_EQ(guest_gpr(10), 0x9D012344u);
    CHECK_EQ(guest_gpr(11), 0x80042000u);
    CHECK_EQ(guest_gpr(12), 0x5C000002u);
    CHECK_EQ(guest_gpr(13), 0x5C000003u);
    mtgc0(15, 1, ebase);
    /* Root's own registers of the same numbers are separate (§5.7). */
    CHECK_EQ(mfc0(31, 2) == 0x5C000002u, 0);
    CHECK_EQ(mfc0(14, 0) == 0x9D012344u, 0);

    /* Guest MTC0 -> root MFGC0 (IE stays 0; Cause IP1/IP0 are guest-writable, §2.6). */
    mtgc0(13, 0, 0);
    set_guest_gpr(8, 0x9D054320u);
    set_guest_gpr(9, 0x6B000002u);
    set_guest_gpr(10, 0x6B000003u);
    set_guest_gpr(11, 0x0000A500u); /* some IM bits */
    set_guest_gpr(12, CAUSE_IP1);
    vz_run_guest((uint32_t)g_write);
    expect_hc_at((uint32_t)g_write + 24, __LINE__);
    CHECK_EQ(mfgc0(14, 0), 0x9D054320u);
    CHECK_EQ(mfgc0(31, 2), 0x6B000002u);
    CHECK_EQ(mfgc0(31, 3), 0x6B000003u);
    CHECK_EQ(mfgc0(12, 0), 0x0000A500u);
    CHECK_EQ(mfgc0(13, 0) & (CAUSE_IP1 | CAUSE_IP0), CAUSE_IP1);
    mtgc0(12, 0, 0);
    mtgc0(13, 0, 0);

    /* Root-only registers: GPSI with EPC and BadInstr = the access (§1, §5.9). */
    expect_gpsi(g_guestctl0, 0x40086006, __LINE__);
    expect_gpsi(g_guestctl1, 0x40085004, __LINE__);
    expect_gpsi(g_guestctl2, 0x40085005, __LINE__);
    expect_gpsi(g_guestctl3, 0x40085006, __LINE__);
    expect_gpsi(g_guestctl0ext, 0x40085804, __LINE__);
    expect_gpsi(g_gtoffset, 0x40086007, __LINE__);
    expect_gpsi(g_debug, 0x4008b800, __LINE__);
    expect_gpsi(g_guestctl0_w, 0x40806006, __LINE__);
    CHECK_EQ(mfc0(12, 6) & ~GUESTCTL0_GEXC, (BASE_CTL0 | GUESTCTL0_G1 | GUESTCTL0_G0E |
                                             GUESTCTL0_G2)); /* the write did not happen */

    /* Guest Config as root sets it (§2.8 "Who may change guest Config fields"). */
    uint32_t cfg1 = mfgc0(16, 1);
    uint32_t cfg3 = mfgc0(16, 3);
    CHECK_EQ(cfg3 & CONFIG3_VZ, 0);                 /* the guest is not told about VZ */
    CHECK_EQ(mfc0(16, 3) & CONFIG3_VZ, CONFIG3_VZ); /* root is */
    uint32_t new1 =
        (cfg1 & ~(CONFIG1_FP | CONFIG1_MMUSIZE | CONFIG1_CACHES)) | (7u << CONFIG1_MMUSIZE_SHIFT);
    mtgc0(16, 1, new1); /* FP off, 8 TLB entries, cache fields written as 0 */
    uint32_t new3 = (cfg3 & ~(CONFIG3_DSPP | CONFIG3_DSP2P | CONFIG3_ULRI)) | CONFIG3_VZ;
    mtgc0(16, 3, new3); /* no DSP, no UserLocal; VZ is not root-writable */
    uint32_t want1 = (new1 & ~CONFIG1_CACHES) | (cfg1 & CONFIG1_CACHES);
    uint32_t want3 = new3 & ~CONFIG3_VZ;
    CHECK_EQ(mfgc0(16, 1), want1);
    CHECK_EQ(mfgc0(16, 3), want3);
    vz_run_guest((uint32_t)g_config);
    expect_hc_at((uint32_t)g_config + 12, __LINE__);
    CHECK_EQ(guest_gpr(8), mfgc0(16, 0));
    CHECK_EQ(guest_gpr(9), want1);
    CHECK_EQ(guest_gpr(10), want3);
    CHECK_EQ(guest_gpr(10) & CONFIG3_VZ, 0);
    CHECK_EQ(mfc0(16, 1), cfg1); /* root's own Config1 unchanged */

    /* With CF = 1 the guest writes its Config (§5.2 CF): Config0.K0 is guest-writable,
     * Config1 has no guest-writable field, Config3.VZ is not guest-writable (§2.8). */
    mtc0(12, 6, BASE_CTL0 | GUESTCTL0_CF);
    uint32_t cfg0 = mfgc0(16, 0);
    set_guest_gpr(8, (cfg0 & ~CONFIG0_K0) | 3u);
    vz_run_guest((uint32_t)g_cfg0_w);
    expect_hc_at((uint32_t)g_cfg0_w + 4, __LINE__);
    CHECK_EQ(mfgc0(16, 0), (cfg0 & ~CONFIG0_K0) | 3u);
    set_guest_gpr(8, 0);
    vz_run_guest((uint32_t)g_cfg1_w);
    CHECK_EQ(mfgc0(16, 1), want1);
    set_guest_gpr(8, want3 | CONFIG3_VZ);
    vz_run_guest((uint32_t)g_cfg3_w);
    CHECK_EQ(mfgc0(16, 3) & CONFIG3_VZ, 0);
    mtc0(12, 6, BASE_CTL0);

    /* LL bit: guest LL, exit (HYPCALL), root ERET back: the guest's SC succeeds (§5.17). */
    LL_WORD = 0x11111111;
    set_guest_gpr(9, LL_GVA);
    set_guest_gpr(10, 0x22222222);
    vz_run_guest((uint32_t)g_ll);
    expect_hc_at((uint32_t)g_ll + 4, __LINE__);
    CHECK_EQ(guest_gpr(8), 0x11111111);
    vz_resume_next(); /* root ERET to g_sc */
    expect_hc_at((uint32_t)g_sc + 4, __LINE__);
    CHECK_EQ(guest_gpr(10), 1);
    CHECK_EQ(LL_WORD, 0x22222222);
    /* A guest ERET (the guest's SYSCALL handler returning) clears it: SC fails, no store. */
    set_guest_gpr(10, 0x33333333);
    GUEST_LOG->count = 0;
    vz_run_guest((uint32_t)g_ll_eret);
    expect_hc_at((uint32_t)g_ll_eret + 12, __LINE__);
    CHECK_EQ(GUEST_LOG->count, 1);
    CHECK_EQ(guest_gpr(10), 0);
    CHECK_EQ(LL_WORD, 0x22222222);
    /* And an SC with no LL at all (the bit is still clear) fails too. */
    set_guest_gpr(10, 0x44444444);
    vz_run_guest((uint32_t)g_sc);
    CHECK_EQ(guest_gpr(10), 0);
    CHECK_EQ(LL_WORD, 0x22222222);

    test_exit();
}
