/*
 * diffgen: writes a seeded random sequence of user-mode MIPS32 Release 5 integer instructions
 * as assembly (body.S) for the differential test (tests/diff/run.sh): the same program runs
 * under qemu-mipsel (linux.c) and in pic32mz-sim (bare.S), and both print their final state.
 *
 *   diffgen --seed S --insns N [--units K] [--show U] -o FILE
 *
 * The sequence is a list of units (one instruction, or a few that belong together: a branch
 * with its set-up and delay slot, LL ... SC, an address set-up and its access).  --units K
 * writes only the first K units of the same sequence (run.sh bisects a mismatch with it);
 * --show U prints unit U.  On stdout: "units M insns N".
 *
 * Only behaviour the MIPS documents define is generated (MIPS32 Instruction Set MD00086,
 * per instruction page):
 *   - branches go forward only, no branch in a delay slot.  A trapping instruction in a delay
 *     slot is reported with EPC = the branch and Cause.BD = 1 (MD00090 §6.2.1); both
 *     handlers then resume after the slot (EPC + 8), i.e. the branch counts as not taken;
 *   - DIV/DIVU: the divisor is made non-zero first (division by zero is UNPREDICTABLE);
 *   - HI/LO: after MUL both are UNPREDICTABLE (MD00086 MUL, pre-Release 6); an MTHI (MTLO)
 *     after MULT/MULTU/DIV/DIVU/MADD/MSUB with no MFHI/MFLO in between makes LO (HI)
 *     UNPREDICTABLE (MD00086 MTHI, MTLO).  The generator tracks which of HI and LO are
 *     defined along every path and never reads an undefined one;
 *   - EXT/INS fields in range; CLZ/CLO with rt = rd (the assembler does that);
 *   - BLTZAL/BGEZAL(L) never use $31 as rs; JALR never has rd = rs;
 *   - LL/SC: same address, nothing but register-only instructions in between (a load, store
 *     or exception there leaves the SC outcome unpredictable, MD00086 SC);
 *   - every access inside the data area, aligned when the instruction requires it.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/gen.h"
#include "layout.h"

#define MAX_DIST 6 /* a branch skips at most this many units */

/* ------------------------------------------------------------------ random values */

/* A 32-bit value with the corner cases over-represented. */
static uint32_t value32(void)
{
    static const uint32_t edge[] = {0,           1,           2,           0xFFFFFFFFu, 0x7FFFFFFFu,
                                    0x80000000u, 0x80000001u, 0xFFFFFFFEu, 0x0000FFFFu, 0x00008000u,
                                    0xFFFF8000u, 0x00007FFFu, 0x7FFF8000u, 0x01234567u};
    switch (rnd(6)) {
    case 0: return edge[rnd(sizeof(edge) / sizeof(edge[0]))];
    case 1: return (uint32_t)(int32_t)(int)(rnd(65) - 32);
    case 2: return DIFF_DATA + rnd(DIFF_DATA_SIZE);
    default: return (uint32_t)rnd64();
    }
}

static int32_t simm16(void)
{
    static const int32_t edge[] = {0, 1, -1, 0x7FFF, -0x8000, 0x7FFE, -0x7FFF, 0x100, -0x100};
    switch (rnd(4)) {
    case 0: return edge[rnd(sizeof(edge) / sizeof(edge[0]))];
    case 1: return (int32_t)rnd(33) - 16;
    default: return (int32_t)rnd(0x10000) - 0x8000;
    }
}

static uint32_t uimm16(void)
{
    return (uint32_t)simm16() & 0xFFFF;
}

/* Source register: any, $0 now and then.  Destination: $1..$31, rarely $0. */
static unsigned rsrc(void)
{
    return chance(8) ? 0 : 1 + rnd(31);
}

static unsigned rdst(void)
{
    return chance(2) ? 0 : 1 + rnd(31);
}

static unsigned rnz(void) /* $1..$31 */
{
    return 1 + rnd(31);
}

/* ------------------------------------------------------------------ HI/LO tracking */

