/*
 * System instructions: traps, SYSCALL/BREAK/SDBBP, RDHWR, COP0 moves, DI/EI, shadow-set moves,
 * TLB instructions, ERET/DERET, WAIT, CACHE/PREF/SYNC/SYNCI.  MD00086 and MD00090 ch. 6, 9.
 */
#ifndef SIM_EXEC_SYS_H
#define SIM_EXEC_SYS_H

#include "exec_alu.h"
#include "tlb.h"
#include "vz.h"

#define DEBUG_VECTOR 0xBFC00480u /* EJTAG debug exception, probe absent (mips-vz.md §4.1) */

static inline void exec_trap(struct cpu *c, bool cond)
{
    if (cond)
        cpu_exception(c, EXCCODE_TR);
}

/* CP0 is usable in kernel mode, or when Status.CU0 = 1 (MD00090 §9.33). */
static inline bool cp0_usable(struct cpu *c)
{
    if (cpu_kernel_mode(c) || (cp0_status(c) & STATUS_CU0))
        return true;
    cpu_exception_cpu(c, 0);
    return false;
}

/* SDBBP enters debug mode (EJTAG, MD00047): DEPC and Debug.DBD, DM = 1, debug vector. */
static inline void exec_sdbbp(struct cpu *c)
{
    uint32_t dbg = c->cp0[CP0_DEBUG];
    c->cp0[CP0_DEPC] = cpu_restart_pc(c); /* bit 0 = ISA mode; DERET returns to it */
    dbg = c->in_ds ? (dbg | (1u << 31)) : (dbg & ~(1u << 31)); /* Debug.DBD */
    c->cp0[CP0_DEBUG] = dbg | DEBUG_DM | (1u << 1);            /* DM, DBp */
    /* Decision: the debug handler also runs in the ISA of Config3.ISAOnExc, like every other
     * handler of a microMIPS-booted PIC32MZ (cp0_reset.c cp0_boot_isa). */
    c->pc = DEBUG_VECTOR | ((c->cp0[CP0_CONFIG3] & CONFIG3_ISAONEXC) ? 1u : 0u);
    c->npc = c->pc + 4;
    c->next_in_ds = false;
    cpu_update_mode(c); /* debug mode is root mode, also when a guest ran SDBBP (§5.1) */
}

static inline void exec_deret(struct cpu *c)
{
    if (!(c->cp0[CP0_DEBUG] & DEBUG_DM)) {
        cpu_exception(c, EXCCODE_RI); /* DERET outside debug mode (MD00047) */
        return;
    }
    c->cp0[CP0_DEBUG] &= ~DEBUG_DM;
    c->pc = c->cp0[CP0_DEPC];
    c->npc = c->pc + 4;
    c->next_in_ds = false;
    cpu_update_mode(c);
}

/* RDHWR (MD00086; mips-vz.md §2.2): kernel mode, or user mode with the HWREna bit set. */
static inline void exec_rdhwr(struct cpu *c, uint32_t w)
{
    unsigned rd = INSN_RD(w);
    uint32_t *r = cpu_regs(c);
    uint32_t v;
    switch (rd) {
    case HWR_CPUNUM: v = r[CP0_EBASE] & EBASE_CPUNUM; break;
    case HWR_SYNCI_STEP: v = 16; break; /* L1 line size (cp0_reset.c Config1) */
    case HWR_CC: v = c->guest ? cp0_guest_count(c) : cp0_count(c); break;
    case HWR_CCRES: v = 2; break; /* Count advances every 2 cycles */
    case HWR_ULR: v = r[CP0_USERLOCAL]; break;
    default: cpu_exception(c, EXCCODE_RI); return;
    }
    if (!cpu_kernel_mode(c) && !(r[CP0_HWRENA] & (1u << rd))) {
        cpu_exception(c, EXCCODE_RI);
        return;
    }
    if (c->guest && vz_guest_rdhwr_traps(c, rd))
        return;
    RT(w) = v;
}

/* WAIT: sleep until an interrupt is requested (Config7.WII=1: even with IE=0). */
static inline void exec_wait(struct cpu *c)
{
    c->sleeping = true;
    c->irq_dirty = true;
    cpu_end_slice(c);
}

/* CACHE: kernel-mode only (CpU otherwise); the address is translated, so address and TLB
 * exceptions are real, but there is no cache to operate on (MD00086 CACHE). */
