/*
 * Lazy switching of the FPU and the DSP accumulators: guests run with root Status.CU1 and MX
 * cleared unless they own the unit; the first use by another VM exits to root (CpU with
 * Cause.CE = 1, or DSPDis), which saves the previous owner's state, loads the new one and
 * lets the instruction run again (mips-vz.md §5.8: the PC is not advanced).
 */
#include "fpu.h"

#include "arch/mips/cp0.h"
#include "core/vm.h"

static struct vm *fpu_owner, *dsp_owner;

void fpu_claim(struct vm *vm, int unit)
{
    uint32_t st = mfc0(12, 0);
    mtc0(12, 0, st | STATUS_CU1 | STATUS_MX | STATUS_FR);
    ehb();
    if (unit > 0 && fpu_owner != vm) {
        if (fpu_owner)
            fpu_save(&fpu_owner->fpu);
        fpu_load(&vm->fpu);
        fpu_owner = vm;
    } else if (unit < 0 && dsp_owner != vm) {
        if (dsp_owner)
            dsp_save(&dsp_owner->dsp);
        dsp_load(&vm->dsp);
        dsp_owner = vm;
    }
    mtc0(12, 0, st);
    ehb();
}

uint32_t fpu_status_bits(const struct vm *vm)
{
    return (fpu_owner == vm ? STATUS_CU1 | STATUS_FR : 0) | (dsp_owner == vm ? STATUS_MX : 0);
}

void fpu_forget(struct vm *vm)
{
    if (fpu_owner == vm)
        fpu_owner = 0;
    if (dsp_owner == vm)
        dsp_owner = 0;
    vm->fpu = (struct vm_fpu){0};
    vm->dsp = (struct vm_dsp){0};
}
