/*
 * Interrupts injected into an EIC-mode guest through GuestCtl2 (MD00846; mips-vz.md §5.5 EIC
 * layout, §5.14, §4.4 EIC rules, §5.2 MC, §5.8 GHFC):
 * - the guest is in EIC mode when guest Config3.VEIC = 1, guest Cause.IV = 1, guest
 *   IntCtl.VS != 0 and guest Status.BEV = 0; it takes GRIPL when GRIPL > guest Status.IPL,
 *   guest IE = 1, guest EXL = ERL = 0;
 * - it vectors to guest EBase + GVEC (tinyVP's use: GVEC is the vector offset) and latches
 *   GRIPL in guest Cause.RIPL, with guest EPC = the interrupted instruction;
 * - the guest keeps running in its shadow set (SRSCtl.PSS of the root entry), so the
 *   handler's register writes land in that set;
 * - with GuestCtl0.MC = 1 and GuestCtl0Ext.FCD = 0 the acceptance (guest EXL 0 -> 1) is a
 *   GHFC exit with root EPC = the guest vector, the guest state already updated.
 * The vzlib guest handler at +0x200 / +0x220 logs the interrupt and exits with HYPCALL 0x3FF.
 */
#include "vzlib.h"

__asm__(".section .guest, \"ax\"\n"
        ".set noreorder\n.set virt\n"
        "g_idle: nop\n nop\n nop\n hypcall 1\n"
        ".previous\n");

extern char g_idle[];

#define BASE_CTL0    (GUESTCTL0_CP0 | (GUESTCTL0_AT_GUEST << GUESTCTL0_AT_SHIFT) | GUESTCTL0_CG)
#define IPL(n)       ((uint32_t)(n) << STATUS_IPL_SHIFT)
#define INJECT(l, v) (((uint32_t)(l) << 24) | (v)) /* GuestCtl2 EIC layout: GRIPL<31:24>, GVEC */
#define IDLE_END     ((uint32_t)g_idle + 12)       /* the HYPCALL 1 */

/* Guest in EIC mode, interrupts enabled at level ipl, log cleared. */
static void guest_eic(uint32_t status_extra, unsigned ipl)
{
    mtgc0(12, 1, 1u << INTCTL_VS_SHIFT); /* VS = 1: 32-byte spacing */
    mtgc0(13, 0, CAUSE_IV);
    mtgc0(12, 0, STATUS_IE | IPL(ipl) | status_extra);
    GUEST_LOG->count = 0;
}

/* The guest took the injected interrupt at guest EBase + vector with RIPL = level. */
static void expect_taken(unsigned level, uint32_t vector, unsigned line)
{
    check_eq(vz_exit_info.cause & CAUSE_EXCCODE, EXCCODE_GE << CAUSE_EXCCODE_SHIFT, line);
    check_eq(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC, line);
    check_eq((vz_exit_info.badinstr >> 11) & 0x3FF, 0x3FF, line);
    check_eq(GUEST_LOG->count, 1, line);
    check_eq(GUEST_LOG->vector, vector, line);
    check_eq(exc_code(GUEST_LOG->cause), EXCCODE_INT, line);
    check_eq((GUEST_LOG->cause & CAUSE_RIPL) >> CAUSE_RIPL_SHIFT, level, line);
    /* Taken before the snippet reached its HYPCALL; EPC = the interrupted instruction. */
    uint32_t epc = GUEST_LOG->epc;
    check_eq(epc >= (uint32_t)g_idle && epc < IDLE_END, 1, line);
}

/* The guest ran through to its HYPCALL 1 without an interrupt. */
static void expect_not_taken(unsigned line)
{
    check_eq(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC, line);
    check_eq(vz_exit_info.epc, IDLE_END, line);
    check_eq(GUEST_LOG->count, 0, line);
}