static inline void exec_cache(struct cpu *c, uint32_t w)
{
    if (!cp0_usable(c))
        return;
    if (c->guest && vz_guest_cache_traps(c, w))
        return;
    uint32_t pa;
    unsigned op = INSN_RT(w);
    bool index_op = (op >> 2) < 2; /* Index Invalidate / Index Load/Store Tag: no translation */
    if (!index_op)
        (void)mmu_translate(c, RS(w) + (uint32_t)INSN_SIMM(w), ACC_LOAD, &pa);
}

/* SYNCI: user-mode legal; translation faults are reported as for a load (MD00086 SYNCI). */
static inline void exec_synci(struct cpu *c, uint32_t w)
{
    uint32_t pa;
    (void)mmu_translate(c, RS(w) + (uint32_t)INSN_SIMM(w), ACC_LOAD, &pa);
}

static inline void exec_cop0(struct cpu *c, uint32_t w)
{
    if (!cp0_usable(c))
        return;
    if (c->guest) {
        vz_guest_cop0(c, w);
        return;
    }
    unsigned rs = INSN_RS(w);
    uint32_t v;
    bool has_inv = ((c->cp0[CP0_CONFIG4] & CONFIG4_IE) >> CONFIG4_IE_SHIFT) >= 2;
    if (rs >= COP0_CO) {
        switch (INSN_FUNCT(w)) {
        case CO_TLBR: tlb_read(c); return;
        case CO_TLBWI: tlb_write(c, c->cp0[CP0_INDEX] & ~INDEX_P); return;
        case CO_TLBWR: {
            uint32_t idx;
            (void)cp0_read(c, CP0_RANDOM, &idx);
            tlb_write(c, idx);
            return;
        }
        case CO_TLBP: tlb_probe(c); return;
        case CO_ERET:
            /* ERET in a delay slot is UNDEFINED (mips-vz.md §4.6).  ERETNC (bit 6 set) exists
             * only with Config5.LLB = 1; the M5150 has LLB = 0 (mips-vz.md §4.6, §6). */
            if (c->in_ds || ((w & 0x40) && !(c->cp0[CP0_CONFIG5] & CONFIG5_LLB)))
                cpu_exception(c, EXCCODE_RI);
            else
                cpu_eret(c);
            return;
        case CO_DERET: exec_deret(c); return;
        case CO_WAIT: exec_wait(c); return;
        case CO_TLBINV:
        case CO_TLBINVF:
            /* Present only with Config4.IE >= 2 (mips-vz.md §2.8); the M5150 has IE = 1. */
            if (has_inv)
                tlb_invalidate(c, INSN_FUNCT(w) == CO_TLBINVF);
            else
                cpu_exception(c, EXCCODE_RI);
            return;
        default:
            if (!vz_root_co(c, INSN_FUNCT(w)))
                cpu_exception(c, EXCCODE_RI);
            return;
        }
    }
    unsigned idx = CP0_IDX(INSN_RD(w), INSN_SEL(w));
    switch (rs) {
    case COP0_MF:
        if ((w & 0x7F8) != 0)
            break;
        (void)cp0_read(c, idx, &v);
        RT(w) = v;
        return;
    case COP0_MT:
        if ((w & 0x7F8) != 0)
            break;
        (void)cp0_write(c, idx, RT(w));
        return;
    case COP0_MFMC0:
        /* DI / EI: rd = 12 (Status), sel 0, bit 5 = sc (MD00086 DI, EI). */
        if ((w & 0xFFDF) != 0x6000)
            break;
        v = c->cp0[CP0_STATUS];
        RT(w) = v;
        c->cp0[CP0_STATUS] = (w & 0x20) ? (v | STATUS_IE) : (v & ~STATUS_IE);
        c->irq_dirty = true;
        cpu_end_slice(c);
        return;
    case COP0_VZ: vz_root_mfgc0_mtgc0(c, w); return;
    case COP0_RDPGPR:
    case COP0_WRPGPR: {
        if (w & 0x7FF)
            break;
        unsigned pss = (c->cp0[CP0_SRSCTL] & SRSCTL_PSS) >> SRSCTL_PSS_SHIFT;
        if (rs == COP0_RDPGPR)
            RD(w) = c->srs[pss][INSN_RT(w)];
        else if (INSN_RD(w) != 0) /* $0 of every set stays zero */
            c->srs[pss][INSN_RD(w)] = RT(w);
        return;
    }
    default: break;
    }
    cpu_exception(c, EXCCODE_RI);
}

#endif
