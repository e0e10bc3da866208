/*
 * CP0 register access for the root context and the VZ guest context: reads of derived
 * registers and the side effects of writes.  MIPS32 PRA (MD00090) ch. 9, mips-vz.md §2, §5.
 * Reset values and writable masks are in cp0_reset.c.
 */
#include "cpu_internal.h"

#define STATUS_CLEAR_ONLY (STATUS_TS | STATUS_SR | STATUS_NMI)

uint32_t cp0_count(const struct cpu *c)
{
    if (c->cp0[CP0_CAUSE] & CAUSE_DC)
        return c->count_base_value;
    /* Count advances at SYSCLK/2 (mips-vz.md §2.3, pic32mz-ef.md §6.1). */
    return c->count_base_value + (uint32_t)((c->cycles - c->count_base_cycle) >> 1);
}

/* Guest Count = root Count + GTOffset (mips-vz.md §5.6).  Guest Cause.DC is not modelled
 * as stopping it: the root emulates a guest's DC change (it is a GSFC field, vz.c). */
uint32_t cp0_guest_count(const struct cpu *c)
{
    return cp0_count(c) + c->cp0[CP0_GTOFFSET];
}

static void set_count(struct cpu *c, uint32_t value)
{
    c->count_base_cycle = c->cycles;
    c->count_base_value = value;
}

/* The cycle at which a counter that reads `now` (advancing every 2 cycles from the root
 * Count's base) next equals `compare`. */
static uint64_t match_cycle(const struct cpu *c, uint32_t now, uint32_t compare)
{
    uint32_t ticks = compare - now;
    uint64_t phase = (c->cycles - c->count_base_cycle) & 1;
    uint64_t at = c->cycles - phase + 2 * (uint64_t)ticks;
    if (at <= c->cycles)
        at += 2ull << 32;
    return at;
}

static void timers_rearm(struct cpu *c)
{
    if (c->cp0[CP0_CAUSE] & CAUSE_DC) {
        c->timer_deadline = UINT64_MAX;
        c->g.timer_deadline = UINT64_MAX;
    } else {
        c->timer_deadline = match_cycle(c, cp0_count(c), c->cp0[CP0_COMPARE]);
        c->g.timer_deadline = match_cycle(c, cp0_guest_count(c), c->g.r[CP0_COMPARE]);
    }
    cpu_end_slice(c);
}

static void timer_irq(struct cpu *c, bool level)
{
    if (c->irq.timer)
        c->irq.timer(c->irq.opaque, level);
    c->irq_dirty = true;
    cpu_end_slice(c);
}

/* Count reached Compare: Cause.TI and the core-timer request (mips-vz.md §2.3). */
void cp0_timer_fire(struct cpu *c)
{
    c->cp0[CP0_CAUSE] |= CAUSE_TI;
    c->timer_deadline += 2ull << 32;
    timer_irq(c, true);
}

/* Guest Count reached guest Compare: guest Cause.TI.  Whether that interrupts the guest is
 * a core parameter (mips-vz.md §5.15: on the PIC32MZ-EF it never does); cpu.c decides. */
void cp0_guest_timer_fire(struct cpu *c)
{
    c->g.r[CP0_CAUSE] |= CAUSE_TI;
    c->g.timer_deadline += 2ull << 32;
    c->irq_dirty = true;
    cpu_end_slice(c);
}

void cpu_update_mode(struct cpu *c)
{
    uint32_t st = c->cp0[CP0_STATUS];
    c->guest = (c->cp0[CP0_GUESTCTL0] & GUESTCTL0_GM) && !(st & (STATUS_EXL | STATUS_ERL)) &&
               !(c->cp0[CP0_DEBUG] & DEBUG_DM);
    uint32_t tag = 0;
    if (c->guest) {
        st = c->g.r[CP0_STATUS];
        tag = CTX_GUEST | ((c->cp0[CP0_GUESTCTL1] & GUESTCTL1_ID) << CTX_GUESTID_SHIFT);
    }
    if (st & STATUS_ERL)
        tag |= CTX_KERNEL_ERL;
    else if (st & STATUS_EXL)
        tag |= CTX_KERNEL;
    else
        switch ((st & STATUS_KSU) >> STATUS_KSU_SHIFT) {
        case STATUS_KSU_KERNEL: tag |= CTX_KERNEL; break;
        case STATUS_KSU_SUPER: tag |= CTX_SUPER; break;
        default: tag |= CTX_USER; break; /* KSU=3 is reserved; treated as user */
        }
    c->ctx_tag = tag;
}

void cpu_select_srs(struct cpu *c, unsigned set)
{
    if (set >= c->params.shadow_sets)
        set = 0; /* unreachable: the set fields are limited to HSS when written */
    c->r = c->srs[set];
}

static unsigned ipl_of_status(uint32_t st)
{
    return ((st & STATUS_IPL) >> STATUS_IPL_SHIFT) | ((st & STATUS_IPL7) ? 0x80 : 0);
}

bool cp0_read_ctx(struct cpu *c, bool guest, unsigned idx, uint32_t *val)
{
    uint32_t *r = guest ? c->g.r : c->cp0;
    const uint8_t *present = guest ? c->g.present : c->cp0_present;
    if (!present[idx]) {
        *val = 0; /* unimplemented: reads as zero (MD00090 §9.1) */
        return false;
    }
    switch (idx) {
    case CP0_RANDOM: {
        /* Deterministic stand-in for the free-running counter: Wired..N-1 (MD00090 §9.3). */
        uint32_t wired = r[CP0_WIRED];
        uint32_t n = ((r[CP0_CONFIG1] & CONFIG1_MMUSIZE) >> CONFIG1_MMUSIZE_SHIFT) + 1;
        *val = wired >= n ? n - 1 : n - 1 - (uint32_t)(c->cycles % (n - wired));
        return true;
    }
    case CP0_COUNT: *val = guest ? cp0_guest_count(c) : cp0_count(c); return true;
    case CP0_VIEW_IPL: *val = ipl_of_status(r[CP0_STATUS]) << 2; return true;
    case CP0_VIEW_RIPL: *val = ((r[CP0_CAUSE] & CAUSE_RIPL) >> CAUSE_RIPL_SHIFT) << 2; return true;
    case CP0_LLADDR: /* PAddr<35:4> (MD00090 §9.24) */
        *val = (guest ? c->g.lladdr : c->lladdr) >> 4;
        return true;
    default: *val = r[idx]; return true;
    }
}

