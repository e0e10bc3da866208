/* Core life cycle and the run loop (style-examples.md #21: events and interrupts are looked at
 * between slices, not per instruction). */
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "micromips.h"
#include "vz.h"

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
               "the simulator keeps target memory in host byte order: little-endian hosts only");

struct cpu *cpu_create(struct bus *bus, const struct cpu_params *p)
{
    if (p->shadow_sets < 1 || p->shadow_sets > CPU_MAX_SHADOW_SETS || p->tlb_entries < 2 ||
        p->tlb_entries > CPU_MAX_TLB)
        return NULL;
    struct cpu *c = calloc(1, sizeof(*c));
    if (!c)
        return NULL;
    c->bus = bus;
    c->params = *p;
    cpu_reset(c);
    return c;
}

void cpu_destroy(struct cpu *c)
{
    free(c);
}

void cpu_reset(struct cpu *c)
{
    memset(c->srs, 0, sizeof(c->srs));
    memset(c->hi, 0, sizeof(c->hi));
    memset(c->lo, 0, sizeof(c->lo));
    c->dspctl = 0; /* MD00374 gives no reset value; a defined 0 keeps runs reproducible */
    for (unsigned i = 0; i < c->params.tlb_entries; i++)
        c->tlb[i] = (struct tlb_entry){.entryhi = ENTRYHI_EHINV};
    cp0_reset(c);
    fpu_reset(c);
    cpu_select_srs(c, 0);
    stlb_flush(c);
    c->pc = RESET_VECTOR | (c->boot_micromips ? 1u : 0u); /* BOOTISA (cp0_reset.c Config3) */
    c->npc = c->pc + 4;
    c->cur_pc = c->pc;
    c->in_ds = c->next_in_ds = false;
    c->llbit = false;
    c->sleeping = false;
    c->irq_dirty = true;
}

void cpu_set_irq_source(struct cpu *c, const struct cpu_irq_source *src)
{
    c->irq = *src;
    c->irq_dirty = true;
}

void cpu_request_stop(struct cpu *c)
{
    c->stop = CPU_STOP_REQUEST;
    cpu_end_slice(c);
}

void cpu_irq_changed(struct cpu *c)
{
    c->irq_dirty = true;
    cpu_end_slice(c);
}

/* Samples the interrupt inputs (MD00090 §6.1; mips-vz.md §4.4).  EIC mode when the core has
 * an external controller and software selected vectored interrupts (Cause.IV, IntCtl.VS);
 * otherwise compatibility mode, where the controller's level drives IP7..IP2. */
void cpu_check_interrupts(struct cpu *c)
{
    unsigned ripl = 0, vector = 0, eicss = 0;
    uint32_t offset = 0;
    if (c->irq.eic_request)
        c->irq.eic_request(c->irq.opaque, &ripl, &vector, &offset, &eicss);

    uint32_t st = c->cp0[CP0_STATUS];
    uint32_t cause = c->cp0[CP0_CAUSE];
    bool eic = (c->cp0[CP0_CONFIG3] & CONFIG3_VEIC) && (cause & CAUSE_IV) &&
               (c->cp0[CP0_INTCTL] & INTCTL_VS) && !(st & STATUS_BEV);
    bool pending, enabled;
    if (eic) {
        unsigned ipl = ((st & STATUS_IPL) >> STATUS_IPL_SHIFT) | ((st & STATUS_IPL7) ? 0x80 : 0);
        pending = ripl != 0;
        enabled = ripl > ipl;
    } else {
        /* Compatibility mode: IP1..0 from software, IP7..2 from the controller's level lines,
         * the timer on IP[IntCtl.IPTI]. */
        unsigned ipti = (c->cp0[CP0_INTCTL] & INTCTL_IPTI) >> INTCTL_IPTI_SHIFT;
        uint32_t ip = (cause & (CAUSE_IP0 | CAUSE_IP1)) | ((ripl & 0x3F) << 10);
        if ((cause & CAUSE_TI) && ipti >= 2)
            ip |= 1u << (8 + ipti);
        c->cp0[CP0_CAUSE] = (cause & ~0xFC00u) | (ip & 0xFC00u);
        pending = (ip & st & STATUS_IM) != 0;
        enabled = pending;
        ripl = 0;
    }
    if (pending)
        c->sleeping = false; /* Config7.WII: a pending request ends WAIT even with IE=0 */
    bool can_take =
        (st & STATUS_IE) && !(st & (STATUS_EXL | STATUS_ERL)) && !(c->cp0[CP0_DEBUG] & DEBUG_DM);
    /* Taken between instructions: the restart point is the next instruction (or the branch,
     * when that instruction sits in a delay slot). */
    c->in_ds = c->next_in_ds;
    c->cur_pc = c->pc;
    c->insn_valid = false;
    if (pending && enabled && can_take) {
        /* A root interrupt while a guest runs is a guest exit (mips-vz.md §5.8). */
        if (c->guest)
            c->vz_exits[15]++;
        c->irq_count[vector & 255]++;
        cpu_take_interrupt(c, eic ? ripl : 0, vector, eic ? offset : 0, eicss);
        if (c->hooks.interrupt)
            c->hooks.interrupt(c->hooks.ctx, c->cycles, eic ? ripl : 0, vector, c->pc);
        if (eic && c->irq.eic_ack)
            c->irq.eic_ack(c->irq.opaque, ripl, vector);
        return;
    }
    if (c->guest)
        vz_check_guest_interrupts(c);
}

