/*
 * Exception entry and return: MIPS32 PRA (MD00090) §6.2 "Exceptions", mips-vz.md §4.1-§4.6.
 */
#include "cpu_internal.h"

/* ExcCodes for which BadInstr holds the faulting instruction (mips-vz.md §2.2 table);
 * never for instruction-fetch faults, interrupts and bus errors. */
static bool badinstr_valid(unsigned code)
{
    switch (code) {
    case EXCCODE_MOD: case EXCCODE_TLBL: case EXCCODE_TLBS: case EXCCODE_ADEL:
    case EXCCODE_ADES: case EXCCODE_SYS: case EXCCODE_BP: case EXCCODE_RI: case EXCCODE_CPU:
    case EXCCODE_OV: case EXCCODE_TR: case EXCCODE_FPE: case EXCCODE_TLBRI: case EXCCODE_GE:
        return true;
    default:
        return false;
    }
}

static uint32_t vector_base(const struct cpu *c)
{
    if (cp0_status(c) & STATUS_BEV)
        return BEV_VECTOR_BASE;
    return c->cp0[CP0_EBASE] & EBASE_BASE;
}

/* The common part of every non-debug, non-reset exception (MD00090 §6.2.1, mips-vz.md
 * §4.2).  `offset` is the vector offset from the base; `srs` the shadow set to switch to. */
static void enter(struct cpu *c, unsigned code, uint32_t offset, unsigned srs)
{
    uint32_t st = c->cp0[CP0_STATUS];
    uint32_t restart = c->in_ds ? c->cur_pc - 4 : c->cur_pc;
    uint32_t cause = c->cp0[CP0_CAUSE] & ~CAUSE_EXCCODE;

    c->exc_count[code]++;
    if (!(st & STATUS_EXL)) {
        c->cp0[CP0_EPC] = restart;
        cause = c->in_ds ? (cause | CAUSE_BD) : (cause & ~CAUSE_BD);
        if (c->insn_valid && badinstr_valid(code)) {
            c->cp0[CP0_BADINSTR] = c->insn;
            if (c->in_ds)
                c->cp0[CP0_BADINSTRP] = c->prev_insn;
        }
        uint32_t srsctl = c->cp0[CP0_SRSCTL];
        if ((srsctl & SRSCTL_HSS) && !(st & STATUS_BEV)) {
            unsigned css = srsctl & SRSCTL_CSS;
            srsctl &= ~(SRSCTL_PSS | SRSCTL_CSS);
            srsctl |= (css << SRSCTL_PSS_SHIFT) | (srs << SRSCTL_CSS_SHIFT);
            c->cp0[CP0_SRSCTL] = srsctl;
            cpu_select_srs(c, srs);
        }
    } else if (c->cp0[CP0_CONFIG5] & CONFIG5_NF) {
        /* Nested fault recording (Config5.NF): NestedEPC/NestedExc, mips-vz.md §2.7. */
        c->cp0[CP0_NESTEDEPC] = restart;
        c->cp0[CP0_NESTEDEXC] = code;
    }
    c->cp0[CP0_CAUSE] = cause | (code << CAUSE_EXCCODE_SHIFT);
    c->cp0[CP0_STATUS] = st | STATUS_EXL;
    cpu_update_mode(c);

    c->pc = vector_base(c) + offset;
    c->npc = c->pc + 4;
    c->next_in_ds = false;
    c->sleeping = false;
}

static unsigned exception_srs(const struct cpu *c)
{
    return (c->cp0[CP0_SRSCTL] & SRSCTL_ESS) >> SRSCTL_ESS_SHIFT;
}

void cpu_exception(struct cpu *c, unsigned exccode)
{
    enter(c, exccode, VEC_GENERAL, exception_srs(c));
}

void cpu_exception_addr(struct cpu *c, unsigned exccode, uint32_t badvaddr)
{
    c->cp0[CP0_BADVADDR] = badvaddr;
    enter(c, exccode, VEC_GENERAL, exception_srs(c));
}

/* TLB exceptions also load Context.BadVPN2 and EntryHi.VPN2 (MD00090 §9.5, mips-vz.md §3);
 * a refill with EXL=0 uses the refill vector, otherwise the general one. */
