/*
 * Masking in EIC mode (mips-vz.md §4.2, §4.4; pic32mz-ef.md §3.3): a request is taken when
 * RIPL > Status.IPL and IE = 1, EXL = 0, ERL = 0; the hardware does not raise IPL, so a
 * handler that sets IPL = RIPL and clears EXL can be preempted by a higher priority only.
 * The EVIC side (pic32mz-ef.md §3.2-§3.3): IEC masks a set flag, IP = 0 disables a source.
 */
#include "rt.h"

static volatile uint32_t log_[16], nlog, seen_ripl;
#define A IRQ_TIMER6 /* priority 3 */
#define B IRQ_TIMER7 /* priority 5 */
#define C IRQ_TIMER8 /* priority 2 */

static void record(uint32_t v)
{
    if (nlog < 16)
        log_[nlog++] = v;
}

static void simple(struct irq_frame *f)
{
    seen_ripl = (f->cause & CAUSE_RIPL) >> CAUSE_RIPL_SHIFT;
    record(f->tag);
    evic_ack(f->tag);
}

/* A's handler raises B (higher) and C (lower) after lowering its own level to RIPL. */
static void nesting(struct irq_frame *f)
{
    unsigned ripl = (f->cause & CAUSE_RIPL) >> CAUSE_RIPL_SHIFT;
    record(f->tag);
    evic_ack(f->tag);
    if (f->tag != A)
        return;
    /* The XC32 prologue pattern: IPL = RIPL, EXL = 0, IE = 1 (pic32mz-ef.md §3.3). */
    SET_STATUS((f->status & ~(STATUS_IPL | STATUS_EXL)) | (ripl << STATUS_IPL_SHIFT) | STATUS_IE);
    evic_raise(C);
    record(0x100); /* C is below IPL 3: not taken */
    evic_raise(B);
    record(0x101);         /* B (5) preempted before this point */
    SET_STATUS(f->status); /* EXL = 1 again before ERET; EPC is in the frame */
    record(0x102);
}

int main(void)
{
    irq_handler = simple;
    EVIC(EVIC_INTCON) = INTCON_MVEC;
    evic_prio(A, 3, 0);
    evic_prio(B, 5, 0);
    evic_prio(C, 2, 0);
    evic_route(A);
    evic_route(B);
    evic_route(C);

    /* IEC = 0 masks a set flag; IP = 0 disables an enabled source. */
    irq_enable();
    evic_raise(A);
    CHECK_EQ(nlog, 0);
    CHECK(evic_flag(A));
    evic_prio(A, 0, 3);
    evic_enable(A);
    CHECK_EQ(nlog, 0);
    evic_prio(A, 3, 0);
    CHECK_EQ(nlog, 1);
    CHECK_EQ(log_[0], A);
    CHECK_EQ(seen_ripl, 3);

    /* Status.IPL: RIPL 3 is taken at IPL 2, not at IPL 3 or above. */
    nlog = 0;
    set_ipl(3);
    evic_raise(A);
    CHECK_EQ(nlog, 0);
    set_ipl(7);
    CHECK_EQ(nlog, 0);
    set_ipl(2);
    CHECK_EQ(nlog, 1);
    set_ipl(0);

    /* IE = 0, EXL = 1, ERL = 1 each hold the request back. */
    nlog = 0;
    irq_disable();
    evic_raise(A);
    CHECK_EQ(nlog, 0);
    SET_STATUS(STATUS() | STATUS_IE | STATUS_EXL);
    CHECK_EQ(nlog, 0);
    SET_STATUS((STATUS() & ~STATUS_EXL) | STATUS_ERL);
    CHECK_EQ(nlog, 0);
    SET_STATUS(STATUS() & ~STATUS_ERL);
    CHECK_EQ(nlog, 1);

    /* Nesting: A (3) -> B (5) preempts; C (2) waits until A returns. */
    nlog = 0;
    irq_handler = nesting;
    evic_enable(B);
    evic_enable(C);
    evic_raise(A);
    CHECK_EQ(nlog, 6);
    CHECK_EQ(log_[0], A);
    CHECK_EQ(log_[1], 0x100);
    CHECK_EQ(log_[2], B);
    CHECK_EQ(log_[3], 0x101);
    CHECK_EQ(log_[4], 0x102);
    CHECK_EQ(log_[5], C);
    irq_disable();
    return 0;
}
