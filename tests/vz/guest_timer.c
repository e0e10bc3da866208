/*
 * The guest timer (MD00846; mips-vz.md §5.6, §5.9, §5.15, §2.3, §1 Count/Compare rows):
 * - guest Count = root Count + GTOffset (mod 2^32), seen by MFGC0 and by a guest MFC0 with
 *   GuestCtl0.GT = 1;
 * - with GT = 0 guest Count/Compare accesses are GPSI exits; a guest MTC0 Count always is
 *   (§5.9: guest Count is read-only, root emulates the write through GTOffset);
 * - PIC32MZ-EF "faithful" mode (the default, §5.15, §8 #2): a guest Count = Compare match sets
 *   guest Cause.TI but never interrupts the guest, even with guest IE = 1 and all IM set;
 *   writing guest Compare clears guest Cause.TI (§2.3, §5.7 restore-order rule).
 * Count advances at half the core clock (§2.3): "a few cycles" below is a small bound on the
 * ticks between two root reads around the guest's read.
 */
#include "vzlib.h"

__asm__(".section .guest, \"ax\"\n"
        ".set noreorder\n.set virt\n"
        "g_count: mfc0 $8, $9, 0\n hypcall 1\n"
        "g_compare: mfc0 $8, $11, 0\n hypcall 1\n"
        "g_set_compare: mtc0 $8, $11, 0\n ehb\n hypcall 1\n"
        "g_set_count: mtc0 $8, $9, 0\n hypcall 1\n"
        /* about 3 x 2000 instructions = 3000 Count ticks */
        "g_spin: li $8, 2000\n1: addiu $8, $8, -1\n bnez $8, 1b\n nop\n hypcall 1\n"
        ".previous\n");

extern char g_count[], g_compare[], g_set_compare[], g_set_count[], g_spin[];

#define BASE_CTL0 (GUESTCTL0_CP0 | (GUESTCTL0_AT_GUEST << GUESTCTL0_AT_SHIFT) | GUESTCTL0_CG)
#define FEW_TICKS 64u