bool cp0_read(struct cpu *c, unsigned idx, uint32_t *val)
{
    return cp0_read_ctx(c, false, idx, val);
}

static uint32_t merge(uint32_t old, uint32_t val, uint32_t wmask)
{
    return (old & ~wmask) | (val & wmask);
}

static void state_changed(struct cpu *c)
{
    cpu_update_mode(c);
    c->irq_dirty = true;
    cpu_end_slice(c);
}

/* Writes `val` to register idx of the root (guest = false) or guest context, changing only
 * the bits in wmask (the writer's mask: the context's own MTC0, or root's MTGC0). */
bool cp0_write_ctx(struct cpu *c, bool guest, unsigned idx, uint32_t val, uint32_t wm)
{
    uint32_t *r = guest ? c->g.r : c->cp0;
    const uint8_t *present = guest ? c->g.present : c->cp0_present;
    if (!present[idx])
        return false; /* writes to unimplemented registers are ignored */
    uint32_t old = r[idx];
    switch (idx) {
    case CP0_COUNT:
        if (!guest)
            set_count(c, val); /* guest Count is read-only (mips-vz.md §5.7) */
        timers_rearm(c);
        return true;
    case CP0_COMPARE:
        r[idx] = val;
        if (r[CP0_CAUSE] & CAUSE_TI) {
            r[CP0_CAUSE] &= ~CAUSE_TI; /* writing Compare clears TI (mips-vz.md §2.3) */
            if (!guest)
                timer_irq(c, false);
        }
        timers_rearm(c);
        c->irq_dirty = true;
        return true;
    case CP0_ENTRYHI:
        r[idx] = merge(old, val, wm);
        if ((old ^ r[idx]) & ENTRYHI_ASID)
            stlb_flush(c);
        return true;
    case CP0_PAGEGRAIN:
        /* RIE/XIE/IEC change what the cached translations allow (MD00090 PageGrain). */
        r[idx] = merge(old, val, wm);
        stlb_flush(c);
        return true;
    case CP0_STATUS: {
        uint32_t st = merge(old, val, wm);
        st &= ~(STATUS_CLEAR_ONLY & ~val & old & ~wm); /* 0 clears, 1 is ignored */
        r[idx] = st;
        state_changed(c);
        return true;
    }
    case CP0_VIEW_IPL: {
        unsigned ipl = (val >> 2) & 0xFF;
        uint32_t st = r[CP0_STATUS] & ~(STATUS_IPL | STATUS_IPL7);
        st |= ((ipl & 0x7F) << STATUS_IPL_SHIFT) | ((ipl & 0x80) ? STATUS_IPL7 : 0);
        r[CP0_STATUS] = st;
        state_changed(c);
        return true;
    }
    case CP0_CAUSE: {
        uint32_t cause = merge(old, val, wm);
        if (!(wm & CAUSE_WP) && !(val & CAUSE_WP))
            cause &= ~CAUSE_WP; /* WP: software may only clear it */
        r[idx] = cause;
        if (!guest && ((old ^ cause) & CAUSE_DC)) {
            /* Freeze or restart Count where it is. */
            r[idx] = old;
            uint32_t now = cp0_count(c);
            r[idx] = cause;
            set_count(c, now);
        }
        timers_rearm(c);
        state_changed(c);
        return true;
    }
    case CP0_SRSCTL: {
        /* ESS and PSS name sets up to HSS; larger values are not stored (MD00090 §9.37). */
        unsigned hss = (old & SRSCTL_HSS) >> SRSCTL_HSS_SHIFT;
        unsigned ess = (val & SRSCTL_ESS) >> SRSCTL_ESS_SHIFT;
        unsigned pss = (val & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT;
        if (ess > hss || !(wm & SRSCTL_ESS))
            ess = (old & SRSCTL_ESS) >> SRSCTL_ESS_SHIFT;
        if (pss > hss || !(wm & SRSCTL_PSS))
            pss = (old & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT;
        r[idx] = (old & ~(SRSCTL_ESS | SRSCTL_PSS)) | (ess << SRSCTL_ESS_SHIFT) |
                 (pss << SRSCTL_PSS_SHIFT);
        return true;
    }
    case CP0_EBASE: {
        /* Bits 31:30 are writable only together with WG=1 (mips-vz.md §2.7). */
        uint32_t m = wm | ((val & EBASE_WG & wm) ? 0xC0000000u : 0);
        r[idx] = merge(old, val, m);
        return true;
    }
    case CP0_GUESTCTL0:
    case CP0_GUESTCTL1:
    case CP0_GUESTCTL0EXT:
    case CP0_GUESTCTL2:
        r[idx] = merge(old, val, wm);
        state_changed(c);
        return true;
    case CP0_GTOFFSET:
        r[idx] = merge(old, val, wm);
        timers_rearm(c);
        return true;
    default: r[idx] = merge(old, val, wm); return true;
    }
}

bool cp0_write(struct cpu *c, unsigned idx, uint32_t val)
{
    return cp0_write_ctx(c, false, idx, val, c->cp0_wmask[idx]);
}
