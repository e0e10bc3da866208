/* Dispatch of emulated windows to their emulator (style-examples.md #8: a table by code),
 * after turning the guest's access of any width into a register access (emul.h). */
#include "emul.h"

#include "soc/sfr.h"
#include "tvp/tables.h"

static const emul_fn emulators[TVP_EMUL_COUNT] = {
    [TVP_EMUL_CONSOLE] = vuart_access,
    [TVP_EMUL_IC] = vevic_access,
    [TVP_EMUL_GPIO] = vgpio_access,
};

uint32_t emul_apply(uint32_t old, const struct emul_reg *r, uint32_t writable)
{
    uint32_t v = r->value;
    uint32_t next = r->alias == SFR_CLR   ? old & ~v
                    : r->alias == SFR_SET ? old | v
                    : r->alias == SFR_INV ? old ^ v
                                          : v;
    uint32_t w = writable & r->lanes;
    return (old & ~w) | (next & w);
}

bool emul_access(struct vm *vm, unsigned emulator, struct mmio_access *a)
{
    if (emulator >= TVP_EMUL_COUNT || !emulators[emulator])
        return false; /* an emulator tinyVP does not have: nothing there */
    unsigned shift = 8 * (a->offset & 3u);
    uint32_t size_mask = a->size == 4 ? 0xFFFFFFFFu : (1u << (8 * a->size)) - 1u;
    struct emul_reg r = {
        .gpa = a->gpa & ~3u,
        .off = a->offset & ~3u,
        .reg = a->offset & ~0xFu,
        .alias = a->offset & SFR_ALIAS_MASK,
        .lanes = size_mask << shift,
        .write = a->write,
        .value = a->write ? (a->value & size_mask) << shift : 0,
    };
    if (!emulators[emulator](vm, &r))
        return false;
    if (!a->write)
        a->value = (r.value >> shift) & size_mask;
    return true;
}
