/*
 * CP0 reset values and writable masks of the M5150 in a PIC32MZ-EF, for the root context and
 * for the VZ guest context.  MIPS32 PRA (MD00090) ch. 9; mips-vz.md §2, §5.7, §6.
 */
#include <string.h>

#include "cpu_internal.h"

/* M5150 Config values (mips-vz.md §2.8 and §6).  Decisions where the sheet is unsure:
 * - Config0.K0 resets to 2 (uncached), as MIPS cores commonly do; start-up code sets it.
 * - Config1: 16 KB 4-way I-cache and 4 KB 4-way D-cache with 16-byte lines (the sizes the
 *   sheet quotes as unconfirmed); no watch registers and no performance counters are
 *   modelled, so WR=0 and PC=0 tell software not to use them; EJTAG present (EP=1).
 * - Config3: VZ, EIC, VInt, BI, BP, RXI, ULRI, DSP R2, 8-bit IPL (IPLW=1, tinyVP's evidence),
 *   ISA=2 (MIPS32 and microMIPS, boot MIPS32; 3 with ISAOnExc=1 when BOOTISA selects a
 *   microMIPS boot: cp0_boot_isa); MCU=0 (the MCU ASE is not announced by the
 *   sheet for the M5150); SP=0 (1 KB pages not modelled).
 * - Config4.IE=1: EHINV only (binutils refuses TLBINV/TLBINVF for -march=m5100, mips-vz.md
 *   §3), KScrExist = sel 2 and 3.
 * - Config5.NF=1 (OpenOCD lists NestedEPC/NestedExc for the M5150), LLB=0 (mips-vz.md §5.17).
 * - Config7.WII=1: a pending interrupt ends WAIT even with IE=0; guests that poll with WAIT
 *   and interrupts disabled (tinyVP's "irqpolling" guests, on silicon) rely on it. */
#define M5150_CONFIG0 (CONFIG_M | (1u << CONFIG0_AR_SHIFT) | (1u << CONFIG0_MT_SHIFT) | 2u)
#define M5150_CONFIG1_CACHES                                                                       \
    ((2u << 22) | (3u << 19) | (3u << 16) | (0u << 13) | (3u << 10) | (3u << 7))
#define M5150_CONFIG3                                                                              \
    (CONFIG_M | CONFIG3_BP | CONFIG3_BI | CONFIG3_VZ | (1u << CONFIG3_IPLW_SHIFT) |                \
     (2u << CONFIG3_ISA_SHIFT) | CONFIG3_ULRI | CONFIG3_RXI | CONFIG3_DSP2P | CONFIG3_DSPP |       \
     CONFIG3_VEIC | CONFIG3_VINT)
#define M5150_CONFIG4 (CONFIG_M | (1u << CONFIG4_IE_SHIFT) | (0x0Cu << CONFIG4_KSCREXIST_SHIFT))
#define M5150_CONFIG5 CONFIG5_NF
#define CONFIG7_WII   (1u << 31)

/* Status bits software may write; TS/SR/NMI may only be cleared (MD00090 §9.33). */
#define STATUS_WRITABLE                                                                            \
    (STATUS_CU0 | STATUS_CU1 | STATUS_RP | STATUS_FR | STATUS_RE | STATUS_MX | STATUS_BEV |        \
     STATUS_IPL7 | STATUS_IM | STATUS_KSU | STATUS_ERL | STATUS_EXL | STATUS_IE)
#define CAUSE_WRITABLE (CAUSE_DC | CAUSE_IV | CAUSE_IP1 | CAUSE_IP0)

/* GuestCtl0 (mips-vz.md §5.2): G1, G0E and G2 read as 1 (GuestCtl1, GuestCtl0Ext and GuestCtl2
 * exist), RAD = 0 (GuestID mode), PT = 0 (no pass-through: EIC core).  DRG is not implemented
 * and reads 0 (the sheet advises keeping it 0). */
#define GUESTCTL0_RESET (GUESTCTL0_G1 | GUESTCTL0_G0E | GUESTCTL0_G2)
#define GUESTCTL0_WRITABLE                                                                         \
    (GUESTCTL0_GM | GUESTCTL0_RI | GUESTCTL0_MC | GUESTCTL0_CP0 | GUESTCTL0_AT | GUESTCTL0_GT |    \
     GUESTCTL0_CG | GUESTCTL0_CF | GUESTCTL0_SFC2 | GUESTCTL0_SFC1)

struct cp0_def {
    uint8_t idx;
    uint32_t reset;
    uint32_t wmask;
};

static void define(struct cpu *c, unsigned idx, uint32_t reset, uint32_t wmask)
{
    c->cp0_present[idx] = 1;
    c->cp0[idx] = reset;
    c->cp0_wmask[idx] = wmask;
}

/* PageMask bits of the page sizes the core implements: mask bits 28:13 for 4 KB..256 MB
 * pages, fewer when the largest page is smaller (cpu_params.max_page_size). */
