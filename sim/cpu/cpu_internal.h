/*
 * M5150 core state, private to sim/cpu.  Execution model: `cur_pc` is the instruction being
 * executed; before it executes, pc/npc already advance to the next two.  A taken branch sets
 * `npc` to its target, so its delay slot (now `pc`) runs first; a branch-likely that is not
 * taken skips the slot by advancing pc/npc once more.  Exceptions and ERET set pc/npc.
 * Bit 0 of pc/npc/cur_pc is the ISA mode (1 = microMIPS, MD00090 §6.2.1 EPC, mips-vz.md §7):
 * jumps, ERET and exception vectors switch modes by setting it; cpu_step hands odd PCs to the
 * microMIPS decoder, which computes the next PC from the instruction's size.
 */
#ifndef SIM_CPU_INTERNAL_H
#define SIM_CPU_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"
#include "fpu.h"
#include "soc/cp0.h"
#include "soc/memmap.h"
#include "soc/mips_insn.h"

struct bus;

#define CPU_MAX_SHADOW_SETS 16
#define CPU_MAX_TLB         64

/* The software TLB caches, per 4 KB virtual page and translation context, a host pointer to
 * RAM or flash (style-examples.md #20).  Devices always take the slow path. */
#define STLB_SIZE    256
#define STLB_INVALID 0xFFFu
struct stlb_entry {
    uint32_t tag;  /* virtual page | context tag */
    uint8_t *host; /* host address of the page */
};

struct tlb_entry {
    uint32_t pagemask; /* PageMask register image */
    uint32_t entryhi;  /* VPN2 | ASID (EHINV kept for TLBR) */
    uint32_t lo[2];    /* EntryLo0/1 images (PFN, C, D, V, G, RI, XI) */
    uint8_t guestid;   /* VZ GuestID tag (0 = root) */
    bool guest_level;  /* written by a guest TLB instruction: maps GVA->GPA (vz.c) */
};

/* The guest CP0 context of the VZ module (mips-vz.md §5.7): the guest's own copy of every
 * register the module virtualises, with the fields the guest may write (wmask) and those
 * root may write through MTGC0 (rmask). */
struct guest_cp0 {
    uint32_t r[256];
    uint32_t wmask[256];
    uint32_t rmask[256];
    uint8_t present[256];
    uint64_t timer_deadline; /* guest Count reaches guest Compare (cycle) */
    bool llbit;              /* the guest's own LL bit (mips-vz.md §5.17) */
    uint32_t lladdr;
};

struct cpu {
    /* --- hot state, kept together --- */
    uint32_t *r; /* GPRs of the current shadow set (SRSCtl.CSS) */
    uint32_t pc, npc, cur_pc;
    uint32_t insn;      /* the instruction being executed (for BadInstr) */
    uint32_t prev_insn; /* the one before it (the branch, for BadInstrP) */
    bool insn_valid;    /* `insn` was fetched (false during a fetch fault) */
    bool in_ds;         /* the current instruction is in a delay slot */
    bool next_in_ds;    /* the next instruction will be in a delay slot */
    /* microMIPS (PC bit 0 = 1, micromips_internal.h): a branch records whether it was taken
     * (the slot's successor is then npc, else the address after the slot), its own size
     * (EPC of a slot instruction = slot - br_size) and the slot size it requires (0 = any). */
    bool ds_jump;
    uint8_t br_size, ds_size;
    bool boot_micromips; /* BOOTISA input: the core resets in microMIPS (cpu_set_boot_isa) */
    uint64_t cycles;
    uint64_t slice_end;
    uint32_t ctx_tag; /* translation context: see cpu_update_mode() */
    uint32_t fetch_tag;
    const uint8_t *fetch_host;
    struct stlb_entry stlb_rd[STLB_SIZE];
    struct stlb_entry stlb_wr[STLB_SIZE];

    /* ac0 is HI/LO; ac1..ac3 belong to the DSP ASE. */
    uint32_t hi[4], lo[4];
    uint32_t dspctl; /* DSP ASE DSPControl (sim/cpu/dsp.h) */

    /* LL/SC (MD00086 LL, SC): the LL bit and the physical address it watches. */
    bool llbit;
    uint32_t lladdr;

    bool guest;     /* in VZ guest mode (vz.c vz_update_mode) */
    bool sleeping;  /* WAIT */
    bool irq_dirty; /* re-sample interrupt inputs before the next instruction */
    enum cpu_stop stop;

    /* --- CP0 --- */
    uint32_t cp0[256];         /* indexed by reg << 3 | sel; special registers below */
    uint64_t count_base_cycle; /* Count = count_base_value + (cycles - base) / 2 */
    uint32_t count_base_value;
    uint64_t timer_deadline; /* cycle at which Count reaches Compare next */
    struct tlb_entry tlb[CPU_MAX_TLB];
    struct guest_cp0 g;

    struct cpu_params params;
    uint32_t cp0_wmask[256];  /* software-writable bits of the plain CP0 registers */
    uint8_t cp0_present[256]; /* 1 = implemented register */
    struct bus *bus;
    struct cpu_irq_source irq;

