/* Traces and statistics (trace.h). */
#include "trace.h"

#include <inttypes.h>
#include <string.h>

#include "../cpu/cpu.h"
#include "../soc/machine.h"
#include "soc/cp0.h"

static const char *exc_name(unsigned code)
{
    static const char *const names[32] = {
        [EXCCODE_INT] = "Int",     [EXCCODE_MOD] = "Mod",     [EXCCODE_TLBL] = "TLBL",
        [EXCCODE_TLBS] = "TLBS",   [EXCCODE_ADEL] = "AdEL",   [EXCCODE_ADES] = "AdES",
        [EXCCODE_IBE] = "IBE",     [EXCCODE_DBE] = "DBE",     [EXCCODE_SYS] = "Sys",
        [EXCCODE_BP] = "Bp",       [EXCCODE_RI] = "RI",       [EXCCODE_CPU] = "CpU",
        [EXCCODE_OV] = "Ov",       [EXCCODE_TR] = "Tr",       [EXCCODE_FPE] = "FPE",
        [EXCCODE_TLBRI] = "TLBRI", [EXCCODE_TLBXI] = "TLBXI", [EXCCODE_DSPDIS] = "DSPDis",
        [EXCCODE_GE] = "GE",
    };
    return code < 32 && names[code] ? names[code] : "?";
}

/* GuestCtl0.GExcCode (mips-vz.md §5.8); 15 counts the exits that set none. */
static const char *gexc_name(unsigned code)
{
    static const char *const names[16] = {
        [GEXCCODE_GPSI] = "GPSI", [GEXCCODE_GSFC] = "GSFC",
        [GEXCCODE_HC] = "HC",     [GEXCCODE_GRR] = "GRR",
        [GEXCCODE_GVA] = "GVA",   [GEXCCODE_GHFC] = "GHFC",
        [GEXCCODE_GPA] = "GPA",   [15] = "other (root interrupts, bus errors, CpU)",
    };
    return code < 16 && names[code] ? names[code] : "?";
}

int trace_parse(const char *list, unsigned *what, char *err, size_t errlen)
{
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        if (n == 4 && !strncmp(p, "insn", 4))
            *what |= TRACE_INSN;
        else if (n == 3 && !strncmp(p, "exc", 3))
            *what |= TRACE_EXC;
        else if (n == 3 && !strncmp(p, "irq", 3))
            *what |= TRACE_IRQ;
        else if (n == 4 && !strncmp(p, "mmio", 4))
            *what |= TRACE_MMIO;
        else if (n == 3 && !strncmp(p, "all", 3))
            *what |= TRACE_INSN | TRACE_EXC | TRACE_IRQ | TRACE_MMIO;
        else {
            snprintf(err, errlen, "--trace: '%.*s' is not one of insn, exc, irq, mmio, all", (int)n,
                     p);
            return -1;
        }
        p += n;
        if (*p == ',')
            p++;
    }
    return 0;
}

static void on_insn(void *ctx, uint64_t cycle, uint32_t pc, uint32_t word, bool guest)
{
    struct tracer *t = ctx;
    /* The hook runs after the instruction: it started in the cycle before. */
    fprintf(t->f, "%12" PRIu64 " insn %08x: %08x%s\n", cycle - 1, pc, word,
            guest ? " (guest)" : "");
}

static void on_exception(void *ctx, uint64_t cycle, unsigned code, uint32_t epc, uint32_t vector,
                         bool guest)
{
    struct tracer *t = ctx;
    fprintf(t->f, "%12" PRIu64 " exc  %s (%u) at %08x -> %08x%s\n", cycle, exc_name(code), code,
            epc, vector, guest ? " (guest context)" : "");
}

static void on_interrupt(void *ctx, uint64_t cycle, unsigned ripl, unsigned vector, uint32_t pc)
{
    struct tracer *t = ctx;
    fprintf(t->f, "%12" PRIu64 " irq  vector %u level %u -> %08x\n", cycle, vector, ripl, pc);
}

