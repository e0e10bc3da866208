/*
 * microMIPS POOL32A (major opcode 0): shifts, three-register ALU, MOVN/MOVZ, EXT/INS, LWXS,
 * BREAK, COP2, and POOL32AXf (minor 0x3C: multiply/divide, HI/LO moves, bit operations,
 * JALR/JALRS, traps, SYSCALL/SDBBP, COP0 moves, the VZ moves, TLB/ERET/WAIT/DI/EI,
 * RDPGPR/WRPGPR).  Encodings: MD00582 POOL32A/POOL32AXf tables, as GNU as 2.40 assembles
 * them (mips-vz.md §4.6, §5.12, §7).  Each is executed as its MIPS32 twin (cpu_execute), so
 * privilege checks, GPSI/GSFC exits and every exception follow the MIPS32 paths; BadInstr
 * still holds the microMIPS word (micromips_internal.h).  DSP ASE encodings other than the
 * accumulator forms of MFHI/MFLO/MTHI/MTLO/MULT(U)/MADD(U)/MSUB(U) raise Reserved Instruction.
 */
#include "mem.h"
#include "micromips_internal.h"

/* POOL32A minor 0x10: the function of bits 9:6 (SLLV ... SLTU). */
static const uint8_t alu3_funct[15] = {
    SPECIAL_SLLV, SPECIAL_SRLV, SPECIAL_SRAV, SPECIAL_SRLV /* ROTRV: sa = 1 */,
    SPECIAL_ADD,  SPECIAL_ADDU, SPECIAL_SUB,  SPECIAL_SUBU,
    SPECIAL2_MUL, SPECIAL_AND,  SPECIAL_OR,   SPECIAL_NOR,
    SPECIAL_XOR,  SPECIAL_SLT,  SPECIAL_SLTU,
};

/* JALR/JALRS (.HB): rd = <25:21> (0 = JR/JRS), target = GPR[<20:16>], read before the link. */
static void jalr32(struct cpu *c, unsigned rd, unsigned rs, unsigned slot)
{
    if (!branch_allowed(c))
        return;
    uint32_t target = c->r[rs];
    if (rd)
        c->r[rd] = c->cur_pc + 4 + slot;
    mm_branch(c, true, target, 4, rd ? slot : 0);
}

/* LWXS rd, index(base): word at base + index * 4 (MD00582 LWXS). */
static void lwxs(struct cpu *c, unsigned rd, unsigned index, unsigned base)
{
    uint32_t v;
    if (mem_load(c, c->r[base] + (c->r[index] << 2), 4, &v))
        c->r[rd] = v;
}

/* The COP0 / system part of POOL32AXf, by bits 15:0 (t = <25:21>, s = <20:16>). */
static bool axf_system(struct cpu *c, uint32_t w, unsigned t, unsigned s)
{
    uint32_t co = (uint32_t)OP_COP0 << 26 | 1u << 25; /* COP0 with CO = 1 */
    switch (w & 0xFFFF) {
    case 0x037C: cpu_execute(c, co | CO_TLBP); return true;
    case 0x137C: cpu_execute(c, co | CO_TLBR); return true;
    case 0x237C: cpu_execute(c, co | CO_TLBWI); return true;
    case 0x337C: cpu_execute(c, co | CO_TLBWR); return true;
    case 0x437C: cpu_execute(c, co | CO_TLBINV); return true;
    case 0x537C: cpu_execute(c, co | CO_TLBINVF); return true;
    case 0x017C: cpu_execute(c, co | CO_TLBGP); return true;
    case 0x117C: cpu_execute(c, co | CO_TLBGR); return true;
    case 0x217C: cpu_execute(c, co | CO_TLBGWI); return true;
    case 0x317C: cpu_execute(c, co | CO_TLBGWR); return true;
    case 0x417C: cpu_execute(c, co | CO_TLBGINV); return true;
    case 0x517C: cpu_execute(c, co | CO_TLBGINVF); return true;
    case 0xF37C: /* ERET; ERETNC has bit 16 set (mips-vz.md §4.6) */
        if (w & 0xFFFE0000u)
            break;
        cpu_execute(c, co | CO_ERET | ((w >> 10) & 0x40u));
        return true;
    case 0xE37C:
        if (w >> 16)
            break;
        cpu_execute(c, co | CO_DERET);
        return true;
    case 0x937C: cpu_execute(c, co | ((w >> 10) & 0x00FFFFC0u) | CO_WAIT); return true;
    case 0xC37C: cpu_execute(c, co | ((w >> 10) & 0x00FFFFC0u) | CO_HYPCALL); return true;
    case 0x477C: /* DI / EI rs (MD00086 DI: 0x41606000 | rt << 16) */
    case 0x577C:
        if (t)
            break;
        cpu_execute(c, m32_r(OP_COP0, COP0_MFMC0, s, 12, 0, (w & 0x1000) ? 0x20 : 0));
        return true;
    case 0xE17C: cpu_execute(c, m32_r(OP_COP0, COP0_RDPGPR, s, t, 0, 0)); return true;
    case 0xF17C: cpu_execute(c, m32_r(OP_COP0, COP0_WRPGPR, s, t, 0, 0)); return true;
    case 0x8B7C: cpu_execute(c, SPECIAL_SYSCALL); return true;
    case 0xDB7C: cpu_execute(c, m32_r(OP_SPECIAL2, 0, 0, 0, 0, SPECIAL2_SDBBP)); return true;
    case 0x6B7C: return true; /* SYNC (stype in <20:16>): nothing to order on this core */
    case 0xD37C: break;       /* IRET: MCU ASE, absent (Config3.MCU = 0) */
    default: break;
    }
    (void)t;
    return false;
}