uint32_t cp0_pagemask_bits(const struct cpu *c)
{
    uint32_t max = c->params.max_page_size ? c->params.max_page_size : 0x10000000u;
    return ((max - 1u) & ~0xFFFu) << 1; /* a pair covers 2 pages: mask bits 28:13 */
}

static uint32_t index_mask(const struct cpu *c)
{
    uint32_t m = 1;
    while (m < c->params.tlb_entries - 1)
        m = (m << 1) | 1;
    return m;
}

/* Registers that exist in both contexts, with the same reset value and writable bits. */
static void define_common(struct cpu *c)
{
    unsigned n = c->params.tlb_entries;
    uint32_t im = index_mask(c);
    define(c, CP0_INDEX, 0, im);
    define(c, CP0_RANDOM, n - 1, 0);
    define(c, CP0_ENTRYLO0, 0, 0xC3FFFFFFu); /* RI, XI, PFN (32-bit PA), C, D, V, G */
    define(c, CP0_ENTRYLO1, 0, 0xC3FFFFFFu);
    define(c, CP0_CONTEXT, 0, 0xFF800000u); /* PTEBase; BadVPN2 is read-only */
    define(c, CP0_USERLOCAL, 0, ~0u);
    define(c, CP0_PAGEMASK, 0, cp0_pagemask_bits(c));
    define(c, CP0_PAGEGRAIN, 0, PAGEGRAIN_RIE | PAGEGRAIN_XIE | PAGEGRAIN_IEC);
    define(c, CP0_WIRED, 0, im);
    define(c, CP0_HWRENA, 0, 0x2000000Fu);
    define(c, CP0_BADVADDR, 0, 0);
    define(c, CP0_BADINSTR, 0, 0);
    define(c, CP0_BADINSTRP, 0, 0);
    define(c, CP0_COUNT, 0, ~0u);
    define(c, CP0_ENTRYHI, 0, ENTRYHI_VPN2 | ENTRYHI_EHINV | ENTRYHI_ASID);
    define(c, CP0_COMPARE, 0, ~0u);
    define(c, CP0_STATUS, STATUS_BEV | STATUS_ERL, STATUS_WRITABLE);
    define(c, CP0_INTCTL, 7u << INTCTL_IPTI_SHIFT, INTCTL_VS);
    define(c, CP0_SRSCTL, (c->params.shadow_sets - 1) << SRSCTL_HSS_SHIFT, SRSCTL_ESS | SRSCTL_PSS);
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
    define(c, CP0_ERROREPC, 0, ~0u);
    define(c, CP0_KSCRATCH1, 0, ~0u);
    define(c, CP0_KSCRATCH2, 0, ~0u);
}

/* Registers only the root context has: debug, caches, and the VZ control registers. */
static void define_root_only(struct cpu *c)
{
    define(c, CP0_DEBUG, 0, 0);
    define(c, CP0_DEPC, 0, ~0u);
    define(c, CP0_ERRCTL, 0, 0);
    define(c, CP0_CACHEERR, 0, 0);
    define(c, CP0_TAGLO, 0, ~0u);
    define(c, CP0_DATALO, 0, ~0u);
    define(c, CP0_DESAVE, 0, ~0u);
    uint32_t id_mask = (1u << c->params.guestid_bits) - 1;
    define(c, CP0_GUESTCTL0, GUESTCTL0_RESET, GUESTCTL0_WRITABLE);
    define(c, CP0_GUESTCTL0EXT, 0,
           GUESTCTL0EXT_NCC | GUESTCTL0EXT_CGI | GUESTCTL0EXT_FCD | GUESTCTL0EXT_OG |
               GUESTCTL0EXT_BG | GUESTCTL0EXT_MG);
    define(c, CP0_GUESTCTL1, 0,
           (id_mask << GUESTCTL1_ID_SHIFT) | (id_mask << GUESTCTL1_RID_SHIFT) |
               (id_mask << GUESTCTL1_EID_SHIFT));
    define(c, CP0_GUESTCTL2, 0,
           c->params.eic ? (GUESTCTL2_GRIPL | GUESTCTL2_GEICSS | GUESTCTL2_GVEC)
                         : (GUESTCTL2_VIP | GUESTCTL2_HC));
    define(c, CP0_GUESTCTL3, 0, GUESTCTL3_GLSS);
    define(c, CP0_GTOFFSET, 0, ~0u);
}

/* The guest context (mips-vz.md §5.7): the common registers, as a guest sees them after reset.
 * Root may write (MTGC0) every field except those the hardware alone owns: this is how a
 * hypervisor injects exceptions (guest EPC, Cause.ExcCode/BD/TI, BadVAddr), as Linux does. */
