/* Helpers for device models: PIC32 CLR/SET/INV register writes (pic32mz-ef.md §2.1). */
#ifndef SIM_SFR_REG_H
#define SIM_SFR_REG_H

#include <stdint.h>

#include "soc/sfr.h"

/* New value of a register after a write at offset `off` (bits 3:2 select REG, CLR, SET, INV),
 * touching only the bits in `writable`. */
static inline uint32_t sfr_apply(uint32_t reg, uint32_t off, uint32_t val, uint32_t writable)
{
    uint32_t next;
    switch (off & SFR_ALIAS_MASK) {
    case SFR_CLR: next = reg & ~val; break;
    case SFR_SET: next = reg | val; break;
    case SFR_INV: next = reg ^ val; break;
    default: next = val; break;
    }
    return (reg & ~writable) | (next & writable);
}

/* Sub-word writes merge into the 32-bit register image (byte lanes, little-endian). */
static inline uint32_t sfr_widen(uint32_t off, unsigned size, uint32_t val, uint32_t *lane_mask)
{
    unsigned shift = 8 * (off & 3);
    uint32_t m = size == 4 ? ~0u : (((1u << (8 * size)) - 1) << shift);
    *lane_mask = m;
    return (val << shift) & m;
}

#endif
