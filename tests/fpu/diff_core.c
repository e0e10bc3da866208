/*
 * FPU differential test, target side (tests/fpu/run.sh): the same program runs under
 * qemu-mipsel -cpu P5600 (Linux user mode, diff_linux.S) and bare-metal in pic32mz-sim
 * (diff_bare.S); run.sh compares the two outputs line by line.
 *
 * For every operation in `ops` and a fixed number of cases, a fixed-seed generator picks
 * operands (random encodings mixed with zeros, infinities, quiet and signaling NaNs with
 * payloads, denormals, the extreme normals, integer-range boundaries and rounding ties),
 * a rounding mode, and random sticky Flags and condition codes.  The operation runs between
 * CTC1 FCSR and CFC1 FCSR, so every line shows the raw result and the whole FCSR after it
 * (Cause, Flags, FCC).  Enables stay 0: a trap would end the Linux side.  FS stays 0: QEMU
 * always flushes to zero while the model follows the MIPS documents (fpu_ieee.c).
 * Single-precision and 32-bit integer results are printed as their 32 bits only (the other
 * half of the register is UNPREDICTABLE).
 */
#include <stdbool.h>
#include <stdint.h>

void plat_write(const char *s, unsigned n);

/* Operand kinds and the registers they occupy: $f2, $f4, $f6 in, $f0 out. */
enum kind { K_S, K_D, K_W, K_L };

struct op {
    const char *name;
    uint32_t (*run)(uint64_t *io, uint32_t fcsr); /* io: a, b, c, result */
    unsigned char in, out, nin;
};

#define LD_S "lwc1 $f2, 0(%[p])\n\tlwc1 $f4, 8(%[p])\n\tlwc1 $f6, 16(%[p])\n\t"
#define LD_D "ldc1 $f2, 0(%[p])\n\tldc1 $f4, 8(%[p])\n\tldc1 $f6, 16(%[p])\n\t"
#define ST_S "\n\tswc1 $f0, 24(%[p])"
#define ST_D "\n\tsdc1 $f0, 24(%[p])"

#define OPFN(fname, LD, insn, ST)                                                                  \
    static uint32_t fname(uint64_t *io, uint32_t fcsr)                                             \
    {                                                                                              \
        uint32_t out;                                                                              \
        __asm__ volatile(".set push\n\t.set noreorder\n\t" LD "ctc1 %[fi], $31\n\t" insn ST        \
                         "\n\tcfc1 %[fo], $31\n\t.set pop"                                         \
                         : [fo] "=&r"(out)                                                         \
                         : [fi] "r"(fcsr), [p] "r"(io)                                             \
                         : "$f0", "$f1", "$f2", "$f3", "$f4", "$f5", "$f6", "$f7", "memory");      \
        return out;                                                                                \
    }

