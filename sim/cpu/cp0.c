/*
 * Root CP0 registers: reset values, writable masks, and the registers with side effects.
 * MIPS32 PRA (MD00090) ch. 9; values for the M5150 in a PIC32MZ-EF from mips-vz.md §2, §6.
 */
#include <string.h>

#include "cpu_internal.h"

/* M5150 Config values (mips-vz.md §2.8 and §6).  Decisions where the sheet is unsure:
 * - Config0.K0 resets to 2 (uncached), as MIPS cores commonly do; start-up code sets it.
 * - Config1: 16 KB 4-way I-cache and 4 KB 4-way D-cache with 16-byte lines (the sizes the
 *   sheet quotes as unconfirmed); no watch registers and no performance counters are
 *   modelled, so WR=0 and PC=0 tell software not to use them; EJTAG present (EP=1).
 * - Config3: VZ, EIC, VInt, BI, BP, RXI, ULRI, DSP R2, 8-bit IPL (IPLW=1, tinyVP's evidence),
 *   ISA=2 (MIPS32 and microMIPS, boot MIPS32); MCU=0 (the MCU ASE is not announced by the
 *   sheet for the M5150); SP=0 (1 KB pages not modelled).
 * - Config4.IE=1: EHINV only (binutils refuses TLBINV/TLBINVF for -march=m5100, mips-vz.md
 *   §3), KScrExist = sel 2 and 3.
 * - Config5.NF=1 (OpenOCD lists NestedEPC/NestedExc for the M5150), LLB=0 (mips-vz.md §5.17).
 * - Config7.WII=1: a pending interrupt ends WAIT even with IE=0; guests that poll with WAIT
 *   and interrupts disabled (tinyVP's "irqpolling" guests, on silicon) rely on it. */
#define M5150_CONFIG0 (CONFIG_M | (1u << CONFIG0_AR_SHIFT) | (1u << CONFIG0_MT_SHIFT) | 2u)
#define M5150_CONFIG1_CACHES ((2u << 22) | (3u << 19) | (3u << 16) | (0u << 13) | (3u << 10) | (3u << 7))
#define M5150_CONFIG3                                                                        \
    (CONFIG_M | CONFIG3_BP | CONFIG3_BI | CONFIG3_VZ | (1u << CONFIG3_IPLW_SHIFT) |           \
     (2u << CONFIG3_ISA_SHIFT) | CONFIG3_ULRI | CONFIG3_RXI | CONFIG3_DSP2P | CONFIG3_DSPP |   \
     CONFIG3_VEIC | CONFIG3_VINT)
#define M5150_CONFIG4 (CONFIG_M | (1u << CONFIG4_IE_SHIFT) | (0x0Cu << CONFIG4_KSCREXIST_SHIFT))
#define M5150_CONFIG5 CONFIG5_NF
#define CONFIG7_WII (1u << 31)

/* Status bits software may write; TS/SR/NMI may only be cleared (MD00090 §9.33). */
#define STATUS_WRITABLE                                                                       \
    (STATUS_CU0 | STATUS_CU1 | STATUS_RP | STATUS_FR | STATUS_RE | STATUS_MX | STATUS_BEV |     \
     STATUS_IPL7 | STATUS_IM | STATUS_KSU | STATUS_ERL | STATUS_EXL | STATUS_IE)
#define STATUS_CLEAR_ONLY (STATUS_TS | STATUS_SR | STATUS_NMI)
#define CAUSE_WRITABLE (CAUSE_DC | CAUSE_IV | CAUSE_IP1 | CAUSE_IP0)

static void define(struct cpu *c, unsigned idx, uint32_t reset, uint32_t wmask)
{
    c->cp0_present[idx] = 1;
    c->cp0[idx] = reset;
    c->cp0_wmask[idx] = wmask;
}