struct hilo {
    bool hi, lo;  /* defined */
    bool pending; /* a MULT/DIV-class result not yet read by MFHI/MFLO */
    bool top;     /* no path reaches here yet (identity of merge) */
};

static struct hilo merge(struct hilo a, struct hilo b)
{
    if (a.top)
        return b;
    if (b.top)
        return a;
    return (struct hilo){a.hi && b.hi, a.lo && b.lo, a.pending || b.pending, false};
}

/* ------------------------------------------------------------------ units */

struct unit {
    char *text;
    unsigned insns;
    int target;        /* unit index a branch may go to, or -1 */
    struct hilo taken; /* state on the taken edge */
    struct hilo after; /* state on the fall-through edge */
};

static struct unit *units;
static unsigned nunits, cap_units;
static struct hilo *incoming; /* per unit index: merged taken edges so far */
static unsigned cap_incoming;

/* The unit being built. */
static struct gen_text ut;
#define emitf(...) gen_text_printf(&ut, __VA_ARGS__)
static struct hilo st;
static struct hilo st_before_insn; /* st when the last instruction line was written */

/* One instruction line. */
#define I(...)                                                                                     \
    do {                                                                                           \
        st_before_insn = st;                                                                       \
        emitf("    " __VA_ARGS__);                                                                 \
        emitf("\n");                                                                               \
        ut.insns++;                                                                                \
    } while (0)

static void grow_incoming(unsigned n)
{
    if (n < cap_incoming)
        return;
    unsigned old = cap_incoming;
    cap_incoming = 2 * n + 64;
    incoming = gen_realloc(incoming, cap_incoming * sizeof(*incoming));
    for (unsigned i = old; i < cap_incoming; i++)
        incoming[i] = (struct hilo){.top = true};
}

static void finish_unit(int target, struct hilo taken)
{
    if (nunits == cap_units) {
        cap_units = 2 * cap_units + 64;
        units = gen_realloc(units, cap_units * sizeof(*units));
    }
    unsigned insns = ut.insns;
    units[nunits] = (struct unit){gen_text_take(&ut), insns, target, taken, st};
    if (target >= 0) {
        grow_incoming((unsigned)target);
        incoming[target] = merge(incoming[target], taken);
    }
    nunits++;
}

/* ------------------------------------------------------------------ HI/LO instructions */

/* Makes HI and/or LO defined before an instruction reads them (MFHI, MFLO, MADD...). */
static void need_hilo(bool hi, bool lo)
{
    if ((!hi || st.hi) && (!lo || st.lo))
        return;
    if (st.pending) {
        /* Read first, so that the MTHI/MTLO below cannot make the other one UNPREDICTABLE.
         * $0 as destination: a value that may be UNPREDICTABLE on some path is dropped. */
        I("mfhi $0");
        st.pending = false;
    }
    if (hi && !st.hi)
        I("mthi $%u", rsrc());
    if (lo && !st.lo)
        I("mtlo $%u", rsrc());
    st.hi = st.hi || hi;
    st.lo = st.lo || lo;
}

static void pair_written(void)
{
    st.hi = st.lo = true;
    st.pending = true;
}

/* ------------------------------------------------------------------ simple instructions */

/* Registers the prefix of a delay-slot instruction relies on: the branch (its set-up and its
 * link) must not overwrite them between prefix and slot. */
static uint32_t prefix_regs;

static void gen_alu3(void)
{
    static const char *const op[] = {"addu", "subu", "and",  "or",    "xor",  "nor",  "slt", "sltu",
                                     "sllv", "srlv", "srav", "rotrv", "movn", "movz", "mul"};
    unsigned k = rnd(sizeof(op) / sizeof(op[0]));
    unsigned rs = rsrc(), rt = chance(10) ? rs : rsrc();
    if (k >= 8 && k <= 11) /* variable shifts: rd, rt, rs */
        I("%s $%u, $%u, $%u", op[k], rdst(), rt, rs);
    else
        I("%s $%u, $%u, $%u", op[k], rdst(), rs, rt);
    if (!strcmp(op[k], "mul"))
        st.hi = st.lo = st.pending = false; /* MD00086 MUL: HI, LO UNPREDICTABLE */
}

