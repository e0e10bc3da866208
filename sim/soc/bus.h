/*
 * The PIC32MZ-EF system bus as the simulator sees it: RAM, program flash and boot flash
 * backed by host memory, and an SFR window in which device models register address ranges.
 * An access to nothing is a bus error (pic32mz-ef.md §1.5); the caller turns it into IBE/DBE.
 */
#ifndef SIM_BUS_H
#define SIM_BUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Who initiates an access; the bus arbiter (pic32mz-ef.md §8) checks permissions by it. */
enum bus_initiator {
    BUS_CPU,
    BUS_DMA,
    BUS_LOADER, /* image loading and the debugger: bypasses write protection of flash */
};

struct bus_device {
    const char *name;
    uint32_t base; /* physical */
    uint32_t size;
    void *opaque;
    /* off is relative to base; size is 1, 2 or 4 and off is size-aligned.
     * Return false for a bus error. */
    bool (*read)(void *opaque, uint32_t off, unsigned size, uint32_t *val);
    bool (*write)(void *opaque, uint32_t off, unsigned size, uint32_t val);
};

/* What the bus arbiter says about one access (sim/soc/sba.c installs the filter). */
enum bus_verdict {
    BUS_ALLOW,
    BUS_DENY, /* blocked and logged by the arbiter: a bus error for the initiator */
    BUS_MUTE, /* the target does not respond (a PMD-disabled module): reads 0, writes dropped */
};

/* Access filter of the system bus arbiter (pic32mz-ef.md §8).  check() sees every access of
 * BUS_CPU and BUS_DMA, memory and devices alike; restricted() says whether the arbiter may
 * refuse the CPU some byte of the 4 KB page at page_pa (such pages must not be cached). */
struct bus_filter {
    void *ctx;
    enum bus_verdict (*check)(void *ctx, uint32_t pa, unsigned size, bool write,
                              enum bus_initiator who);
    bool (*restricted)(void *ctx, uint32_t page_pa);
};

struct bus_memory {
    uint32_t base; /* physical */
    uint32_t size;
    uint8_t *host;
    bool cpu_writable; /* RAM yes; flash is written through the NVM controller only */
};

#define BUS_MAX_MEMORIES     8
#define BUS_MAX_DEVICES      96
#define BUS_SFR_PAGE_SHIFT   12
#define BUS_DEVICES_PER_PAGE 16

struct bus {
    struct bus_memory mem[BUS_MAX_MEMORIES];
    unsigned nmem;
    struct bus_device dev[BUS_MAX_DEVICES];
    unsigned ndev;
    /* Per 4 KB page of the SFR window: indices + 1 of the devices on it (0 ends the list). */
    uint8_t page_dev[(1u << 20) >> BUS_SFR_PAGE_SHIFT][BUS_DEVICES_PER_PAGE];
    void (*unhandled)(void *ctx, uint32_t pa, unsigned size, bool write);
    void *unhandled_ctx;
    /* Every device-level access (not memory) after it happened, for the host's --trace mmio;
     * `dev` is NULL when nothing answered.  NULL = off. */
    void (*trace)(void *ctx, uint32_t pa, unsigned size, uint32_t val, bool write, bool ok,
                  const char *dev, enum bus_initiator who);
    void *trace_ctx;
    struct bus_filter filter; /* the system bus arbiter (bus_set_filter) */
    /* Whoever caches host pointers to memory (the core's soft TLB) is told to drop them when
     * the arbiter's restrictions change (bus_watch_cache). */
    void (*cache_flush)(void *ctx);
    void *cache_flush_ctx;
};

void bus_init(struct bus *b);
/* Adds a memory region (host buffer owned by the caller). Returns -1 if it overlaps. */
int bus_add_memory(struct bus *b, uint32_t base, uint32_t size, uint8_t *host, bool cpu_writable);
/* Registers a device in the SFR window. Returns -1 if it overlaps another or lies outside. */
int bus_add_device(struct bus *b, const struct bus_device *d);

/* Host pointer for [pa, pa+len) if it lies inside one memory region, else NULL. */
const struct bus_memory *bus_find_memory(const struct bus *b, uint32_t pa, uint32_t len);

/* Device-level accesses (SFRs and anything not in a memory region). false = bus error. */
bool bus_read(struct bus *b, uint32_t pa, unsigned size, uint32_t *val, enum bus_initiator who);
bool bus_write(struct bus *b, uint32_t pa, unsigned size, uint32_t val, enum bus_initiator who);

/* Installs the arbiter's filter (NULL check = every access allowed). */
void bus_set_filter(struct bus *b, const struct bus_filter *f);
/* True if the arbiter may refuse the CPU part of the 4 KB page holding pa: the core must then
 * send every access to that page through bus_read/bus_write instead of caching the page. */
bool bus_region_restricted(struct bus *b, uint32_t pa);
/* Registers the cache to flush when restrictions change (one cache: the core's soft TLB). */
void bus_watch_cache(struct bus *b, void (*flush)(void *ctx), void *ctx);
/* The arbiter calls this after any change of permissions or groups. */
void bus_restrictions_changed(struct bus *b);

/* Bulk write for loaders and debuggers (memory regions only, flash included). */
int bus_load(struct bus *b, uint32_t pa, const uint8_t *data, uint32_t len);
/* Bulk read for debuggers. Returns -1 if any byte is not memory. */
int bus_peek(struct bus *b, uint32_t pa, uint8_t *data, uint32_t len);

#endif