void cp0_reset(struct cpu *c)
{
    unsigned n = c->params.tlb_entries;
    uint32_t index_mask = 1;
    while (index_mask < n - 1)
        index_mask = (index_mask << 1) | 1;

    memset(c->cp0, 0, sizeof(c->cp0));
    memset(c->cp0_wmask, 0, sizeof(c->cp0_wmask));
    memset(c->cp0_present, 0, sizeof(c->cp0_present));

    define(c, CP0_INDEX, 0, index_mask);
    define(c, CP0_RANDOM, n - 1, 0);
    define(c, CP0_ENTRYLO0, 0, 0xC3FFFFFFu); /* RI, XI, PFN (32-bit PA), C, D, V, G */
    define(c, CP0_ENTRYLO1, 0, 0xC3FFFFFFu);
    define(c, CP0_CONTEXT, 0, 0xFF800000u); /* PTEBase; BadVPN2 is read-only */
    define(c, CP0_USERLOCAL, 0, ~0u);
    define(c, CP0_PAGEMASK, 0, 0x1FFFE000u); /* see mmu.c: largest page is a parameter */
    define(c, CP0_PAGEGRAIN, 0, PAGEGRAIN_RIE | PAGEGRAIN_XIE | PAGEGRAIN_IEC);
    define(c, CP0_WIRED, 0, index_mask);
    define(c, CP0_HWRENA, 0, 0x2000000Fu);
    define(c, CP0_BADVADDR, 0, 0);
    define(c, CP0_BADINSTR, 0, 0);
    define(c, CP0_BADINSTRP, 0, 0);
    define(c, CP0_COUNT, 0, ~0u);
    define(c, CP0_ENTRYHI, 0, ENTRYHI_VPN2 | ENTRYHI_EHINV | ENTRYHI_ASID);
    define(c, CP0_COMPARE, 0, ~0u);
    define(c, CP0_STATUS, STATUS_BEV | STATUS_ERL, STATUS_WRITABLE);
    define(c, CP0_INTCTL, 7u << INTCTL_IPTI_SHIFT, INTCTL_VS);
    define(c, CP0_SRSCTL, (c->params.shadow_sets - 1) << SRSCTL_HSS_SHIFT,
           SRSCTL_ESS | SRSCTL_PSS);
    define(c, CP0_SRSMAP, 0, ~0u);
    define(c, CP0_VIEW_IPL, 0, 0);
    define(c, CP0_SRSMAP2, 0, 0xFFu);
    define(c, CP0_CAUSE, 0, CAUSE_WRITABLE);
    define(c, CP0_VIEW_RIPL, 0, 0);
    define(c, CP0_NESTEDEXC, 0, 0);
    define(c, CP0_EPC, 0, ~0u);
    define(c, CP0_NESTEDEPC, 0, ~0u);
    define(c, CP0_PRID, c->params.prid, 0);
    define(c, CP0_EBASE, KSEG0_BASE | c->params.ebase_cpunum, 0x3FFFF000u | EBASE_WG);
    define(c, CP0_CONFIG, M5150_CONFIG0, CONFIG0_K0);
    define(c, CP0_CONFIG1,
           CONFIG_M | ((n - 1) << CONFIG1_MMUSIZE_SHIFT) | M5150_CONFIG1_CACHES | CONFIG1_EP |
               CONFIG1_FP,
           0);
    define(c, CP0_CONFIG2, CONFIG_M, 0);
    define(c, CP0_CONFIG3, M5150_CONFIG3, CONFIG3_ISAONEXC);
    define(c, CP0_CONFIG4, M5150_CONFIG4, 0);
    define(c, CP0_CONFIG5, M5150_CONFIG5, 0);
    define(c, CP0_CONFIG7, CONFIG7_WII, 0);
    define(c, CP0_LLADDR, 0, 0);
    define(c, CP0_DEBUG, 0, 0);
    define(c, CP0_DEPC, 0, ~0u);
    define(c, CP0_ERRCTL, 0, 0);
    define(c, CP0_CACHEERR, 0, 0);
    define(c, CP0_TAGLO, 0, ~0u);
    define(c, CP0_DATALO, 0, ~0u);
    define(c, CP0_ERROREPC, 0, ~0u);
    define(c, CP0_DESAVE, 0, ~0u);
    define(c, CP0_KSCRATCH1, 0, ~0u);
    define(c, CP0_KSCRATCH2, 0, ~0u);

    c->count_base_cycle = c->cycles;
    c->count_base_value = 0;
    c->timer_deadline = UINT64_MAX;
    cpu_update_mode(c);
}

uint32_t cp0_count(const struct cpu *c)
{
    if (c->cp0[CP0_CAUSE] & CAUSE_DC)
        return c->count_base_value;
    /* Count advances at SYSCLK/2 (mips-vz.md §2.3, pic32mz-ef.md §6.1). */
    return c->count_base_value + (uint32_t)((c->cycles - c->count_base_cycle) >> 1);
}

static void set_count(struct cpu *c, uint32_t value)
{
    c->count_base_cycle = c->cycles;
    c->count_base_value = value;
}