static void pool32axf(struct cpu *c, uint32_t w)
{
    unsigned t = MM_T(w), s = MM_S(w);
    unsigned ac = (w >> 14) & 3;
    /* Traps: code in <15:12> (MD00582 TEQ). */
    switch (w & 0xFFF) {
    case 0x03C: cpu_execute(c, m32_r(0, s, t, 0, 0, SPECIAL_TEQ)); return;
    case 0x23C: cpu_execute(c, m32_r(0, s, t, 0, 0, SPECIAL_TGE)); return;
    case 0x43C: cpu_execute(c, m32_r(0, s, t, 0, 0, SPECIAL_TGEU)); return;
    case 0x83C: cpu_execute(c, m32_r(0, s, t, 0, 0, SPECIAL_TLT)); return;
    case 0xA3C: cpu_execute(c, m32_r(0, s, t, 0, 0, SPECIAL_TLTU)); return;
    case 0xC3C: cpu_execute(c, m32_r(0, s, t, 0, 0, SPECIAL_TNE)); return;
    default: break;
    }
    /* MFC0/MTC0/MFGC0/MTGC0 rt, rs, sel: sel in <13:11> (mips-vz.md §5.12, §7). */
    switch (w & 0xC7FF) {
    case 0x00FC: cpu_execute(c, m32_r(OP_COP0, COP0_MF, t, s, 0, (w >> 11) & 7)); return;
    case 0x02FC: cpu_execute(c, m32_r(OP_COP0, COP0_MT, t, s, 0, (w >> 11) & 7)); return;
    case 0x04FC: cpu_execute(c, m32_r(OP_COP0, COP0_VZ, t, s, 0, (w >> 11) & 7)); return;
    case 0x06FC: cpu_execute(c, m32_r(OP_COP0, COP0_VZ, t, s, 0, 0x200 | ((w >> 11) & 7))); return;
    default: break;
    }
    /* DSP accumulator forms: ac in <15:14> (MD00582 DSP: MFHI ac ... MSUBU ac). */
    switch (w & 0x3FFF) {
    case 0x007C: cpu_execute(c, m32_r(0, ac, 0, s, 0, SPECIAL_MFHI)); return;
    case 0x107C: cpu_execute(c, m32_r(0, ac, 0, s, 0, SPECIAL_MFLO)); return;
    case 0x207C: cpu_execute(c, m32_r(0, s, 0, ac, 0, SPECIAL_MTHI)); return;
    case 0x307C: cpu_execute(c, m32_r(0, s, 0, ac, 0, SPECIAL_MTLO)); return;
    case 0x0CBC: cpu_execute(c, m32_r(0, s, t, ac, 0, SPECIAL_MULT)); return;
    case 0x1CBC: cpu_execute(c, m32_r(0, s, t, ac, 0, SPECIAL_MULTU)); return;
    case 0x0ABC: cpu_execute(c, m32_r(OP_SPECIAL2, s, t, ac, 0, SPECIAL2_MADD)); return;
    case 0x1ABC: cpu_execute(c, m32_r(OP_SPECIAL2, s, t, ac, 0, SPECIAL2_MADDU)); return;
    case 0x2ABC: cpu_execute(c, m32_r(OP_SPECIAL2, s, t, ac, 0, SPECIAL2_MSUB)); return;
    case 0x3ABC: cpu_execute(c, m32_r(OP_SPECIAL2, s, t, ac, 0, SPECIAL2_MSUBU)); return;
    default: break;
    }
    switch (w & 0xFFFF) {
    case 0x2B3C: cpu_execute(c, m32_r(OP_SPECIAL3, 0, s, t, BSHFL_SEB, SPECIAL3_BSHFL)); return;
    case 0x3B3C: cpu_execute(c, m32_r(OP_SPECIAL3, 0, s, t, BSHFL_SEH, SPECIAL3_BSHFL)); return;
    case 0x7B3C: cpu_execute(c, m32_r(OP_SPECIAL3, 0, s, t, BSHFL_WSBH, SPECIAL3_BSHFL)); return;
    case 0x4B3C: cpu_execute(c, m32_r(OP_SPECIAL2, s, t, t, 0, SPECIAL2_CLO)); return;
    case 0x5B3C: cpu_execute(c, m32_r(OP_SPECIAL2, s, t, t, 0, SPECIAL2_CLZ)); return;
    case 0x6B3C: cpu_execute(c, m32_r(OP_SPECIAL3, 0, t, s, 0, SPECIAL3_RDHWR)); return;
    case 0x8B3C: cpu_execute(c, m32_r(0, s, t, 0, 0, SPECIAL_MULT)); return;
    case 0x9B3C: cpu_execute(c, m32_r(0, s, t, 0, 0, SPECIAL_MULTU)); return;
    case 0xAB3C: cpu_execute(c, m32_r(0, s, t, 0, 0, SPECIAL_DIV)); return;
    case 0xBB3C: cpu_execute(c, m32_r(0, s, t, 0, 0, SPECIAL_DIVU)); return;
    case 0xCB3C: cpu_execute(c, m32_r(OP_SPECIAL2, s, t, 0, 0, SPECIAL2_MADD)); return;
    case 0xDB3C: cpu_execute(c, m32_r(OP_SPECIAL2, s, t, 0, 0, SPECIAL2_MADDU)); return;
    case 0xEB3C: cpu_execute(c, m32_r(OP_SPECIAL2, s, t, 0, 0, SPECIAL2_MSUB)); return;
    case 0xFB3C: cpu_execute(c, m32_r(OP_SPECIAL2, s, t, 0, 0, SPECIAL2_MSUBU)); return;
    case 0x0F3C: /* JALR, JALR.HB: 32-bit slot */
    case 0x1F3C: jalr32(c, t, s, 4); return;
    case 0x4F3C: /* JALRS, JALRS.HB: 16-bit slot */
    case 0x5F3C: jalr32(c, t, s, 2); return;
    case 0x0D7C: /* MFHI/MFLO rs, MTHI/MTLO rs (register in <20:16>) */
        if (!t) {
            cpu_execute(c, m32_r(0, 0, 0, s, 0, SPECIAL_MFHI));
            return;
        }
        break;
    case 0x1D7C:
        if (!t) {
            cpu_execute(c, m32_r(0, 0, 0, s, 0, SPECIAL_MFLO));
            return;
        }
        break;
    case 0x2D7C:
        if (!t) {
            cpu_execute(c, m32_r(0, s, 0, 0, 0, SPECIAL_MTHI));
            return;
        }
        break;
    case 0x3D7C:
        if (!t) {
            cpu_execute(c, m32_r(0, s, 0, 0, 0, SPECIAL_MTLO));
            return;
        }
        break;
    default:
        if (axf_system(c, w, t, s))
            return;
        break;
    }
    mm_ri(c);
}

