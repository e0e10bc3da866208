/*
 * Exception entry and return, for the root context and the VZ guest context.
 * MIPS32 PRA (MD00090) §6.2; mips-vz.md §4.1-§4.6, §5.1, §5.8.
 *
 * In guest mode an exception is either the guest's own (delivered through the guest CP0
 * context to the guest's vectors, the core staying in guest mode) or a guest exit (a root
 * exception: root EXL=1 ends guest mode, GuestCtl0.GExcCode says why).  The split follows
 * mips-vz.md §5.8: guest-level faults (address errors, guest TLB, Sys, Bp, RI, CpU of a unit
 * the guest's Status disables, Ov, Tr, FPE...) go to the guest; root-level TLB faults on the
 * GPA, bus errors, root interrupts and GE (GPSI, GSFC, HC, GRR, GHFC) go to root.
 */
#include "cpu_internal.h"
#include "vz.h"

/* ExcCodes for which BadInstr holds the faulting instruction (mips-vz.md §2.2 table);
 * never for instruction-fetch faults, interrupts and bus errors. */
static bool badinstr_valid(unsigned code)
{
    switch (code) {
    case EXCCODE_MOD:
    case EXCCODE_TLBL:
    case EXCCODE_TLBS:
    case EXCCODE_ADEL:
    case EXCCODE_ADES:
    case EXCCODE_SYS:
    case EXCCODE_BP:
    case EXCCODE_RI:
    case EXCCODE_CPU:
    case EXCCODE_OV:
    case EXCCODE_TR:
    case EXCCODE_FPE:
    case EXCCODE_TLBRI:
    case EXCCODE_GE: return true;
    default: return false;
    }
}

static uint32_t vector_base(const uint32_t *r)
{
    if (r[CP0_STATUS] & STATUS_BEV)
        return BEV_VECTOR_BASE;
    return r[CP0_EBASE] & EBASE_BASE;
}

/* The common part of every non-debug, non-reset exception (MD00090 §6.2.1, mips-vz.md
 * §4.2), in the context whose registers are r.  `offset` is the vector offset; `srs` the
 * shadow set to switch to (only when that context has shadow sets, i.e. root). */
static void enter(struct cpu *c, uint32_t *r, unsigned code, uint32_t offset, unsigned srs)
{
    uint32_t st = r[CP0_STATUS];
    uint32_t restart = cpu_restart_pc(c); /* bit 0 = the ISA mode (MD00090 EPC) */
    uint32_t cause = r[CP0_CAUSE] & ~CAUSE_EXCCODE;

    c->exc_count[code]++;
    if (r[CP0_CONFIG5] & CONFIG5_NF) {
        /* Nested Fault (Config5.NF): NestedEPC ignores EXL and is written by every exception;
         * NestedExc holds EXL (bit 1) and ERL (bit 2) from before it (MD00090 NestedEPC and
         * NestedExc register pages). */
        r[CP0_NESTEDEPC] = restart;
        r[CP0_NESTEDEXC] = st & (STATUS_EXL | STATUS_ERL);
    }
    if (!(st & STATUS_EXL)) {
        r[CP0_EPC] = restart;
        cause = c->in_ds ? (cause | CAUSE_BD) : (cause & ~CAUSE_BD);
        if (c->insn_valid && badinstr_valid(code) && (r[CP0_CONFIG3] & CONFIG3_BI)) {
            r[CP0_BADINSTR] = c->insn;
            if (c->in_ds && (r[CP0_CONFIG3] & CONFIG3_BP))
                r[CP0_BADINSTRP] = c->prev_insn;
        }
        uint32_t srsctl = r[CP0_SRSCTL];
        if ((srsctl & SRSCTL_HSS) && !(st & STATUS_BEV)) {
            unsigned css = srsctl & SRSCTL_CSS;
            srsctl &= ~(SRSCTL_PSS | SRSCTL_CSS);
            srsctl |= (css << SRSCTL_PSS_SHIFT) | (srs << SRSCTL_CSS_SHIFT);
            r[CP0_SRSCTL] = srsctl;
            cpu_select_srs(c, srs);
        }
    }
    r[CP0_CAUSE] = cause | (code << CAUSE_EXCCODE_SHIFT);
    r[CP0_STATUS] = st | STATUS_EXL;

    /* The handler runs in the ISA that context's Config3.ISAOnExc names (MD00090 Config3;
     * mips-vz.md §4.2 step 6): the guest's own Config3 for a guest exception. */
    c->pc = (vector_base(r) + offset) | ((r[CP0_CONFIG3] & CONFIG3_ISAONEXC) ? 1u : 0u);
    c->npc = c->pc + 4;
    c->next_in_ds = false;
    c->sleeping = false;
    cpu_update_mode(c);
    c->irq_dirty = true;
    cpu_end_slice(c);
    if (c->hooks.exception)
        c->hooks.exception(c->hooks.ctx, c->cycles, code, restart, c->pc, r == c->g.r);
}