/* The next cycle at which Count equals Compare. */
static void timer_rearm(struct cpu *c)
{
    if (c->cp0[CP0_CAUSE] & CAUSE_DC) {
        c->timer_deadline = UINT64_MAX;
        return;
    }
    uint32_t ticks = c->cp0[CP0_COMPARE] - c->count_base_value;
    uint64_t at = c->count_base_cycle + 2 * (uint64_t)ticks;
    while (at <= c->cycles)
        at += 2ull << 32;
    c->timer_deadline = at;
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

void cpu_update_mode(struct cpu *c)
{
    uint32_t st = cp0_status(c);
    if (st & STATUS_ERL)
        c->ctx_tag = CTX_KERNEL_ERL;
    else if (st & STATUS_EXL)
        c->ctx_tag = CTX_KERNEL;
    else
        switch ((st & STATUS_KSU) >> STATUS_KSU_SHIFT) {
        case STATUS_KSU_KERNEL: c->ctx_tag = CTX_KERNEL; break;
        case STATUS_KSU_SUPER: c->ctx_tag = CTX_SUPER; break;
        default: c->ctx_tag = CTX_USER; break; /* KSU=3 is reserved; treated as user */
        }
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

bool cp0_read(struct cpu *c, unsigned idx, uint32_t *val)
{
    if (!c->cp0_present[idx]) {
        *val = 0; /* unimplemented: reads as zero (MD00090 §9.1) */
        return false;
    }
    switch (idx) {
    case CP0_RANDOM: {
        /* Deterministic stand-in for the free-running counter: Wired..N-1 (MD00090 §9.3). */
        uint32_t wired = c->cp0[CP0_WIRED];
        uint32_t n = c->params.tlb_entries;
        *val = wired >= n ? n - 1 : n - 1 - (uint32_t)(c->cycles % (n - wired));
        return true;
    }
    case CP0_COUNT: *val = cp0_count(c); return true;
    case CP0_VIEW_IPL: *val = ipl_of_status(c->cp0[CP0_STATUS]) << 2; return true;
    case CP0_VIEW_RIPL:
        *val = ((c->cp0[CP0_CAUSE] & CAUSE_RIPL) >> CAUSE_RIPL_SHIFT) << 2;
        return true;
    case CP0_LLADDR: *val = c->lladdr >> 4; return true; /* PAddr<35:4> (MD00090 §9.24) */
    default: *val = c->cp0[idx]; return true;
    }
}

static uint32_t merge(uint32_t old, uint32_t val, uint32_t wmask)
{
    return (old & ~wmask) | (val & wmask);
}

bool cp0_write(struct cpu *c, unsigned idx, uint32_t val)
{
    if (!c->cp0_present[idx])
        return false; /* writes to unimplemented registers are ignored */
    uint32_t old = c->cp0[idx];
    uint32_t wm = c->cp0_wmask[idx];
    switch (idx) {
    case CP0_COUNT: set_count(c, val); timer_rearm(c); return true;
    case CP0_COMPARE:
        c->cp0[idx] = val;
        if (c->cp0[CP0_CAUSE] & CAUSE_TI) {
            c->cp0[CP0_CAUSE] &= ~CAUSE_TI; /* writing Compare clears TI (mips-vz.md §2.3) */
            timer_irq(c, false);
        }
        timer_rearm(c);
        return true;
    case CP0_ENTRYHI:
        c->cp0[idx] = merge(old, val, wm);
        if ((old ^ c->cp0[idx]) & ENTRYHI_ASID)
            stlb_flush(c);
        return true;
    case CP0_STATUS: {
        uint32_t st = merge(old, val, wm);
        st &= ~(STATUS_CLEAR_ONLY & ~val & old); /* 0 clears, 1 is ignored */
        c->cp0[idx] = st;
        cpu_update_mode(c);
        c->irq_dirty = true;
        cpu_end_slice(c);
        return true;
    }
    case CP0_VIEW_IPL: {
        unsigned ipl = (val >> 2) & 0xFF;
        uint32_t st = c->cp0[CP0_STATUS] & ~(STATUS_IPL | STATUS_IPL7);
        st |= ((ipl & 0x7F) << STATUS_IPL_SHIFT) | ((ipl & 0x80) ? STATUS_IPL7 : 0);
        c->cp0[CP0_STATUS] = st;
        c->irq_dirty = true;
        cpu_end_slice(c);
        return true;
    }
    case CP0_CAUSE: {
        uint32_t cause = merge(old, val, wm);
        if (!(val & CAUSE_WP))
            cause &= ~CAUSE_WP; /* WP: software may only clear it */
        if ((old ^ cause) & CAUSE_DC) {
            /* Freeze or restart Count where it is. */
            uint32_t now = cp0_count(c);
            c->cp0[idx] = cause;
            set_count(c, now);
            timer_rearm(c);
        }
        c->cp0[idx] = cause;
        c->irq_dirty = true;
        cpu_end_slice(c);
        return true;
    }
    case CP0_SRSCTL: {
        /* ESS and PSS name sets up to HSS; larger values are not stored (MD00090 §9.37). */
        unsigned hss = (old & SRSCTL_HSS) >> SRSCTL_HSS_SHIFT;
        unsigned ess = (val & SRSCTL_ESS) >> SRSCTL_ESS_SHIFT;
        unsigned pss = (val & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT;
        if (ess > hss)
            ess = (old & SRSCTL_ESS) >> SRSCTL_ESS_SHIFT;
        if (pss > hss)
            pss = (old & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT;
        c->cp0[idx] = (old & ~(SRSCTL_ESS | SRSCTL_PSS)) | (ess << SRSCTL_ESS_SHIFT) |
                      (pss << SRSCTL_PSS_SHIFT);
        return true;
    }
    case CP0_EBASE: {
        /* Bits 31:30 are writable only together with WG=1 (mips-vz.md §2.7). */
        uint32_t m = wm | ((val & EBASE_WG) ? 0xC0000000u : 0);
        c->cp0[idx] = merge(old, val, m);
        return true;
    }
    default:
        c->cp0[idx] = merge(old, val, wm);
        return true;
    }
}
