/*
 * Run-time for the interrupt tests (tests/irq): memory layout shared by rt.S and the C tests,
 * CP0 and EVIC access, checks reported to the simulator's test device.
 */
#ifndef TESTS_IRQ_RT_H
#define TESTS_IRQ_RT_H

#include "soc/cp0_fields.h"
#include "soc/evic.h"
#include "soc/sfr.h"
#include "soc/testdev.h"

#define RT_EBASE       0xBFC00000 /* start of boot flash */
#define RT_STACK_TOP   0x80078000
#define RT_STACK_SIZE  0x2000 /* shadow set n: RT_STACK_TOP - n * RT_STACK_SIZE */
#define VTAB_BASE      0x500  /* rt.S: one 8-byte stub per EVIC vector */
#define VTAB_COUNT     EVIC_NUM_VECTORS
#define VTAB_OFFSET(n) (VTAB_BASE + 8 * (n)) /* what OFFn holds to reach vector n's stub */

/* struct irq_frame layout (bytes). */
#define F_TAG      0
#define F_CAUSE    4
#define F_STATUS   8
#define F_EPC      12
#define F_SRSCTL   16
#define F_HI       20
#define F_LO       24
#define F_SP       28
#define F_R        32
#define FRAME_SIZE (F_R + 4 * 32)

#ifndef __ASSEMBLER__
#include <stdint.h>

struct irq_frame {
    uint32_t tag;   /* 0x180, 0x200, or the vector n of the OFFn stub that was entered */
    uint32_t cause; /* CP0 values on entry */
    uint32_t status;
    uint32_t epc; /* written back to EPC before ERET */
    uint32_t srsctl;
    uint32_t hi, lo;
    uint32_t sp; /* the set's stack pointer before the frame */
    uint32_t r[32];
};

#define REG32(a)     (*(volatile uint32_t *)(uintptr_t)(a))
#define REG16(a)     (*(volatile uint16_t *)(uintptr_t)(a))
#define REG8(a)      (*(volatile uint8_t *)(uintptr_t)(a))
#define EVIC(off)    REG32(EVIC_KSEG1 + (off))
#define TESTDEV(off) REG32(TESTDEV_KSEG1 + (off))

#define MFC0(reg, sel)                                                                             \
    ({                                                                                             \
        uint32_t v_;                                                                               \
        __asm__ volatile("mfc0 %0, $" #reg ", " #sel : "=r"(v_));                                  \
        v_;                                                                                        \
    })
#define MTC0(reg, sel, v)                                                                          \
    __asm__ volatile("mtc0 %0, $" #reg ", " #sel "\n\tehb" : : "r"((uint32_t)(v)) : "memory")

/* CP0 register numbers (mips-vz.md §1). */
#define COUNT()        MFC0(9, 0)
#define SET_COMPARE(v) MTC0(11, 0, v)
#define STATUS()       MFC0(12, 0)
#define SET_STATUS(v)  MTC0(12, 0, v)
#define INTCTL()       MFC0(12, 1)
#define SET_INTCTL(v)  MTC0(12, 1, v)
#define SRSCTL()       MFC0(12, 2)
#define CAUSE()        MFC0(13, 0)
#define SET_CAUSE(v)   MTC0(13, 0, v)

static inline void irq_enable(void)
{
    __asm__ volatile("ei\n\tehb" ::: "memory");
}

static inline void irq_disable(void)
{
    __asm__ volatile("di\n\tehb" ::: "memory");
}

static inline void cpu_wait(void)
{
    __asm__ volatile("wait" ::: "memory");
}

/* Status.IPL in EIC mode (mips-vz.md §2.4; PIC32 levels fit in IPL<6:0> = Status<16:10>). */
static inline void set_ipl(unsigned ipl)
{
    SET_STATUS((STATUS() & ~STATUS_IPL) | (ipl << STATUS_IPL_SHIFT));
}

static inline uint32_t simcycles(void)
{
    return TESTDEV(TESTDEV_CYCLES_LO);
}

/* EVIC helpers for IRQ n (pic32mz-ef.md §3.1-§3.2). */
static inline void evic_prio(unsigned n, unsigned ip, unsigned is)
{
    EVIC(EVIC_IPC_OF(n) + SFR_CLR) = EVIC_IPC_MASK(n);
    EVIC(EVIC_IPC_OF(n) + SFR_SET) = EVIC_IPC_VAL(n, ip, is);
}
static inline void evic_enable(unsigned n)
{
    EVIC(EVIC_IEC_OF(n) + SFR_SET) = EVIC_IRQ_BIT(n);
}
static inline void evic_disable(unsigned n)
{
    EVIC(EVIC_IEC_OF(n) + SFR_CLR) = EVIC_IRQ_BIT(n);
}
static inline void evic_raise(unsigned n) /* software can set any flag (§3.2 notes) */
{
    EVIC(EVIC_IFS_OF(n) + SFR_SET) = EVIC_IRQ_BIT(n);
}
static inline void evic_ack(unsigned n)
{
    EVIC(EVIC_IFS_OF(n) + SFR_CLR) = EVIC_IRQ_BIT(n);
}
static inline int evic_flag(unsigned n)
{
    return (EVIC(EVIC_IFS_OF(n)) & EVIC_IRQ_BIT(n)) != 0;
}
static inline void evic_route(unsigned n) /* OFFn -> rt.S's stub for vector n */
{
    EVIC(EVIC_OFF(n)) = VTAB_OFFSET(n);
}

/* The test's interrupt handler (called with EXL = 1, in the set the interrupt selected). */
extern void (*irq_handler)(struct irq_frame *f);
/* Arms the general-exception path: the next exception is recorded and skipped (EPC + 4). */
void expect_exception(void);
/* ExcCode of the exception recorded since expect_exception(), -1 if none. */
int exception_code(void);

void check_eq_(const char *file, unsigned line, const char *what, uint32_t got, uint32_t want);
#define CHECK_EQ(got, want) check_eq_(__FILE__, __LINE__, #got, (uint32_t)(got), (uint32_t)(want))
#define CHECK(cond)         check_eq_(__FILE__, __LINE__, #cond, (cond) ? 1 : 0, 1)
void print(const char *s);
void print_hex(uint32_t v);
/* Ends the run now (status from the checks). */
void __attribute__((noreturn)) test_exit(void);

int main(void);
#endif

#endif
