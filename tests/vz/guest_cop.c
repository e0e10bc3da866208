/*
 * Guest FPU and DSP use under root control: lazy switching (MD00846; mips-vz.md §5.8 rows
 * CpU and DSPDis, §5.18 "Lazy FPU / DSP", §2.2 BadInstr table):
 * - guest Status.CU1 = 1 but root Status.CU1 = 0: an FPU instruction is a root Coprocessor
 *   Unusable exception (ExcCode 11, Cause.CE = 1), root EPC = the FPU instruction, BadInstr =
 *   it (§2.2); after root sets its CU1 the guest resumes at the same instruction (not advanced) and
 *   executes it;
 * - guest Status.CU1 = 0: the guest's own CpU at guest EBase + 0x180 with guest Cause.CE = 1,
 *   whatever root's CU1 is (the guest's Status decides first);
 * - the same with Status.MX and DSPDis (ExcCode 26) for the DSP ASE.
 */
#include "vzlib.h"

__asm__(".section .guest, \"ax\"\n"
        ".set noreorder\n.set virt\n.set hardfloat\n.set dspr2\n"
        /* $f2 = $9, then $8 = $f2 */
        "g_fpu: mtc1 $9, $f2\n mfc1 $8, $f2\n hypcall 1\n"
        "g_fpu1: mfc1 $8, $f2\n hypcall 1\n"
        "g_dsp: addu.qb $8, $9, $10\n hypcall 1\n"
        /* ac1 moves are DSP instructions too (MD00374) */
        "g_dsp_acc: mthi $9, $ac1\n mfhi $8, $ac1\n hypcall 1\n"
        ".previous\n");

extern char g_fpu[], g_fpu1[], g_dsp[], g_dsp_acc[];

#define BASE_CTL0 (GUESTCTL0_CP0 | (GUESTCTL0_AT_GUEST << GUESTCTL0_AT_SHIFT) | GUESTCTL0_CG)

static void root_status(uint32_t set, uint32_t clear)
{
    mtc0(12, 0, (mfc0(12, 0) & ~clear) | set);
}

/* A root exit for lazy switching at pc: exit code, CE, EPC (and BadInstr) = the instruction. */
static void expect_root_exit(unsigned code, char *pc, uint32_t word, unsigned line)
{
    check_eq(exc_code(vz_exit_info.cause), code, line);
    if (code == EXCCODE_CPU)
        check_eq((vz_exit_info.cause & CAUSE_CE) >> CAUSE_CE_SHIFT, 1, line);
    check_eq(vz_exit_info.epc, (uint32_t)pc, line);
    check_eq(vz_exit_info.cause & CAUSE_BD, 0, line);
    if (code == EXCCODE_CPU) /* BadInstr is valid for CpU; for DSPDis not (§2.2, [K4]) */
        check_eq(vz_exit_info.badinstr, word, line);
    check_eq(vz_exit_info.vector, 1, line); /* root general vector, EBase + 0x180 */
    check_eq(GUEST_LOG->count, 0, line);    /* the guest saw nothing */
}

/* The guest's own exception at its general vector for the instruction at pc; the vzlib
 * handler skips it, and the snippet's HYPCALL (at end) exits. */
static void expect_guest_exc(unsigned code, char *pc, uint32_t end, unsigned line)
{
    check_eq(exc_code(vz_exit_info.cause), EXCCODE_GE, line);
    check_eq(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC, line);
    check_eq(vz_exit_info.epc, end, line);
    check_eq(GUEST_LOG->count, 1, line);
    check_eq(exc_code(GUEST_LOG->cause), code, line);
    if (code == EXCCODE_CPU)
        check_eq((GUEST_LOG->cause & CAUSE_CE) >> CAUSE_CE_SHIFT, 1, line);
    check_eq(GUEST_LOG->vector, 0x180, line);
    check_eq(GUEST_LOG->epc, (uint32_t)pc, line);
}

