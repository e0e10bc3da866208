/*
 * mmgen: writes a seeded random sequence of user-mode microMIPS32 integer instructions as
 * assembly for the microMIPS differential test (tests/micromips/run.sh): the same body runs
 * under `qemu-mipsel -cpu M14Kc` (tests/diff/linux.c built with DIFF_BODY_MICROMIPS) and in
 * pic32mz-sim (tests/diff/bare.S), and both print their final state (tests/diff/report.c).
 *
 *   mmgen --seed S --insns N [--units K] -o FILE
 *
 * Like tests/diff/diffgen.c, the sequence is a list of units (one instruction, or a few that
 * belong together); --units K writes the first K units only (run.sh bisects with it).  Sizes
 * are forced where it matters with the "16"/"32" suffixes of GNU as, so that every 16-bit form
 * appears: ADDU16, SUBU16, AND16/OR16/XOR16/NOT16, MOVE16, LI16, ANDI16, ADDIUR2, ADDIUS5,
 * ADDIUSP, ADDIUR1SP, SLL16/SRL16, MOVEP, LBU16/LHU16/LW16/SB16/SH16/SW16, LWSP/SWSP, LWGP,
 * LWM16/SWM16, MFHI16/MFLO16, B16/BEQZ16/BNEZ16, JR16/JRC/JALR16/JALRS16, JRADDIUSP; and the
 * 32-bit ones: POOL32A ALU/shift/bit operations, I-type ALU, loads/stores with 16- and 12-bit
 * offsets, LWL/LWR/SWL/SWR, LL/SC, LWP/SWP, LWM32/SWM32, LWXS, ADDIUPC, HI/LO operations,
 * traps, BEQ/BNE/BLEZ/BGTZ/BLTZ/BGEZ, BLTZAL/BGEZAL(S), BEQZC/BNEZC, J/JAL/JALS, JALR/JALRS.
 *
 * Only behaviour MD00582 defines is generated: branches go forward, no branch in a delay slot,
 * the slot has the size the branch requires (32 bits after JAL/JALR/JALR16/BxxAL, 16 after
 * JALS/JALRS/JALRS16/BxxALS); the divisor is non-zero; HI/LO operations come in units that
 * write both before reading them (MUL and MTHI/MTLO leave the other UNPREDICTABLE: MD00582
 * MUL, MTHI); BLTZAL/BGEZAL(S) never use $31, JALR(S) never rd = rs; LWP/LWM never load their
 * base; LL ... SC with register-only instructions in between; every access aligned inside the
 * data area.  Trapping instructions (ADD, SUB, ADDI, T*) are 32-bit and never in a delay slot,
 * so both handlers resume at EPC + 4.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/gen.h"
#include "../diff/layout.h"

#define MAX_DIST 6

static uint32_t value32(void)
{
    static const uint32_t edge[] = {0,           1,           2,           0xFFFFFFFFu,
                                    0x7FFFFFFFu, 0x80000000u, 0x80000001u, 0xFFFFFFFEu,
                                    0x0000FFFFu, 0x00008000u, 0xFFFF8000u, 0x00007FFFu};
    switch (rnd(6)) {
    case 0: return edge[rnd(sizeof(edge) / sizeof(edge[0]))];
    case 1: return (uint32_t)(int32_t)((int)rnd(65) - 32);
    case 2: return DIFF_DATA + rnd(DIFF_DATA_SIZE);
    default: return (uint32_t)rnd64();
    }
}

static int simm16(void)
{
    return chance(30) ? (int)rnd(33) - 16 : (int)rnd(0x10000) - 0x8000;
}

/* Registers: any source, $1..$31 destinations ($0 now and then), the 3-bit sets of the
 * 16-bit encodings (mips-vz.md §7). */
static const unsigned m3set[8] = {16, 17, 2, 3, 4, 5, 6, 7};
static const unsigned st3set[8] = {0, 17, 2, 3, 4, 5, 6, 7};

static unsigned rsrc(void)
{
    return chance(8) ? 0 : 1 + rnd(31);
}

static unsigned rdst(void)
{
    return chance(2) ? 0 : 1 + rnd(31);
}

static unsigned rnz(void)
{
    return 1 + rnd(31);
}

static unsigned m3(void)
{
    return m3set[rnd(8)];
}

/* ------------------------------------------------------------------ unit buffer */

struct unit {
    char *text;
    unsigned insns;
};

