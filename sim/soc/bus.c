/* System bus: memory regions and SFR device dispatch (see bus.h). */
#include "bus.h"

#include <string.h>

#include "soc/memmap.h"

void bus_init(struct bus *b)
{
    memset(b, 0, sizeof(*b));
}

static bool ranges_overlap(uint32_t a, uint32_t alen, uint32_t b, uint32_t blen)
{
    return a < b + blen && b < a + alen;
}

int bus_add_memory(struct bus *b, uint32_t base, uint32_t size, uint8_t *host, bool cpu_writable)
{
    if (b->nmem == BUS_MAX_MEMORIES || size == 0)
        return -1;
    for (unsigned i = 0; i < b->nmem; i++)
        if (ranges_overlap(base, size, b->mem[i].base, b->mem[i].size))
            return -1;
    b->mem[b->nmem++] = (struct bus_memory){base, size, host, cpu_writable};
    return 0;
}

int bus_add_device(struct bus *b, const struct bus_device *d)
{
    if (b->ndev == BUS_MAX_DEVICES || d->size == 0 || d->base < SFR_PHYS ||
        d->base - SFR_PHYS + (uint64_t)d->size > SFR_SIZE)
        return -1;
    for (unsigned i = 0; i < b->ndev; i++)
        if (ranges_overlap(d->base, d->size, b->dev[i].base, b->dev[i].size))
            return -1;
    uint32_t first = (d->base - SFR_PHYS) >> BUS_SFR_PAGE_SHIFT;
    uint32_t last = (d->base - SFR_PHYS + d->size - 1) >> BUS_SFR_PAGE_SHIFT;
    for (uint32_t p = first; p <= last; p++)
        if (b->page_dev[p][BUS_DEVICES_PER_PAGE - 1])
            return -1; /* page list full */
    unsigned idx = b->ndev++;
    b->dev[idx] = *d;
    for (uint32_t p = first; p <= last; p++) {
        unsigned k = 0;
        while (b->page_dev[p][k])
            k++;
        b->page_dev[p][k] = (uint8_t)(idx + 1);
    }
    return 0;
}

const struct bus_memory *bus_find_memory(const struct bus *b, uint32_t pa, uint32_t len)
{
    for (unsigned i = 0; i < b->nmem; i++) {
        const struct bus_memory *m = &b->mem[i];
        if (pa - m->base < m->size && len <= m->size - (pa - m->base))
            return m;
    }
    return NULL;
}

static struct bus_device *find_device(struct bus *b, uint32_t pa, unsigned size)
{
    if (pa - SFR_PHYS >= SFR_SIZE)
        return NULL;
    const uint8_t *list = b->page_dev[(pa - SFR_PHYS) >> BUS_SFR_PAGE_SHIFT];
    for (unsigned k = 0; k < BUS_DEVICES_PER_PAGE && list[k]; k++) {
        struct bus_device *d = &b->dev[list[k] - 1];
        if (pa - d->base < d->size && size <= d->size - (pa - d->base))
            return d;
    }
    return NULL;
}

static uint32_t mem_read(const struct bus_memory *m, uint32_t pa, unsigned size)
{
    const uint8_t *p = m->host + (pa - m->base);
    uint32_t v = 0;
    memcpy(&v, p, size); /* host and target are both little-endian (checked in cpu.c) */
    return v;
}

void bus_set_filter(struct bus *b, const struct bus_filter *f)
{
    b->filter = f ? *f : (struct bus_filter){0};
    bus_restrictions_changed(b);
}

bool bus_region_restricted(struct bus *b, uint32_t pa)
{
    return b->filter.restricted && b->filter.restricted(b->filter.ctx, pa & ~0xFFFu);
}

void bus_watch_cache(struct bus *b, void (*flush)(void *ctx), void *ctx)
{
    b->cache_flush = flush;
    b->cache_flush_ctx = ctx;
}

void bus_restrictions_changed(struct bus *b)
{
    if (b->cache_flush)
        b->cache_flush(b->cache_flush_ctx);
}

/* The arbiter's verdict; the loader and debugger are never filtered. */
static enum bus_verdict filter(struct bus *b, uint32_t pa, unsigned size, bool write,
                               enum bus_initiator who)
{
    if (!b->filter.check || who == BUS_LOADER)
        return BUS_ALLOW;
    return b->filter.check(b->filter.ctx, pa, size, write, who);
}

bool bus_read(struct bus *b, uint32_t pa, unsigned size, uint32_t *val, enum bus_initiator who)
{
    enum bus_verdict v = filter(b, pa, size, false, who);
    if (v != BUS_ALLOW) {
        *val = 0;
        return v == BUS_MUTE;
    }
    const struct bus_memory *m = bus_find_memory(b, pa, size);
    if (m) {
        *val = mem_read(m, pa, size);
        return true;
    }
    struct bus_device *d = find_device(b, pa, size);
    if (d && d->read) {
        bool ok = d->read(d->opaque, pa - d->base, size, val);
        if (!ok && b->unhandled) /* a hole inside the device's block */
            b->unhandled(b->unhandled_ctx, pa, size, false);
        if (b->trace)
            b->trace(b->trace_ctx, pa, size, ok ? *val : 0, false, ok, d->name, who);
        return ok;
    }
    if (b->unhandled)
        b->unhandled(b->unhandled_ctx, pa, size, false);
    if (b->trace)
        b->trace(b->trace_ctx, pa, size, 0, false, false, NULL, who);
    return false;
}

bool bus_write(struct bus *b, uint32_t pa, unsigned size, uint32_t val, enum bus_initiator who)
{
    enum bus_verdict v = filter(b, pa, size, true, who);
    if (v != BUS_ALLOW)
        return v == BUS_MUTE;
    const struct bus_memory *m = bus_find_memory(b, pa, size);
    if (m) {
        if (!m->cpu_writable && who != BUS_LOADER)
            return false; /* flash: bus error on a CPU store (pic32mz-ef.md §1.5) */
        memcpy(m->host + (pa - m->base), &val, size);
        return true;
    }
    struct bus_device *d = find_device(b, pa, size);
    if (d && d->write) {
        bool ok = d->write(d->opaque, pa - d->base, size, val);
        if (!ok && b->unhandled) /* a hole inside the device's block */
            b->unhandled(b->unhandled_ctx, pa, size, true);
        if (b->trace)
            b->trace(b->trace_ctx, pa, size, val, true, ok, d->name, who);
        return ok;
    }
    if (b->unhandled)
        b->unhandled(b->unhandled_ctx, pa, size, true);
    if (b->trace)
        b->trace(b->trace_ctx, pa, size, val, true, false, NULL, who);
    return false;
}

int bus_load(struct bus *b, uint32_t pa, const uint8_t *data, uint32_t len)
{
    const struct bus_memory *m = bus_find_memory(b, pa, len);
    if (!m)
        return -1;
    memcpy(m->host + (pa - m->base), data, len);
    return 0;
}

int bus_peek(struct bus *b, uint32_t pa, uint8_t *data, uint32_t len)
{
    const struct bus_memory *m = bus_find_memory(b, pa, len);
    if (!m)
        return -1;
    memcpy(data, m->host + (pa - m->base), len);
    return 0;
}