void cp0_guest_reset(struct cpu *c)
{
    struct guest_cp0 *g = &c->g;
    memset(g->r, 0, sizeof(g->r));
    memset(g->wmask, 0, sizeof(g->wmask));
    memset(g->rmask, 0, sizeof(g->rmask));
    memset(g->present, 0, sizeof(g->present));
    for (unsigned i = 0; i < 256; i++) {
        if (!c->cp0_present[i])
            continue;
        switch (i) {
        case CP0_DEBUG:
        case CP0_DEPC:
        case CP0_ERRCTL:
        case CP0_CACHEERR:
        case CP0_TAGLO:
        case CP0_DATALO:
        case CP0_DESAVE:
        case CP0_GUESTCTL0:
        case CP0_GUESTCTL0EXT:
        case CP0_GUESTCTL1:
        case CP0_GUESTCTL2:
        case CP0_GUESTCTL3:
        case CP0_GTOFFSET: continue; /* root only */
        default: break;
        }
        g->present[i] = 1;
        g->r[i] = c->cp0[i];
        g->wmask[i] = c->cp0_wmask[i];
        g->rmask[i] = c->cp0_wmask[i];
    }
    /* The guest sees no VZ and no shadow sets (guest SRSCtl accesses trap: §5.9). */
    g->r[CP0_CONFIG3] &= ~CONFIG3_VZ;
    g->r[CP0_SRSCTL] = 0;
    g->wmask[CP0_SRSCTL] = g->rmask[CP0_SRSCTL] = 0;
    g->r[CP0_EBASE] = KSEG0_BASE;
    /* Root-writable, guest-read-only fields (mips-vz.md §2.8 table, §5.5, §5.7). */
    g->rmask[CP0_CONFIG] |= CONFIG_M | CONFIG0_MT;
    g->rmask[CP0_CONFIG1] |= CONFIG_M | CONFIG1_MMUSIZE | (1u << 6) | (1u << 5) | CONFIG1_PC |
                             CONFIG1_WR | CONFIG1_CA | CONFIG1_FP;
    g->rmask[CP0_CONFIG2] |= CONFIG_M;
    g->rmask[CP0_CONFIG3] |= CONFIG_M | CONFIG3_DSP2P | CONFIG3_DSPP | CONFIG3_ULRI | CONFIG3_VEIC |
                             CONFIG3_VINT | CONFIG3_SP | CONFIG3_RXI | CONFIG3_BI | CONFIG3_BP;
    g->rmask[CP0_CONFIG4] |= CONFIG_M;
    g->rmask[CP0_CAUSE] |= CAUSE_BD | CAUSE_TI | CAUSE_CE | CAUSE_PCI | CAUSE_WP | CAUSE_EXCCODE;
    g->rmask[CP0_STATUS] |= STATUS_NMI | STATUS_SR | STATUS_TS;
    g->rmask[CP0_BADVADDR] = ~0u;
    g->rmask[CP0_BADINSTR] = ~0u;
    g->rmask[CP0_BADINSTRP] = ~0u;
    g->rmask[CP0_NESTEDEXC] = 0x1Fu;
    g->rmask[CP0_CONTEXT] = ~0u;
    g->rmask[CP0_COUNT] = 0; /* MTGC0 to guest Count is UNDEFINED: ignored (§5.7) */
    g->timer_deadline = UINT64_MAX;
    g->llbit = false;
}

/* Config3.ISA = 3 (both ISAs, microMIPS out of reset) and ISAOnExc = 1 when the core boots in
 * microMIPS (BOOTISA = 0), else ISA = 2 and ISAOnExc = 0 (mips-vz.md §2.8 Config3, §6: "DEVCFG0
 * BOOTISA selects boot/exception ISA").  Root and guest copies alike. */
void cp0_boot_isa(struct cpu *c)
{
    uint32_t isa = (c->boot_micromips ? 3u : 2u) << CONFIG3_ISA_SHIFT;
    uint32_t onexc = c->boot_micromips ? CONFIG3_ISAONEXC : 0;
    c->cp0[CP0_CONFIG3] = (c->cp0[CP0_CONFIG3] & ~(CONFIG3_ISA | CONFIG3_ISAONEXC)) | isa | onexc;
    c->g.r[CP0_CONFIG3] = (c->g.r[CP0_CONFIG3] & ~(CONFIG3_ISA | CONFIG3_ISAONEXC)) | isa | onexc;
}

void cp0_reset(struct cpu *c)
{
    memset(c->cp0, 0, sizeof(c->cp0));
    memset(c->cp0_wmask, 0, sizeof(c->cp0_wmask));
    memset(c->cp0_present, 0, sizeof(c->cp0_present));
    define_common(c);
    define_root_only(c);
    cp0_guest_reset(c);
    cp0_boot_isa(c);
    c->count_base_cycle = c->cycles;
    c->count_base_value = 0;
    c->timer_deadline = UINT64_MAX;
    c->guest = false;
    cpu_update_mode(c);
}