/* Arithmetic. */
#define ARITH(X)                                                                                   \
    X(add_s, LD_S, "add.s $f0, $f2, $f4", ST_S, K_S, K_S, 2)                                       \
    X(add_d, LD_D, "add.d $f0, $f2, $f4", ST_D, K_D, K_D, 2)                                       \
    X(sub_s, LD_S, "sub.s $f0, $f2, $f4", ST_S, K_S, K_S, 2)                                       \
    X(sub_d, LD_D, "sub.d $f0, $f2, $f4", ST_D, K_D, K_D, 2)                                       \
    X(mul_s, LD_S, "mul.s $f0, $f2, $f4", ST_S, K_S, K_S, 2)                                       \
    X(mul_d, LD_D, "mul.d $f0, $f2, $f4", ST_D, K_D, K_D, 2)                                       \
    X(div_s, LD_S, "div.s $f0, $f2, $f4", ST_S, K_S, K_S, 2)                                       \
    X(div_d, LD_D, "div.d $f0, $f2, $f4", ST_D, K_D, K_D, 2)                                       \
    X(sqrt_s, LD_S, "sqrt.s $f0, $f2", ST_S, K_S, K_S, 1)                                          \
    X(sqrt_d, LD_D, "sqrt.d $f0, $f2", ST_D, K_D, K_D, 1)                                          \
    X(abs_s, LD_S, "abs.s $f0, $f2", ST_S, K_S, K_S, 1)                                            \
    X(abs_d, LD_D, "abs.d $f0, $f2", ST_D, K_D, K_D, 1)                                            \
    X(neg_s, LD_S, "neg.s $f0, $f2", ST_S, K_S, K_S, 1)                                            \
    X(neg_d, LD_D, "neg.d $f0, $f2", ST_D, K_D, K_D, 1)                                            \
    X(mov_s, LD_S, "mov.s $f0, $f2", ST_S, K_S, K_S, 1)                                            \
    X(mov_d, LD_D, "mov.d $f0, $f2", ST_D, K_D, K_D, 1)                                            \
    X(recip_s, LD_S, "recip.s $f0, $f2", ST_S, K_S, K_S, 1)                                        \
    X(recip_d, LD_D, "recip.d $f0, $f2", ST_D, K_D, K_D, 1)                                        \
    X(rsqrt_s, LD_S, "rsqrt.s $f0, $f2", ST_S, K_S, K_S, 1)                                        \
    X(rsqrt_d, LD_D, "rsqrt.d $f0, $f2", ST_D, K_D, K_D, 1)                                        \
    X(madd_s, LD_S, "madd.s $f0, $f6, $f2, $f4", ST_S, K_S, K_S, 3)                                \
    X(madd_d, LD_D, "madd.d $f0, $f6, $f2, $f4", ST_D, K_D, K_D, 3)                                \
    X(msub_s, LD_S, "msub.s $f0, $f6, $f2, $f4", ST_S, K_S, K_S, 3)                                \
    X(msub_d, LD_D, "msub.d $f0, $f6, $f2, $f4", ST_D, K_D, K_D, 3)                                \
    X(nmadd_s, LD_S, "nmadd.s $f0, $f6, $f2, $f4", ST_S, K_S, K_S, 3)                              \
    X(nmadd_d, LD_D, "nmadd.d $f0, $f6, $f2, $f4", ST_D, K_D, K_D, 3)                              \
    X(nmsub_s, LD_S, "nmsub.s $f0, $f6, $f2, $f4", ST_S, K_S, K_S, 3)                              \
    X(nmsub_d, LD_D, "nmsub.d $f0, $f6, $f2, $f4", ST_D, K_D, K_D, 3)

/* Conversions. */
#define CONV(X)                                                                                    \
    X(cvt_d_s, LD_S, "cvt.d.s $f0, $f2", ST_D, K_S, K_D, 1)                                        \
    X(cvt_s_d, LD_D, "cvt.s.d $f0, $f2", ST_S, K_D, K_S, 1)                                        \
    X(cvt_w_s, LD_S, "cvt.w.s $f0, $f2", ST_S, K_S, K_W, 1)                                        \
    X(cvt_w_d, LD_D, "cvt.w.d $f0, $f2", ST_S, K_D, K_W, 1)                                        \
    X(cvt_l_s, LD_S, "cvt.l.s $f0, $f2", ST_D, K_S, K_L, 1)                                        \
    X(cvt_l_d, LD_D, "cvt.l.d $f0, $f2", ST_D, K_D, K_L, 1)                                        \
    X(cvt_s_w, LD_S, "cvt.s.w $f0, $f2", ST_S, K_W, K_S, 1)                                        \
    X(cvt_d_w, LD_S, "cvt.d.w $f0, $f2", ST_D, K_W, K_D, 1)                                        \
    X(cvt_s_l, LD_D, "cvt.s.l $f0, $f2", ST_S, K_L, K_S, 1)                                        \
    X(cvt_d_l, LD_D, "cvt.d.l $f0, $f2", ST_D, K_L, K_D, 1)                                        \
    X(round_w_s, LD_S, "round.w.s $f0, $f2", ST_S, K_S, K_W, 1)                                    \
    X(round_w_d, LD_D, "round.w.d $f0, $f2", ST_S, K_D, K_W, 1)                                    \
    X(round_l_s, LD_S, "round.l.s $f0, $f2", ST_D, K_S, K_L, 1)                                    \
    X(round_l_d, LD_D, "round.l.d $f0, $f2", ST_D, K_D, K_L, 1)                                    \
    X(trunc_w_s, LD_S, "trunc.w.s $f0, $f2", ST_S, K_S, K_W, 1)                                    \
    X(trunc_w_d, LD_D, "trunc.w.d $f0, $f2", ST_S, K_D, K_W, 1)                                    \
    X(trunc_l_s, LD_S, "trunc.l.s $f0, $f2", ST_D, K_S, K_L, 1)                                    \
    X(trunc_l_d, LD_D, "trunc.l.d $f0, $f2", ST_D, K_D, K_L, 1)                                    \
    X(ceil_w_s, LD_S, "ceil.w.s $f0, $f2", ST_S, K_S, K_W, 1)                                      \
    X(ceil_w_d, LD_D, "ceil.w.d $f0, $f2", ST_S, K_D, K_W, 1)                                      \
    X(ceil_l_s, LD_S, "ceil.l.s $f0, $f2", ST_D, K_S, K_L, 1)                                      \
    X(ceil_l_d, LD_D, "ceil.l.d $f0, $f2", ST_D, K_D, K_L, 1)                                      \
    X(floor_w_s, LD_S, "floor.w.s $f0, $f2", ST_S, K_S, K_W, 1)                                    \
    X(floor_w_d, LD_D, "floor.w.d $f0, $f2", ST_S, K_D, K_W, 1)                                    \
    X(floor_l_s, LD_S, "floor.l.s $f0, $f2", ST_D, K_S, K_L, 1)                                    \
    X(floor_l_d, LD_D, "floor.l.d $f0, $f2", ST_D, K_D, K_L, 1)

