/*
 * The 16-bit microMIPS instructions (MD00582 16-bit opcode table: POOL16A..POOL16F, the
 * 16-bit loads/stores, MOVE16, LI16, ANDI16, ADDIU*, B16/BEQZ16/BNEZ16, JR16/JRC/JALR16/JALRS16,
 * JRADDIUSP, MFHI16/MFLO16, BREAK16/SDBBP16, LWM16/SWM16, MOVEP).  Operand fields, register
 * maps and immediate tables as in mips-vz.md §7 and the GNU binutils opcode table (facts
 * re-checked by assembling each form with GNU as 2.40).  Reserved majors (0x29, 0x31, 0x39 and
 * the reserved minors) raise Reserved Instruction.
 */
#include "mem.h"
#include "micromips_internal.h"

/* 3-bit register fields (mips-vz.md §7). */
static const uint8_t reg_gen[8] = {16, 17, 2, 3, 4, 5, 6, 7};
static const uint8_t reg_store[8] = {0, 17, 2, 3, 4, 5, 6, 7};
static const uint8_t reg_movep_src[8] = {0, 17, 2, 3, 16, 18, 19, 20};
static const uint8_t reg_movep_d1[8] = {5, 5, 6, 4, 4, 4, 4, 4};
static const uint8_t reg_movep_d2[8] = {6, 7, 7, 21, 22, 5, 6, 7};
/* ANDI16 and ADDIUR2 immediates. */
static const uint16_t andi16_imm[16] = {128, 1,  2,  3,  4,  7,   8,     15,
                                        16,  31, 32, 63, 64, 255, 32768, 65535};
static const int8_t addiur2_imm[8] = {1, 4, 8, 12, 16, 20, 24, -1};

#define R3(hw, sh) reg_gen[((hw) >> (sh)) & 7]

static void load(struct cpu *c, unsigned rt, uint32_t va, unsigned size)
{
    uint32_t v;
    if (mem_load(c, va, size, &v))
        c->r[rt] = v;
}

static void store(struct cpu *c, unsigned rt, uint32_t va, unsigned size)
{
    if (!mem_store(c, va, size, c->r[rt]))
        return; /* the exception is raised */
}

/* 16-bit branches with a delay slot of any size; target relative to the slot. */
static void branch16(struct cpu *c, bool taken, int32_t off)
{
    if (branch_allowed(c))
        mm_branch(c, taken, c->cur_pc + 2 + (uint32_t)off, 2, 0);
}

/* JR16 / JRC / JALR16 / JALRS16: target = GPR[<4:0>] (bit 0 = ISA); the link of JALR16 points
 * past a 32-bit slot, that of JALRS16 past a 16-bit one. */
static void jr16(struct cpu *c, unsigned rs, bool compact, unsigned link)
{
    if (!branch_allowed(c))
        return;
    uint32_t target = c->r[rs];
    if (link)
        c->r[31] = c->cur_pc + 2 + link;
    if (compact)
        mm_compact(c, true, target);
    else
        mm_branch(c, true, target, 2, link);
}

/* ADDIUSP: 9-bit field, encoded values 0, 1, 0x1FE, 0x1FF stand for 256, 257, -258, -257
 * (MD00582 ADDIUSP; checked with GNU as). */
static int32_t addiusp_imm(uint32_t hw)
{
    int32_t e = ((int32_t)(((hw >> 1) & 0x1FF) << 23)) >> 23;
    if (e >= -2 && e <= 1)
        e += e >= 0 ? 256 : -256;
    return e * 4;
}

static void pool16c(struct cpu *c, uint32_t hw)
{
    unsigned rd = R3(hw, 3), rs = R3(hw, 0), r5 = hw & 31;
    bool bit5 = (hw >> 5) & 1;
    switch ((hw >> 6) & 15) {
    case 0: c->r[rd] = ~c->r[rs]; return; /* NOT16 */
    case 1: c->r[rd] ^= c->r[rs]; return; /* XOR16 */
    case 2: c->r[rd] &= c->r[rs]; return; /* AND16 */
    case 3: c->r[rd] |= c->r[rs]; return; /* OR16 */
    case 4: mm_lwm16(c, false, (hw >> 4) & 3, (hw & 15) << 2); return;
    case 5: mm_lwm16(c, true, (hw >> 4) & 3, (hw & 15) << 2); return;
    case 6: jr16(c, r5, bit5, 0); return;             /* JR16, JRC */
    case 7: jr16(c, r5, false, bit5 ? 2 : 4); return; /* JALR16, JALRS16 */
    case 8:
    case 9: /* MFHI16, MFLO16 */
        if (bit5)
            break;
        c->r[r5] = ((hw >> 6) & 1) ? c->lo[0] : c->hi[0];
        return;
    case 10: /* BREAK16 */
        if (hw & 0x30)
            break;
        cpu_exception(c, EXCCODE_BP);
        return;
    case 11: /* SDBBP16 */
        if (hw & 0x30)
            break;
        cpu_execute(c, m32_r(OP_SPECIAL2, 0, 0, 0, 0, SPECIAL2_SDBBP));
        return;
    case 12: /* JRADDIUSP: jump to $31 and pop the frame, no delay slot */
        if (bit5)
            break;
        if (branch_allowed(c)) {
            mm_compact(c, true, c->r[31]);
            c->r[29] += (hw & 31) << 2;
        }
        return;
    default: break;
    }
    mm_ri(c);
}