static void gen_alui(void)
{
    switch (rnd(7)) {
    case 0: I("addiu $%u, $%u, %d", rdst(), rsrc(), simm16()); break;
    case 1: I("slti $%u, $%u, %d", rdst(), rsrc(), simm16()); break;
    case 2: I("sltiu $%u, $%u, %d", rdst(), rsrc(), simm16()); break;
    case 3: I("andi $%u, $%u, 0x%x", rdst(), rsrc(), uimm16()); break;
    case 4: I("ori $%u, $%u, 0x%x", rdst(), rsrc(), uimm16()); break;
    case 5: I("xori $%u, $%u, 0x%x", rdst(), rsrc(), uimm16()); break;
    default: I("lui $%u, 0x%x", rdst(), uimm16()); break;
    }
}

static void gen_shift(void)
{
    static const char *const op[] = {"sll", "srl", "sra", "rotr"};
    /* rd = $0 with sll is NOP/SSNOP/EHB/PAUSE: keep shifts to real destinations. */
    I("%s $%u, $%u, %u", op[rnd(4)], rnz(), rsrc(), rnd(32));
}

static void gen_bits(void)
{
    unsigned pos, size;
    switch (rnd(7)) {
    case 0: I("clz $%u, $%u", rdst(), rsrc()); break;
    case 1: I("clo $%u, $%u", rdst(), rsrc()); break;
    case 2: I("seb $%u, $%u", rdst(), rsrc()); break;
    case 3: I("seh $%u, $%u", rdst(), rsrc()); break;
    case 4: I("wsbh $%u, $%u", rdst(), rsrc()); break;
    case 5: /* EXT: pos + size <= 32 (MD00086 EXT) */
        pos = rnd(32);
        size = 1 + rnd(32 - pos);
        I("ext $%u, $%u, %u, %u", rdst(), rsrc(), pos, size);
        break;
    default: /* INS: pos + size <= 32 (MD00086 INS) */
        pos = rnd(32);
        size = 1 + rnd(32 - pos);
        I("ins $%u, $%u, %u, %u", rdst(), rsrc(), pos, size);
        break;
    }
}

static void gen_hilo(void)
{
    unsigned rs = rsrc(), rt = rsrc(), d;
    switch (rnd(11)) {
    case 0:
        I("mult $%u, $%u", rs, rt);
        pair_written();
        break;
    case 1:
        I("multu $%u, $%u", rs, rt);
        pair_written();
        break;
    case 2:
    case 3: /* the divisor made non-zero: ORI with a non-zero immediate */
        d = rnz();
        if (chance(10) && rs != d) { /* INT32_MIN / -1: defined, no exception (MD00086 DIV) */
            if (rs) {
                I("lui $%u, 0x8000", rs);
                prefix_regs |= 1u << rs;
            }
            I("addiu $%u, $0, -1", d);
        } else {
            I("ori $%u, $%u, 0x%x", d, rsrc(), 1 + rnd(0xFFFF));
        }
        prefix_regs |= 1u << d;
        I("%s $%u, $%u", rnd(2) ? "div $0," : "divu $0,", rs, d);
        pair_written();
        break;
    case 4: {
        static const char *const op[] = {"madd", "maddu", "msub", "msubu"};
        need_hilo(true, true);
        I("%s $%u, $%u", op[rnd(4)], rs, rt);
        pair_written();
        break;
    }
    case 5:
    case 6:
        need_hilo(true, false);
        I("mfhi $%u", rdst());
        st.pending = false;
        break;
    case 7:
    case 8:
        need_hilo(false, true);
        I("mflo $%u", rdst());
        st.pending = false;
        break;
    case 9:
        I("mthi $%u", rs);
        st.hi = true;
        if (st.pending)
            st.lo = false;
        break;
    default:
        I("mtlo $%u", rs);
        st.lo = true;
        if (st.pending)
            st.hi = false;
        break;
    }
}

