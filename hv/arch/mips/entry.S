/*
 * tinyVP's entry (vzentry, where the board's boot loader jumps: pic32mz-ef.md §10.5) and its
 * exception vectors.  There is one hypervisor stack: every exception starts on an empty
 * stack, because nothing root does survives an exception except through static state —
 * guests keep their registers in their own shadow sets (architecture.md), root code
 * runs in set 0, and an exception handler ends by entering a guest (or the idle loop), never
 * by returning into interrupted root code.
 */
#include "soc/cp0.h"

    .set    noreorder
    .set    virt

    .section .entry, "ax"
    .globl  vzentry
    .ent    vzentry
vzentry:
    la      $sp, _stack_top
    move    $gp, $zero
    la      $t0, _data_load         /* .data from flash */
    la      $t1, _data_start
    la      $t2, _data_end
1:  beq     $t1, $t2, 2f
    nop
    lw      $t3, 0($t0)
    sw      $t3, 0($t1)
    addiu   $t0, $t0, 4
    b       1b
    addiu   $t1, $t1, 4
2:  la      $t1, _bss_start
    la      $t2, _bss_end
3:  beq     $t1, $t2, 4f
    nop
    sw      $zero, 0($t1)
    b       3b
    addiu   $t1, $t1, 4
4:  jal     hv_main
    nop
    b       hv_panic_halt
    nop
    .end    vzentry

/* Vectors at EBase (mips-vz.md §4.1): TLB refill, general exception, interrupt (the EVIC
 * runs in single-vector mode, so every root interrupt enters at EBase + 0x200). */
    .section .vectors, "ax"
    .globl  hv_vectors
hv_vectors:
    .org    0x000
    la      $sp, _stack_top
    j       hv_tlb_refill
    nop
    .org    0x180
    la      $sp, _stack_top
    j       hv_exception
    nop
    .org    0x200
    la      $sp, _stack_top
    j       hv_interrupt
    nop

    .text
/* Enters guest `vm`: EPC, GuestCtl0.GM and SRSCtl.PSS are already set by the caller; ERET
 * with EXL=1 drops into guest mode (mips-vz.md §5.18). */
    .globl  hv_eret
    .ent    hv_eret
hv_eret:
    ehb
    eret
    nop
    .end    hv_eret

/* Nothing to run: wait for an interrupt with EXL=0 and IE=1; the interrupt vector takes over
 * on a fresh stack. */
    .globl  hv_idle
    .ent    hv_idle
hv_idle:
    mfc0    $t0, C0_STATUS
    ori     $t0, $t0, STATUS_IE
    ins     $t0, $zero, 1, 1        /* EXL = 0 */
    mtc0    $t0, C0_STATUS
    ehb
1:  wait
    b       1b
    nop
    .end    hv_idle

/* The page a guest runs to have its LL bit cleared (core/llclear.c): the guest's own ERET
 * (MD00086 ERET clears LLbit) returns to the HYPCALL after it, which exits to root. */
    .section .eretpage, "ax"
    .globl  hv_eret_page
hv_eret_page:
    eret
    hypcall 0x3ff
    .text

    .globl  hv_panic_halt
    .ent    hv_panic_halt
hv_panic_halt:
    di
1:  wait
    b       1b
    nop
    .end    hv_panic_halt