static struct unit *units;
static unsigned nunits, cap_units;
static struct gen_text ut;
#define emitf(...) gen_text_printf(&ut, __VA_ARGS__)

#define I(...)                                                                                     \
    do {                                                                                           \
        emitf("    " __VA_ARGS__);                                                                 \
        emitf("\n");                                                                               \
        ut.insns++;                                                                                \
    } while (0)

static void finish_unit(void)
{
    if (nunits == cap_units) {
        cap_units = 2 * cap_units + 64;
        units = gen_realloc(units, cap_units * sizeof(*units));
    }
    units[nunits].insns = ut.insns;
    units[nunits].text = gen_text_take(&ut);
    nunits++;
}

/* ------------------------------------------------------------------ register-only */

/* 16-bit register-only instructions (also the 16-bit delay-slot fillers). */
static void gen16(void)
{
    static const int r2imm[8] = {1, 4, 8, 12, 16, 20, 24, -1};
    static const unsigned aimm[16] = {128, 1,  2,  3,  4,  7,   8,     15,
                                      16,  31, 32, 63, 64, 255, 32768, 65535};
    unsigned d = m3();
    switch (rnd(13)) {
    case 0: I("addu16 $%u, $%u, $%u", d, m3(), m3()); break;
    case 1: I("subu16 $%u, $%u, $%u", d, m3(), m3()); break;
    case 2: I("%s $%u, $%u", (const char *[]){"and16", "or16", "xor16"}[rnd(3)], d, m3()); break;
    case 3: I("not16 $%u, $%u", d, m3()); break;
    case 4: I("move16 $%u, $%u", rdst(), rsrc()); break;
    case 5: I("li16 $%u, %d", d, (int)rnd(128) - 1); break;
    case 6: I("andi16 $%u, $%u, %u", d, m3(), aimm[rnd(16)]); break;
    case 7: I("addiur2 $%u, $%u, %d", d, m3(), r2imm[rnd(8)]); break;
    case 8: I("addius5 $%u, %d", rnz(), (int)rnd(16) - 8); break;
    case 9: I("%s $%u, $%u, %u", rnd(2) ? "sll16" : "srl16", d, m3(), 1 + rnd(8)); break;
    case 10: I("addiur1sp $%u, %u", d, 4 * rnd(64)); break;
    case 11: { /* ADDIUSP: -258..-3 and 2..257 words */
        int k = (int)rnd(512) - 258;
        if (k > -3 && k < 2)
            k = 2;
        I("addiusp %d", 4 * k);
        break;
    }
    default: { /* MOVEP: destination pairs and source registers of MD00582 MOVEP */
        static const char *const pair[8] = {"$5, $6",  "$5, $7", "$6, $7", "$4, $21",
                                            "$4, $22", "$4, $5", "$4, $6", "$4, $7"};
        static const unsigned src[8] = {0, 17, 2, 3, 16, 18, 19, 20};
        I("movep %s, $%u, $%u", pair[rnd(8)], src[rnd(8)], src[rnd(8)]);
        break;
    }
    }
}

/* 32-bit-only register instructions (the 32-bit delay-slot fillers, in_slot). */
static void gen32(bool in_slot)
{
    unsigned pos, size;
    switch (rnd(16)) {
    case 0:
    case 1: {
        static const char *const op[] = {"addu32", "subu32", "and32", "or32", "xor32", "nor",
                                         "slt",    "sltu",   "movn",  "movz", "mul"};
        I("%s $%u, $%u, $%u", op[rnd(11)], rdst(), rsrc(), rsrc());
        break;
    }
    case 2: {
        static const char *const op[] = {"sllv", "srlv", "srav", "rotrv"};
        I("%s $%u, $%u, $%u", op[rnd(4)], rdst(), rsrc(), rsrc());
        break;
    }
    case 3: I("addiu32 $%u, $%u, %d", rdst(), rsrc(), simm16()); break;
    case 4: I("slti $%u, $%u, %d", rdst(), rsrc(), simm16()); break;
    case 5: I("sltiu $%u, $%u, %d", rdst(), rsrc(), simm16()); break;
    case 6: I("andi32 $%u, $%u, 0x%x", rdst(), rsrc(), rnd(0x10000)); break;
    case 7: I("ori $%u, $%u, 0x%x", rdst(), rsrc(), rnd(0x10000)); break;
    case 8: I("xori $%u, $%u, 0x%x", rdst(), rsrc(), rnd(0x10000)); break;
    case 9: I("lui $%u, 0x%x", rdst(), rnd(0x10000)); break;
    case 10: {
        static const char *const op[] = {"sll32", "srl32", "sra", "rotr"};
        I("%s $%u, $%u, %u", op[rnd(4)], rnz(), rsrc(), rnd(32));
        break;
    }
    case 11: {
        static const char *const op[] = {"clz", "clo", "seb", "seh", "wsbh"};
        I("%s $%u, $%u", op[rnd(5)], rdst(), rsrc());
        break;
    }
    case 12:
        pos = rnd(32);
        size = 1 + rnd(32 - pos);
        I("%s $%u, $%u, %u, %u", rnd(2) ? "ext" : "ins", rdst(), rsrc(), pos, size);
        break;
    case 13:
        /* QEMU deviation (found here): in a delay slot QEMU bases ADDIUPC on the branch's
         * address (the MIPS16e rule); microMIPS ADDIUPC uses its own address (MD00582
         * ADDIUPC; M. Rozycki, binutils list 2011-08, "not the case with the microMIPS
         * ADDIUPC instruction"), as the simulator does.  Not generated in slots. */
        if (!in_slot) {
            I("addiupc $%u, %d", m3(), 4 * ((int)rnd(2048) - 1024));
            break;
        }
        I("addu32 $%u, $%u, $%u", rdst(), rsrc(), rsrc());
        break;
    default: I("addu32 $%u, $%u, $%u", rdst(), rsrc(), rsrc()); break;
    }
}