/* An operand "off($base)" addressing DIFF_DATA + a; may emit a base set-up first. */
static void address(char *out, size_t n, uint32_t a, unsigned *base)
{
    uint32_t ea = DIFF_DATA + a;
    if (chance(35)) {
        snprintf(out, n, "%u($0)", ea);
        *base = 0;
        return;
    }
    /* base + offset = ea, with the base anywhere in 0..0x7FFF so the offset has both signs */
    uint32_t bv = chance(50) ? (uint32_t)rnd(0x8000) : ea - 256 + rnd(512);
    unsigned rb = rnz();
    I("addiu $%u, $0, %u", rb, bv);
    prefix_regs |= 1u << rb;
    snprintf(out, n, "%d($%u)", (int)ea - (int)bv, rb);
    *base = rb;
}

static void gen_mem(void)
{
    static const struct {
        const char *op;
        unsigned size; /* alignment required */
        bool store;
    } m[] = {{"lb", 1, false},  {"lbu", 1, false}, {"lh", 2, false}, {"lhu", 2, false},
             {"lw", 4, false},  {"sb", 1, true},   {"sh", 2, true},  {"sw", 4, true},
             {"lwl", 1, false}, {"lwr", 1, false}, {"swl", 1, true}, {"swr", 1, true}};
    unsigned k = rnd(sizeof(m) / sizeof(m[0]));
    /* a <= size - 4: the whole aligned word of LWL/LWR/SWL/SWR lies in the area too */
    uint32_t a = rnd(DIFF_DATA_SIZE - 3) & ~(m[k].size - 1);
    char op[32];
    unsigned base;
    address(op, sizeof(op), a, &base);
    I("%s $%u, %s", m[k].op, m[k].store ? rsrc() : rdst(), op);
}

/* Instructions without architectural effect on registers or memory: NOP, SSNOP, EHB, SYNC,
 * and PREF with the load/store/streamed hints (MD00086 PREF: never an exception, never a
 * change of architectural state) on an address in the data area. */
static void gen_hint(void)
{
    static const char *const op[] = {"nop", "ssnop", "ehb", "sync"};
    static const unsigned hint[] = {0, 1, 4, 5, 6, 7};
    if (chance(50)) {
        I("%s", op[rnd(4)]);
        return;
    }
    char a[32];
    unsigned base;
    address(a, sizeof(a), rnd(DIFF_DATA_SIZE), &base);
    I("pref %u, %s", hint[rnd(6)], a);
}

/* A simple instruction: anything allowed in a delay slot. */
static void gen_simple(void)
{
    unsigned k = rnd(100);
    if (k < 30)
        gen_alu3();
    else if (k < 45)
        gen_alui();
    else if (k < 55)
        gen_shift();
    else if (k < 65)
        gen_bits();
    else if (k < 80)
        gen_hilo();
    else if (k < 98)
        gen_mem();
    else
        gen_hint();
}

static void gen_regonly(unsigned avoid) /* no memory, no HI/LO; never writes $avoid */
{
    for (;;) {
        size_t l = ut.len;
        unsigned n = ut.insns;
        struct hilo saved = st;
        switch (rnd(4)) {
        case 0: gen_alu3(); break;
        case 1: gen_alui(); break;
        case 2: gen_shift(); break;
        default: gen_bits(); break;
        }
        /* Reject a MUL (it changes the HI/LO state) or a write to $avoid, and retry. */
        char *line = ut.buf + l;
        unsigned rd = 99;
        char mn[16];
        if (sscanf(line, " %15s $%u", mn, &rd) == 2 && rd != avoid && strcmp(mn, "mul"))
            return;
        ut.len = l;
        ut.buf[l] = 0;
        ut.insns = n;
        st = saved;
    }
}

/* ------------------------------------------------------------------ units */

/* rd = a 32-bit value (register contents drift towards small numbers without this). */
static void set_value(unsigned rd, uint32_t v)
{
    prefix_regs |= 1u << rd;
    I("lui $%u, 0x%x", rd, v >> 16);
    I("ori $%u, $%u, 0x%x", rd, rd, v & 0xFFFF);
}

static void set_const(unsigned rd)
{
    set_value(rd, value32());
}