static inline void cpu_step(struct cpu *c)
{
    uint32_t insn;
    c->in_ds = c->next_in_ds;
    c->next_in_ds = false;
    c->cur_pc = c->pc;
    c->insn_valid = false;
    c->cycles++;
    if (c->pc & 1) {
        mm_step(c); /* microMIPS: 16/32-bit instructions (micromips_step.c) */
        c->r[0] = 0;
        return;
    }
    if (!mem_fetch(c, c->pc, &insn))
        return;
    c->prev_insn = c->insn;
    c->insn = insn;
    c->insn_valid = true;
    c->pc = c->npc;
    c->npc += 4;
    cpu_execute(c, insn);
    c->r[0] = 0;
}

static bool at_breakpoint(const struct cpu *c)
{
    for (unsigned i = 0; i < c->nbp; i++)
        if (c->bp[i] == c->pc)
            return true;
    return false;
}

/* The stepping loop for debuggers and instruction traces (cpu_hooks, breakpoints). */
static void cpu_run_slow(struct cpu *c)
{
    while (c->cycles < c->slice_end) {
        if (c->nbp && !c->bp_resume && at_breakpoint(c)) {
            c->stop = CPU_STOP_BREAK;
            c->bp_resume = true;
            return;
        }
        c->bp_resume = false;
        cpu_step(c);
        if (c->hooks.insn)
            c->hooks.insn(c->hooks.ctx, c->cycles, c->cur_pc, c->insn_valid ? c->insn : 0,
                          c->guest);
    }
}

static bool cpu_timers_can_wake(const struct cpu *c)
{
    bool root = c->timer_deadline != UINT64_MAX && !(c->cp0[CP0_CAUSE] & CAUSE_TI);
    bool guest = c->guest && c->params.guest_timer_irq && c->g.timer_deadline != UINT64_MAX &&
                 !(c->g.r[CP0_CAUSE] & CAUSE_TI);
    return root || guest;
}

enum cpu_stop cpu_run(struct cpu *c, uint64_t until)
{
    c->stop = CPU_RUNNING;
    while (c->cycles < until && c->stop == CPU_RUNNING) {
        if (c->cycles >= c->timer_deadline)
            cp0_timer_fire(c);
        if (c->cycles >= c->g.timer_deadline)
            cp0_guest_timer_fire(c);
        if (c->irq_dirty) {
            c->irq_dirty = false;
            cpu_check_interrupts(c);
        }
        uint64_t end = until < c->timer_deadline ? until : c->timer_deadline;
        if (c->g.timer_deadline < end)
            end = c->g.timer_deadline;
        if (c->sleeping) {
            /* WAIT: nothing happens until the next event; skip there (architecture.md).  If
             * the core's own timers can no longer change anything (never armed, or their
             * request is already pending and still did not wake it), only the board can
             * wake it: hand control back. */
            if (!cpu_timers_can_wake(c))
                return CPU_STOP_SLEEP;
            c->idle_cycles += end - c->cycles;
            c->cycles = end;
            continue;
        }
        c->slice_end = end;
        if (c->slow_loop)
            cpu_run_slow(c);
        else
            while (c->cycles < c->slice_end)
                cpu_step(c);
    }
    return c->stop;
}

