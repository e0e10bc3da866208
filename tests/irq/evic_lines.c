/*
 * Host-side test of the device interface of the EVIC model (sim/soc/irq.h evic_set_irq):
 * how request lines become IFS flags (pic32mz-ef.md §3.3 latch, §3.5 persistent vs
 * non-persistent, §3.2 INTCON.INTxEP), with the core replaced by stubs.  Device models (UART,
 * timers, DMA, change notice) will rely on exactly these rules.  Prints PASS/FAIL lines.
 */
#include <stdio.h>
#include <string.h>

#include "../../sim/cpu/cpu.h"
#include "../../sim/soc/bus.h"
#include "../../sim/soc/evic.h"
#include "soc/cp0_fields.h"
#include "soc/sfr.h"
#include "soc/uart.h"

/* Core stubs: Cause for CS0/CS1 and a count of "interrupt inputs changed" notifications. */
static uint32_t stub_cause;
static unsigned changed;
static struct cpu_irq_source src;
uint32_t cpu_cp0(struct cpu *c, unsigned reg, unsigned sel)
{
    (void)c;
    return reg == 13 && sel == 0 ? stub_cause : 0;
}
void cpu_irq_changed(struct cpu *c)
{
    (void)c;
    changed++;
}
void cpu_set_irq_source(struct cpu *c, const struct cpu_irq_source *s)
{
    (void)c;
    src = *s;
}

static int failed;
static void check(const char *name, int ok)
{
    if (ok) {
        printf("PASS %s\n", name);
    } else {
        printf("FAIL %s: wrong flag or request state\n", name);
        failed = 1;
    }
}

static struct bus bus;
static uint32_t rd(uint32_t off)
{
    uint32_t v = 0;
    bus_read(&bus, EVIC_PHYS + off, 4, &v, BUS_CPU);
    return v;
}
static void wr(uint32_t off, uint32_t v)
{
    bus_write(&bus, EVIC_PHYS + off, 4, v, BUS_CPU);
}
static int flag(unsigned n)
{
    return (rd(EVIC_IFS_OF(n)) & EVIC_IRQ_BIT(n)) != 0;
}
static void clear(unsigned n)
{
    wr(EVIC_IFS_OF(n) + SFR_CLR, EVIC_IRQ_BIT(n));
}