/* Compares: all 16 conditions, into a condition code that varies with the condition. */
#define CMP(X)                                                                                     \
    X(c_f_s, LD_S, "c.f.s $fcc1, $f2, $f4", "", K_S, K_S, 2)                                       \
    X(c_un_s, LD_S, "c.un.s $fcc2, $f2, $f4", "", K_S, K_S, 2)                                     \
    X(c_eq_s, LD_S, "c.eq.s $fcc0, $f2, $f4", "", K_S, K_S, 2)                                     \
    X(c_ueq_s, LD_S, "c.ueq.s $fcc3, $f2, $f4", "", K_S, K_S, 2)                                   \
    X(c_olt_s, LD_S, "c.olt.s $fcc4, $f2, $f4", "", K_S, K_S, 2)                                   \
    X(c_ult_s, LD_S, "c.ult.s $fcc5, $f2, $f4", "", K_S, K_S, 2)                                   \
    X(c_ole_s, LD_S, "c.ole.s $fcc6, $f2, $f4", "", K_S, K_S, 2)                                   \
    X(c_ule_s, LD_S, "c.ule.s $fcc7, $f2, $f4", "", K_S, K_S, 2)                                   \
    X(c_sf_s, LD_S, "c.sf.s $fcc0, $f2, $f4", "", K_S, K_S, 2)                                     \
    X(c_ngle_s, LD_S, "c.ngle.s $fcc1, $f2, $f4", "", K_S, K_S, 2)                                 \
    X(c_seq_s, LD_S, "c.seq.s $fcc2, $f2, $f4", "", K_S, K_S, 2)                                   \
    X(c_ngl_s, LD_S, "c.ngl.s $fcc3, $f2, $f4", "", K_S, K_S, 2)                                   \
    X(c_lt_s, LD_S, "c.lt.s $fcc4, $f2, $f4", "", K_S, K_S, 2)                                     \
    X(c_nge_s, LD_S, "c.nge.s $fcc5, $f2, $f4", "", K_S, K_S, 2)                                   \
    X(c_le_s, LD_S, "c.le.s $fcc6, $f2, $f4", "", K_S, K_S, 2)                                     \
    X(c_ngt_s, LD_S, "c.ngt.s $fcc7, $f2, $f4", "", K_S, K_S, 2)                                   \
    X(c_f_d, LD_D, "c.f.d $fcc7, $f2, $f4", "", K_D, K_D, 2)                                       \
    X(c_un_d, LD_D, "c.un.d $fcc6, $f2, $f4", "", K_D, K_D, 2)                                     \
    X(c_eq_d, LD_D, "c.eq.d $fcc5, $f2, $f4", "", K_D, K_D, 2)                                     \
    X(c_ueq_d, LD_D, "c.ueq.d $fcc4, $f2, $f4", "", K_D, K_D, 2)                                   \
    X(c_olt_d, LD_D, "c.olt.d $fcc3, $f2, $f4", "", K_D, K_D, 2)                                   \
    X(c_ult_d, LD_D, "c.ult.d $fcc2, $f2, $f4", "", K_D, K_D, 2)                                   \
    X(c_ole_d, LD_D, "c.ole.d $fcc1, $f2, $f4", "", K_D, K_D, 2)                                   \
    X(c_ule_d, LD_D, "c.ule.d $fcc0, $f2, $f4", "", K_D, K_D, 2)                                   \
    X(c_sf_d, LD_D, "c.sf.d $fcc7, $f2, $f4", "", K_D, K_D, 2)                                     \
    X(c_ngle_d, LD_D, "c.ngle.d $fcc6, $f2, $f4", "", K_D, K_D, 2)                                 \
    X(c_seq_d, LD_D, "c.seq.d $fcc5, $f2, $f4", "", K_D, K_D, 2)                                   \
    X(c_ngl_d, LD_D, "c.ngl.d $fcc4, $f2, $f4", "", K_D, K_D, 2)                                   \
    X(c_lt_d, LD_D, "c.lt.d $fcc3, $f2, $f4", "", K_D, K_D, 2)                                     \
    X(c_nge_d, LD_D, "c.nge.d $fcc2, $f2, $f4", "", K_D, K_D, 2)                                   \
    X(c_le_d, LD_D, "c.le.d $fcc1, $f2, $f4", "", K_D, K_D, 2)                                     \
    X(c_ngt_d, LD_D, "c.ngt.d $fcc0, $f2, $f4", "", K_D, K_D, 2)

