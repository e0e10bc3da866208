/*
 * PIC32MZ Timer1..Timer9 (pic32mz-ef.md §6.2; PIC32 FRM Section 14 "Timers").  Decisions where
 * the fact sheet is unsure, with the reasons:
 *
 * - Period: the counter runs 0..PRx; the clock after the one where TMRx = PRx resets it to 0
 *   and sets TxIF, so a period is (PRx + 1) x prescale PBCLK3 periods (Microchip developer
 *   help "PIC32 Timer Overview": on a match the counter resets to zero and the flag is set).
 *   A counter above PRx (PRx written below it) runs up to 0xFFFF (0xFFFFFFFF for a pair),
 *   wraps to 0 without a flag, then matches (FRM Section 14 "period match" figures of the
 *   newer timer sections say the same).
 * - PRx = 0 with the timer on: no interrupt, the counter stays 0 (FRM/dsPIC33 Timers note:
 *   "no timer interrupts are generated for this configuration").
 * - Timer requests are non-persistent (§3.5: everything not listed as persistent): each match
 *   is a pulse on the line, the EVIC latches the flag.
 * - 32-bit pairs (T32 = 1 in the even timer x): x's TxCON controls the pair, the odd timer's
 *   TyCON is ignored, the odd timer raises the request (Microchip developer help "PIC32 Timer
 *   Overview"; pic32mz-ef.md §6.2).  Registers: PIC32 SFRs are 32 bits wide and firmware
 *   writes the pair's period as one word (PR2 = 0xFFFFFFFF in chipKIT/Harmony code), so TMRx
 *   and PRx of the even timer are the full 32-bit count and period; TMRy and PRy of the odd
 *   timer are the upper halves of the same values (the TMRy:TMRx / PRy:PRx pair of the
 *   reference manuals).
 * - The prescaler restarts on every TxCON or TMRx write (FRM: changing TxCON while the timer
 *   runs resets the prescale counter); a PRx write keeps its phase.  ON = 0 stops the counter
 *   without clearing it (the newer timer sections: "the timer count is not reset when the
 *   module is turned off").
 * - External clock (TCS = 1, T1CK/TxCK or SOSC): no such clock is modelled, the timer does not
 *   count; TSYNC and TWDIS are stored; TWIP reads 0 (writes complete at once).  SIDL is stored
 *   (no Idle mode in the simulator).
 * - Gated accumulation (TGATE = 1, TCS = 0): counts while the gate input is high, the request
 *   comes on its falling edge instead of on the period match (developer help, FRM); the gate is
 *   an input of this model (timers_set_gate), not yet wired to a pin.
 * - Reset: TxCON = 0, TMRx = 0, PRx = 0xFFFF (§6.2 [QM], the datasheet reset value of PRx).
 * - Reading the CLR/SET/INV addresses returns 0 (§2.1).
 */
#include "timers.h"

#include "bus.h"
#include "sfr_reg.h"
#include "soc/evic.h"
#include "soc/sfr.h"

static const unsigned timer_irqs[TIMER_COUNT] = {IRQ_TIMER1, IRQ_TIMER2, IRQ_TIMER3,
                                                 IRQ_TIMER4, IRQ_TIMER5, IRQ_TIMER6,
                                                 IRQ_TIMER7, IRQ_TIMER8, IRQ_TIMER9};

static struct timer *unit(struct timers *ts, unsigned n)
{
    return &ts->t[n - 1];
}

static bool is_master(const struct timer *t)
{
    return t->n % 2 == 0 && (t->con & TBCON_T32);
}

/* The even timer of the pair this odd timer belongs to, if the pair is on; else NULL. */
static struct timer *master_of(struct timer *t)
{
    if (t->n < 3 || t->n % 2 == 0)
        return NULL;
    struct timer *m = unit(t->owner, t->n - 1);
    return is_master(m) ? m : NULL;
}

static uint64_t wrap_of(const struct timer *t)
{
    return is_master(t) ? 0x100000000ull : 0x10000ull;
}

static uint32_t period_of(struct timer *t)
{
    if (is_master(t))
        return (unit(t->owner, t->n + 1)->pr << 16) | (t->pr & 0xFFFF);
    return t->pr & 0xFFFF;
}

static uint64_t cycles_per_tick(const struct timer *t)
{
    static const unsigned type_a[4] = {1, 8, 64, 256};
    static const unsigned type_b[8] = {1, 2, 4, 8, 16, 32, 64, 256};
    unsigned pre = t->n == 1 ? type_a[(t->con & T1CON_TCKPS) >> T1CON_TCKPS_SHIFT]
                             : type_b[(t->con & TBCON_TCKPS) >> TBCON_TCKPS_SHIFT];
    return (uint64_t)pre * t->owner->pb_div;
}