void cpu_exception_tlb(struct cpu *c, unsigned exccode, uint32_t badvaddr, bool refill)
{
    c->cp0[CP0_BADVADDR] = badvaddr;
    uint32_t ctx = c->cp0[CP0_CONTEXT];
    c->cp0[CP0_CONTEXT] = (ctx & 0xFF800000u) | ((badvaddr >> 9) & 0x007FFFF0u);
    uint32_t hi = c->cp0[CP0_ENTRYHI];
    c->cp0[CP0_ENTRYHI] = (badvaddr & ENTRYHI_VPN2) | (hi & (ENTRYHI_ASID | ENTRYHI_EHINV));
    bool exl = c->cp0[CP0_STATUS] & STATUS_EXL;
    enter(c, exccode, (refill && !exl) ? VEC_REFILL : VEC_GENERAL, exception_srs(c));
}

void cpu_exception_cpu(struct cpu *c, unsigned unit)
{
    c->cp0[CP0_CAUSE] = (c->cp0[CP0_CAUSE] & ~CAUSE_CE) | (unit << CAUSE_CE_SHIFT);
    enter(c, EXCCODE_CPU, VEC_GENERAL, exception_srs(c));
}

/* Interrupt entry.  EIC mode (mips-vz.md §4.4): Cause.RIPL latches the requested level, the
 * shadow set comes from the controller, and the vector is EBase + the controller's offset on
 * the PIC32MZ (OFFx, pic32mz-ef.md §3.4) or 0x200 + vector * spacing. */
void cpu_take_interrupt(struct cpu *c, unsigned ripl, unsigned vector, uint32_t offset,
                        unsigned eicss)
{
    uint32_t cause = c->cp0[CP0_CAUSE];
    uint32_t intctl = c->cp0[CP0_INTCTL];
    unsigned vs = (intctl & INTCTL_VS) >> INTCTL_VS_SHIFT;
    bool bev = cp0_status(c) & STATUS_BEV;
    uint32_t off;
    unsigned srs = exception_srs(c);

    if (!(cause & CAUSE_IV)) {
        off = VEC_GENERAL;
    } else if (vs == 0 || bev) {
        off = VEC_INTERRUPT;
    } else {
        off = offset ? offset : VEC_INTERRUPT + vector * vs * 32;
    }
    if (ripl) {
        c->cp0[CP0_CAUSE] = (cause & ~CAUSE_RIPL) | ((ripl << CAUSE_RIPL_SHIFT) & CAUSE_RIPL);
        if ((cause & CAUSE_IV) && vs && !bev) {
            /* SRSCtl.EICSS is loaded from the controller for each request (MD00090 SRSCtl;
             * mips-vz.md §2.5); Microchip's "PIC32MZ Shadow Register Sets" page likewise. */
            srs = eicss;
            c->cp0[CP0_SRSCTL] = (c->cp0[CP0_SRSCTL] & ~SRSCTL_EICSS) |
                                 ((eicss << SRSCTL_EICSS_SHIFT) & SRSCTL_EICSS);
        }
    }
    enter(c, EXCCODE_INT, off, srs);
}

/* ERET (MD00086 ERET; mips-vz.md §4.6).  No delay slot; clears the LL bit. */
void cpu_eret(struct cpu *c)
{
    uint32_t st = c->cp0[CP0_STATUS];
    if (st & STATUS_ERL) {
        c->pc = c->cp0[CP0_ERROREPC];
        st &= ~STATUS_ERL;
    } else {
        c->pc = c->cp0[CP0_EPC];
        st &= ~STATUS_EXL;
        uint32_t srsctl = c->cp0[CP0_SRSCTL];
        if ((srsctl & SRSCTL_HSS) && !(st & STATUS_BEV)) {
            unsigned pss = (srsctl & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT;
            c->cp0[CP0_SRSCTL] = (srsctl & ~SRSCTL_CSS) | pss;
            cpu_select_srs(c, pss);
        }
    }
    c->cp0[CP0_STATUS] = st;
    c->npc = c->pc + 4;
    c->next_in_ds = false;
    c->llbit = false;
    cpu_update_mode(c);
    c->irq_dirty = true;
    cpu_end_slice(c);
}
