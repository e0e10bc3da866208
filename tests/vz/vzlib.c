/* Root-mode helpers of the VZ tests (see vzlib.h). */
#include "vzlib.h"

volatile struct vz_exit vz_exit_info;

#define TESTDEV(off) (*(volatile uint32_t *)(TESTDEV_KSEG1 + (off)))

void test_puts(const char *s)
{
    while (*s)
        TESTDEV(TESTDEV_PUTC) = (uint8_t)*s++;
}

static void put_hex(uint32_t v)
{
    static const char digits[] = "0123456789abcdef";
    char buf[11] = "0x";
    for (int i = 0; i < 8; i++)
        buf[2 + i] = digits[(v >> (28 - 4 * i)) & 15];
    buf[10] = 0;
    test_puts(buf);
}

static void put_dec(uint32_t v)
{
    char buf[11];
    int i = 10;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    test_puts(&buf[i]);
}

void check_eq(uint32_t got, uint32_t want, unsigned line)
{
    if (got == want) {
        TESTDEV(TESTDEV_PASS) = line;
        return;
    }
    test_puts("line ");
    put_dec(line);
    test_puts(": got ");
    put_hex(got);
    test_puts(", want ");
    put_hex(want);
    test_puts("\n");
    TESTDEV(TESTDEV_FAIL) = line;
}

void test_exit(void)
{
    TESTDEV(TESTDEV_EXIT) = 0;
    for (;;)
        ;
}

void tlb_write_guest(unsigned index, unsigned guestid, uint32_t gpa, uint32_t pagemask,
                     uint32_t lo0, uint32_t lo1)
{
    uint32_t g1 = mfc0(10, 4);
    mtc0(10, 4, (g1 & ~GUESTCTL1_RID) | (guestid << GUESTCTL1_RID_SHIFT));
    mtc0(0, 0, index);
    mtc0(5, 0, pagemask);
    mtc0(10, 0, gpa & ENTRYHI_VPN2);
    mtc0(2, 0, lo0);
    mtc0(3, 0, lo1);
    __asm__ volatile("tlbwi; ehb");
    mtc0(10, 4, g1);
}

struct tlb_image tlb_read_root(unsigned index)
{
    struct tlb_image t;
    uint32_t g1 = mfc0(10, 4);
    mtc0(0, 0, index);
    __asm__ volatile("tlbr; ehb");
    t.entryhi = mfc0(10, 0);
    t.lo0 = mfc0(2, 0);
    t.lo1 = mfc0(3, 0);
    t.pagemask = mfc0(5, 0);
    t.rid = (mfc0(10, 4) & GUESTCTL1_RID) >> GUESTCTL1_RID_SHIFT;
    mtc0(10, 4, g1);
    mtc0(10, 0, 0); /* root ASID back to 0 */
    return t;
}

/* RDPGPR/WRPGPR need the register number in the instruction: one case per register. */
#define RD_CASE(n)                                                                                 \
    case n:                                                                                        \
        __asm__ volatile("rdpgpr %0, $" #n : "=r"(v));                                             \
        break;
#define WR_CASE(n)                                                                                 \
    case n:                                                                                        \
        __asm__ volatile("wrpgpr $" #n ", %0" ::"r"(v));                                           \
        break;
#define ALL_GPRS(X)                                                                                \
    X(1)                                                                                           \
    X(2)                                                                                           \
    X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15) X(16) X(17) X(18) X(19) \
        X(20) X(21) X(22) X(23) X(24) X(25) X(26) X(27) X(28) X(29) X(30) X(31)

uint32_t guest_gpr(unsigned n)
{
    uint32_t v = 0;
    switch (n) {
        ALL_GPRS(RD_CASE)
    default: break;
    }
    return v;
}

void set_guest_gpr(unsigned n, uint32_t v)
{
    switch (n) {
        ALL_GPRS(WR_CASE)
    default: break;
    }
}

uint32_t vz_resume_next(void)
{
    return vz_run_guest(vz_exit_info.epc + 4);
}

void vz_setup(uint32_t guestctl0, unsigned guestid)
{
    /* Root: EBase at the vectors (written while BEV=1), then BEV=0 and EXL=1 for good. */
    extern char vz_root_vectors[];
    mtc0(15, 1, (uint32_t)vz_root_vectors);
    uint32_t st = mfc0(12, 0);
    st &= ~(STATUS_BEV | STATUS_ERL | STATUS_IE);
    mtc0(12, 0, st | STATUS_EXL);
    /* SRSCtl: ESS = 0; PSS = the guest's set, so guest_gpr works before the first entry. */
    mtc0(12, 2, GUEST_SRS << SRSCTL_PSS_SHIFT);
    mtc0(6, 0, 0); /* Wired = 0 */

    /* Guest memory plan (vzlib.h). */
    tlb_write_guest(0, guestid, 0x1D000000u, 0x001FE000u,
                    tlb_lo(0x1D000000u, ENTRYLO_V | (3u << ENTRYLO_C_SHIFT)),
                    tlb_lo(0x1D100000u, ENTRYLO_V | (3u << ENTRYLO_C_SHIFT)));
    tlb_write_guest(1, guestid, GUEST_RAM_GPA, 0x0001E000u,
                    tlb_lo(GUEST_RAM_RPA, ENTRYLO_V | ENTRYLO_D | (3u << ENTRYLO_C_SHIFT)),
                    0 /* GPA 0x10000: invalid, every access traps */);

    mtc0(10, 4, guestid | (guestid << GUESTCTL1_RID_SHIFT)); /* GuestCtl1 ID = RID */
    mtc0(11, 4, GUESTCTL0EXT_FCD);                           /* no field-change exits */
    mtc0(12, 6, guestctl0);

    /* Guest: out of its reset state (ERL=BEV=0), vectors installed, log cleared. */
    mtgc0(15, 1, (uint32_t)vz_guest_vectors);
    mtgc0(12, 0, 0);
    for (unsigned i = 0; i < sizeof(struct guest_log) / 4; i++)
        ((volatile uint32_t *)GUEST_LOG)[i] = 0;
}