static bool counting(struct timer *t)
{
    if (!(t->con & TCON_ON) || (t->con & TCON_TCS) || master_of(t))
        return false;
    return !(t->con & TCON_TGATE) || t->gate;
}

/* The count after `n` ticks from `c` with period `p` and wrap `m` (see the period rules). */
static uint32_t advance(uint64_t c, uint64_t n, uint64_t p, uint64_t m)
{
    if (n == 0)
        return (uint32_t)c;
    if (p == 0)
        return 0;
    if (c > p) {
        uint64_t to_wrap = m - c;
        if (n < to_wrap)
            return (uint32_t)(c + n);
        n -= to_wrap;
        c = 0;
    }
    uint64_t to_match = p - c;
    if (n <= to_match)
        return (uint32_t)(c + n);
    n -= to_match + 1;
    return (uint32_t)(n % (p + 1));
}

static uint32_t count_now(struct timer *t, uint64_t now)
{
    if (!counting(t) || now <= t->base)
        return t->tmr;
    uint64_t ticks = (now - t->base) / cycles_per_tick(t);
    return advance(t->tmr, ticks, period_of(t), wrap_of(t));
}

/* Brings `tmr` up to `now`; keep_phase: the prescaler keeps counting (a PRx write), else it
 * restarts at `now` (TxCON/TMRx writes). */
static void rebase(struct timer *t, uint64_t now, bool keep_phase)
{
    if (counting(t) && now > t->base) {
        uint64_t cpt = cycles_per_tick(t);
        uint64_t ticks = (now - t->base) / cpt;
        t->tmr = advance(t->tmr, ticks, period_of(t), wrap_of(t));
        t->base = keep_phase ? t->base + ticks * cpt : now;
    } else {
        t->base = now;
    }
}

static void pulse(struct timer *t)
{
    unsigned irq = timer_irqs[(is_master(t) ? t->n + 1 : t->n) - 1];
    evic_set_irq(t->owner->env.evic, irq, true);
    evic_set_irq(t->owner->env.evic, irq, false);
}

/* Schedules the next period match (none when stopped, gated, or PRx = 0). */
static void schedule(struct timer *t)
{
    const struct dev_env *env = &t->owner->env;
    dev_cancel(env, &t->ev);
    if (!counting(t) || (t->con & TCON_TGATE))
        return;
    uint64_t p = period_of(t), c = t->tmr, m = wrap_of(t);
    if (p == 0)
        return;
    uint64_t ticks = c > p ? (m - c) + p + 1 : p - c + 1;
    dev_schedule(env, &t->ev, t->base + ticks * cycles_per_tick(t));
}

static void match_event(void *opaque, uint64_t now)
{
    struct timer *t = opaque;
    t->tmr = 0;
    t->base = now;
    pulse(t);
    schedule(t);
}

uint32_t timers_count(struct timers *ts, unsigned n)
{
    if (n < 1 || n > TIMER_COUNT)
        return 0;
    return count_now(unit(ts, n), dev_now(&ts->env));
}

void timers_set_gate(struct timers *ts, unsigned n, bool level)
{
    if (n < 1 || n > TIMER_COUNT)
        return;
    struct timer *t = unit(ts, n);
    uint64_t now = dev_now(&ts->env);
    rebase(t, now, true);
    bool fell = t->gate && !level;
    t->gate = level;
    t->base = now;
    if (fell && (t->con & TCON_ON) && (t->con & TCON_TGATE) && !(t->con & TCON_TCS) &&
        !master_of(t))
        pulse(t);
    schedule(t);
}

static void write_con(struct timer *t, uint32_t off, uint32_t v, uint32_t lanes, uint64_t now)
{
    uint32_t writable = t->n == 1 ? T1CON_WRITABLE : TBCON_WRITABLE;
    if (t->n % 2 || t->n == 1)
        writable &= ~TBCON_T32; /* T32 exists in the even timers only */
    struct timer *slave = t->n % 2 == 0 ? unit(t->owner, t->n + 1) : NULL;
    bool was_pair = is_master(t);
    rebase(t, now, false);
    if (slave)
        rebase(slave, now, false);
    t->con = sfr_apply(t->con, off, v, writable & lanes);
    bool pair = is_master(t);
    if (pair && !was_pair) {
        t->tmr = (slave->tmr << 16) | (t->tmr & 0xFFFF);
    } else if (!pair && was_pair) {
        slave->tmr = t->tmr >> 16;
        t->tmr &= 0xFFFF;
    }
    schedule(t);
    if (slave) {
        slave->base = now;
        schedule(slave);
    }
}

