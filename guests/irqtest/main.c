/*
 * Interrupt-driven test guest: an ordinary PIC32MZ program in multi-vector mode
 * (guests/rt/irq.h) that takes the core timer at its own vector and prints from its
 * handlers.  At the third tick the timer handler raises core software interrupt 0, whose
 * handler raises software interrupt 1; each handler prints when it enters and leaves, so
 * the console shows how the priorities nest (pic32mz-ef.md §3.3: a request preempts a
 * handler only with a higher priority than the level it runs at).  Built per VM with:
 *   NAME, PERIOD_MS; MULTI (1 multi-vector, 0 single-vector: handlers found through
 *   INTSTAT); TPRI, S0PRI, S1PRI (priorities of the core timer, sw0, sw1);
 *   T2PRI (Timer2's priority; 0 = Timer2 not used); PROBE (1 = try IRQ 9, which this VM
 *   does not own, and report what the EVIC shows).
 */
#include "../rt/irq.h"
#include "../rt/pic32mz.h"
#include "soc/timer.h"

#define STR_(x) #x
#define STR(x)  STR_(x)
#define SAY(s)  console_puts(STR(NAME) ": " s "\n")

static volatile uint32_t ticks, t2_ticks;
static uint32_t next;

static void soft_irq(uint32_t bit)
{
    mtc0(13, 0, mfc0(13, 0) | bit);
}

static void sw0_handler(unsigned vec)
{
    SAY("sw0 enter");
    mtc0(13, 0, mfc0(13, 0) & ~CAUSE_IP0); /* the source first, then the flag (§3.5) */
    irq_clear(vec);
    soft_irq(CAUSE_IP1);
    (void)irq_flagged(IRQ_CORE_SW1); /* the EVIC sees the request now */
    SAY("sw0 exit");
}

static void sw1_handler(unsigned vec)
{
    SAY("sw1 enter");
    mtc0(13, 0, mfc0(13, 0) & ~CAUSE_IP1);
    irq_clear(vec);
    SAY("sw1 exit");
}

static void timer_handler(unsigned vec)
{
    uint32_t t = ++ticks;
    next += PERIOD_MS * (CORE_TIMER_HZ / 1000);
    mtc0(11, 0, next); /* a new Compare clears the timer's request (pic32mz-ef.md §3.5) */
    irq_clear(vec);
    console_puts(STR(NAME) ": tick ");
    console_putdec(t);
    console_puts("\n");
    if (t == 3) {
        SAY("timer enter");
        soft_irq(CAUSE_IP0);
        (void)irq_flagged(IRQ_CORE_SW0);
        SAY("timer exit");
    }
}

static void t2_handler(unsigned vec)
{
    uint32_t n = ++t2_ticks;
    irq_clear(vec);
    console_puts(STR(NAME) ": t2 ");
    console_putdec(n);
    console_puts("\n");
    if (n == 3)
        REG32(TIMER_PHYS(2) + TxCON + SFR_CLR) = TCON_ON;
}

static void probe_foreign(void)
{
    /* IRQ 9 (Timer2) belongs to another VM: its bits read 0 and writes do nothing. */
    REG32(EVIC_PHYS + EVIC_IEC_OF(IRQ_TIMER2) + SFR_SET) = EVIC_IRQ_BIT(IRQ_TIMER2);
    REG32(EVIC_PHYS + EVIC_IFS_OF(IRQ_TIMER2) + SFR_SET) = EVIC_IRQ_BIT(IRQ_TIMER2);
    REG32(EVIC_PHYS + EVIC_OFF(IRQ_TIMER2)) = 0x400;
    uint32_t seen = (REG32(EVIC_PHYS + EVIC_IEC_OF(IRQ_TIMER2)) & EVIC_IRQ_BIT(IRQ_TIMER2)) |
                    (REG32(EVIC_PHYS + EVIC_IFS_OF(IRQ_TIMER2)) & EVIC_IRQ_BIT(IRQ_TIMER2)) |
                    REG32(EVIC_PHYS + EVIC_OFF(IRQ_TIMER2)) |
                    (REG32(EVIC_PHYS + EVIC_IPC_OF(IRQ_TIMER2)) & EVIC_IPC_MASK(IRQ_TIMER2));
    if (seen)
        SAY("foreign irq visible");
    else
        SAY("foreign irq hidden");
}

int main(void)
{
    console_init(4);
    SAY("start");
    if (PROBE)
        probe_foreign();
    irq_setup(MULTI);
    irq_connect(IRQ_CORE_TIMER, timer_handler, TPRI, 0);
    irq_connect(IRQ_CORE_SW0, sw0_handler, S0PRI, 0);
    irq_connect(IRQ_CORE_SW1, sw1_handler, S1PRI, 0);
    if (T2PRI) {
        /* Timer2 from PBCLK3 (100 MHz) / 256, period 5 ms (pic32mz-ef.md §6.2). */
        REG32(TIMER_PHYS(2) + TxCON) = 7u << TBCON_TCKPS_SHIFT;
        REG32(TIMER_PHYS(2) + TMRx) = 0;
        REG32(TIMER_PHYS(2) + PRx) = 1953;
        irq_connect(IRQ_TIMER2, t2_handler, T2PRI, 0);
        REG32(TIMER_PHYS(2) + TxCON + SFR_SET) = TCON_ON;
    }
    next = core_count() + PERIOD_MS * (CORE_TIMER_HZ / 1000);
    mtc0(11, 0, next);
    irq_enable();
    while (ticks < 8)
        __asm__ volatile("wait");
    irq_disable();
    /* Nothing may stay pending, or WAIT would return at once (mips-vz.md §5.16). */
    REG32(EVIC_PHYS + EVIC_IEC_OF(IRQ_CORE_TIMER) + SFR_CLR) = EVIC_IRQ_BIT(IRQ_CORE_TIMER);
    SAY("done");
    for (;;)
        __asm__ volatile("wait");
}
