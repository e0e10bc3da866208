/*
 * The fuzz guest's way in and out of one random instruction (guests/fuzz/main.c).
 *
 * fuzz_exec(word, regs) writes the word into the slot (uncached, so no cache maintenance is
 * needed), loads every GPR but k0 (the base: it holds regs) and HI/LO from regs[], sets EPC to fuzz_back (for an ERET
 * the word might be) and jumps to the slot: word; nop (a branch's delay slot); then a jump to
 * fuzz_back.  Every exception goes to the vectors below, which count it by ExcCode and resume
 * at fuzz_back too; fuzz_back takes a fresh stack and calls fuzz_next() again.  So nothing the
 * word does to the registers or the stack outlives it.
 */
#include "soc/cp0.h"

#define SLOT 0xA0020000 /* KSEG1: the middle of the 256 KB RAM */

    .set    noreorder
    .section .vectors, "ax"
    .globl  fz_vectors
fz_vectors:
    .org    0x180
    la      $k0, fz_exc
    mfc0    $k1, C0_CAUSE
    andi    $k1, $k1, 0x7C
    addu    $k0, $k0, $k1
    lw      $k1, 0($k0)
    addiu   $k1, $k1, 1
    sw      $k1, 0($k0)
    la      $k1, fuzz_back
    mtc0    $k1, C0_EPC
    ehb
    eret
    nop

    .text
    .globl  fuzz_exec
    .ent    fuzz_exec
fuzz_exec:
    li      $t0, SLOT
    sw      $a0, 0($t0)
    sw      $zero, 4($t0)
    lui     $t1, 0x3c1a               /* lui k0, %hi(fuzz_back) */
    la      $t2, fuzz_back
    srl     $t3, $t2, 16
    or      $t1, $t1, $t3
    sw      $t1, 8($t0)
    lui     $t1, 0x375a               /* ori k0, k0, %lo(fuzz_back) */
    andi    $t3, $t2, 0xFFFF
    or      $t1, $t1, $t3
    sw      $t1, 12($t0)
    li      $t1, 0x03400008           /* jr k0 */
    sw      $t1, 16($t0)
    sw      $zero, 20($t0)
    mtc0    $t2, C0_EPC
    ehb
    move    $k0, $a1
    move    $k1, $t0
    lw      $t0, 128($k0)
    mthi    $t0
    lw      $t0, 132($k0)
    mtlo    $t0
    .set    noat
    lw      $1, 4($k0)
    lw      $2, 8($k0)
    lw      $3, 12($k0)
    lw      $4, 16($k0)
    lw      $5, 20($k0)
    lw      $6, 24($k0)
    lw      $7, 28($k0)
    lw      $8, 32($k0)
    lw      $9, 36($k0)
    lw      $10, 40($k0)
    lw      $11, 44($k0)
    lw      $12, 48($k0)
    lw      $13, 52($k0)
    lw      $14, 56($k0)
    lw      $15, 60($k0)
    lw      $16, 64($k0)
    lw      $17, 68($k0)
    lw      $18, 72($k0)
    lw      $19, 76($k0)
    lw      $20, 80($k0)
    lw      $21, 84($k0)
    lw      $22, 88($k0)
    lw      $23, 92($k0)
    lw      $24, 96($k0)
    lw      $25, 100($k0)
    lw      $28, 112($k0)
    lw      $29, 116($k0)
    lw      $30, 120($k0)
    lw      $31, 124($k0)
    jr      $k1
    lw      $k1, 108($k0)             /* k1 random too: a JR $k1 must not re-enter the slot */
    .set    at
    .end    fuzz_exec

    .globl  fuzz_back
    .ent    fuzz_back
fuzz_back:
    la      $sp, _stack_top
    move    $gp, $zero
    j       fuzz_next
    nop
    .end    fuzz_back

    .bss
    .globl  fz_exc
fz_exc:
    .space  128 /* exceptions by ExcCode */
