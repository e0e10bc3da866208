/*
 * The VZ module's instruction-level behaviour: what a guest may execute itself and what
 * exits to root (GPSI, GSFC, HC, GHFC), root's MFGC0/MTGC0 and TLBG*, and guest interrupts.
 * MIPS VZ (MD00846); facts and sources in mips-vz.md §5.
 */
#include "vz.h"

#include "exec_alu.h"
#include "tlb.h"

static uint32_t gctl0(const struct cpu *c)
{
    return c->cp0[CP0_GUESTCTL0];
}

static void gpsi(struct cpu *c)
{
    vz_exit(c, EXCCODE_GE, GEXCCODE_GPSI);
}

static bool field_change_exits(const struct cpu *c)
{
    return !(c->cp0[CP0_GUESTCTL0EXT] & GUESTCTL0EXT_FCD);
}

void vz_mode_change(struct cpu *c)
{
    if (!c->guest || !(gctl0(c) & GUESTCTL0_MC) || !field_change_exits(c))
        return;
    /* GHFC: root EPC = the guest PC after the change (mips-vz.md §5.8). */
    c->cur_pc = c->pc;
    c->in_ds = false;
    c->insn_valid = false;
    vz_exit(c, EXCCODE_GE, GEXCCODE_GHFC);
}

/* Guest MFC0/MTC0 of register idx that always give GPSI on the cores the sheet describes
 * (mips-vz.md §5.9): registers without a guest copy the guest may use directly. */
static bool always_traps(unsigned idx, bool write)
{
    switch (idx) {
    case CP0_PRID:
    case CP0_SRSCTL:
    case CP0_SRSMAP:
    case CP0_SRSMAP2:
    case CP0_CDMMBASE:
    case CP0_IDX(15, 3): /* CMGCRBase */
    case CP0_CONFIG6:
    case CP0_CONFIG7:
    case CP0_ERRCTL:
    case CP0_CACHEERR:
    case CP0_TAGLO:
    case CP0_DATALO:
    case CP0_WATCHLO:
    case CP0_WATCHHI:
    case CP0_PERFCTL0:
    case CP0_PERFCNT0:
    case CP0_DEBUG:
    case CP0_DEPC:
    case CP0_DESAVE:
    case CP0_GUESTCTL0:
    case CP0_GUESTCTL0EXT:
    case CP0_GUESTCTL1:
    case CP0_GUESTCTL2:
    case CP0_GUESTCTL3:
    case CP0_GTOFFSET: return true;
    case CP0_COUNT: /* guest Count is read-only: root emulates writes via GTOffset (§5.9) */
    case CP0_LLADDR: /* decision: writes trap, as on the P5600 (§5.9) */ return write;
    default: return false;
    }
}

static bool is_config(unsigned idx)
{
    return (idx >> 3) == 16;
}

/* Fields whose change by a guest MTC0 is a GSFC exit while GuestCtl0Ext.FCD = 0.  The sheet
 * leaves the exact list open (mips-vz.md §8 #7); this follows the fields Linux's GSFC handler
 * completes (§5.10) and MD00846's intent that the guest cannot switch root-visible modes
 * alone: Status CU3..CU1 (CU1 free with SFC1, CU2 with SFC2), RP, FR, RE, MX; Cause DC, IV;
 * IntCtl VS. */
static uint32_t gsfc_fields(const struct cpu *c, unsigned idx)
{
    uint32_t g0 = gctl0(c);
    switch (idx) {
    case CP0_STATUS: {
        uint32_t m =
            STATUS_CU3 | STATUS_CU2 | STATUS_CU1 | STATUS_RP | STATUS_FR | STATUS_RE | STATUS_MX;
        if (g0 & GUESTCTL0_SFC1)
            m &= ~STATUS_CU1;
        if (g0 & GUESTCTL0_SFC2)
            m &= ~STATUS_CU2;
        return m;
    }
    case CP0_CAUSE: return CAUSE_DC | CAUSE_IV;
    case CP0_INTCTL: return INTCTL_VS;
    default: return 0;
    }
}

static void guest_mfc0_mtc0(struct cpu *c, uint32_t w, bool write)
{
    unsigned idx = CP0_IDX(INSN_RD(w), INSN_SEL(w));
    uint32_t g0 = gctl0(c);
    if (!(g0 & GUESTCTL0_CP0) || always_traps(idx, write) ||
        ((idx == CP0_COUNT || idx == CP0_COMPARE) && !(g0 & GUESTCTL0_GT)) ||
        (write && is_config(idx) && !(g0 & GUESTCTL0_CF))) {
        gpsi(c);
        return;
    }
    if (!write) {
        uint32_t v;
        (void)cp0_read_ctx(c, true, idx, &v);
        RT(w) = v;
        return;
    }
    uint32_t val = RT(w);
    uint32_t protect = gsfc_fields(c, idx);
    if (protect && field_change_exits(c) && ((val ^ c->g.r[idx]) & protect)) {
        vz_exit(c, EXCCODE_GE, GEXCCODE_GSFC); /* root completes the write (§5.10) */
        return;
    }
    /* With FCD = 1 the protected fields change like any other guest-writable field. */
    (void)cp0_write_ctx(c, true, idx, val, c->g.wmask[idx]);
}