static void gen_reg(void)
{
    if (chance(50))
        gen16();
    else
        gen32(false);
}

/* ------------------------------------------------------------------ memory */

/* base register = DIFF_DATA + a - off for a given displacement `off` */
static void set_base(unsigned b, uint32_t a, int off)
{
    I("addiu32 $%u, $0, %d", b, (int)(DIFF_DATA + a) - off);
}

static void gen_mem(void)
{
    switch (rnd(12)) {
    case 0: { /* 32-bit loads/stores, 16-bit offset from $0 or a base */
        static const struct {
            const char *op;
            unsigned size;
            bool store;
        } m[] = {{"lb", 1, 0},   {"lbu32", 1, 0}, {"lh", 2, 0},   {"lhu32", 2, 0},
                 {"lw32", 4, 0}, {"sb32", 1, 1},  {"sh32", 2, 1}, {"sw32", 4, 1}};
        unsigned k = rnd(8);
        uint32_t a = rnd(DIFF_DATA_SIZE) & ~(m[k].size - 1);
        unsigned rt = m[k].store ? rsrc() : rdst();
        if (chance(40)) {
            I("%s $%u, %u($0)", m[k].op, rt, DIFF_DATA + a);
        } else {
            unsigned b = rnz();
            int off = ((int)rnd(40000) - 20000) & ~3; /* the base stays a 16-bit immediate */
            set_base(b, a, off);
            I("%s $%u, %d($%u)", m[k].op, rt, off, b);
        }
        break;
    }
    case 1:
    case 2: { /* 16-bit loads/stores */
        static const struct {
            const char *op;
            unsigned size;
            bool store;
        } m[] = {{"lbu16", 1, 0}, {"lhu16", 2, 0}, {"lw16", 4, 0},
                 {"sb16", 1, 1},  {"sh16", 2, 1},  {"sw16", 4, 1}};
        unsigned k = rnd(6), b = m3();
        int off = (int)(rnd(16) * m[k].size);
        if (k == 0)
            off = (int)rnd(16) - 1; /* LBU16: -1..14 */
        uint32_t a = (rnd(DIFF_DATA_SIZE - 64) + 32) & ~(m[k].size - 1);
        set_base(b, a, off);
        I("%s $%u, %d($%u)", m[k].op, m[k].store ? st3set[rnd(8)] : m3(), off, b);
        break;
    }
    case 3: { /* LWSP/SWSP and LWGP */
        unsigned off = 4 * rnd(32);
        uint32_t a = rnd(DIFF_DATA_SIZE - 128) & ~3u;
        if (chance(65)) {
            set_base(29, a, (int)off);
            I("%s $%u, %u($sp)", rnd(2) ? "lw16" : "sw16", rnz(), off);
        } else {
            int goff = 4 * ((int)rnd(128) - 64);
            set_base(28, (rnd(DIFF_DATA_SIZE - 512) + 256) & ~3u, goff);
            I("lw16 $%u, %d($gp)", m3(), goff);
        }
        break;
    }
    case 4: { /* LWL/LWR/SWL/SWR: 12-bit offset */
        static const char *const op[] = {"lwl", "lwr", "swl", "swr"};
        unsigned b = rnz(), k = rnd(4);
        int off = (int)rnd(4096) - 2048;
        uint32_t a = rnd(DIFF_DATA_SIZE - 3);
        set_base(b, a, off);
        I("%s $%u, %d($%u)", op[k], k >= 2 ? rsrc() : rdst(), off, b);
        break;
    }
    case 5: { /* LWP/SWP */
        unsigned b = rnz(), rd = 1 + rnd(30);
        bool store = chance(50);
        while (!store && (b == rd || b == rd + 1))
            b = rnz();
        int off = 4 * ((int)rnd(1024) - 512);
        set_base(b, rnd(DIFF_DATA_SIZE / 4 - 2) * 4, off);
        I("%s $%u, %d($%u)", store ? "swp" : "lwp", rd, off, b);
        break;
    }
    case 6:
    case 7: { /* LWM32/SWM32 and the 16-bit forms (base $sp) */
        static const char *const list[] = {"$16",     "$16-$17", "$16-$18",
                                           "$16-$19", "$16-$20", "$16-$21",
                                           "$16-$22", "$16-$23", "$16-$23, $30"};
        bool store = false; /* SWM: the QEMU deviation below */
        if (chance(30)) {
            /* QEMU deviation (found here): qemu-mipsel -cpu M14Kc's SWM16 and SWM32 store
             * only the low halfword of each register (MD00582 SWM: words), so only LWM is
             * compared; tests/micromips/t_ldst.S checks SWM against the manual. */
            unsigned off = 4 * rnd(16);
            set_base(29, rnd(DIFF_DATA_SIZE / 4 - 24) * 4, (int)off);
            I("lwm16 %s, $31, %u($sp)", list[rnd(4)], off);
            break;
        }
        unsigned n = rnd(9), b;
        bool ra = chance(50);
        do
            b = rnz();
        while (!store && ((b >= 16 && b < 17 + n) || (n == 8 && b == 30) || (ra && b == 31)));
        int off = 4 * ((int)rnd(1024) - 512);
        set_base(b, rnd(DIFF_DATA_SIZE / 4 - 12) * 4, off);
        I("%s %s%s, %d($%u)", store ? "swm32" : "lwm32", list[n], ra ? ", $31" : "", off, b);
        break;
    }
    case 8: { /* LWXS rd, index(base) */
        unsigned b = rnz(), x = rnz();
        while (x == b)
            x = rnz();
        unsigned k = rnd(64);
        I("addiu32 $%u, $0, %u", x, k);
        I("addiu32 $%u, $0, %u", b, DIFF_DATA + 4 * rnd(DIFF_DATA_SIZE / 4 - 64));
        I("lwxs $%u, $%u($%u)", rdst(), x, b);
        break;
    }
    case 9: { /* PREF (12-bit offset): a hint */
        unsigned b = rnz();
        set_base(b, rnd(DIFF_DATA_SIZE), 0);
        I("pref %u, 0($%u)", (const unsigned[]){0, 1, 4, 5, 6, 7}[rnd(6)], b);
        break;
    }
    default: { /* LL ... SC */
        unsigned b = rnz(), rt = rnz();
        while (rt == b)
            rt = rnz();
        int off = 4 * ((int)rnd(512) - 256);
        set_base(b, rnd(DIFF_DATA_SIZE / 4) * 4, off);
        I("ll $%u, %d($%u)", rt, off, b);
        for (unsigned n = rnd(3); n; n--) {
            unsigned d = rnz();
            while (d == b || d == 29) /* ADDIUSP/ADDIUR1SP are not generated here */
                d = rnz();
            I("addu32 $%u, $%u, $%u", d, rsrc(), rsrc());
        }
        I("sc $%u, %d($%u)", rsrc(), off, b);
        break;
    }
    }
}