static void on_mmio(void *ctx, uint32_t pa, unsigned size, uint32_t val, bool write, bool ok,
                    const char *dev, enum bus_initiator who)
{
    struct tracer *t = ctx;
    fprintf(t->f, "%12" PRIu64 " mmio %s%u %08x %s %0*x%s%s%s%s\n", cpu_cycles(t->m->cpu),
            write ? "write" : "read", size, pa, write ? "<-" : "->", (int)size * 2, val,
            dev ? " [" : "", dev ? dev : "", dev ? "]" : "", ok ? "" : " bus error");
    (void)who;
}

int trace_open(struct tracer *t, struct machine *m, unsigned what, const char *path, char *err,
               size_t errlen)
{
    memset(t, 0, sizeof(*t));
    t->what = what;
    t->m = m;
    if (!what)
        return 0;
    if (path) {
        if (outfile_open(&t->file, path, err, errlen))
            return -1;
        t->f = t->file.f;
    } else {
        t->f = stderr;
    }
    struct cpu_hooks h = {.ctx = t};
    if (what & TRACE_INSN)
        h.insn = on_insn;
    /* Interrupts are exceptions too (ExcCode Int): "exc" shows their entry, "irq" adds the
     * controller's vector and level. */
    if (what & TRACE_EXC)
        h.exception = on_exception;
    if (what & TRACE_IRQ)
        h.interrupt = on_interrupt;
    cpu_set_hooks(m->cpu, &h);
    if (what & TRACE_MMIO) {
        m->bus.trace = on_mmio;
        m->bus.trace_ctx = t;
    }
    return 0;
}

int trace_close(struct tracer *t, bool keep)
{
    if (!t->what)
        return 0;
    struct cpu_hooks none = {0};
    cpu_set_hooks(t->m->cpu, &none);
    t->m->bus.trace = NULL;
    if (t->f == stderr) {
        fflush(stderr);
        return 0;
    }
    return outfile_close(&t->file, keep);
}

void stats_print(struct machine *m, FILE *f)
{
    struct cpu *c = m->cpu;
    uint64_t cyc = cpu_cycles(c), insns = cpu_instructions(c);
    /* The first line's start ("stats: N cycles") is what bench/sim-speed reads. */
    fprintf(f,
            "stats: %" PRIu64 " cycles = %" PRIu64 ".%09" PRIu64 " s simulated at 200 MHz; %" PRIu64
            " instructions, %" PRIu64 " cycles asleep in WAIT\n",
            cyc, cyc / 200000000u, (cyc % 200000000u) * 5, insns, cyc - insns);
    fprintf(f, "stats: exceptions by cause:");
    bool any = false;
    for (unsigned i = 0; i < 32; i++) {
        uint64_t n = cpu_exception_count(c, i);
        if (n) {
            fprintf(f, "%s %s %" PRIu64, any ? "," : "", exc_name(i), n);
            any = true;
        }
    }
    fprintf(f, "%s\nstats: interrupts by vector:", any ? "" : " none");
    any = false;
    for (unsigned v = 0; v < 256; v++) {
        uint64_t n = cpu_interrupt_count(c, v);
        if (n) {
            fprintf(f, "%s %u: %" PRIu64, any ? "," : "", v, n);
            any = true;
        }
    }
    fprintf(f, "%s\nstats: TLB refills: %" PRIu64 "\nstats: VZ guest exits:", any ? "" : " none",
            cpu_tlb_refill_count(c));
    any = false;
    for (unsigned g = 0; g < 16; g++) {
        uint64_t n = cpu_vz_exit_count(c, g);
        if (n) {
            fprintf(f, "%s %s %" PRIu64, any ? "," : "", gexc_name(g), n);
            any = true;
        }
    }
    fprintf(f, "%s\n", any ? "" : " none");
}