/* A guest-mode COP0 instruction (the guest kernel's view, mips-vz.md §5.1, §5.9). */
void vz_guest_cop0(struct cpu *c, uint32_t w)
{
    unsigned rs = INSN_RS(w);
    uint32_t g0 = gctl0(c);
    if (rs >= COP0_CO) {
        switch (INSN_FUNCT(w)) {
        case CO_TLBR:
        case CO_TLBWI:
        case CO_TLBWR:
        case CO_TLBP:
            if (((g0 & GUESTCTL0_AT) >> GUESTCTL0_AT_SHIFT) != GUESTCTL0_AT_GUEST) {
                gpsi(c); /* root owns the guest MMU (AT=1) */
                return;
            }
            switch (INSN_FUNCT(w)) {
            case CO_TLBR: tlb_guest_read(c, false); break;
            case CO_TLBWI: tlb_guest_write(c, false, false); break;
            case CO_TLBWR: tlb_guest_write(c, false, true); break;
            default: tlb_guest_probe(c, false); break;
            }
            return;
        case CO_ERET:
            if (c->in_ds)
                cpu_exception(c, EXCCODE_RI);
            else
                cpu_eret(c);
            return;
        case CO_WAIT: gpsi(c); return; /* always (mips-vz.md §5.16) */
        case CO_HYPCALL: vz_exit(c, EXCCODE_GE, GEXCCODE_HC); return;
        default:
            /* TLBINV(F) absent (Config4.IE=1), DERET outside debug mode, and the root-only
             * TLBG* instructions: Reserved Instruction for the guest (§5.1). */
            cpu_exception(c, EXCCODE_RI);
            return;
        }
    }
    switch (rs) {
    case COP0_MF:
    case COP0_MT:
        if (w & 0x7F8)
            break;
        guest_mfc0_mtc0(c, w, rs == COP0_MT);
        return;
    case COP0_MFMC0: {
        if ((w & 0xFFDF) != 0x6000)
            break;
        uint32_t st = c->g.r[CP0_STATUS];
        RT(w) = st;
        c->g.r[CP0_STATUS] = (w & 0x20) ? (st | STATUS_IE) : (st & ~STATUS_IE);
        c->irq_dirty = true;
        cpu_end_slice(c);
        return;
    }
    case COP0_RDPGPR:
    case COP0_WRPGPR:
        gpsi(c); /* the guest has no shadow sets of its own (decision; §5.9, [K4]) */
        return;
    default: break;
    }
    cpu_exception(c, EXCCODE_RI);
}

/* CACHE in guest mode: GPSI when GuestCtl0.CG=0, or for index-type operations (op<4:2> < 2)
 * when GuestCtl0Ext.CGI=0 (mips-vz.md §5.9). */
bool vz_guest_cache_traps(struct cpu *c, uint32_t w)
{
    bool index_op = (INSN_RT(w) >> 2) < 2;
    if (!(gctl0(c) & GUESTCTL0_CG) ||
        (index_op && !(c->cp0[CP0_GUESTCTL0EXT] & GUESTCTL0EXT_CGI))) {
        gpsi(c);
        return true;
    }
    return false;
}

/* RDHWR $2 (CC) reads Count: sensitive when the guest may not read Count (GT=0). */
bool vz_guest_rdhwr_traps(struct cpu *c, unsigned rd)
{
    if (rd == HWR_CC && !(gctl0(c) & GUESTCTL0_GT)) {
        gpsi(c);
        return true;
    }
    return false;
}

/* MFGC0 / MTGC0 (mips-vz.md §5.12): root reads and writes the guest context; never GPSI. */
void vz_root_mfgc0_mtgc0(struct cpu *c, uint32_t w)
{
    unsigned idx = CP0_IDX(INSN_RD(w), INSN_SEL(w));
    unsigned op = (w >> 8) & 7;
    if (w & 0xF8) {
        cpu_exception(c, EXCCODE_RI);
        return;
    }
    if (op == 0) {
        uint32_t v;
        (void)cp0_read_ctx(c, true, idx, &v);
        RT(w) = v;
    } else if (op == 2) {
        (void)cp0_write_ctx(c, true, idx, RT(w), c->g.rmask[idx]);
    } else {
        cpu_exception(c, EXCCODE_RI); /* MFHGC0/MTHGC0 need XPA, which the M5150 lacks */
    }
}

