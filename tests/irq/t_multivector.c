/*
 * EIC interrupts in multi-vector mode (INTCON.MVEC = 1):
 * - the core enters at EBase + OFFn of the winning vector (pic32mz-ef.md §3.4, [DS-696];
 *   mips-vz.md §4.1 "PIC32MZ EVIC multi-vector"), whatever the vector number is;
 * - Cause.RIPL holds the request's priority, ExcCode = 0 (mips-vz.md §2.6, §4.4);
 * - shadow set from PRISS.PRIxSS of that priority: SRSCtl.EICSS shows it, CSS switches to it,
 *   PSS holds the interrupted set, RDPGPR reads the interrupted set's registers, ERET goes
 *   back (mips-vz.md §2.5, §4.2 step 4, §4.5; pic32mz-ef.md §3.2 PRISS, §3.3; Microchip
 *   "PIC32MZ Shadow Register Sets": the set number is written to SRSCtl.EICSS);
 * - INTSTAT.SIRQ/SRIPL name the serviced request (pic32mz-ef.md §3.2);
 * - PRIxSS values 8..15 name no set and select set 0 (evic.c decision).
 */
#include "rt.h"

#define MAGIC 0x5A5A1234u

static volatile uint32_t seen_tag, seen_cause, seen_srsctl, seen_epc, seen_sp, seen_prev_s1;
static volatile uint32_t seen_count;

static void handler(struct irq_frame *f)
{
    uint32_t prev;
    __asm__ volatile("rdpgpr %0, $17" : "=r"(prev)); /* $s1 of SRSCtl.PSS */
    seen_prev_s1 = prev;
    seen_tag = f->tag;
    seen_cause = f->cause;
    seen_srsctl = f->srsctl;
    seen_epc = f->epc;
    seen_sp = f->sp;
    seen_count++;
    if (f->tag == 100)
        evic_disable(IRQ_TIMER2); /* entered through OFF009 (below): leave its flag set */
    else if (f->tag < EVIC_NUM_VECTORS)
        evic_ack(f->tag);
}

/* Raises IRQ n with $s1 = MAGIC in the interrupted set; returns the address of the
 * instruction after the IFS write, where the interrupt is taken (the simulator re-samples
 * interrupts after every device write, docs/dev/sim-internals.md). */
static uint32_t raise_with_magic(unsigned n)
{
    uint32_t after;
    __asm__ volatile(".set push\n\t.set noreorder\n\t"
                     "li    $17, %3\n\t"
                     "sw    %2, 0(%1)\n"
                     "1:\n\t"
                     "nop\n\t"
                     "la    %0, 1b\n\t"
                     ".set pop"
                     : "=r"(after)
                     : "r"(EVIC_KSEG1 + EVIC_IFS_OF(n) + SFR_SET), "r"(EVIC_IRQ_BIT(n)), "i"(MAGIC)
                     : "$17", "memory");
    return after;
}

static void one(unsigned n, unsigned ip, unsigned is, unsigned set)
{
    seen_count = 0;
    seen_prev_s1 = 0;
    evic_prio(n, ip, is);
    evic_route(n);
    evic_enable(n);
    uint32_t after = raise_with_magic(n);
    CHECK_EQ(seen_count, 1);
    CHECK_EQ(seen_tag, n); /* EBase + OFFn */
    CHECK_EQ((seen_cause & CAUSE_EXCCODE) >> CAUSE_EXCCODE_SHIFT, EXCCODE_INT);
    CHECK_EQ((seen_cause & CAUSE_RIPL) >> CAUSE_RIPL_SHIFT, ip);
    CHECK_EQ(seen_epc, after);
    CHECK_EQ((seen_srsctl & SRSCTL_EICSS) >> SRSCTL_EICSS_SHIFT, set);
    CHECK_EQ((seen_srsctl & SRSCTL_CSS) >> SRSCTL_CSS_SHIFT, set);
    CHECK_EQ((seen_srsctl & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT, 0);
    if (set != 0) {
        CHECK_EQ(seen_prev_s1, MAGIC);                         /* RDPGPR: interrupted set */
        CHECK_EQ(seen_sp, RT_STACK_TOP - set * RT_STACK_SIZE); /* the set's own $sp */
    }
    CHECK_EQ((SRSCTL() & SRSCTL_CSS) >> SRSCTL_CSS_SHIFT, 0); /* ERET: CSS <- PSS */
    CHECK_EQ(EVIC(EVIC_INTSTAT), (ip << INTSTAT_SRIPL_SHIFT) | n);
    CHECK(!evic_flag(n));
    evic_disable(n);
}

int main(void)
{
    irq_handler = handler;
    EVIC(EVIC_INTCON) = INTCON_MVEC;
    EVIC(EVIC_PRISS) = 0x76543210; /* priority p -> set p, as Harmony programs it (§3.2) */
    irq_enable();

    one(IRQ_TIMER1, 3, 0, 3);
    one(IRQ_ETHERNET, 6, 2, 6);
    one(213, 1, 3, 1);
    one(IRQ_CORE_PERF, 7, 0, 7);
    one(IRQ_INT0, 4, 1, 4);

    /* Sets chosen per priority, not per vector. */
    EVIC(EVIC_PRISS) = (5u << PRISS_PRISS_SHIFT(2)) | (2u << PRISS_PRISS_SHIFT(5));
    one(IRQ_DMA(3), 2, 0, 5);
    one(IRQ_DMA(4), 5, 0, 2);
    one(IRQ_DMA(5), 3, 0, 0); /* PRI3SS = 0: no set switch */
    /* PRIxSS 8..15: no such set on this core (HSS = 7): set 0 (evic.c decision). */
    EVIC(EVIC_PRISS) = 0xF0000000u | (8u << PRISS_PRISS_SHIFT(4));
    one(IRQ_DMA(6), 4, 0, 0);
    one(IRQ_DMA(7), 7, 0, 0);

    /* The offset, not the vector number, decides the entry point: OFF009 -> vector 100's
     * stub. */
    EVIC(EVIC_PRISS) = 0;
    evic_prio(IRQ_TIMER2, 2, 0);
    evic_enable(IRQ_TIMER2);
    EVIC(EVIC_OFF(IRQ_TIMER2)) = VTAB_OFFSET(100);
    seen_count = 0;
    (void)raise_with_magic(IRQ_TIMER2);
    CHECK_EQ(seen_count, 1);
    CHECK_EQ(seen_tag, 100);
    CHECK_EQ(EVIC(EVIC_INTSTAT), (2u << INTSTAT_SRIPL_SHIFT) | IRQ_TIMER2);
    CHECK(evic_flag(IRQ_TIMER2)); /* the flag of vector 9 is still set */
    irq_disable();
    evic_ack(IRQ_TIMER2);
    return 0;
}
