/*
 * Exception vectors of the hostile guest (guest EBase = hx_vectors, at the start of its
 * flash): the TLB refill vector (EBase + 0x000, falling through zeros = NOPs) and the general
 * vector (EBase + 0x180) record the exception in hx[] — count, Cause, EPC, BadVAddr — and
 * resume at hx.resume if an attack set it (a fetch from a bad address: EPC + 4 is as bad),
 * else after the faulting instruction (attacks keep their probes out of delay slots).
 */
#include "soc/cp0.h"

    .set    noreorder
    .section .vectors, "ax"
    .globl  hx_vectors
hx_vectors:
    .org    0x180
    la      $k0, hx
    mfc0    $k1, C0_CAUSE
    sw      $k1, 4($k0)
    mfc0    $k1, C0_EPC
    sw      $k1, 8($k0)
    mfc0    $k1, C0_BADVADDR
    sw      $k1, 12($k0)
    lw      $k1, 0($k0)
    addiu   $k1, $k1, 1
    sw      $k1, 0($k0)
    lw      $k1, 16($k0)
    bnez    $k1, 1f
    sw      $zero, 16($k0)
    mfc0    $k1, C0_EPC
    addiu   $k1, $k1, 4
1:  mtc0    $k1, C0_EPC
    ehb
    eret
    nop

    .bss
    .globl  hx
hx:
    .space  20  /* count, cause, epc, badvaddr, resume */
