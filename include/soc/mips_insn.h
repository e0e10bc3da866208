/*
 * MIPS32 Release 5 instruction encodings (MIPS32 Instruction Set, MD00086, ch. A
 * "Instruction Bit Encodings").  Shared by the simulator's decoder and the hypervisor's
 * load/store and branch emulation.
 */
#ifndef SOC_MIPS_INSN_H
#define SOC_MIPS_INSN_H

/* Fields. */
#define INSN_OP(w)    ((w) >> 26)
#define INSN_RS(w)    (((w) >> 21) & 31)
#define INSN_RT(w)    (((w) >> 16) & 31)
#define INSN_RD(w)    (((w) >> 11) & 31)
#define INSN_SA(w)    (((w) >> 6) & 31)
#define INSN_FUNCT(w) ((w)&63)
#define INSN_IMM(w)   ((w)&0xFFFF)
#define INSN_SIMM(w)  ((int32_t)(int16_t)((w)&0xFFFF))
#define INSN_INDEX(w) ((w)&0x03FFFFFF)
#define INSN_SEL(w)   ((w)&7)

/* Major opcodes (bits 31:26), MD00086 Table A.2. */
enum mips_op {
    OP_SPECIAL = 0x00,
    OP_REGIMM = 0x01,
    OP_J = 0x02,
    OP_JAL = 0x03,
    OP_BEQ = 0x04,
    OP_BNE = 0x05,
    OP_BLEZ = 0x06,
    OP_BGTZ = 0x07,
    OP_ADDI = 0x08,
    OP_ADDIU = 0x09,
    OP_SLTI = 0x0A,
    OP_SLTIU = 0x0B,
    OP_ANDI = 0x0C,
    OP_ORI = 0x0D,
    OP_XORI = 0x0E,
    OP_LUI = 0x0F,
    OP_COP0 = 0x10,
    OP_COP1 = 0x11,
    OP_COP2 = 0x12,
    OP_COP1X = 0x13,
    OP_BEQL = 0x14,
    OP_BNEL = 0x15,
    OP_BLEZL = 0x16,
    OP_BGTZL = 0x17,
    OP_SPECIAL2 = 0x1C,
    OP_JALX = 0x1D,
    OP_SPECIAL3 = 0x1F,
    OP_LB = 0x20,
    OP_LH = 0x21,
    OP_LWL = 0x22,
    OP_LW = 0x23,
    OP_LBU = 0x24,
    OP_LHU = 0x25,
    OP_LWR = 0x26,
    OP_SB = 0x28,
    OP_SH = 0x29,
    OP_SWL = 0x2A,
    OP_SW = 0x2B,
    OP_SWR = 0x2E,
    OP_CACHE = 0x2F,
    OP_LL = 0x30,
    OP_LWC1 = 0x31,
    OP_LWC2 = 0x32,
    OP_PREF = 0x33,
    OP_LDC1 = 0x35,
    OP_LDC2 = 0x36,
    OP_SC = 0x38,
    OP_SWC1 = 0x39,
    OP_SWC2 = 0x3A,
    OP_SDC1 = 0x3D,
    OP_SDC2 = 0x3E,
};

/* SPECIAL function field (bits 5:0), MD00086 Table A.3. */
enum mips_special {
    SPECIAL_SLL = 0x00,
    SPECIAL_MOVCI = 0x01,
    SPECIAL_SRL = 0x02,
    SPECIAL_SRA = 0x03,
    SPECIAL_SLLV = 0x04,
    SPECIAL_SRLV = 0x06,
    SPECIAL_SRAV = 0x07,
    SPECIAL_JR = 0x08,
    SPECIAL_JALR = 0x09,
    SPECIAL_MOVZ = 0x0A,
    SPECIAL_MOVN = 0x0B,
    SPECIAL_SYSCALL = 0x0C,
    SPECIAL_BREAK = 0x0D,
    SPECIAL_SYNC = 0x0F,
    SPECIAL_MFHI = 0x10,
    SPECIAL_MTHI = 0x11,
    SPECIAL_MFLO = 0x12,
    SPECIAL_MTLO = 0x13,
    SPECIAL_MULT = 0x18,
    SPECIAL_MULTU = 0x19,
    SPECIAL_DIV = 0x1A,
    SPECIAL_DIVU = 0x1B,
    SPECIAL_ADD = 0x20,
    SPECIAL_ADDU = 0x21,
    SPECIAL_SUB = 0x22,
    SPECIAL_SUBU = 0x23,
    SPECIAL_AND = 0x24,
    SPECIAL_OR = 0x25,
    SPECIAL_XOR = 0x26,
    SPECIAL_NOR = 0x27,
    SPECIAL_SLT = 0x2A,
    SPECIAL_SLTU = 0x2B,
    SPECIAL_TGE = 0x30,
    SPECIAL_TGEU = 0x31,
    SPECIAL_TLT = 0x32,
    SPECIAL_TLTU = 0x33,
    SPECIAL_TEQ = 0x34,
    SPECIAL_TNE = 0x36,
};