/* ------------------------------------------------------------------ HI/LO and traps */

static void unit_hilo(void)
{
    unsigned s = rsrc(), t = rsrc();
    switch (rnd(4)) {
    case 0: I("%s $%u, $%u", rnd(2) ? "mult" : "multu", s, t); break;
    case 1: {
        unsigned d = rnz();
        I("ori $%u, $%u, 0x%x", d, rsrc(), 1 + rnd(0xFFFF));
        I("%s $0, $%u, $%u", rnd(2) ? "div" : "divu", s == d ? 0 : s, d);
        break;
    }
    default: {
        static const char *const op[] = {"madd", "maddu", "msub", "msubu"};
        I("mthi $%u", rsrc());
        I("mtlo $%u", rsrc());
        I("%s $%u, $%u", op[rnd(4)], s, t);
        break;
    }
    }
    I("mfhi $%u", rdst()); /* MFHI16/MFLO16 when the assembler can */
    I("mflo $%u", rdst());
}

static uint32_t near_limit(void)
{
    switch (rnd(3)) {
    case 0: return 0x7FFFFFFFu - rnd(0x10000);
    case 1: return 0x80000000u + rnd(0x10000);
    default: return (uint32_t)rnd64();
    }
}

static void set_value(unsigned rd, uint32_t v)
{
    I("lui $%u, 0x%x", rd, v >> 16);
    I("ori $%u, $%u, 0x%x", rd, rd, v & 0xFFFF);
}