/* `got` lies in [lo, hi] of a wrapping 32-bit counter. */
static int in_window(uint32_t got, uint32_t lo, uint32_t hi)
{
    return got - lo <= hi - lo;
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
    vz_setup(BASE_CTL0 | GUESTCTL0_GT, 1);

    /* MFGC0 Count = root Count + GTOffset (§5.6). */
    static const uint32_t offsets[] = {0x40000000u, 0u, 0xFFFFF000u};
    for (unsigned i = 0; i < 3; i++) {
        uint32_t off = offsets[i];
        mtc0(12, 7, off);
        CHECK_EQ(mfc0(12, 7), off);
        uint32_t c0 = mfc0(9, 0);
        uint32_t g = mfgc0(9, 0);
        uint32_t c1 = mfc0(9, 0);
        CHECK_EQ(c1 - c0 < FEW_TICKS, 1);
        CHECK_EQ(in_window(g, c0 + off, c1 + off), 1);
    }

    /* The guest's own MFC0 Count with GT = 1 gives the same value; no exit but the HYPCALL. */
    mtc0(12, 7, 0x40000000u);
    uint32_t c0 = mfc0(9, 0);
    vz_run_guest((uint32_t)g_count);
    uint32_t c1 = mfc0(9, 0);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC);
    CHECK_EQ(vz_exit_info.epc, (uint32_t)g_count + 4);
    CHECK_EQ(c1 - c0 < FEW_TICKS, 1);
    CHECK_EQ(in_window(guest_gpr(8), c0 + 0x40000000u, c1 + 0x40000000u), 1);
    /* Changing GTOffset moves guest Count by the same amount (root's way to set it, §5.6). */
    mtc0(12, 7, 0x12345678u);
    c0 = mfc0(9, 0);
    vz_run_guest((uint32_t)g_count);
    c1 = mfc0(9, 0);
    CHECK_EQ(in_window(guest_gpr(8), c0 + 0x12345678u, c1 + 0x12345678u), 1);
    /* With GT = 1 the guest reads its Compare itself. */
    mtgc0(11, 0, 0xCAFE0000u);
    vz_run_guest((uint32_t)g_compare);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC);
    CHECK_EQ(guest_gpr(8), 0xCAFE0000u);

    /* A guest MTC0 Count traps even with GT = 1 (§5.9). */
    expect_gpsi(g_set_count, 0x40884800, __LINE__);

    /* GT = 0: guest Count and Compare accesses are GPSI exits (§5.2 GT, §5.9). */
    mtc0(12, 6, BASE_CTL0);
    expect_gpsi(g_count, 0x40084800, __LINE__);
    expect_gpsi(g_compare, 0x40085800, __LINE__);
    expect_gpsi(g_set_compare, 0x40885800, __LINE__);
    expect_gpsi(g_set_count, 0x40884800, __LINE__);
    CHECK_EQ(mfgc0(11, 0), 0xCAFE0000u); /* the trapped write changed nothing */
    mtc0(12, 6, BASE_CTL0 | GUESTCTL0_GT);

    /* Faithful mode: guest in compatibility mode (Cause.IV = 0), IE = 1, every IM bit set,
     * guest Compare 200 ticks ahead; the guest spins ~3000 ticks.  Guest Cause.TI becomes 1,
     * but the guest takes no interrupt (§5.15). */
    mtgc0(13, 0, 0);
    mtgc0(12, 1, 0);
    mtgc0(11, 0, mfgc0(9, 0) + 200);
    CHECK_EQ(mfgc0(13, 0) & CAUSE_TI, 0);
    mtgc0(12, 0, STATUS_IE | STATUS_IM);
    GUEST_LOG->count = 0;
    uint32_t compare = mfgc0(11, 0);
    vz_run_guest((uint32_t)g_spin);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC);
    CHECK_EQ(vz_exit_info.epc, (uint32_t)g_spin + 16);
    CHECK_EQ((int32_t)(mfgc0(9, 0) - compare) > 0, 1); /* guest Count did pass Compare */
    CHECK_EQ(mfgc0(13, 0) & CAUSE_TI, CAUSE_TI);
    CHECK_EQ(GUEST_LOG->count, 0);
    CHECK_EQ(mfgc0(12, 0) & STATUS_EXL, 0);
    /* TI stays pending while the guest keeps running with interrupts enabled. */
    vz_run_guest((uint32_t)g_spin);
    CHECK_EQ(GUEST_LOG->count, 0);
    CHECK_EQ(mfgc0(13, 0) & CAUSE_TI, CAUSE_TI);

    /* The guest's write of its Compare clears guest Cause.TI (§2.3). */
    set_guest_gpr(8, mfgc0(9, 0) + 0x10000000u);
    vz_run_guest((uint32_t)g_set_compare);
    CHECK_EQ(gexc_code(vz_exit_info.guestctl0), GEXCCODE_HC);
    CHECK_EQ(mfgc0(13, 0) & CAUSE_TI, 0);
    CHECK_EQ(mfgc0(11, 0), guest_gpr(8));

    /* So does root's MTGC0 Compare (tinyVP re-writes Cause after Compare for this, §5.7). */
    mtgc0(11, 0, mfgc0(9, 0) + 100);
    vz_run_guest((uint32_t)g_spin);
    CHECK_EQ(mfgc0(13, 0) & CAUSE_TI, CAUSE_TI);
    CHECK_EQ(GUEST_LOG->count, 0);
    mtgc0(11, 0, mfgc0(9, 0) + 0x10000000u);
    CHECK_EQ(mfgc0(13, 0) & CAUSE_TI, 0);
    /* Root can set guest Cause.TI itself (Linux/tinyVP inject the guest timer so, §5.5). */
    mtgc0(13, 0, CAUSE_TI);
    CHECK_EQ(mfgc0(13, 0) & CAUSE_TI, CAUSE_TI);
    mtgc0(12, 0, 0);
    mtgc0(13, 0, 0);

    test_exit();
}
