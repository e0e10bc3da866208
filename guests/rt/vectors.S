/*
 * A minimal exception vector for test guests (guest EBase = rt_vectors, 4 KB aligned at the
 * start of the guest's flash): records Cause, EPC and BadVAddr of the last exception in
 * rt_exc[] and its count, then resumes after the faulting instruction (not in delay slots).
 */
#include "soc/cp0.h"

    .set    noreorder
    .section .vectors, "ax"
    .globl  rt_vectors
rt_vectors:
    .org    0x180
    la      $k0, rt_exc
    mfc0    $k1, C0_CAUSE
    sw      $k1, 4($k0)
    mfc0    $k1, C0_EPC
    sw      $k1, 8($k0)
    mfc0    $k1, C0_BADVADDR
    sw      $k1, 12($k0)
    lw      $k1, 0($k0)
    addiu   $k1, $k1, 1
    sw      $k1, 0($k0)
    mfc0    $k1, C0_EPC
    addiu   $k1, $k1, 4
    mtc0    $k1, C0_EPC
    ehb
    eret
    nop

    .bss
    .globl  rt_exc
rt_exc:
    .space  16  /* count, cause, epc, badvaddr */
