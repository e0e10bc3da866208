/*
 * The M5150 core as the rest of the simulator sees it.  The state is private to sim/cpu
 * (cpu_internal.h); the board drives the core through these calls.
 */
#ifndef SIM_CPU_H
#define SIM_CPU_H

#include <stdbool.h>
#include <stdint.h>

struct bus;
struct cpu;

/* Core parameters: where two readings of the documents exist, the choice is a parameter. */
struct cpu_params {
    unsigned shadow_sets; /* GPR sets incl. set 0: 8 on the PIC32MZ-EF (mips-vz.md §4.5) */
    unsigned tlb_entries; /* 16 on the PIC32MZ-EF (mips-vz.md §6) */
    uint32_t prid;        /* 0x0001A7xx for the M5150 */
    uint32_t ebase_cpunum;
    /* Largest TLB page (mips-vz.md §6, §8 #1: Microchip says 4 KB..1 MB, tinyVP's code
     * assumes up to 256 MB): 0x100000 or 0x10000000.  PageMask bits above it are not
     * implemented (read as 0), as MD00090 §9.7 says of unsupported page sizes. */
    uint32_t max_page_size;
    unsigned guestid_bits; /* VZ GuestID width: 3 on the PIC32MZ-EF (decision, vz.c) */
    bool eic;              /* an external interrupt controller drives the core (EVIC) */
    /* The guest Count/Compare match interrupts the guest (architectural VZ).  The PIC32MZ-EF
     * never delivers it (mips-vz.md §5.15, tinyVP on silicon): false = "faithful" mode. */
    bool guest_timer_irq;
    /* Guest-mode GPA lookups in the root TLB compare the root ASID (mips-vz.md §3, §8 #15):
     * unsettled; false = ignore it, the reading Linux relies on. */
    bool gpa_asid_compare;
};

/* Why cpu_run returned before its deadline. */
enum cpu_stop {
    CPU_RUNNING = 0,
    CPU_STOP_REQUEST, /* cpu_request_stop(): a device or the host wants control */
    CPU_STOP_SLEEP,   /* WAIT with no interrupt pending: the board may skip to the next event */
    CPU_STOP_BREAK,   /* the next instruction is at a breakpoint (cpu_set_breakpoint) */
};

/* Hook for the interrupt controller: called when the core samples its interrupt inputs. */
struct cpu_irq_source {
    void *opaque;
    /* EIC mode (mips-vz.md §4.4): requested level (0 = none), vector number, vector offset
     * from the EVIC's OFFx (0 = use the architectural vector spacing), shadow set. */
    void (*eic_request)(void *opaque, unsigned *ripl, unsigned *vector, uint32_t *offset,
                        unsigned *eicss);
    /* The core timer's request line (Cause.TI; EVIC vector 0 on the PIC32MZ). */
    void (*timer)(void *opaque, bool level);
    /* Acknowledge of the interrupt the core has just taken (EVIC updates INTSTAT). */
    void (*eic_ack)(void *opaque, unsigned ripl, unsigned vector);
};

struct cpu *cpu_create(struct bus *bus, const struct cpu_params *p);
void cpu_destroy(struct cpu *c);
/* Power-on / chip reset: PC = 0xBFC00000, Status.BEV = ERL = 1 (mips-vz.md §2.4, §4.1). */
void cpu_reset(struct cpu *c);
void cpu_set_irq_source(struct cpu *c, const struct cpu_irq_source *src);

/* Runs until the cycle counter reaches `until` or the core stops; returns the reason. */
enum cpu_stop cpu_run(struct cpu *c, uint64_t until);
/* Ends the current cpu_run slice after the current instruction. */
void cpu_request_stop(struct cpu *c);
/* Tells the core that its interrupt inputs may have changed (sampled before the next insn). */
void cpu_irq_changed(struct cpu *c);

uint64_t cpu_cycles(const struct cpu *c);
/* Advances time while the core sleeps in WAIT. */
void cpu_skip_to(struct cpu *c, uint64_t cycle);
bool cpu_sleeping(const struct cpu *c);

uint32_t cpu_pc(const struct cpu *c);
void cpu_set_pc(struct cpu *c, uint32_t pc);
uint32_t cpu_gpr(const struct cpu *c, unsigned n);
void cpu_set_gpr(struct cpu *c, unsigned n, uint32_t v);
uint32_t cpu_hi(const struct cpu *c);
uint32_t cpu_lo(const struct cpu *c);
uint32_t cpu_cp0(struct cpu *c, unsigned reg, unsigned sel);

/* Statistics. */
uint64_t cpu_exception_count(const struct cpu *c, unsigned exccode);
uint64_t cpu_instructions(const struct cpu *c); /* cycles not spent asleep in WAIT */
uint64_t cpu_interrupt_count(const struct cpu *c, unsigned vector); /* root, by EVIC vector */
uint64_t cpu_tlb_refill_count(const struct cpu *c); /* TLB misses (root, guest, GPA) */
uint64_t cpu_vz_exit_count(const struct cpu *c, unsigned gexccode); /* 15: no GExcCode */

/* Debugger and trace hooks (sim/host).  Exceptions and interrupts call theirs on entry; the
 * per-instruction hook and breakpoints make cpu_run take a stepping loop that checks them,
 * so a run with neither costs nothing per instruction. */
struct cpu_hooks {
    void *ctx;
    /* After each instruction slot: its address, word (0 when the fetch faulted), mode. */
    void (*insn)(void *ctx, uint64_t cycle, uint32_t pc, uint32_t word, bool guest);
    /* Exception entry: ExcCode, restart address, vector now in pc, guest context or root. */
    void (*exception)(void *ctx, uint64_t cycle, unsigned exccode, uint32_t epc, uint32_t vector,
                      bool guest);
    /* A root interrupt taken: the controller's level and vector (both 0 with no EIC). */
    void (*interrupt)(void *ctx, uint64_t cycle, unsigned ripl, unsigned vector, uint32_t pc);
};
void cpu_set_hooks(struct cpu *c, const struct cpu_hooks *h);

#define CPU_MAX_BREAKPOINTS 64
/* Breakpoints on virtual instruction addresses: cpu_run stops with CPU_STOP_BREAK before the
 * instruction at one executes, except at the first instruction of a run that resumes where
 * the last one stopped at a breakpoint.  cpu_set_breakpoint returns false if the table is full. */
bool cpu_set_breakpoint(struct cpu *c, uint32_t va);
void cpu_clear_breakpoint(struct cpu *c, uint32_t va);

#endif
