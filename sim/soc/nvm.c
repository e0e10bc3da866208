/*
 * Flash controller (see nvm.h).  Sources: pic32mz-ef.md §9 (registers), PIC32 FRM Section 52
 * "Flash Program Memory with Support for Live Update" and DS60001320 chapter 5 (sequence and
 * operations).  Decisions:
 *
 * - Unlock: NVMKEY = 0xAA996655 then 0x556699AA; the next write that sets NVMCON.WR (with
 *   WREN = 1, in NVMCON or NVMCONSET) starts the operation and consumes the unlock; any other
 *   NVMKEY write locks.  WR without the unlock or without WREN does nothing.
 * - Operations: word (NVMDATA0) and quad word (NVMDATA0..3) program at NVMADDR, row program
 *   (2 KB from RAM at NVMSRCADDR), page erase (16 KB), lower/upper/all program-flash erase.
 *   Programming can only clear bits (flash cells are ANDed).  NVMADDR and NVMSRCADDR are
 *   physical.  The work is done through the bus's memory regions directly (the loader's path:
 *   the CPU itself cannot store to flash).  An address outside program or boot flash, or a
 *   source outside memory, sets WRERR and changes nothing.  NVMPWP/NVMBWP are stored but
 *   their write protection is not enforced.
 * - Completion: WR clears after a fixed time (word/quad 20 us, row 1 ms, page erase 20 ms,
 *   panel erase 80 ms at 200 MHz, the order of the datasheet's electrical specs) and the
 *   flash-controller interrupt (IRQ 167) is requested.  Reading the flash meanwhile shows the
 *   new contents already.
 */
#include "nvm.h"

#include <string.h>

#include "../cpu/cpu.h"
#include "bus.h"
#include "evic.h"
#include "sfr_reg.h"
#include "soc/memmap.h"
#include "soc/nvm.h"

#define US(n) (200ull * (n)) /* cycles at 200 MHz */

static bool is_flash(uint32_t pa, uint32_t len)
{
    return (pa >= PFM_PHYS && pa - PFM_PHYS + (uint64_t)len <= PFM_SIZE_MAX) ||
           (pa >= BOOT_PHYS && pa - BOOT_PHYS + (uint64_t)len <= BOOT_SIZE);
}

static uint8_t *flash_ptr(struct nvm *n, uint32_t pa, uint32_t len)
{
    if (!is_flash(pa, len))
        return NULL;
    const struct bus_memory *m = bus_find_memory(n->bus, pa, len);
    return m ? m->host + (pa - m->base) : NULL;
}

static bool program(struct nvm *n, uint32_t pa, const uint8_t *src, uint32_t len)
{
    uint8_t *dst = flash_ptr(n, pa, len);
    if (!dst)
        return false;
    for (uint32_t i = 0; i < len; i++)
        dst[i] &= src[i];
    return true;
}

static bool erase(struct nvm *n, uint32_t pa, uint32_t len)
{
    uint8_t *dst = flash_ptr(n, pa, len);
    if (!dst)
        return false;
    memset(dst, 0xFF, len);
    return true;
}

/* Does the operation; returns its duration in cycles, 0 on error (WRERR). */
static uint64_t operate(struct nvm *n)
{
    uint8_t buf[NVM_ROW_SIZE];
    switch (n->con & NVMCON_NVMOP) {
    case NVMOP_NOP: return US(1);
    case NVMOP_WORD_PGM:
        memcpy(buf, &n->data[0], 4);
        return program(n, n->addr & ~3u, buf, 4) ? US(20) : 0;
    case NVMOP_QUAD_PGM:
        memcpy(buf, n->data, 16);
        return program(n, n->addr & ~15u, buf, 16) ? US(20) : 0;
    case NVMOP_ROW_PGM:
        if (bus_peek(n->bus, n->srcaddr & ~3u, buf, NVM_ROW_SIZE))
            return 0;
        return program(n, n->addr & ~(NVM_ROW_SIZE - 1), buf, NVM_ROW_SIZE) ? US(1000) : 0;
    case NVMOP_PAGE_ERASE:
        return erase(n, n->addr & ~(NVM_PAGE_SIZE - 1), NVM_PAGE_SIZE) ? US(20000) : 0;
    case NVMOP_LPFM_ERASE: return erase(n, PFM_PHYS, PFM_SIZE_MAX / 2) ? US(80000) : 0;
    case NVMOP_UPFM_ERASE:
        return erase(n, PFM_PHYS + PFM_SIZE_MAX / 2, PFM_SIZE_MAX / 2) ? US(80000) : 0;
    case NVMOP_PFM_ERASE: return erase(n, PFM_PHYS, PFM_SIZE_MAX) ? US(80000) : 0;
    default: return 0;
    }
}