/* A value within 64 K of INT32_MAX or INT32_MIN, or with bit 31 random. */
static uint32_t near_limit(void)
{
    switch (rnd(3)) {
    case 0: return 0x7FFFFFFFu - rnd(0x10000);
    case 1: return 0x80000000u + rnd(0x10000);
    default: return (uint32_t)rnd64();
    }
}

static void unit_trap(void)
{
    static const char *const r3[] = {"add", "sub"};
    static const char *const tr[] = {"teq", "tne", "tge", "tgeu", "tlt", "tltu"};
    static const char *const ti[] = {"teqi", "tnei", "tgei", "tgeiu", "tlti", "tltiu"};
    unsigned rs = rsrc(), rt = chance(20) ? rs : rsrc();
    unsigned k = rnd(4);
    if (k < 2 && rs && chance(60)) /* large operands, so that overflow happens often */
        set_value(rs, near_limit());
    if (k == 0 && rt && rt != rs && chance(60))
        set_value(rt, near_limit());
    switch (k) {
    case 0: I("%s $%u, $%u, $%u", r3[rnd(2)], rdst(), rs, rt); break;
    case 1: I("addi $%u, $%u, %d", rdst(), rs, simm16()); break;
    case 2: {
        /* the code field is the kernel's business: 6 and 7 mean overflow/divide (SIGFPE) */
        unsigned code = chance(70) ? 0 : rnd(1024);
        if (code == 6 || code == 7)
            code = 0;
        I("%s $%u, $%u, %u", tr[rnd(6)], rs, rt, code);
        break;
    }
    default: I("%s $%u, %d", ti[rnd(6)], rs, simm16()); break;
    }
}

static void unit_llsc(void)
{
    uint32_t a = rnd(DIFF_DATA_SIZE / 4) * 4;
    char op[32];
    unsigned base;
    address(op, sizeof(op), a, &base);
    unsigned rt = rdst();
    while (base && rt == base)
        rt = rdst();
    I("ll $%u, %s", rt, op);
    for (unsigned n = rnd(3); n; n--)
        gen_regonly(base ? base : 99);
    I("sc $%u, %s", rsrc(), op);
}

/* The classic unaligned pairs: LWR/LWL and SWR/SWL of one word (base != rt). */
static void unit_unaligned_pair(void)
{
    uint32_t a = rnd(DIFF_DATA_SIZE - 3);
    char op[32], op3[32];
    unsigned base;
    address(op, sizeof(op), a, &base);
    int off;
    unsigned b2;
    if (sscanf(op, "%d($%u)", &off, &b2) != 2)
        abort();
    snprintf(op3, sizeof(op3), "%d($%u)", off + 3, b2);
    bool store = chance(50);
    unsigned rt = store ? rsrc() : rdst();
    while (base && rt == base)
        rt = store ? rsrc() : rdst();
    I("%s $%u, %s", store ? "swr" : "lwr", rt, op);
    I("%s $%u, %s", store ? "swl" : "lwl", rt, op3);
}

static unsigned link_free(uint32_t avoid) /* a register outside `avoid`, not $0 */
{
    unsigned r;
    do
        r = rnz();
    while (avoid & (1u << r));
    return r;
}

/*
 * QEMU deviation (toolchain.md, and found again here): QEMU translates a branch that can never
 * be taken -- BNE rX, rX; BGTZ $0; BLTZ $0; BLTZAL $0 (which still links) -- as a NOP, so an
 * exception in its delay slot is reported with EPC = the slot and Cause.BD = 0; MD00090
 * §6.2.1 says EPC = the branch and BD = 1.  The documents win: such branches are generated,
 * but never with a trapping instruction in their slot.  (The likely forms nullify the slot
 * when not taken, so nothing can trap there.)
 */