#define DEFINE_FN(n, ld, insn, st, in, out, nin) OPFN(op_##n, ld, insn, st)
ARITH(DEFINE_FN)
CONV(DEFINE_FN)
CMP(DEFINE_FN)

#define ENTRY(n, ld, insn, st, in, out, nin) {#n, op_##n, in, out, nin},
static const struct op ops[] = {ARITH(ENTRY) CONV(ENTRY) CMP(ENTRY)};

/* xorshift64* (Vigna): a fixed seed gives the same cases on both sides. */
static uint64_t rng_state;

static uint64_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

/* A number below n (32-bit arithmetic: no 64-bit division helpers in freestanding code). */
static unsigned pick(unsigned n)
{
    return (unsigned)(rnd() >> 32) % n;
}

static const uint32_t special_s[] = {
    0x00000000, 0x80000000, 0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00001, 0x7FC12345, 0x7F800001,
    0xFF800123, 0x7FBFFFFF, 0x00000001, 0x807FFFFF, 0x00400000, 0x00800000, 0x80800000, 0x7F7FFFFF,
    0xFF7FFFFF, 0x3F800000, 0xBF800000, 0x3F000000, 0x3FC00000, 0x40200000, 0xC0200000, 0x4F000000,
    0xCF000000, 0x4EFFFFFF, 0x5F000000, 0xDF000000, 0x4B800001, 0x40000000, 0x3EAAAAAB,
};