static void done(void *opaque, uint64_t now)
{
    struct nvm *n = opaque;
    (void)now;
    n->con &= ~NVMCON_WR;
    evic_set_irq(n->evic, IRQ_FLASH, true);
    evic_set_irq(n->evic, IRQ_FLASH, false);
}

static void start(struct nvm *n)
{
    n->key_state = 0;
    n->con &= ~(NVMCON_WRERR | NVMCON_LVDERR);
    uint64_t t = operate(n);
    if (!t) {
        n->con |= NVMCON_WRERR;
        t = US(1);
    }
    events_schedule(n->q, &n->done, cpu_cycles(n->cpu) + t);
    cpu_request_stop(n->cpu); /* the core's slice may end after the new event */
}

static uint32_t *slot(struct nvm *n, uint32_t reg, uint32_t *writable)
{
    switch (reg) {
    case NVM_NVMCON:
        *writable = NVMCON_NVMOP | NVMCON_BFSWAP | NVMCON_PFSWAP | NVMCON_LVDERR | NVMCON_WRERR |
                    NVMCON_WREN | NVMCON_WR;
        return &n->con;
    case NVM_NVMADDR: *writable = ~0u; return &n->addr;
    case NVM_NVMSRCADDR: *writable = ~0u; return &n->srcaddr;
    case NVM_NVMPWP: *writable = NVMPWP_PWP | NVMPWP_PWPULOCK; return &n->pwp;
    case NVM_NVMBWP: *writable = 0xFFFF; return &n->bwp;
    case NVM_NVMCON2: *writable = ~0u; return &n->con2;
    default: break;
    }
    for (unsigned i = 0; i < 4; i++)
        if (reg == NVM_NVMDATA(i)) {
            *writable = ~0u;
            return &n->data[i];
        }
    return NULL;
}

static bool nvm_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct nvm *n = opaque;
    uint32_t writable, reg = off & ~0xFu, v;
    if (reg == NVM_NVMKEY) {
        if (off & SFR_ALIAS_MASK)
            return false;
        v = 0;
    } else {
        uint32_t *r = slot(n, reg, &writable);
        if (!r)
            return false;
        v = (off & SFR_ALIAS_MASK) ? 0 : *r >> (8 * (off & 3));
    }
    *val = size < 4 ? v & ((1u << (8 * size)) - 1) : v;
    return true;
}

static bool nvm_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct nvm *n = opaque;
    uint32_t writable, lanes, reg = off & ~0xFu;
    if (reg == NVM_NVMKEY) {
        if (off & SFR_ALIAS_MASK)
            return false;
        if (size == 4 && val == NVM_KEY1)
            n->key_state = 1;
        else if (size == 4 && val == NVM_KEY2 && n->key_state == 1)
            n->key_state = 2;
        else
            n->key_state = 0;
        return true;
    }
    uint32_t *r = slot(n, reg, &writable);
    if (!r)
        return false;
    uint32_t v = sfr_widen(off, size, val, &lanes);
    if (r == &n->con) {
        bool busy = n->con & NVMCON_WR;
        uint32_t next = sfr_apply(n->con, off & 0xF, v, writable & lanes);
        if (busy) /* WR can only be cleared by the hardware; nothing else changes meanwhile */
            return true;
        bool go = (next & NVMCON_WR) && (next & NVMCON_WREN) && n->key_state == 2;
        n->con = go ? next : next & ~NVMCON_WR;
        if (go)
            start(n);
        return true;
    }
    *r = sfr_apply(*r, off & 0xF, v, writable & lanes);
    return true;
}

void nvm_reset(struct nvm *n)
{
    events_cancel(n->q, &n->done);
    n->con = n->addr = n->srcaddr = n->pwp = n->bwp = n->con2 = 0;
    memset(n->data, 0, sizeof(n->data));
    n->key_state = 0;
}

int nvm_attach(struct nvm *n, struct bus *b, struct event_queue *q, struct cpu *c, struct evic *e)
{
    memset(n, 0, sizeof(*n));
    n->bus = b;
    n->q = q;
    n->cpu = c;
    n->evic = e;
    n->done = (struct sim_event){.fn = done, .opaque = n};
    struct bus_device d = {.name = "nvm",
                           .base = NVM_PHYS,
                           .size = NVM_SIZE,
                           .opaque = n,
                           .read = nvm_read,
                           .write = nvm_write};
    return bus_add_device(b, &d);
}