static void unit_branch(unsigned self)
{
    static const char *const two[] = {"beq", "bne", "beql", "bnel"};
    static const char *const one[] = {"blez",  "bgtz",  "bltz",  "bgez",
                                      "blezl", "bgtzl", "bltzl", "bgezl"};
    static const char *const lnk[] = {"bltzal", "bgezal", "bltzall", "bgezall"};

    unsigned target = self + 1 + (chance(50) ? rnd(2) : rnd(MAX_DIST));
    bool likely = false;

    /* The delay slot's prefix (address or divisor set-up, HI/LO fix-ups) goes before the
     * branch; the slot instruction itself is kept aside and placed after it. */
    prefix_regs = 0;
    size_t mark = ut.len;
    bool trap_slot = chance(15);
    if (trap_slot)
        unit_trap();
    else
        gen_simple();
    struct hilo after_slot = st, before_slot = st_before_insn;
    /* Split the last line off: it is the slot instruction. */
    char *last = ut.buf + ut.len - 1;
    while (last > ut.buf + mark && last[-1] != '\n')
        last--;
    char slot[128];
    snprintf(slot, sizeof(slot), "%s", last);
    ut.len = (size_t)(last - ut.buf);
    ut.buf[ut.len] = 0;
    ut.insns--;

    uint32_t avoid = prefix_regs;
    switch (rnd(12)) {
    case 0:
    case 1:
    case 2: {
        unsigned k = rnd(4), rs = rsrc(), rt = chance(15) ? rs : rsrc();
        if (trap_slot && k == 1 && rs == rt) /* never taken: QEMU deviation, see below */
            k = 0;
        likely = k >= 2;
        I("%s $%u, $%u, .Lu%u", two[k], rs, rt, target);
        break;
    }
    case 3:
    case 4:
    case 5: {
        unsigned k = rnd(8), rs = rsrc();
        if (trap_slot && rs == 0 && (k == 1 || k == 2)) /* BGTZ/BLTZ $0: never taken */
            rs = rnz();
        likely = k >= 4;
        I("%s $%u, .Lu%u", one[k], rs, target);
        break;
    }
    case 6:
    case 7: {
        unsigned k = rnd(4), rs;
        if (avoid & (1u << 31)) { /* the link would clobber the slot's prefix */
            I("beq $0, $0, .Lu%u", target);
            break;
        }
        do /* rs = $31 is UNPREDICTABLE (MD00086 BLTZAL) */
            rs = chance(20) ? 0 : rsrc();
        while (rs == 31 || (trap_slot && rs == 0 && k == 0)); /* BLTZAL $0: never taken */
        likely = k >= 2;
        I("%s $%u, .Lu%u", lnk[k], rs, target);
        break;
    }
    case 8:
        if (avoid & (1u << 31))
            I("j .Lu%u", target);
        else
            I("%s .Lu%u", rnd(2) ? "j" : "jal", target);
        break;
    case 9:
        I("beq $0, $0, .Lu%u", target); /* B */
        break;
    default: {
        unsigned rx = link_free(avoid);
        I("lui $%u, %%hi(.Lu%u)", rx, target);
        I("addiu $%u, $%u, %%lo(.Lu%u)", rx, rx, target);
        const char *hb = chance(20) ? ".hb" : "";
        if (chance(40)) {
            I("jr%s $%u", hb, rx);
        } else {
            unsigned rd = link_free(avoid | (1u << rx)); /* rd = rs is UNPREDICTABLE */
            I("jalr%s $%u, $%u", hb, rd, rx);
        }
        break;
    }
    }
    emitf("%s", slot);
    ut.insns++;
    struct hilo fall = likely ? merge(before_slot, after_slot) : after_slot;
    st = fall;
    finish_unit((int)target, after_slot);
}

static void gen_unit(unsigned self)
{
    grow_incoming(self + MAX_DIST + 2);
    st = merge(st, incoming[self]);
    emitf("    # unit %u\n", self);
    unsigned k = rnd(100);
    if (k < 5)
        set_const(rnz());
    else if (k < 55)
        gen_simple();
    else if (k < 67)
        unit_trap();
    else if (k < 72)
        unit_llsc();
    else if (k < 76)
        unit_unaligned_pair();
    else {
        unit_branch(self);
        return;
    }
    finish_unit(-1, (struct hilo){.top = true});
}

/* ------------------------------------------------------------------ output */