static void unit_trap(void)
{
    static const char *const tr[] = {"teq", "tne", "tge", "tgeu", "tlt", "tltu"};
    static const char *const ti[] = {"teqi", "tnei", "tgei", "tgeiu", "tlti", "tltiu"};
    unsigned s = rsrc(), t = chance(20) ? s : rsrc(), k = rnd(4);
    if (k < 2 && s && chance(60))
        set_value(s, near_limit());
    if (k == 0 && t && t != s && chance(60))
        set_value(t, near_limit());
    switch (k) {
    case 0: I("%s $%u, $%u, $%u", rnd(2) ? "add" : "sub", rdst(), s, t); break;
    case 1: I("addi $%u, $%u, %d", rdst(), s, simm16()); break;
    case 2: I("%s $%u, $%u, %u", tr[rnd(6)], s, t, rnd(16)); break;
    default: I("%s $%u, %d", ti[rnd(6)], s, simm16()); break;
    }
}

/* ------------------------------------------------------------------ branches */

/* rx = address of unit `target` (bit 0 set by the linker: microMIPS code). */
static void label_addr(unsigned rx, unsigned target)
{
    I("lui $%u, %%hi(.Lu%u)", rx, target);
    I("addiu32 $%u, $%u, %%lo(.Lu%u)", rx, rx, target);
}

static unsigned not31(void)
{
    unsigned r;
    do
        r = rsrc();
    while (r == 31);
    return r;
}

static void slot(unsigned size) /* 0 = any */
{
    if (size == 16 || (size == 0 && chance(50)))
        gen16();
    else
        gen32(true);
}

static void unit_branch(unsigned self)
{
    unsigned target = self + 1 + (chance(50) ? rnd(2) : rnd(MAX_DIST));
    unsigned s = rsrc(), t = chance(15) ? s : rsrc(), rx, rd;
    switch (rnd(16)) {
    case 0:
        I("%s $%u, $%u, .Lu%u", rnd(2) ? "beq" : "bne", s, t, target);
        slot(0);
        break;
    case 1:
        I("%s $%u, .Lu%u", (const char *[]){"blez", "bgtz", "bltz", "bgez"}[rnd(4)], s, target);
        slot(0);
        break;
    case 2:
        I("%s $%u, .Lu%u", rnd(2) ? "bltzal" : "bgezal", not31(), target);
        slot(32);
        break;
    case 3:
        I("%s $%u, .Lu%u", rnd(2) ? "bltzals" : "bgezals", not31(), target);
        slot(16);
        break;
    case 4: I("%s $%u, .Lu%u", rnd(2) ? "beqzc" : "bnezc", s, target); break;
    case 5:
        I("%s $%u, .Lu%u", rnd(2) ? "beqz16" : "bnez16", m3(), target);
        slot(0);
        break;
    case 6:
        I("b16 .Lu%u", target);
        slot(0);
        break;
    case 7:
        I("j .Lu%u", target);
        slot(0);
        break;
    case 8:
        I("jal .Lu%u", target);
        slot(32);
        break;
    case 9:
        I("jals .Lu%u", target);
        slot(16);
        break;
    case 10: {
        bool compact = chance(50);
        rx = rnz();
        label_addr(rx, target);
        I("%s $%u", compact ? "jrc" : "jr16", rx);
        if (!compact)
            slot(0);
        break;
    }
    case 11: {
        bool s16 = chance(50);
        do /* the link register is $31: rs = rd is UNPREDICTABLE (MD00582 JALR16) */
            rx = rnz();
        while (rx == 31);
        label_addr(rx, target);
        I("%s $%u", s16 ? "jalrs16" : "jalr16", rx);
        slot(s16 ? 16 : 32);
        break;
    }
    case 12:
    case 13: {
        rx = rnz();
        do
            rd = rnz();
        while (rd == rx);
        label_addr(rx, target);
        bool s16 = chance(50);
        I("%s%s $%u, $%u", s16 ? "jalrs" : "jalr", chance(20) ? ".hb" : "", rd, rx);
        slot(s16 ? 16 : 32);
        break;
    }
    case 14: /* JRADDIUSP: to $31, sp += imm */
        label_addr(31, target);
        I("jraddiusp %u", 4 * rnd(32));
        break;
    default:
        I("beq $0, $0, .Lu%u", target);
        slot(0);
        break;
    }
}