/* REGIMM rt field (bits 20:16), MD00086 Table A.4. */
enum mips_regimm {
    REGIMM_BLTZ = 0x00,
    REGIMM_BGEZ = 0x01,
    REGIMM_BLTZL = 0x02,
    REGIMM_BGEZL = 0x03,
    REGIMM_TGEI = 0x08,
    REGIMM_TGEIU = 0x09,
    REGIMM_TLTI = 0x0A,
    REGIMM_TLTIU = 0x0B,
    REGIMM_TEQI = 0x0C,
    REGIMM_TNEI = 0x0E,
    REGIMM_BLTZAL = 0x10,
    REGIMM_BGEZAL = 0x11,
    REGIMM_BLTZALL = 0x12,
    REGIMM_BGEZALL = 0x13,
    REGIMM_BPOSGE32 = 0x1C,
    REGIMM_SYNCI = 0x1F,
};

/* SPECIAL2 function field, MD00086 Table A.5. */
enum mips_special2 {
    SPECIAL2_MADD = 0x00,
    SPECIAL2_MADDU = 0x01,
    SPECIAL2_MUL = 0x02,
    SPECIAL2_MSUB = 0x04,
    SPECIAL2_MSUBU = 0x05,
    SPECIAL2_CLZ = 0x20,
    SPECIAL2_CLO = 0x21,
    SPECIAL2_SDBBP = 0x3F,
};

/* SPECIAL3 function field, MD00086 Table A.6. */
enum mips_special3 {
    SPECIAL3_EXT = 0x00,
    SPECIAL3_INS = 0x04,
    SPECIAL3_BSHFL = 0x20,
    SPECIAL3_RDHWR = 0x3B,
};
/* BSHFL sa field. */
#define BSHFL_WSBH 0x02
#define BSHFL_SEB  0x10
#define BSHFL_SEH  0x18

/* COP0 rs field, MD00086 Table A.10; the CO=1 function field, Table A.11. */
enum mips_cop0_rs {
    COP0_MF = 0x00,
    COP0_MFH = 0x02,
    COP0_MT = 0x04,
    COP0_MTH = 0x06,
    COP0_VZ = 0x03, /* MFGC0/MTGC0/HYPCALL... (VZ, MD00846) */
    COP0_RDPGPR = 0x0A,
    COP0_MFMC0 = 0x0B,
    COP0_WRPGPR = 0x0E,
};
#define COP0_CO 0x10 /* rs >= 0x10: CO=1, function in bits 5:0 */
enum mips_cop0_co {
    CO_TLBR = 0x01,
    CO_TLBWI = 0x02,
    CO_TLBINV = 0x03,
    CO_TLBINVF = 0x04,
    CO_TLBWR = 0x06,
    CO_TLBP = 0x08,
    CO_TLBGR = 0x09,
    CO_TLBGWI = 0x0A,
    CO_TLBGINV = 0x0B,
    CO_TLBGINVF = 0x0C,
    CO_TLBGWR = 0x0E,
    CO_TLBGP = 0x10,
    CO_ERET = 0x18,
    CO_DERET = 0x1F,
    CO_WAIT = 0x20,
    CO_HYPCALL = 0x28,
};

#endif