static void write_program(FILE *f, unsigned k, const uint32_t *init, const uint32_t *data)
{
    fprintf(f, "/* generated by diffgen; do not edit */\n"
               "    .set noreorder\n    .set noat\n    .set nomacro\n"
               "    .section .diff.area, \"aw\", @progbits\n");
    for (unsigned i = 0; i < DIFF_DATA_SIZE / 4; i++)
        fprintf(f, "    .word 0x%08x\n", data[i]);
    fprintf(f, "    .section .text.body, \"ax\", @progbits\n"
               "    .globl diff_body\ndiff_body:\n");
    gen_write_preload(f, init);
    /* State at the end: the fall-through of unit k-1 and every branch from before k that
     * goes to k or beyond (all those labels sit at the end). */
    struct hilo end = k ? units[k - 1].after : (struct hilo){true, true, false, false};
    unsigned last_label = k;
    for (unsigned i = 0; i < k; i++) {
        fprintf(f, ".Lu%u:\n%s", i, units[i].text);
        if (units[i].target >= (int)k) {
            end = merge(end, units[i].taken);
            if ((unsigned)units[i].target > last_label)
                last_label = (unsigned)units[i].target;
        }
    }
    for (unsigned i = k; i <= last_label; i++)
        fprintf(f, ".Lu%u:\n", i);
    /* Leave HI and LO defined on every path, with fixed registers (the fix-up is not part of
     * the random stream, so truncated and full programs share their first k units). */
    if (!end.hi || !end.lo) {
        if (end.pending)
            fprintf(f, "    mfhi $0\n");
        if (!end.hi)
            fprintf(f, "    mthi $0\n");
        if (!end.lo)
            fprintf(f, "    mtlo $0\n");
    }
    fprintf(f, "    j diff_epilogue\n    nop\n");
}

static void usage(void)
{
    fprintf(stderr, "usage: diffgen --seed S --insns N [--units K] [--show U] -o FILE\n");
    exit(2);
}

int main(int argc, char **argv)
{
    gen_prog = "diffgen";
    unsigned long seed = 1, want = 1000, keep = ~0ul, show = ~0ul;
    const char *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (i + 1 >= argc)
            usage();
        if (!strcmp(argv[i], "--seed"))
            seed = gen_num(argv[++i], "seed");
        else if (!strcmp(argv[i], "--insns"))
            want = gen_num(argv[++i], "instruction count");
        else if (!strcmp(argv[i], "--units"))
            keep = gen_num(argv[++i], "unit count");
        else if (!strcmp(argv[i], "--show"))
            show = gen_num(argv[++i], "unit");
        else if (!strcmp(argv[i], "-o"))
            out = argv[++i];
        else
            usage();
    }
    if (!out && show == ~0ul)
        usage();
    if (want > 30000) {
        fprintf(stderr, "diffgen: at most 30000 instructions per program (layout.h text size)\n");
        return 2;
    }
    gen_seed(seed, 1);

    uint32_t init[34], data[DIFF_DATA_SIZE / 4];
    for (unsigned i = 0; i < 34; i++)
        init[i] = value32();
    for (unsigned i = 0; i < DIFF_DATA_SIZE / 4; i++)
        data[i] = chance(30) ? value32() : (uint32_t)rnd64();

    st = (struct hilo){true, true, false, false};
    unsigned total = 0;
    while (total < want) {
        gen_unit(nunits);
        total += units[nunits - 1].insns;
    }

    if (show != ~0ul) {
        if (show >= nunits) {
            fprintf(stderr, "diffgen: no unit %lu (%u units)\n", show, nunits);
            return 2;
        }
        fputs(units[show].text, stdout);
        if (!out)
            return 0;
    }

    unsigned k = keep < nunits ? (unsigned)keep : nunits;
    unsigned insns = 0;
    for (unsigned i = 0; i < k; i++)
        insns += units[i].insns;
    FILE *f = gen_create(out);
    write_program(f, k, init, data);
    gen_commit(f, out);
    printf("units %u insns %u\n", k, insns);
    return 0;
}
