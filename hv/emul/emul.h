/*
 * The device emulators (tvp_emulator numbers from tvpconf) and the register-access form they
 * all see: a 32-bit register, the byte lanes the guest touched, and which of the PIC32
 * REG/CLR/SET/INV addresses it used (pic32mz-ef.md §2.1).  A byte or halfword access to an
 * SFR behaves on the chip as the same operation on those lanes of the register, so every
 * emulator handles all three widths alike.
 */
#ifndef HV_EMUL_EMUL_H
#define HV_EMUL_EMUL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/mmio.h"

struct emul_reg {
    uint32_t gpa;   /* word-aligned guest physical address */
    uint32_t off;   /* word-aligned offset of the register slot in the window */
    uint32_t reg;   /* off & ~0xF: the register, alias bits removed */
    uint32_t alias; /* off & SFR_ALIAS_MASK: 0, SFR_CLR, SFR_SET or SFR_INV */
    uint32_t lanes; /* bytes touched: 0xFF, 0xFF00, ..., 0xFFFF, 0xFFFFFFFF */
    bool write;
    uint32_t value; /* written value moved to its lanes; a read returns the whole word */
};

/* An emulator: false when the chip has nothing there (the guest gets a bus error). */
typedef bool (*emul_fn)(struct vm *vm, struct emul_reg *r);

bool emul_access(struct vm *vm, unsigned emulator, struct mmio_access *a);

/* New register value after a write through REG, CLR, SET or INV: only `writable` bits (and
 * only the lanes written) change. */
uint32_t emul_apply(uint32_t old, const struct emul_reg *r, uint32_t writable);

bool vuart_access(struct vm *vm, struct emul_reg *r);
bool vevic_access(struct vm *vm, struct emul_reg *r);
bool vgpio_access(struct vm *vm, struct emul_reg *r);

#endif
