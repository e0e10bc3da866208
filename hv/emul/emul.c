/* Dispatch of emulated windows to their emulator (style-examples.md #8: a table by code). */
#include "emul.h"

#include "tvp/tables.h"

static const mmio_emulator emulators[TVP_EMUL_COUNT] = {
    [TVP_EMUL_CONSOLE] = vuart_access,
    [TVP_EMUL_IC] = vevic_access,
};

bool emul_access(struct vm *vm, unsigned emulator, struct mmio_access *a)
{
    if (emulator >= TVP_EMUL_COUNT || !emulators[emulator])
        return false; /* an emulator tinyVP does not have yet: nothing there */
    return emulators[emulator](vm, a);
}