static bool timer_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct timers *ts = opaque;
    unsigned n = off / TIMER_BLOCK_SIZE + 1;
    uint32_t reg = off % TIMER_BLOCK_SIZE, lanes;
    if (reg >= 0x30)
        return false;
    struct timer *t = unit(ts, n);
    uint32_t v = sfr_widen(off, size, val, &lanes);
    uint64_t now = dev_now(&ts->env);
    struct timer *m = master_of(t);
    switch (reg & ~0xFu) {
    case TxCON:
        if (m)
            t->con = sfr_apply(t->con, off, v, TBCON_WRITABLE & ~TBCON_T32 & lanes); /* ignored */
        else
            write_con(t, off, v, lanes, now);
        return true;
    case TMRx:
        if (m) { /* upper half of the pair's count */
            rebase(m, now, false);
            uint32_t hi = sfr_apply(m->tmr >> 16, off, v, 0xFFFF & lanes);
            m->tmr = (hi << 16) | (m->tmr & 0xFFFF);
            schedule(m);
        } else {
            rebase(t, now, false);
            t->tmr = sfr_apply(t->tmr, off, v, (is_master(t) ? ~0u : 0xFFFFu) & lanes);
            schedule(t);
        }
        return true;
    case PRx:
        if (m) {
            rebase(m, now, true);
            t->pr = sfr_apply(t->pr, off, v, 0xFFFF & lanes);
            schedule(m);
        } else if (is_master(t)) {
            struct timer *s = unit(ts, t->n + 1);
            rebase(t, now, true);
            uint32_t p = sfr_apply(period_of(t), off, v, lanes);
            t->pr = p & 0xFFFF;
            s->pr = p >> 16;
            schedule(t);
        } else {
            rebase(t, now, true);
            t->pr = sfr_apply(t->pr, off, v, 0xFFFF & lanes);
            schedule(t);
        }
        return true;
    default: return false;
    }
}

static bool timer_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct timers *ts = opaque;
    unsigned n = off / TIMER_BLOCK_SIZE + 1;
    uint32_t reg = off % TIMER_BLOCK_SIZE, v;
    if (reg >= 0x30)
        return false;
    struct timer *t = unit(ts, n);
    struct timer *m = master_of(t);
    uint64_t now = dev_now(&ts->env);
    switch (reg & ~0xFu) {
    case TxCON: v = t->con; break;
    case TMRx: v = m ? count_now(m, now) >> 16 : count_now(t, now); break;
    case PRx: v = is_master(t) ? period_of(t) : t->pr; break;
    default: return false;
    }
    if (reg & SFR_ALIAS_MASK)
        v = 0; /* CLR/SET/INV addresses read as 0 (pic32mz-ef.md §2.1) */
    *val = v >> (8 * (off & 3));
    if (size < 4)
        *val &= (1u << (8 * size)) - 1;
    return true;
}

void timers_reset(struct timers *ts)
{
    for (unsigned i = 0; i < TIMER_COUNT; i++) {
        struct timer *t = &ts->t[i];
        dev_cancel(&ts->env, &t->ev);
        t->con = 0;
        t->tmr = 0;
        t->pr = 0xFFFF;
        t->gate = false;
        t->base = dev_now(&ts->env);
    }
}

void timers_set_pbclk_div(struct timers *ts, unsigned div)
{
    uint64_t now = dev_now(&ts->env);
    for (unsigned i = 0; i < TIMER_COUNT; i++)
        rebase(&ts->t[i], now, false);
    ts->pb_div = div ? div : 1;
    for (unsigned i = 0; i < TIMER_COUNT; i++)
        schedule(&ts->t[i]);
}

int timers_attach(struct timers *ts, struct bus *b, const struct dev_env *env)
{
    *ts = (struct timers){.env = *env, .pb_div = DEV_PBCLK_DEFAULT_DIV};
    for (unsigned i = 0; i < TIMER_COUNT; i++) {
        struct timer *t = &ts->t[i];
        t->n = i + 1;
        t->owner = ts;
        t->ev = (struct sim_event){.fn = match_event, .opaque = t};
    }
    timers_reset(ts);
    struct bus_device d = {
        .name = "timers",
        .base = TIMER_PHYS(1),
        .size = TIMER_BLOCK_SIZE * TIMER_COUNT,
        .opaque = ts,
        .read = timer_read,
        .write = timer_write,
    };
    return bus_add_device(b, &d);
}
