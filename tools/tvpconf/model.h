/*
 * The configuration as tvpconf understands it: what the three files say (parsers fill it),
 * then what tvpconf decides (allocation, IRQ and bus-arbiter tables fill the rest).
 */
#ifndef TVPCONF_MODEL_H
#define TVPCONF_MODEL_H

#include <stdint.h>

#include "arena.h"
#include "diag.h"

#define MAX_VMS      7 /* VM ids 1..7 (config-format.md) */
#define N_PMD        7 /* PMD1..PMD7 (pic32mz-ef.md §2.5) */
#define N_IRQ        214
#define NAME_MAX_LEN 63
#define N_GPIO_PORTS 10 /* A..K without I (pic32mz-ef.md §5.1) */

/* Region flag letters (config-format.md, "Region lines"). */
enum {
    RF_R = 1u << 0,
    RF_W = 1u << 1,
    RF_X = 1u << 2,
    RF_IGNORE = 1u << 3,       /* i */
    RF_IGNORE_PRINT = 1u << 4, /* I */
    RF_SHARED = 1u << 5,       /* s */
    RF_EMULATED = 1u << 6,     /* e */
    RF_UNCACHED = 1u << 7,     /* u */
    RF_CACHED = 1u << 8,       /* n */
    RF_ACCEL = 1u << 9,        /* a */
    RF_WTHROUGH = 1u << 10,    /* t */
    RF_D = 1u << 11,           /* d: accepted, no meaning */
};

enum region_kind {
    RK_REGS,   /* device registers */
    RK_CODE,   /* fixed, in .mmap */
    RK_DATA,   /* fixed */
    RK_RODATA, /* fixed */
    RK_ROM,    /* allocated from the board's flash pool */
    RK_RAM,    /* allocated from the board's RAM pool */
    RK_DMA,    /* the VM's DMA zone (guest address == physical) */
};

struct device;

struct region {
    enum region_kind kind;
    uint32_t gpa, size;
    uint32_t rpa;   /* physical; for ROM/RAM filled in by the allocator */
    uint32_t align; /* ROM/RAM only */
    unsigned flags; /* RF_* */
    int seq;        /* order of statements in the VM (later rom/ram replace earlier) */
    int from_elf;   /* a code/data extent read from the VM's ELF (one of possibly several) */
    struct loc loc;
    const struct device *dev; /* owner device for RK_REGS */
};

struct pmd_bit {
    int reg; /* 0..6 for PMD1..PMD7 */
    int bit;
    struct loc loc;
};

struct device {
    const char *name;
    struct loc loc;
    VEC(uint32_t) irqs;
    VEC(struct loc) irq_locs;
    int share;
    const char *emulator; /* NULL when none */
    struct loc emulator_loc;
    VEC(struct region) regs;
    int dma_set;            /* -1 when absent */
    int dma_cfgpg_position; /* -1 when absent */
    struct loc dma_loc;
    VEC(struct pmd_bit) pmd;
};

struct setup_word {
    uint32_t addr, value;
    struct loc loc;
};

struct vm {
    int id, gid;
    struct loc loc, id_loc, gid_loc;
    const char *elf, *file, *binary;
    struct loc image_loc;
    int image_seq;
    uint32_t entry;
    int has_entry;
    uint32_t image_entry; /* from the ELF or map file */
    int has_image_entry;
    int irqpolling;
    VEC(uint32_t) irqs;
    VEC(struct loc) irq_locs;
    VEC(struct region) mmap; /* code/data/rodata/rom/ram + dma, in statement order */
    VEC(const struct device *) devices;
    VEC(struct loc) device_locs;
    VEC(struct setup_word) setup;
    int seq;       /* statement counter */
    int dma_group; /* 1..2 when fenced by the bus arbiter, else 0 */
    int has_dma_zone;
    uint32_t pins[N_GPIO_PORTS];       /* `pins =`: its pins of shared ports A..K */
    struct loc pins_loc[N_GPIO_PORTS]; /* where the first pin of each port was named */
};

enum thread_mode { THREAD_KERNEL, THREAD_USER };

struct thread {
    int id;
    struct loc loc;
    const char *entry_sym; /* symbol in tinyVP, or NULL */
    uint32_t entry_addr;
    int has_entry;
    int srs;
    enum thread_mode mode;
    uint32_t sp_size, sp_addr, sp_init;
    int sp_words; /* how many of SIZE, ADDRESS, INITIAL_SP were given */
    struct loc sp_loc;
};

struct board {
    const char *file;
    const char *platform, *boot, *devcfg, *boardinit;
    uint32_t devcfgaddr;
    int has_devcfgaddr;
    uint32_t devcfg_words[4]; /* DEVCFG3..DEVCFG0 for merge */
    int has_devcfg_words;
    uint32_t rom_start, rom_end, ram_start, ram_end;
    int has_rom, has_ram;
    uint32_t eret_page;
    int has_eret_page;
    uint32_t vzcode, vzentry, vzdata, vzstacktop, vzstacksize, vzcodesize;
    int has_vzcode, has_vzentry, has_vzdata, has_vzstacktop, has_vzstacksize, has_vzcodesize;
    uint32_t pmd[N_PMD];
    int has_pmd;
    uint32_t max_page_size; /* largest TLB page; platform parameter */
    unsigned guestid_bits;  /* implemented GuestCtl1.ID width; platform parameter */
    int has_guestid_bits;
    struct loc loc_rom, loc_ram, loc_vzcode, loc_vzdata, loc_pmd, loc_guestid_bits;
};

struct devlib {
    const char *file;
    VEC(struct device *) devices;
};

struct config {
    struct arena *arena;
    const char *file;
    struct devlib lib;
    struct board board;
    VEC(struct vm *) vms; /* in file order (the allocation order) */
    VEC(struct thread) threads;
};

/* Flag string -> RF_* bits. Returns 0, or -1 after an error at `at`. */
int parse_flags(const char *s, const struct loc *at, unsigned *out);
/* RF_* bits -> letters (static buffer, for messages and comments). */
const char *flags_str(unsigned flags);

/* Translates a KSEG0/KSEG1 address to physical; other addresses are kept. */
static inline uint32_t kphys(uint32_t a)
{
    return (a >= 0x80000000u && a < 0xc0000000u) ? (a & 0x1fffffffu) : a;
}

static inline int is_pow2(uint32_t v)
{
    return v && !(v & (v - 1));
}

const struct device *devlib_find(const struct devlib *lib, const char *name);

#endif
