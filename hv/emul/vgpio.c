/* GPIO pin-level sharing: not yet (see issue 8); every access is a bus error for now. */
#include "core/vm.h"
#include "emul/emul.h"

bool vgpio_access(struct vm *vm, struct emul_reg *r)
{
    (void)vm;
    (void)r;
    return false;
}