static void gen_unit(unsigned self)
{
    emitf("    # unit %u\n", self);
    unsigned k = rnd(100);
    if (k < 4)
        set_value(rnz(), value32());
    else if (k < 40)
        gen_reg();
    else if (k < 62)
        gen_mem();
    else if (k < 70)
        unit_hilo();
    else if (k < 80)
        unit_trap();
    else
        unit_branch(self);
    finish_unit();
}

/* ------------------------------------------------------------------ output */

static void write_program(FILE *f, unsigned k, const uint32_t *init, const uint32_t *data)
{
    fprintf(f, "/* generated by mmgen; do not edit */\n"
               "    .set micromips\n    .set noreorder\n    .set noat\n    .set nomacro\n"
               "    .section .diff.area, \"aw\", @progbits\n");
    for (unsigned i = 0; i < DIFF_DATA_SIZE / 4; i++)
        fprintf(f, "    .word 0x%08x\n", data[i]);
    fprintf(f, "    .section .text.body, \"ax\", @progbits\n"
               "    .globl diff_body\n    .type diff_body, @function\ndiff_body:\n");
    gen_write_preload(f, init);
    for (unsigned i = 0; i < k; i++)
        fprintf(f, ".Lu%u:\n%s", i, units[i].text);
    fprintf(f, "    .balign 4\n"); /* before the labels: they must label the JALX */
    for (unsigned i = k; i <= k + MAX_DIST + 1; i++)
        fprintf(f, ".Lu%u:\n", i);
    /* QEMU deviation (found here): qemu-mipsel -cpu M14Kc sends a microMIPS JALX at an address
     * that is 2 mod 4 to a wrong target (AdEL at 0x1); the simulator follows MD00582 JALX
     * either way.  The final JALX is word-aligned (NOP16 padding). */
    fprintf(f, "    jalx diff_epilogue\n    nop32\n");
}

int main(int argc, char **argv)
{
    gen_prog = "mmgen";
    unsigned long seed = 1, want = 1000, keep = ~0ul;
    const char *out = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--seed"))
            seed = gen_num(argv[i + 1], "seed");
        else if (!strcmp(argv[i], "--insns"))
            want = gen_num(argv[i + 1], "instruction count");
        else if (!strcmp(argv[i], "--units"))
            keep = gen_num(argv[i + 1], "unit count");
        else if (!strcmp(argv[i], "-o"))
            out = argv[i + 1];
        else
            out = NULL, i = argc;
    }
    if (!out || argc % 2 == 0) {
        fprintf(stderr, "usage: mmgen --seed S --insns N [--units K] -o FILE\n");
        return 2;
    }
    if (want > 30000) {
        fprintf(stderr, "mmgen: at most 30000 instructions per program (layout.h text size)\n");
        return 2;
    }
    gen_seed(seed, 7);
    uint32_t init[34], data[DIFF_DATA_SIZE / 4];
    for (unsigned i = 0; i < 34; i++)
        init[i] = value32();
    for (unsigned i = 0; i < DIFF_DATA_SIZE / 4; i++)
        data[i] = chance(30) ? value32() : (uint32_t)rnd64();
    unsigned total = 0;
    while (total < want) {
        gen_unit(nunits);
        total += units[nunits - 1].insns;
    }
    unsigned k = keep < nunits ? (unsigned)keep : nunits, insns = 0;
    for (unsigned i = 0; i < k; i++)
        insns += units[i].insns;
    FILE *f = gen_create(out);
    write_program(f, k, init, data);
    gen_commit(f, out);
    printf("units %u insns %u\n", k, insns);
    return 0;
}