int main(void)
{
    static struct evic e;
    struct cpu *fake = (struct cpu *)&e; /* never dereferenced by the stubs */
    bus_init(&bus);
    if (evic_attach(&e, &bus, fake)) {
        printf("FAIL evic_lines: attach\n");
        return 1;
    }

    /* Non-persistent (edge) source, e.g. Timer2: a rising edge sets the flag, a held line
     * does not set it again after software clears it, the next edge does. */
    changed = 0;
    evic_set_irq(&e, IRQ_TIMER2, true);
    check("edge_sets_flag", flag(IRQ_TIMER2) && changed == 1);
    clear(IRQ_TIMER2);
    evic_set_irq(&e, IRQ_TIMER2, true);
    check("edge_held_line_no_reassert", !flag(IRQ_TIMER2));
    evic_set_irq(&e, IRQ_TIMER2, false);
    check("edge_falling_keeps_clear", !flag(IRQ_TIMER2));
    evic_set_irq(&e, IRQ_TIMER2, true);
    check("edge_next_rising_sets", flag(IRQ_TIMER2));
    evic_set_irq(&e, IRQ_TIMER2, false);
    check("edge_flag_stays_after_line_drops", flag(IRQ_TIMER2));
    clear(IRQ_TIMER2);

    /* Persistent source, UART4 RX (§3.5): the flag re-asserts while the line is high, and
     * software must drop the condition first; the flag is set with IEC = 0 (§3.3). */
    unsigned rx = UART4_IRQ_FAULT + 1;
    evic_set_irq(&e, rx, true);
    check("persistent_sets_flag", flag(rx));
    clear(rx);
    check("persistent_reasserts_while_high", flag(rx));
    evic_set_irq(&e, rx, false);
    check("persistent_flag_stays_after_drop", flag(rx));
    clear(rx);
    check("persistent_clears_after_drop", !flag(rx));

    /* A device model can change the class of its source. */
    evic_set_persistent(&e, IRQ_TIMER2, true);
    evic_set_irq(&e, IRQ_TIMER2, true);
    clear(IRQ_TIMER2);
    check("set_persistent", flag(IRQ_TIMER2));
    evic_set_irq(&e, IRQ_TIMER2, false);
    clear(IRQ_TIMER2);

    /* External interrupt INT1 (vector 8): INTCON.INT1EP = 0 falling edge, 1 rising (§3.2). */
    evic_set_irq(&e, IRQ_INT1, true);
    check("int_falling_ignores_rise", !flag(IRQ_INT1));
    evic_set_irq(&e, IRQ_INT1, false);
    check("int_falling_edge", flag(IRQ_INT1));
    clear(IRQ_INT1);
    wr(EVIC_INTCON + SFR_SET, INTCON_INTEP(1));
    evic_set_irq(&e, IRQ_INT1, true);
    check("int_rising_edge", flag(IRQ_INT1));
    clear(IRQ_INT1);
    evic_set_irq(&e, IRQ_INT1, false);
    check("int_rising_ignores_fall", !flag(IRQ_INT1));

    /* Reserved vectors and out-of-range numbers are ignored; a NULL EVIC is allowed (irq.h). */
    evic_set_irq(&e, 108, true);
    evic_set_irq(&e, 500, true);
    evic_set_irq(NULL, 4, true);
    check("reserved_ignored", rd(EVIC_IFS(3)) == 0);

    /* The core timer line (struct cpu_irq_source.timer) is vector 0, an edge source. */
    src.timer(src.opaque, true);
    check("timer_line", flag(IRQ_CORE_TIMER));
    clear(IRQ_CORE_TIMER);
    src.timer(src.opaque, true);
    check("timer_line_edge", !flag(IRQ_CORE_TIMER));
    src.timer(src.opaque, false);

    /* The presented request: RIPL, vector, offset, EICSS (multi-vector), then single. */
    unsigned ripl, vec, ss;
    uint32_t off;
    wr(EVIC_IPC_OF(IRQ_DMA(2)), EVIC_IPC_VAL(IRQ_DMA(2), 5, 1));
    wr(EVIC_IEC_OF(IRQ_DMA(2)), EVIC_IRQ_BIT(IRQ_DMA(2)));
    wr(EVIC_OFF(IRQ_DMA(2)), 0x1230);
    wr(EVIC_PRISS, 3u << PRISS_PRISS_SHIFT(5));
    src.eic_request(src.opaque, &ripl, &vec, &off, &ss);
    check("no_request", ripl == 0);
    evic_set_irq(&e, IRQ_DMA(2), true);
    wr(EVIC_INTCON, INTCON_MVEC);
    src.eic_request(src.opaque, &ripl, &vec, &off, &ss);
    check("multi_vector_request", ripl == 5 && vec == IRQ_DMA(2) && off == 0x1230 && ss == 3);
    wr(EVIC_INTCON, 0);
    src.eic_request(src.opaque, &ripl, &vec, &off, &ss);
    check("single_vector_request", ripl == 5 && vec == 0 && off == 0x200 && ss == 0);
    src.eic_ack(src.opaque, ripl, vec);
    check("intstat_on_ack", rd(EVIC_INTSTAT) == ((5u << INTSTAT_SRIPL_SHIFT) | IRQ_DMA(2)));

    /* CS0 follows Cause.IP0, sampled when the core asks and on register accesses. */
    stub_cause = CAUSE_IP0;
    check("cs0_from_cause", flag(IRQ_CORE_SW0));
    stub_cause = 0;
    clear(IRQ_CORE_SW0);
    check("cs0_cleared", !flag(IRQ_CORE_SW0));
    return failed;
}