/* Root-mode CO functions of the VZ module; false = not a VZ function. */
bool vz_root_co(struct cpu *c, unsigned funct)
{
    bool has_inv = ((c->cp0[CP0_CONFIG4] & CONFIG4_IE) >> CONFIG4_IE_SHIFT) >= 2;
    switch (funct) {
    case CO_TLBGR: tlb_guest_read(c, true); return true;
    case CO_TLBGWI: tlb_guest_write(c, true, false); return true;
    case CO_TLBGWR: tlb_guest_write(c, true, true); return true;
    case CO_TLBGP: tlb_guest_probe(c, true); return true;
    case CO_TLBGINV:
    case CO_TLBGINVF:
        if (!has_inv)
            cpu_exception(c, EXCCODE_RI);
        else
            tlb_guest_invalidate(c, true, funct == CO_TLBGINVF);
        return true;
    case CO_HYPCALL:
        cpu_exception(c, EXCCODE_RI); /* HYPCALL is the guest's way out, RI in root */
        return true;
    default: return false;
    }
}

/* Guest interrupts (mips-vz.md §5.5, §5.14).  EIC layout (the PIC32MZ): GuestCtl2.GRIPL is a
 * requested level; a guest in EIC mode takes it when it exceeds guest Status.IPL, at guest
 * EBase + GVEC; a guest in compatibility mode sees GRIPL<5:0> as IP7..IP2 (decision: the
 * same wiring as the root's EIC inputs).  Non-EIC layout: VIP drives guest Cause.IP7..IP2.
 * GRIPL is not cleared by acceptance (§8 #4: no source says it is); root clears it. */
void vz_check_guest_interrupts(struct cpu *c)
{
    uint32_t *r = c->g.r;
    uint32_t st = r[CP0_STATUS], cause = r[CP0_CAUSE];
    uint32_t g2 = c->cp0[CP0_GUESTCTL2];
    unsigned gripl = c->params.eic ? (g2 & GUESTCTL2_GRIPL) >> GUESTCTL2_GRIPL_SHIFT : 0;
    bool eic = c->params.eic && (r[CP0_CONFIG3] & CONFIG3_VEIC) && (cause & CAUSE_IV) &&
               (r[CP0_INTCTL] & INTCTL_VS) && !(st & STATUS_BEV);
    bool can_take = (st & STATUS_IE) && !(st & (STATUS_EXL | STATUS_ERL));
    if (eic) {
        unsigned ipl = ((st & STATUS_IPL) >> STATUS_IPL_SHIFT) | ((st & STATUS_IPL7) ? 0x80 : 0);
        if (can_take && gripl > ipl)
            vz_take_guest_interrupt(c, gripl, g2 & GUESTCTL2_GVEC);
        return;
    }
    uint32_t hw = c->params.eic ? ((gripl & 0x3Fu) << CAUSE_IP_SHIFT << 2) : (g2 & GUESTCTL2_VIP);
    unsigned ipti = (r[CP0_INTCTL] & INTCTL_IPTI) >> INTCTL_IPTI_SHIFT;
    if (c->params.guest_timer_irq && (cause & CAUSE_TI) && ipti >= 2)
        hw |= 1u << (CAUSE_IP_SHIFT + ipti);
    uint32_t ip = (cause & (CAUSE_IP0 | CAUSE_IP1)) | (hw & 0xFC00u);
    r[CP0_CAUSE] = (cause & ~0xFC00u) | (ip & 0xFC00u);
    if (can_take && (ip & st & STATUS_IM))
        vz_take_guest_interrupt(c, 0, 0);
}

/* Is the FPU (unit 1) or the DSP (unit -1) usable?  In guest mode the guest's Status decides
 * first (a guest exception), then root's (a root exit for lazy switching, §5.8). */
bool vz_cop_usable(struct cpu *c, int unit)
{
    uint32_t bit = unit < 0 ? STATUS_MX : (STATUS_CU0 << unit);
    if (!(active_status(c) & bit)) {
        if (unit < 0)
            cpu_exception(c, EXCCODE_DSPDIS);
        else
            cpu_exception_cpu(c, (unsigned)unit);
        return false;
    }
    if (c->guest && !(c->cp0[CP0_STATUS] & bit)) {
        if (unit < 0)
            vz_exit(c, EXCCODE_DSPDIS, -1);
        else
            vz_exit_cpu(c, (unsigned)unit);
        return false;
    }
    return true;
}