void mm_pool32a(struct cpu *c, uint32_t w)
{
    unsigned t = MM_T(w), s = MM_S(w), d = MM_D(w), sub = (w >> 6) & 15;
    if ((w & 7) == 2) {
        cpu_exception_cpu(c, 2); /* COP2 (MD00582 POOL32A "COP2"): no CP2 */
        return;
    }
    switch (w & 0x3F) {
    case 0x00: /* SLL, SRL, SRA, ROTR rt, rs, sa (also NOP, SSNOP, EHB, PAUSE) */
        if ((w & 0x400) || sub > 3)
            break;
        cpu_execute(c, m32_r(0, sub == 3, s, t, d,
                             sub == 0   ? SPECIAL_SLL
                             : sub == 2 ? SPECIAL_SRA
                                        : SPECIAL_SRL));
        return;
    case 0x10: /* rd = rs op rt; the variable shifts: rd = rt shifted by rs */
        if ((w & 0x400) || sub > 14)
            break;
        cpu_execute(c, m32_r(sub == 8 ? OP_SPECIAL2 : 0, s, t, d, sub == 3, alu3_funct[sub]));
        return;
    case 0x18:
        if (w & 0x400)
            break;
        if (sub == 0 || sub == 1) { /* MOVN, MOVZ rd, rs, rt */
            cpu_execute(c, m32_r(0, s, t, d, 0, sub ? SPECIAL_MOVZ : SPECIAL_MOVN));
            return;
        }
        if (sub == 4) {
            lwxs(c, d, t, s);
            return;
        }
        break;
    case 0x0C: /* INS rt, rs, pos, size: msb in <15:11>, lsb in <10:6> */
        cpu_execute(c, m32_r(OP_SPECIAL3, s, t, d, (w >> 6) & 31, SPECIAL3_INS));
        return;
    case 0x2C: /* EXT: msbd in <15:11> */
        cpu_execute(c, m32_r(OP_SPECIAL3, s, t, d, (w >> 6) & 31, SPECIAL3_EXT));
        return;
    case 0x3C: pool32axf(c, w); return;
    case 0x07: cpu_exception(c, EXCCODE_BP); return; /* BREAK, code in <25:6> */
    default: break;
    }
    mm_ri(c);
}