    struct fpu fpu; /* CP1 (fpu_regs.c) */
    uint32_t srs[CPU_MAX_SHADOW_SETS][32];
    uint64_t exc_count[32];
    uint64_t vz_exits[16];   /* by GExcCode; [15] = exits with no GExcCode (Int, IBE/DBE, CpU) */
    uint64_t irq_count[256]; /* root interrupts taken, by the controller's vector */
    uint64_t tlb_refills;
    uint64_t idle_cycles; /* skipped while asleep in WAIT */

    /* Debugger and trace hooks (cpu.h); `slow_loop` = an insn hook or a breakpoint is set. */
    struct cpu_hooks hooks;
    bool slow_loop;
    bool bp_resume; /* the run resumes at the breakpoint it stopped at */
    unsigned nbp;
    uint32_t bp[CPU_MAX_BREAKPOINTS];
};

/* Translation context tags (low bits of a soft-TLB tag); in guest mode CTX_GUEST and the
 * GuestID (shifted by CTX_GUESTID_SHIFT) are added. */
enum {
    CTX_KERNEL = 0,
    CTX_KERNEL_ERL = 1, /* ERL=1: kuseg is unmapped (MD00090 §4.3) */
    CTX_SUPER = 2,
    CTX_USER = 3,
    CTX_GUEST = 4,
    CTX_GUESTID_SHIFT = 3,
};

/* Access kinds for translation and exceptions. */
enum access { ACC_FETCH, ACC_LOAD, ACC_STORE };

/* exception.c */
void cpu_exception(struct cpu *c, unsigned exccode);
void cpu_exception_addr(struct cpu *c, unsigned exccode, uint32_t badvaddr);
void cpu_exception_tlb(struct cpu *c, unsigned exccode, uint32_t badvaddr, bool refill);
void cpu_exception_cpu(struct cpu *c, unsigned unit);
void cpu_exception_tlb_gpa(struct cpu *c, unsigned exccode, uint32_t gpa, bool refill);
void cpu_take_interrupt(struct cpu *c, unsigned ripl, unsigned vector, uint32_t offset,
                        unsigned eicss);
void cpu_check_interrupts(struct cpu *c);
void cpu_eret(struct cpu *c);

/* cp0.c: `guest` selects the guest context's copy (VZ); root code passes false. */
void cp0_reset(struct cpu *c);
void cp0_boot_isa(struct cpu *c); /* Config3.ISA/ISAOnExc from c->boot_micromips */
uint32_t cp0_pagemask_bits(const struct cpu *c);
bool cp0_read(struct cpu *c, unsigned idx, uint32_t *val); /* false: no such register */
bool cp0_write(struct cpu *c, unsigned idx, uint32_t val);
bool cp0_read_ctx(struct cpu *c, bool guest, unsigned idx, uint32_t *val);
bool cp0_write_ctx(struct cpu *c, bool guest, unsigned idx, uint32_t val, uint32_t wmask);
uint32_t cp0_guest_count(const struct cpu *c);
void cp0_guest_timer_fire(struct cpu *c);
void cp0_guest_reset(struct cpu *c);
uint32_t cp0_count(const struct cpu *c);
void cp0_timer_fire(struct cpu *c);
void cpu_update_mode(struct cpu *c);
void cpu_select_srs(struct cpu *c, unsigned set);

/* mmu.c */
bool mmu_translate(struct cpu *c, uint32_t va, enum access acc, uint32_t *pa);
void stlb_flush(struct cpu *c);

/* mem.c: slow paths; the fast paths are in mem.h. */
bool mem_fetch_slow(struct cpu *c, uint32_t va, uint32_t *insn);
bool mem_load_slow(struct cpu *c, uint32_t va, unsigned size, uint32_t *val);
bool mem_store_slow(struct cpu *c, uint32_t va, unsigned size, uint32_t val);

/* decode.c */
void cpu_execute(struct cpu *c, uint32_t insn);

/* micromips_step.c: fetches and executes one microMIPS instruction at c->pc (bit 0 set). */
void mm_step(struct cpu *c);

/* The restart address of the executing instruction: the branch when it sits in a delay
 * slot (MD00090 §6.2.1), 2 or 4 bytes back in microMIPS; bit 0 = ISA mode (mips-vz.md §7). */
static inline uint32_t cpu_restart_pc(const struct cpu *c)
{
    if (!c->in_ds)
        return c->cur_pc;
    return c->cur_pc - ((c->cur_pc & 1) ? c->br_size : 4u);
}

/* Root Status. */
static inline uint32_t cp0_status(const struct cpu *c)
{
    return c->cp0[CP0_STATUS];
}

/* The CP0 registers of the context the core executes in: the guest's in guest mode. */
static inline uint32_t *cpu_regs(struct cpu *c)
{
    return c->guest ? c->g.r : c->cp0;
}

static inline uint32_t active_status(const struct cpu *c)
{
    return c->guest ? c->g.r[CP0_STATUS] : c->cp0[CP0_STATUS];
}

/* Kernel mode of the executing context (guest kernel mode in guest mode). */
static inline bool cpu_kernel_mode(const struct cpu *c)
{
    uint32_t st = active_status(c);
    return (st & (STATUS_EXL | STATUS_ERL)) || !(st & STATUS_KSU);
}

/* Ends the current run slice so that the run loop looks at interrupts and events. */
static inline void cpu_end_slice(struct cpu *c)
{
    c->slice_end = c->cycles;
}

#endif
