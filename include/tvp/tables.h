/*
 * Types of the tables that tvpconf generates for the hypervisor (docs/tvpconf.md).
 *
 * Shared by tvpconf (host) and hv/ (target): plain C, fixed-width fields only. Every
 * member is 32 bits wide (a uint32_t or a pointer on the 32-bit target), so the offset
 * of member n is 4*n; tvpconf writes those offsets into tvp_offsets.h for assembly and the
 * generated tvp_config.c checks them with _Static_assert when built for the target.
 */
#ifndef TVP_TABLES_H
#define TVP_TABLES_H

#include <stdint.h>

struct tvp_pagetree; /* include/tvp/pagetree.h */

/* EVIC vectors 0..213 on the PIC32MZ-EF (pic32mz-ef.md §3.1: OFF000..OFF213). */
#define TVP_NIRQ      214
#define TVP_IRQ_WORDS 7 /* IFS0..IFS6: one bit per vector */

/* A partially owned page is checked per 32-bit register (config-format.md: 4-byte masks). */
#define TVP_PAGE_SIZE       4096
#define TVP_PAGE_MASK_WORDS (TVP_PAGE_SIZE / 4 / 32)

/* Device emulators tinyVP provides (names as in the configuration language). */
enum tvp_emulator {
    TVP_EMUL_NONE = 0,  /* pass the access through to the device */
    TVP_EMUL_CONSOLE,   /* "console": per-VM UART registers on the shared console UART */
    TVP_EMUL_IC,        /* "ic_emulator": per-VM copy of the EVIC registers */
    TVP_EMUL_INTERRUPT, /* "interrupt": core software interrupts 0/1 */
    TVP_EMUL_GPIO,      /* "gpio": per-VM pins of a shared port */
    TVP_EMUL_COUNT
};

/* struct tvp_mmio.flags: what the VM may do in a window of device registers. */
#define TVP_MMIO_R            0x0001u /* readable */
#define TVP_MMIO_W            0x0002u /* writable */
#define TVP_MMIO_IGNORE       0x0004u /* writes are ignored ('i') */
#define TVP_MMIO_IGNORE_PRINT 0x0008u /* writes are ignored and printed ('I') */
#define TVP_MMIO_EMULATED     0x0010u /* every access goes to .emulator ('e') */
#define TVP_MMIO_SHARED       0x0020u /* other VMs may own the same registers ('s') */
#define TVP_MMIO_UNCACHED     0x0040u /* 'u' */
#define TVP_MMIO_TRAPPED      0x0080u /* the page is not mapped: every access traps */

/*
 * A window of device registers in a VM's guest physical space that needs the
 * hypervisor: emulated, write-ignored, or in a page the VM only partly owns.
 * Sorted by gpa; windows never overlap.
 */
struct tvp_mmio {
    uint32_t gpa;      /* guest physical start */
    uint32_t size;     /* bytes, a multiple of 4 */
    uint32_t rpa;      /* real physical start (pass-through accesses) */
    uint32_t flags;    /* TVP_MMIO_* */
    uint32_t emulator; /* enum tvp_emulator */
};

/*
 * A 4 KB page mapped invalid because the VM owns only part of it, or because part of it is
 * emulated: bit (w & 31) of mask[w >> 5] is set when the VM may touch the register at byte
 * offset 4*w. Sorted by gpa.
 */
struct tvp_trap_page {
    uint32_t gpa;
    uint32_t rpa;
    uint32_t mask[TVP_PAGE_MASK_WORDS];
};

/* struct tvp_vm.flags */
#define TVP_VM_IRQPOLLING 0x0001u /* the guest takes no interrupts; it polls and uses WAIT */
#define TVP_VM_DMA        0x0002u /* the guest owns a DMA initiator fenced by the bus arbiter */

/* One guest. tvp_vms[] holds TVP_NVMS of them, in VM id order. */
struct tvp_vm {
    uint32_t id;       /* 1..7 */
    uint32_t guestid;  /* VZ GuestID (GuestCtl1.ID) */
    uint32_t srs;      /* shadow register set */
    uint32_t flags;    /* TVP_VM_* */
    uint32_t entry;    /* guest virtual entry address */
    uint32_t dma_base; /* DMA zone (guest address == physical), size 0 when none */
    uint32_t dma_size;
    uint32_t dma_group;                   /* bus-arbiter permission group, 0 when none */
    uint32_t irq_owned[TVP_IRQ_WORDS];    /* physical IRQs routed to this VM */
    uint32_t irq_emulated[TVP_IRQ_WORDS]; /* virtual IRQs raised by an emulator */
    const struct tvp_mmio *mmio;          /* windows needing the hypervisor */
    uint32_t n_mmio;
    const struct tvp_trap_page *traps; /* partially owned / emulated pages */
    uint32_t n_traps;
    const struct tvp_pagetree *pagetree; /* the GPA->RPA map (include/tvp/pagetree.h) */
    uint32_t tlb_pairs;                  /* TLB entries the VM needs in steady state */
};

/* struct tvp_thread.mode */
#define TVP_THREAD_KERNEL 0u
#define TVP_THREAD_USER   1u

/* One root thread. */
struct tvp_thread {
    uint32_t id;
    void (*entry)(void); /* a tinyVP function or address */
    uint32_t srs;        /* shadow register set */
    uint32_t mode;       /* TVP_THREAD_* */
    void *stack;         /* lowest address of the stack */
    uint32_t stack_size;
    void *sp; /* initial stack pointer */
};

/* A register write done at boot while the board registers are unlocked. */
struct tvp_reg_write {
    uint32_t addr; /* physical address */
    uint32_t value;
};

#endif