static unsigned exception_srs(const struct cpu *c)
{
    return (c->cp0[CP0_SRSCTL] & SRSCTL_ESS) >> SRSCTL_ESS_SHIFT;
}

/* A guest's own exception; then, with GuestCtl0.MC=1 and GuestCtl0Ext.FCD=0, the guest mode
 * change itself is a GHFC exit with root EPC = the guest's vector (mips-vz.md §5.2, §5.8). */
static void enter_guest(struct cpu *c, unsigned code, uint32_t offset)
{
    enter(c, c->g.r, code, offset, 0);
    vz_mode_change(c);
}

void vz_exit(struct cpu *c, unsigned exccode, int gexccode)
{
    if (gexccode >= 0)
        c->cp0[CP0_GUESTCTL0] = (c->cp0[CP0_GUESTCTL0] & ~GUESTCTL0_GEXC) |
                                ((uint32_t)gexccode << GUESTCTL0_GEXC_SHIFT);
    c->vz_exits[gexccode >= 0 ? gexccode & 15 : 15]++;
    enter(c, c->cp0, exccode, VEC_GENERAL, exception_srs(c));
}

/* Where an execution exception raised in guest mode goes (mips-vz.md §5.8). */
void cpu_exception(struct cpu *c, unsigned exccode)
{
    if (!c->guest) {
        enter(c, c->cp0, exccode, VEC_GENERAL, exception_srs(c));
        return;
    }
    switch (exccode) {
    case EXCCODE_IBE:
    case EXCCODE_DBE:
        vz_exit(c, exccode, -1); /* a bus error on the real access: root's */
        return;
    case EXCCODE_RI:
        if (c->cp0[CP0_GUESTCTL0] & GUESTCTL0_RI) {
            vz_exit(c, EXCCODE_GE, GEXCCODE_GRR); /* reserved-instruction redirect */
            return;
        }
        break;
    default: break;
    }
    enter_guest(c, exccode, VEC_GENERAL);
}

void cpu_exception_addr(struct cpu *c, unsigned exccode, uint32_t badvaddr)
{
    uint32_t *r = cpu_regs(c);
    r[CP0_BADVADDR] = badvaddr;
    if (c->guest)
        enter_guest(c, exccode, VEC_GENERAL);
    else
        enter(c, r, exccode, VEC_GENERAL, exception_srs(c));
}

/* TLB exceptions also load Context.BadVPN2 and EntryHi.VPN2 (MD00090 §9.5, mips-vz.md §3);
 * a refill with EXL=0 uses the refill vector, otherwise the general one. */
static void tlb_regs(uint32_t *r, uint32_t badvaddr)
{
    r[CP0_BADVADDR] = badvaddr;
    r[CP0_CONTEXT] = (r[CP0_CONTEXT] & 0xFF800000u) | ((badvaddr >> 9) & 0x007FFFF0u);
    r[CP0_ENTRYHI] = (badvaddr & ENTRYHI_VPN2) | (r[CP0_ENTRYHI] & (ENTRYHI_ASID | ENTRYHI_EHINV));
}

void cpu_exception_tlb(struct cpu *c, unsigned exccode, uint32_t badvaddr, bool refill)
{
    uint32_t *r = cpu_regs(c);
    tlb_regs(r, badvaddr);
    c->tlb_refills += refill;
    uint32_t off = (refill && !(r[CP0_STATUS] & STATUS_EXL)) ? VEC_REFILL : VEC_GENERAL;
    if (c->guest)
        enter_guest(c, exccode, off);
    else
        enter(c, r, exccode, off, exception_srs(c));
}

/* A root-level fault of a guest access: BadVAddr, EntryHi and Context hold the GPA and
 * GuestCtl0.GExcCode = GPA (mips-vz.md §5.13 steps 4-6).  Root EXL is 0 in guest mode, so a
 * refill takes the refill vector. */
void cpu_exception_tlb_gpa(struct cpu *c, unsigned exccode, uint32_t gpa, bool refill)
{
    tlb_regs(c->cp0, gpa);
    c->tlb_refills += refill;
    c->cp0[CP0_GUESTCTL0] = (c->cp0[CP0_GUESTCTL0] & ~GUESTCTL0_GEXC) |
                            ((uint32_t)GEXCCODE_GPA << GUESTCTL0_GEXC_SHIFT);
    c->vz_exits[GEXCCODE_GPA]++;
    enter(c, c->cp0, exccode, refill ? VEC_REFILL : VEC_GENERAL, exception_srs(c));
}

void cpu_exception_cpu(struct cpu *c, unsigned unit)
{
    uint32_t *r = cpu_regs(c);
    r[CP0_CAUSE] = (r[CP0_CAUSE] & ~CAUSE_CE) | (unit << CAUSE_CE_SHIFT);
    if (c->guest)
        enter_guest(c, EXCCODE_CPU, VEC_GENERAL);
    else
        enter(c, r, EXCCODE_CPU, VEC_GENERAL, exception_srs(c));
}