int main(void)
{
    vz_setup(BASE_CTL0, 1);
    CHECK_EQ(mfgc0(16, 3) & CONFIG3_VEIC, CONFIG3_VEIC); /* the guest sees an EIC core */

    /* Taken: GRIPL 5 > IPL 0, at guest EBase + GVEC, Cause.RIPL = 5, in the guest's set. */
    guest_eic(0, 0);
    set_guest_gpr(26, 0x12345678); /* the handler writes k0 = 0xA0000000 */
    mtc0(10, 5, INJECT(5, 0x220));
    vz_run_guest((uint32_t)g_idle);
    expect_taken(5, 0x220, __LINE__);
    CHECK_EQ(mfgc0(12, 0) & STATUS_EXL, STATUS_EXL);
    CHECK_EQ((vz_exit_info.srsctl & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT, GUEST_SRS);
    CHECK_EQ(guest_gpr(26), 0xA0000000u);
    mtc0(10, 5, 0);

    /* Another vector offset and level: EBase + 0x200, RIPL = 7 (§5.5: GVEC is the offset). */
    guest_eic(0, 0);
    mtc0(10, 5, INJECT(7, 0x200));
    vz_run_guest((uint32_t)g_idle);
    expect_taken(7, 0x200, __LINE__);
    mtc0(10, 5, 0);

    /* Masked by guest Status.IPL: GRIPL 3 with IPL 3 is not taken; IPL 2 lets it in. */
    guest_eic(0, 3);
    mtc0(10, 5, INJECT(3, 0x220));
    vz_run_guest((uint32_t)g_idle);
    expect_not_taken(__LINE__);
    guest_eic(0, 4);
    vz_run_guest((uint32_t)g_idle);
    expect_not_taken(__LINE__);
    guest_eic(0, 2);
    vz_run_guest((uint32_t)g_idle);
    expect_taken(3, 0x220, __LINE__);

    /* Guest IE = 0 or guest EXL = 1: not taken (§4.2: IE=1, EXL=0, ERL=0). */
    guest_eic(0, 0);
    mtgc0(12, 0, 0);
    vz_run_guest((uint32_t)g_idle);
    expect_not_taken(__LINE__);
    guest_eic(STATUS_EXL, 0);
    vz_run_guest((uint32_t)g_idle);
    expect_not_taken(__LINE__);
    /* GRIPL = 0: nothing requested. */
    mtc0(10, 5, INJECT(0, 0x220));
    guest_eic(0, 0);
    vz_run_guest((uint32_t)g_idle);
    expect_not_taken(__LINE__);
    mtc0(10, 5, 0);

    /* Root state is not touched by a guest interrupt: root Cause.RIPL stays 0. */
    CHECK_EQ(vz_exit_info.cause & CAUSE_RIPL, 0);

    /* GHFC on acceptance (MC = 1, FCD = 0; tinyVP's recipe §5.14 step 3): the exit comes
     * after the guest's interrupt entry, root EPC = guest EBase + GVEC, guest EXL = 1 and
     * guest Cause.RIPL/EPC already set; root does not advance the PC (§5.10). */
    mtc0(12, 6, BASE_CTL0 | GUESTCTL0_MC);
    mtc0(11, 4, 0);
    guest_eic(0, 0);
    mtc0(10, 5, INJECT(6, 0x220));
    CHECK_EQ(vz_run_guest((uint32_t)g_idle), EXCCODE_GE);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_GHFC);
    CHECK_EQ(vz_exit_info.epc, (uint32_t)vz_guest_vectors + 0x220);
    CHECK_EQ(mfgc0(12, 0) & STATUS_EXL, STATUS_EXL);
    CHECK_EQ(exc_code(mfgc0(13, 0)), EXCCODE_INT);
    CHECK_EQ((mfgc0(13, 0) & CAUSE_RIPL) >> CAUSE_RIPL_SHIFT, 6);
    uint32_t gepc = mfgc0(14, 0);
    CHECK_EQ(gepc >= (uint32_t)g_idle && gepc < IDLE_END, 1);
    CHECK_EQ(GUEST_LOG->count, 0); /* the guest handler has not run yet */
    /* Root withdraws the request and resumes at the vector: the handler runs. */
    mtc0(10, 5, 0);
    mtc0(11, 4, GUESTCTL0EXT_FCD);
    mtc0(12, 6, BASE_CTL0);
    vz_run_guest(vz_exit_info.epc);
    expect_taken(6, 0x220, __LINE__);
    /* With FCD = 1 the same acceptance is no exit: the root only sees the handler's HYPCALL. */
    mtc0(12, 6, BASE_CTL0 | GUESTCTL0_MC);
    guest_eic(0, 0);
    mtc0(10, 5, INJECT(6, 0x220));
    vz_run_guest((uint32_t)g_idle);
    expect_taken(6, 0x220, __LINE__);
    mtc0(10, 5, 0);

    test_exit();
}
