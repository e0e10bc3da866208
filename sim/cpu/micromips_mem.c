/*
 * microMIPS loads and stores with a 12-bit offset (POOL32B, POOL32C) and the multi-word ones:
 * LWP/SWP (register pair), LWM/SWM (register list; also LWM16/SWM16).  MD00582 LWP, SWP, LWM32,
 * SWM32, LWL..SC; register-list encoding checked with GNU as 2.40 (lwm $16-$23,$30,$31 =
 * list 0x19).  LWL/LWR/SWL/SWR/LL/SC/CACHE run as their MIPS32 twins (cpu_execute).
 *
 * UNPREDICTABLE cases raise Reserved Instruction (sim-internals.md): LWP/SWP with rd = 31
 * (no second register), LWP with base = rd or rd + 1, LWM with the base in the list, and
 * reserved list values.  The accesses go lowest address first; an exception stops the
 * instruction with the earlier registers of a LWM already loaded (it is restartable: the
 * base is not among them).
 */
#include "mem.h"
#include "micromips_internal.h"

/* Registers of a list value: <3:0> = count of $16.. ($30 is the ninth), <4> = $31. */
static unsigned list_regs(unsigned list, uint8_t *regs)
{
    unsigned n = list & 15, k = 0;
    if (n > 9)
        return 0;
    for (unsigned i = 0; i < n; i++)
        regs[k++] = (uint8_t)(i < 8 ? 16 + i : 30);
    if (list & 16)
        regs[k++] = 31;
    return k;
}

static void lwm_swm(struct cpu *c, bool store, unsigned list, unsigned base, uint32_t va)
{
    uint8_t regs[10];
    unsigned n = list_regs(list, regs);
    bool base_listed = false;
    for (unsigned i = 0; i < n; i++)
        base_listed |= regs[i] == base;
    if (!n || (!store && base_listed)) {
        mm_ri(c);
        return;
    }
    for (unsigned i = 0; i < n; i++, va += 4) {
        uint32_t v;
        if (store) {
            if (!mem_store(c, va, 4, c->r[regs[i]]))
                return;
        } else {
            if (!mem_load(c, va, 4, &v))
                return;
            c->r[regs[i]] = v;
        }
    }
}

/* LWM16/SWM16 (POOL16C): $16..$16+list, $31 from sp + off (list in <5:4>). */
void mm_lwm16(struct cpu *c, bool store, unsigned list16, uint32_t off)
{
    lwm_swm(c, store, 16 | (list16 + 1), 29, c->r[29] + off);
}

static void lwp_swp(struct cpu *c, bool store, unsigned rd, unsigned base, uint32_t va)
{
    if (rd == 31 || (!store && (base == rd || base == rd + 1))) {
        mm_ri(c);
        return;
    }
    uint32_t v0, v1;
    if (store) {
        if (mem_store(c, va, 4, c->r[rd]) && mem_store(c, va + 4, 4, c->r[rd + 1]))
            return;
        return;
    }
    if (!mem_load(c, va, 4, &v0) || !mem_load(c, va + 4, 4, &v1))
        return;
    c->r[rd] = v0;
    c->r[rd + 1] = v1;
}

void mm_pool32b(struct cpu *c, uint32_t w)
{
    unsigned t = MM_T(w), s = MM_S(w);
    uint32_t va = c->r[s] + MM_OFF12(w);
    switch ((w >> 12) & 15) {
    case 0x0:
    case 0x2:
    case 0x8:
    case 0xA:
        cpu_exception_cpu(c, 2); /* LWC2, LDC2, SWC2, SDC2: no CP2 */
        return;
    case 0x1: lwp_swp(c, false, t, s, va); return;
    case 0x9: lwp_swp(c, true, t, s, va); return;
    case 0x5: lwm_swm(c, false, t, s, va); return;
    case 0xD: lwm_swm(c, true, t, s, va); return;
    case 0x6: cpu_execute(c, m32_i(OP_CACHE, s, t, MM_OFF12(w))); return;
    default: mm_ri(c); return; /* LDP/SDP/LDM/SDM (MIPS64), ASET/ACLR (MCU ASE) */
    }
}

void mm_pool32c(struct cpu *c, uint32_t w)
{
    unsigned t = MM_T(w), s = MM_S(w);
    uint32_t off = MM_OFF12(w);
    switch ((w >> 12) & 15) {
    case 0x0: cpu_execute(c, m32_i(OP_LWL, s, t, off)); return;
    case 0x1: cpu_execute(c, m32_i(OP_LWR, s, t, off)); return;
    case 0x2: return; /* PREF: a hint, never an exception (MD00086 PREF) */
    case 0x3: cpu_execute(c, m32_i(OP_LL, s, t, off)); return;
    case 0x8: cpu_execute(c, m32_i(OP_SWL, s, t, off)); return;
    case 0x9: cpu_execute(c, m32_i(OP_SWR, s, t, off)); return;
    case 0xB: cpu_execute(c, m32_i(OP_SC, s, t, off)); return;
    default: mm_ri(c); return; /* EVA (Config5.EVA = 0), LWU/LLD/SCD/LDL... (MIPS64) */
    }
}
