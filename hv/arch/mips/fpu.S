/*
 * FPU and DSP state of a VM, saved and loaded by root when the units change owner (lazy
 * switching, mips-vz.md §5.18).  Root runs these with Status.CU1 = 1, FR = 1 (all 32 64-bit
 * registers) and MX = 1.  Layout: struct vm_fpu / struct vm_dsp in core/fpu.h.
 */
#include "soc/cp0.h"

    .set    noreorder
    .set    hardfloat
    .set    dspr2
    .set    fp=64
    .text

    .globl  fpu_save
    .ent    fpu_save
fpu_save:
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sdc1    $f\n, (\n * 8)($a0)
    .endr
    cfc1    $t0, $31
    jr      $ra
    sw      $t0, 256($a0)
    .end    fpu_save

    .globl  fpu_load
    .ent    fpu_load
fpu_load:
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ldc1    $f\n, (\n * 8)($a0)
    .endr
    lw      $t0, 256($a0)
    jr      $ra
    ctc1    $t0, $31
    .end    fpu_load

    .globl  dsp_save
    .ent    dsp_save
dsp_save:
    mfhi    $t0, $ac1
    sw      $t0, 0($a0)
    mflo    $t0, $ac1
    sw      $t0, 4($a0)
    mfhi    $t0, $ac2
    sw      $t0, 8($a0)
    mflo    $t0, $ac2
    sw      $t0, 12($a0)
    mfhi    $t0, $ac3
    sw      $t0, 16($a0)
    mflo    $t0, $ac3
    sw      $t0, 20($a0)
    rddsp   $t0, 0x3f
    jr      $ra
    sw      $t0, 24($a0)
    .end    dsp_save

    .globl  dsp_load
    .ent    dsp_load
dsp_load:
    lw      $t0, 0($a0)
    mthi    $t0, $ac1
    lw      $t0, 4($a0)
    mtlo    $t0, $ac1
    lw      $t0, 8($a0)
    mthi    $t0, $ac2
    lw      $t0, 12($a0)
    mtlo    $t0, $ac2
    lw      $t0, 16($a0)
    mthi    $t0, $ac3
    lw      $t0, 20($a0)
    mtlo    $t0, $ac3
    lw      $t0, 24($a0)
    jr      $ra
    wrdsp   $t0, 0x3f
    .end    dsp_load