int main(void)
{
    vz_setup(BASE_CTL0, 1);
    root_status(0, STATUS_CU1 | STATUS_MX);

    /* Lazy FPU: guest CU1 = 1, root CU1 = 0 -> root CpU exit at the FPU instruction. */
    mtgc0(12, 0, STATUS_CU1);
    set_guest_gpr(9, 0x3F800000u);
    set_guest_gpr(8, 0);
    GUEST_LOG->count = 0;
    vz_run_guest((uint32_t)g_fpu);
    expect_root_exit(EXCCODE_CPU, g_fpu, 0x44891000, __LINE__);
    CHECK_EQ(guest_gpr(8), 0); /* nothing executed */
    /* Root "loads the FPU state", sets its CU1 and returns to the same instruction. */
    root_status(STATUS_CU1, 0);
    vz_run_guest(vz_exit_info.epc);
    CHECK_EQ(exc_code(vz_exit_info.cause), EXCCODE_GE);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC);
    CHECK_EQ(vz_exit_info.epc, (uint32_t)g_fpu + 8);
    CHECK_EQ(guest_gpr(8), 0x3F800000u); /* both FPU instructions ran */
    CHECK_EQ(GUEST_LOG->count, 0);

    /* Guest CU1 = 0: the guest's own CpU, with root CU1 = 1 and with root CU1 = 0. */
    mtgc0(12, 0, 0);
    GUEST_LOG->count = 0;
    vz_run_guest((uint32_t)g_fpu1);
    expect_guest_exc(EXCCODE_CPU, g_fpu1, (uint32_t)g_fpu1 + 4, __LINE__);
    root_status(0, STATUS_CU1);
    GUEST_LOG->count = 0;
    vz_run_guest((uint32_t)g_fpu1);
    expect_guest_exc(EXCCODE_CPU, g_fpu1, (uint32_t)g_fpu1 + 4, __LINE__);

    /* Lazy DSP: guest MX = 1, root MX = 0 -> root DSPDis exit at the DSP instruction. */
    mtgc0(12, 0, STATUS_MX);
    set_guest_gpr(9, 0x01020304u);
    set_guest_gpr(10, 0x10203040u);
    set_guest_gpr(8, 0);
    GUEST_LOG->count = 0;
    vz_run_guest((uint32_t)g_dsp);
    expect_root_exit(EXCCODE_DSPDIS, g_dsp, 0x7d2a4010, __LINE__);
    CHECK_EQ(guest_gpr(8), 0);
    root_status(STATUS_MX, 0);
    vz_run_guest(vz_exit_info.epc);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC);
    CHECK_EQ(vz_exit_info.epc, (uint32_t)g_dsp + 4);
    CHECK_EQ(guest_gpr(8), 0x11223344u);
    /* The accumulator forms too. */
    root_status(0, STATUS_MX);
    set_guest_gpr(9, 0xACC10000u);
    vz_run_guest((uint32_t)g_dsp_acc);
    expect_root_exit(EXCCODE_DSPDIS, g_dsp_acc, 0x01200811, __LINE__);
    root_status(STATUS_MX, 0);
    vz_run_guest(vz_exit_info.epc);
    CHECK_EQ(vz_exit_info.epc, (uint32_t)g_dsp_acc + 8);
    CHECK_EQ(guest_gpr(8), 0xACC10000u);

    /* Guest MX = 0: the guest's own DSPDis, whatever root's MX. */
    mtgc0(12, 0, 0);
    GUEST_LOG->count = 0;
    vz_run_guest((uint32_t)g_dsp);
    expect_guest_exc(EXCCODE_DSPDIS, g_dsp, (uint32_t)g_dsp + 4, __LINE__);
    root_status(0, STATUS_MX);
    GUEST_LOG->count = 0;
    vz_run_guest((uint32_t)g_dsp);
    expect_guest_exc(EXCCODE_DSPDIS, g_dsp, (uint32_t)g_dsp + 4, __LINE__);

    test_exit();
}