void mm_exec16(struct cpu *c, uint32_t hw)
{
    unsigned rt = R3(hw, 7), rb = R3(hw, 4), r5 = (hw >> 5) & 31;
    uint32_t off4 = hw & 15;
    switch (hw >> 10) {
    case 0x01: /* ADDU16 / SUBU16 rd<9:7> = rs<3:1> +- rt<6:4> */
        c->r[rt] = (hw & 1) ? c->r[R3(hw, 1)] - c->r[rb] : c->r[R3(hw, 1)] + c->r[rb];
        return;
    case 0x02: load(c, rt, c->r[rb] + (off4 == 15 ? ~0u : off4), 1); return; /* LBU16 */
    case 0x03: c->r[r5] = c->r[hw & 31]; return;                             /* MOVE16 */
    case 0x09: { /* SLL16 / SRL16, shift 1..8 */
        unsigned sa = (hw >> 1) & 7;
        sa = sa ? sa : 8;
        c->r[rt] = (hw & 1) ? c->r[rb] >> sa : c->r[rb] << sa;
        return;
    }
    case 0x0A: load(c, rt, c->r[rb] + (off4 << 1), 2); return; /* LHU16 */
    case 0x0B: c->r[rt] = c->r[rb] & andi16_imm[off4]; return; /* ANDI16 */
    case 0x11: pool16c(c, hw); return;
    case 0x12: load(c, r5, c->r[29] + ((hw & 31) << 2), 4); return; /* LWSP16 */
    case 0x13:
        if (hw & 1)
            c->r[29] += (uint32_t)addiusp_imm(hw); /* ADDIUSP */
        else                                       /* ADDIUS5 rd = rd + simm4 */
            c->r[r5] += (uint32_t)((int32_t)(((hw >> 1) & 15u) << 28) >> 28);
        return;
    case 0x19: /* LWGP16: $28 + simm7 * 4 */
        load(c, rt, c->r[28] + (uint32_t)((((int32_t)(hw << 25)) >> 25) * 4), 4);
        return;
    case 0x1A: load(c, rt, c->r[rb] + (off4 << 2), 4); return; /* LW16 */
    case 0x1B:
        if (hw & 1) /* ADDIUR1SP rd = sp + imm6 * 4 */
            c->r[rt] = c->r[29] + (((hw >> 1) & 63) << 2);
        else /* ADDIUR2 rd = rs + {1,4,...,24,-1} */
            c->r[rt] = c->r[rb] + (uint32_t)(int32_t)addiur2_imm[(hw >> 1) & 7];
        return;
    case 0x21: { /* MOVEP: both sources read before the pair is written */
        if (hw & 1)
            break;
        uint32_t a = c->r[reg_movep_src[(hw >> 1) & 7]], b = c->r[reg_movep_src[(hw >> 4) & 7]];
        c->r[reg_movep_d1[(hw >> 7) & 7]] = a;
        c->r[reg_movep_d2[(hw >> 7) & 7]] = b;
        return;
    }
    case 0x22: store(c, reg_store[(hw >> 7) & 7], c->r[rb] + off4, 1); return;        /* SB16 */
    case 0x2A: store(c, reg_store[(hw >> 7) & 7], c->r[rb] + (off4 << 1), 2); return; /* SH16 */
    case 0x3A: store(c, reg_store[(hw >> 7) & 7], c->r[rb] + (off4 << 2), 4); return; /* SW16 */
    case 0x32: store(c, r5, c->r[29] + ((hw & 31) << 2), 4); return;                  /* SWSP16 */
    case 0x23: /* BEQZ16 / BNEZ16: simm7 halfwords */
    case 0x2B: {
        int32_t off = (((int32_t)(hw << 25)) >> 25) * 2;
        branch16(c, (c->r[rt] == 0) == ((hw >> 10) == 0x23), off);
        return;
    }
    case 0x33: branch16(c, true, (((int32_t)(hw << 22)) >> 22) * 2); return; /* B16 */
    case 0x3B: { /* LI16: 0..126, 127 = -1 */
        unsigned imm = hw & 127;
        c->r[rt] = imm == 127 ? ~0u : imm;
        return;
    }
    default: break;
    }
    mm_ri(c);
}