uint64_t cpu_cycles(const struct cpu *c)
{
    return c->cycles;
}

void cpu_skip_to(struct cpu *c, uint64_t cycle)
{
    if (cycle > c->cycles) {
        c->idle_cycles += cycle - c->cycles;
        c->cycles = cycle;
    }
}

bool cpu_sleeping(const struct cpu *c)
{
    return c->sleeping;
}

uint32_t cpu_pc(const struct cpu *c)
{
    return c->pc;
}

/* Bit 0 of pc selects microMIPS, as in a jump target (an ELF entry of microMIPS code is odd). */
void cpu_set_pc(struct cpu *c, uint32_t pc)
{
    c->pc = pc;
    c->npc = pc + 4;
    c->next_in_ds = false;
}

/* BOOTISA (DEVCFG0, pic32mz-ef.md): the ISA the core resets in.  syscfg calls this at every
 * chip reset before the core's reset; at power-on the core is already reset, so the state a
 * reset would give is applied now, unless the host has already moved the PC (--entry). */
void cpu_set_boot_isa(struct cpu *c, bool micromips)
{
    bool at_reset = c->cycles == 0 && (c->pc & ~1u) == RESET_VECTOR;
    c->boot_micromips = micromips;
    cp0_boot_isa(c);
    if (at_reset)
        cpu_set_pc(c, RESET_VECTOR | (micromips ? 1u : 0u));
}

uint32_t cpu_gpr(const struct cpu *c, unsigned n)
{
    return n < 32 ? c->r[n] : 0;
}

void cpu_set_gpr(struct cpu *c, unsigned n, uint32_t v)
{
    if (n > 0 && n < 32)
        c->r[n] = v;
}

uint32_t cpu_hi(const struct cpu *c)
{
    return c->hi[0];
}

uint32_t cpu_lo(const struct cpu *c)
{
    return c->lo[0];
}

uint32_t cpu_cp0(struct cpu *c, unsigned reg, unsigned sel)
{
    uint32_t v;
    (void)cp0_read(c, CP0_IDX(reg & 31, sel & 7), &v);
    return v;
}

uint64_t cpu_exception_count(const struct cpu *c, unsigned exccode)
{
    return exccode < 32 ? c->exc_count[exccode] : 0;
}

uint64_t cpu_instructions(const struct cpu *c)
{
    return c->cycles - c->idle_cycles;
}

uint64_t cpu_interrupt_count(const struct cpu *c, unsigned vector)
{
    return vector < 256 ? c->irq_count[vector] : 0;
}

uint64_t cpu_tlb_refill_count(const struct cpu *c)
{
    return c->tlb_refills;
}

uint64_t cpu_vz_exit_count(const struct cpu *c, unsigned gexccode)
{
    return gexccode < 16 ? c->vz_exits[gexccode] : 0;
}

void cpu_set_hooks(struct cpu *c, const struct cpu_hooks *h)
{
    c->hooks = *h;
    c->slow_loop = c->hooks.insn || c->nbp;
    cpu_end_slice(c);
}

bool cpu_set_breakpoint(struct cpu *c, uint32_t va)
{
    for (unsigned i = 0; i < c->nbp; i++)
        if (c->bp[i] == va)
            return true;
    if (c->nbp == CPU_MAX_BREAKPOINTS)
        return false;
    c->bp[c->nbp++] = va;
    c->slow_loop = true;
    cpu_end_slice(c);
    return true;
}

void cpu_clear_breakpoint(struct cpu *c, uint32_t va)
{
    for (unsigned i = 0; i < c->nbp; i++)
        if (c->bp[i] == va) {
            c->bp[i] = c->bp[--c->nbp];
            break;
        }
    c->slow_loop = c->hooks.insn || c->nbp;
}
