/* The device emulators (tvp_emulator numbers from tvpconf). */
#ifndef HV_EMUL_EMUL_H
#define HV_EMUL_EMUL_H

#include <stdbool.h>

#include "core/mmio.h"

bool emul_access(struct vm *vm, unsigned emulator, struct mmio_access *a);

bool vuart_access(struct vm *vm, struct mmio_access *a);
bool vevic_access(struct vm *vm, struct mmio_access *a);

#endif
