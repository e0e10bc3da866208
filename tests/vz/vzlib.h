/*
 * Root-mode test library for the VZ tests: enter a guest, come back on every guest exit or
 * root exception with what the hardware reported, map guest memory in the root TLB, check.
 *
 * Memory plan of every test: guest code runs from program flash at its link address (guest
 * GVA 0x9D0xxxxx = GPA 0x1D0xxxxx = RPA, one 1 MB page pair); guest RAM is GPA 0x00000000
 * (64 KB) = RPA 0x00060000; GPA 0x00010000 is mapped invalid (a trapping page).
 */
#ifndef VZLIB_H
#define VZLIB_H

#include <stdint.h>

#include "soc/cp0.h"
#include "soc/memmap.h"
#include "soc/testdev.h"

#define GUEST_RAM_GPA  0x00000000u
#define GUEST_RAM_RPA  0x00060000u
#define GUEST_TRAP_GPA 0x00010000u
#define GUEST_SRS      1u /* the guest's shadow register set */

/* What the root saw at the last exit (filled by the vector code in vzlib.S). */
struct vz_exit {
    uint32_t vector; /* 0 refill (EBase+0), 1 general (+0x180), 2 interrupt (+0x200) */
    uint32_t cause;
    uint32_t epc;
    uint32_t badvaddr;
    uint32_t badinstr;
    uint32_t badinstrp;
    uint32_t guestctl0;
    uint32_t srsctl;
    uint32_t entryhi;
    uint32_t status;
};
extern volatile struct vz_exit vz_exit_info;

/* Enters the guest at pc (ERET with GM=1, guest registers in GUEST_SRS) and returns on the
 * next root exception with vz_exit_info filled and GuestCtl0.GM cleared. Returns the root
 * Cause.ExcCode. */
uint32_t vz_run_guest(uint32_t pc);

#define mfc0(reg, sel)                                                                             \
    ({                                                                                             \
        uint32_t v_;                                                                               \
        __asm__ volatile("mfc0 %0, $" #reg ", " #sel : "=r"(v_));                                  \
        v_;                                                                                        \
    })
#define mtc0(reg, sel, v) __asm__ volatile("mtc0 %0, $" #reg ", " #sel "; ehb" ::"r"(v))
#define mfgc0(reg, sel)                                                                            \
    ({                                                                                             \
        uint32_t v_;                                                                               \
        __asm__ volatile("mfgc0 %0, $" #reg ", " #sel : "=r"(v_));                                 \
        v_;                                                                                        \
    })
#define mtgc0(reg, sel, v) __asm__ volatile("mtgc0 %0, $" #reg ", " #sel "; ehb" ::"r"(v))

static inline uint32_t exc_code(uint32_t cause)
{
    return (cause & CAUSE_EXCCODE) >> CAUSE_EXCCODE_SHIFT;
}

static inline uint32_t gexc_code(uint32_t guestctl0)
{
    return (guestctl0 & GUESTCTL0_GEXC) >> GUESTCTL0_GEXC_SHIFT;
}

/* Root set-up shared by the tests: EBase, BEV=0, shadow sets, the guest memory plan above,
 * and a guest in its reset state with guest EBase at its vectors (vz_guest_vectors). */
void vz_setup(uint32_t guestctl0, unsigned guestid);
/* Writes root TLB entry `index` for GuestID `guestid`: a page pair at gpa with the given
 * PageMask; lo0/lo1 are EntryLo values (use tlb_lo()). */
void tlb_write_guest(unsigned index, unsigned guestid, uint32_t gpa, uint32_t pagemask,
                     uint32_t lo0, uint32_t lo1);
static inline uint32_t tlb_lo(uint32_t rpa, uint32_t flags)
{
    return ((rpa >> 12) << ENTRYLO_PFN_SHIFT) | flags;
}
/* Root TLBR of physical entry `index`: what EntryHi/EntryLo0/1/PageMask and GuestCtl1.RID
 * hold afterwards (GuestCtl1 is restored, except for what the caller reads here). */
struct tlb_image {
    uint32_t entryhi, lo0, lo1, pagemask, rid;
};
struct tlb_image tlb_read_root(unsigned index);
/* Guest register n in the guest's shadow set (RDPGPR/WRPGPR with PSS = GUEST_SRS). */
uint32_t guest_gpr(unsigned n);
void set_guest_gpr(unsigned n, uint32_t v);
/* Resumes the guest after the instruction that exited (EPC + 4; not for delay slots). */
uint32_t vz_resume_next(void);

void check_eq(uint32_t got, uint32_t want, unsigned line);
#define CHECK_EQ(got, want) check_eq((got), (want), __LINE__)
void test_exit(void) __attribute__((noreturn));
void test_puts(const char *s);

/* Guest exception handler installed by vz_setup: counts guest exceptions in guest RAM and
 * returns to guest EPC + 4. */
struct guest_log {
    uint32_t count;
    uint32_t cause;
    uint32_t epc;
    uint32_t badvaddr;
    uint32_t vector; /* offset from guest EBase */
};
#define GUEST_LOG ((volatile struct guest_log *)KSEG1(GUEST_RAM_RPA))
extern char vz_guest_vectors[];

#endif