/* Root CpU exit for a unit the guest's Status enables but root's does not (lazy FPU/DSP
 * switching, mips-vz.md §5.8). */
void vz_exit_cpu(struct cpu *c, unsigned unit)
{
    c->cp0[CP0_CAUSE] = (c->cp0[CP0_CAUSE] & ~CAUSE_CE) | (unit << CAUSE_CE_SHIFT);
    vz_exit(c, EXCCODE_CPU, -1);
}

/* Vector offset of an interrupt in the context with registers r (mips-vz.md §4.1, §4.4). */
static uint32_t interrupt_offset(const uint32_t *r, unsigned vector, uint32_t offset, bool eic)
{
    unsigned vs = (r[CP0_INTCTL] & INTCTL_VS) >> INTCTL_VS_SHIFT;
    if (!(r[CP0_CAUSE] & CAUSE_IV))
        return VEC_GENERAL;
    if (vs == 0 || (r[CP0_STATUS] & STATUS_BEV))
        return VEC_INTERRUPT;
    if (eic && offset)
        return offset;
    return VEC_INTERRUPT + vector * vs * 32;
}

/* Root interrupt entry.  EIC mode: Cause.RIPL latches the requested level, the shadow set
 * comes from the controller, and the vector is EBase + the controller's offset on the
 * PIC32MZ (OFFx, pic32mz-ef.md §3.4) or 0x200 + vector * spacing. */
void cpu_take_interrupt(struct cpu *c, unsigned ripl, unsigned vector, uint32_t offset,
                        unsigned eicss)
{
    uint32_t *r = c->cp0;
    bool eic = ripl != 0;
    bool vectored =
        (r[CP0_CAUSE] & CAUSE_IV) && (r[CP0_INTCTL] & INTCTL_VS) && !(r[CP0_STATUS] & STATUS_BEV);
    uint32_t off = interrupt_offset(r, vector, offset, eic);
    unsigned srs = exception_srs(c);
    if (eic) {
        r[CP0_CAUSE] = (r[CP0_CAUSE] & ~CAUSE_RIPL) | ((ripl << CAUSE_RIPL_SHIFT) & CAUSE_RIPL);
        if (vectored) {
            /* SRSCtl.EICSS is loaded from the controller for each request (MD00090 SRSCtl;
             * mips-vz.md §2.5); Microchip's "PIC32MZ Shadow Register Sets" page likewise. */
            srs = eicss;
            r[CP0_SRSCTL] =
                (r[CP0_SRSCTL] & ~SRSCTL_EICSS) | ((eicss << SRSCTL_EICSS_SHIFT) & SRSCTL_EICSS);
        }
    }
    enter(c, r, EXCCODE_INT, off, srs);
}

/* Guest interrupt entry (mips-vz.md §5.14): an EIC guest latches GRIPL into guest Cause.RIPL
 * and vectors to guest EBase + GVEC (the offset the root took from the guest's virtual
 * EVIC, as tinyVP does on silicon). */
void vz_take_guest_interrupt(struct cpu *c, unsigned gripl, uint32_t gvec)
{
    uint32_t *r = c->g.r;
    uint32_t off = interrupt_offset(r, 0, gvec, gripl != 0);
    if (gripl)
        r[CP0_CAUSE] = (r[CP0_CAUSE] & ~CAUSE_RIPL) | ((gripl << CAUSE_RIPL_SHIFT) & CAUSE_RIPL);
    enter_guest(c, EXCCODE_INT, off);
}

/* ERET (MD00086 ERET; mips-vz.md §4.6) in the executing context.  No delay slot; clears that
 * context's LL bit; bit 0 of EPC/ErrorEPC is the ISA mode to return to (mips-vz.md §7).  A guest's
 * ERET is a guest mode change (GHFC with MC=1, FCD=0). */
void cpu_eret(struct cpu *c)
{
    bool guest = c->guest;
    uint32_t *r = cpu_regs(c);
    uint32_t st = r[CP0_STATUS];
    if (st & STATUS_ERL) {
        c->pc = r[CP0_ERROREPC];
        st &= ~STATUS_ERL;
    } else {
        c->pc = r[CP0_EPC];
        st &= ~STATUS_EXL;
        uint32_t srsctl = r[CP0_SRSCTL];
        if ((srsctl & SRSCTL_HSS) && !(st & STATUS_BEV)) {
            unsigned pss = (srsctl & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT;
            r[CP0_SRSCTL] = (srsctl & ~SRSCTL_CSS) | pss;
            cpu_select_srs(c, pss);
        }
    }
    r[CP0_STATUS] = st;
    c->npc = c->pc + 4;
    c->next_in_ds = false;
    if (guest)
        c->g.llbit = false;
    else
        c->llbit = false;
    cpu_update_mode(c);
    c->irq_dirty = true;
    cpu_end_slice(c);
    if (guest)
        vz_mode_change(c);
}
