/* Lazy FPU and DSP switching between VMs (mips-vz.md §5.8, §5.18 "Lazy FPU / DSP"). */
#ifndef HV_CORE_FPU_H
#define HV_CORE_FPU_H

#include <stdint.h>

struct vm_fpu {
    uint64_t fpr[32];
    uint32_t fcsr;
};

struct vm_dsp {
    uint32_t ac[6]; /* hi1, lo1, hi2, lo2, hi3, lo3 */
    uint32_t dspcontrol;
};

struct vm;

/* A guest used the FPU (unit 1) or DSP (unit -1) while root had it disabled: make the VM
 * the unit's owner, loading its state; the instruction is retried (no PC advance). */
void fpu_claim(struct vm *vm, int unit);
/* Root Status.CU1/MX for entering vm: enabled only for the unit's owner. */
uint32_t fpu_status_bits(const struct vm *vm);
/* Forget a VM's FPU/DSP state (restart). */
void fpu_forget(struct vm *vm);

void fpu_save(struct vm_fpu *f);
void fpu_load(const struct vm_fpu *f);
void dsp_save(struct vm_dsp *d);
void dsp_load(const struct vm_dsp *d);

#endif