static const uint64_t special_d[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x7FF0000000000000ull, 0xFFF0000000000000ull,
    0x7FF8000000000000ull, 0xFFF8000000000001ull, 0x7FF8000000012345ull, 0x7FF0000000000001ull,
    0xFFF0000000000123ull, 0x7FF7FFFFFFFFFFFFull, 0x0000000000000001ull, 0x800FFFFFFFFFFFFFull,
    0x0008000000000000ull, 0x0010000000000000ull, 0x8010000000000000ull, 0x7FEFFFFFFFFFFFFFull,
    0xFFEFFFFFFFFFFFFFull, 0x3FF0000000000000ull, 0xBFF0000000000000ull, 0x3FE0000000000000ull,
    0x3FF8000000000000ull, 0x4004000000000000ull, 0xC004000000000000ull, 0x41E0000000000000ull,
    0xC1E0000000000000ull, 0x41DFFFFFFFE00000ull, 0x41DFFFFFFFF00000ull, 0xC1E0000000100000ull,
    0x43E0000000000000ull, 0xC3E0000000000000ull, 0x43DFFFFFFFFFFFFFull, 0x36A0000000000000ull,
    0x47EFFFFFE0000000ull, 0x3810000000000000ull, 0x380FFFFFF0000000ull, 0x4000000000000000ull,
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A random float encoding: exponent drawn from the whole range or from the edges. */
static uint64_t rnd_float(enum kind k)
{
    uint64_t r = rnd(), sign = rnd() & 1;
    unsigned sel = pick(8);
    if (k == K_S) {
        uint32_t exp;
        switch (sel) {
        case 0: exp = 0; break;              /* denormal */
        case 1: exp = 1 + pick(24); break;   /* small: tiny results */
        case 2: exp = 230 + pick(25); break; /* large: overflow */
        case 3: exp = 127 + pick(32); break; /* integer range */
        case 4: exp = 120 + pick(14); break; /* near 1 */
        default: exp = pick(255); break;
        }
        return ((uint32_t)sign << 31) | (exp << 23) | (uint32_t)(r & 0x7FFFFF);
    }
    uint64_t exp;
    switch (sel) {
    case 0: exp = 0; break;
    case 1: exp = 1 + pick(60); break;
    case 2: exp = 1990 + pick(57); break;
    case 3: exp = 1023 + pick(64); break;
    case 4: exp = 1010 + pick(26); break;
    case 5: exp = 896 + pick(16); break;  /* S's denormal/normal edge, for cvt.s.d */
    case 6: exp = 1150 + pick(12); break; /* S's overflow edge */
    default: exp = pick(2047); break;
    }
    return (sign << 63) | (exp << 52) | (r & 0xFFFFFFFFFFFFFull);
}

static uint64_t operand(enum kind k, uint64_t prev, bool have_prev)
{
    unsigned sel = pick(16);
    if (k == K_W || k == K_L) {
        uint64_t r = rnd();
        if (sel < 4)
            r = (uint64_t)(int64_t)((int32_t)pick(2001) - 1000);
        else if (sel < 8)
            r = ((uint64_t)1 << pick(64)) + pick(5) - 2;
        return k == K_W ? (uint32_t)r : r;
    }
    if (sel < 4)
        return k == K_S ? special_s[pick(COUNT(special_s))] : special_d[pick(COUNT(special_d))];
    if (have_prev && sel < 7) { /* near the previous operand: cancellation, ties, equality */
        uint64_t delta = pick(3);
        uint64_t s = k == K_S ? 0x80000000u : 0x8000000000000000ull;
        switch (pick(4)) {
        case 0: return prev;
        case 1: return prev ^ s;
        case 2: return prev + delta;
        default: return (prev - delta) ^ s;
        }
    }
    return rnd_float(k);
}

static void put_hex(char **p, uint64_t v, unsigned digits)
{
    for (unsigned i = digits; i-- > 0;)
        *(*p)++ = "0123456789abcdef"[(v >> (4 * i)) & 15];
}

static void put_str(char **p, const char *s)
{
    while (*s)
        *(*p)++ = *s++;
}

static unsigned width(enum kind k)
{
    return (k == K_S || k == K_W) ? 8 : 16;
}

/* Which Status.FR the program runs with, seen from user mode: with FR=1, MTC1 to $f1 does
 * not touch the high word of $f0. */
static unsigned fr_mode(void)
{
    uint32_t hi;
    __asm__ volatile("mtc1 $zero, $f0\n\tmthc1 $zero, $f0\n\tli $t0, 0x1234\n\tmtc1 $t0, $f1\n\t"
                     "mfhc1 %0, $f0"
                     : "=r"(hi)
                     :
                     : "$t0", "$f0", "$f1");
    return hi == 0x1234 ? 0 : 1;
}

#define CASES 40
static const uint64_t seeds[] = {0x9E3779B97F4A7C15ull, 0x0123456789ABCDEFull};

void fpu_diff_main(void)
{
    char line[160];
    char *p = line;
    put_str(&p, "fr ");
    put_hex(&p, fr_mode(), 1);
    *p++ = '\n';
    plat_write(line, (unsigned)(p - line));
    for (unsigned s = 0; s < COUNT(seeds); s++) {
        rng_state = seeds[s];
        for (unsigned o = 0; o < COUNT(ops); o++) {
            const struct op *op = &ops[o];
            for (unsigned i = 0; i < CASES; i++) {
                uint64_t io[4] __attribute__((aligned(8)));
                io[0] = operand(op->in, 0, false);
                io[1] = operand(op->in, io[0], true);
                io[2] = operand(op->in, io[1], true);
                io[3] = 0;
                /* RM random; sticky Flags and the eight FCCs random; Cause, Enables, FS 0. */
                uint32_t fcsr = (uint32_t)(rnd() & 3) | ((uint32_t)(rnd() & 0x1F) << 2) |
                                ((uint32_t)rnd() & 0xFE800000u);
                uint32_t out = op->run(io, fcsr);
                p = line;
                put_str(&p, op->name);
                *p++ = ' ';
                put_hex(&p, fcsr, 8);
                for (unsigned n = 0; n < op->nin; n++) {
                    *p++ = ' ';
                    put_hex(&p, io[n], width(op->in));
                }
                put_str(&p, " -> ");
                if (op->name[0] != 'c' || op->name[1] != '_') { /* compares: FCSR only */
                    put_hex(&p, io[3], width(op->out));
                    *p++ = ' ';
                }
                put_hex(&p, out, 8);
                *p++ = '\n';
                plat_write(line, (unsigned)(p - line));
            }
        }
    }
}
