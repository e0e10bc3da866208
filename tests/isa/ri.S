/*
 * Reserved Instruction and Coprocessor Unusable: encodings marked reserved (*) or MIPS64-only
 * (epsilon) in the opcode maps of MD00086 Appendix A (Tables A.2-A.11) raise Reserved
 * Instruction on a MIPS32 core (MD00090 §6.2, ExcCode 10, BadInstr = the word); COP1/COP2 with
 * Status.CU1/CU2 = 0 raise Coprocessor Unusable with Cause.CE = the unit (ExcCode 11).
 */
#include "testdev.inc"

    .macro RI word
    li      $t1, 0x5A5A5A5A
    EXPECT_EXC 7f
6:  .word   \word
    nop
7:  CHECK_EXC EXCCODE_RI, 6b
    CHECK_REC_INSN EXC_BADINSTR, 6b
    CHECK   $t1, 0x5A5A5A5A
    .endm

    .macro CPU unit, word
    li      $t1, 0x5A5A5A5A
    EXPECT_EXC 7f
6:  .word   \word
    nop
7:  CHECK_EXC EXCCODE_CPU, 6b
    lui     $k0, %hi(__tst_area + EXC_CAUSE)
    lw      $k0, %lo(__tst_area + EXC_CAUSE)($k0)
    ext     $k0, $k0, CAUSE_CE_SHIFT, 2
    CHECK_K0 \unit
    CHECK   $t1, 0x5A5A5A5A
    .endm

/* Field helpers: rs = $t0 (8), rt = $t1 (9), rd = $t1. */
#define SPECIAL(f)  ((8 << 21) | (9 << 16) | (9 << 11) | (f))
#define SPECIAL2(f) ((0x1C << 26) | (8 << 21) | (9 << 16) | (9 << 11) | (f))
#define SPECIAL3(f) ((0x1F << 26) | (8 << 21) | (9 << 16) | (9 << 11) | (f))
#define OPCODE(op)  (((op) << 26) | (8 << 21) | (9 << 16) | 0x10)
#define REGIMM(rt)  ((1 << 26) | (8 << 21) | ((rt) << 16) | 0x10)

    TEST_BEGIN
    la      $t0, buf
    /* SPECIAL: * at 0x05, 0x0E, 0x15, 0x28, 0x29, 0x35, 0x37; MIPS64 at 0x14, 0x16, 0x17,
     * 0x1C-0x1F, 0x2C-0x2F, 0x38-0x3F. */
    .irp f, 0x05, 0x0E, 0x15, 0x28, 0x29, 0x35, 0x37, 0x14, 0x16, 0x17, 0x1C, 0x1D, 0x1E, 0x1F, 0x2C, 0x2D, 0x2E, 0x2F, 0x38, 0x3A, 0x3B, 0x3C, 0x3E, 0x3F
    RI SPECIAL(\f)
    .endr
    /* SPECIAL2: * at 0x03, 0x06-0x0F, 0x22-0x23, 0x26-0x3E; MIPS64 DCLZ/DCLO 0x24/0x25. */
    .irp f, 0x03, 0x06, 0x07, 0x08, 0x0F, 0x22, 0x23, 0x24, 0x25, 0x30, 0x3E
    RI SPECIAL2(\f)
    .endr
    /* SPECIAL3: MIPS64 DEXTM/DEXTU/DEXT 0x01-0x03, DINSM/DINSU/DINS 0x05-0x07; BSHFL with a
     * reserved sa; DBSHFL (MIPS64) 0x24. */
    .irp f, 0x01, 0x02, 0x03, 0x05, 0x06, 0x07, 0x24
    RI SPECIAL3(\f)
    .endr
    RI (0x1F << 26) | (9 << 16) | (9 << 11) | (0x01 << 6) | 0x20
    RI (0x1F << 26) | (9 << 16) | (9 << 11) | (0x11 << 6) | 0x20
    /* REGIMM rt: * at 0x04-0x07, 0x0D, 0x0F, 0x14-0x17, 0x18-0x1B. */
    .irp rt, 0x04, 0x05, 0x06, 0x07, 0x0D, 0x0F, 0x14, 0x17, 0x18, 0x1B
    RI REGIMM(\rt)
    .endr
    /* Major opcodes: MIPS64 DADDI/DADDIU/LDL/LDR 0x18-0x1B, LWU 0x27, SDL/SDR 0x2C/0x2D,
     * LLD 0x34, LD 0x37, SCD 0x3C, SD 0x3F; * at 0x3B. */
    .irp op, 0x18, 0x19, 0x1A, 0x1B, 0x27, 0x2C, 0x2D, 0x34, 0x37, 0x3C, 0x3F, 0x3B
    RI OPCODE(\op)
    .endr
    /* COP0 rs: MIPS64 DMFC0 (1), DMTC0 (5). */
    RI (0x10 << 26) | (1 << 21) | (9 << 16) | (12 << 11)
    RI (0x10 << 26) | (5 << 21) | (9 << 16) | (22 << 11)

    /* Coprocessor Unusable: COP1 (CFC1), LWC1, SDC1 with CU1 = 0; COP2, LWC2 with CU2 = 0. */
    CPU 1, (0x11 << 26) | (2 << 21) | (9 << 16)
    CPU 1, (0x31 << 26) | (8 << 21) | (0 << 16)
    CPU 1, (0x3D << 26) | (8 << 21) | (2 << 16)
    CPU 2, (0x12 << 26) | (0 << 21) | (9 << 16)
    CPU 2, (0x32 << 26) | (8 << 21) | (1 << 16)
    TEST_EXIT

    .section .bss
    .balign 16
buf:    .space 32
