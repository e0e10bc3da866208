/*
 * tinyVP's entry (vzentry, where the board's boot loader jumps: pic32mz-ef.md §10.5) and its
 * exception vectors.  There is one hypervisor stack: every exception starts on an empty
 * stack, because nothing root does survives an exception except through static state —
 * guests keep their registers in their own shadow sets (architecture.md), root code
 * runs in set 0, and an exception handler ends by entering a guest, a root thread (or the
 * idle loop), never by returning into interrupted root code.  A root thread that runs in
 * set 0 is the one exception: the vector first saves set 0 into its save area
 * (hv_thread_save, core/thread.h), and hv_thread_resume brings it back.
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
    la      $k1, hv_tlb_refill
    j       hv_vector
    nop
    .org    0x180
    la      $k1, hv_exception
    j       hv_vector
    nop
    .org    0x200
    la      $k1, hv_interrupt
    j       hv_vector
    nop

    .text
/* Every vector: k1 = its handler.  A set-0 root thread's registers are saved first (GPR n
 * at word n, HI/LO at words 26/27, core/thread.c), then the handler starts on the empty
 * stack.  k0/k1 are set 0's scratch registers, which no compiled code uses. */
    .set    noat
hv_vector:
    lui     $k0, %hi(hv_thread_save)
    lw      $k0, %lo(hv_thread_save)($k0)
    bnez    $k0, 2f
    nop
1:  la      $sp, _stack_top
    /* HI/LO are not banked by shadow sets: keep what the interrupted context had before root
     * C code (divisions, multiplications) uses them (core/vm.c gives them back to a guest). */
    mfhi    $t0
    mflo    $t1
    la      $t2, hv_exit_hilo
    sw      $t0, 0($t2)
    sw      $t1, 4($t2)
    jr      $k1
    nop
2:  .irp    n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,29,30,31
    sw      $\n, (4 * \n)($k0)
    .endr
    mfhi    $t0
    sw      $t0, (4 * 26)($k0)
    mflo    $t0
    sw      $t0, (4 * 27)($k0)
    b       1b
    nop

/* hv_thread_resume(regs): EPC and SRSCtl.PSS = 0 are set; arm the save area, restore set 0
 * from it and ERET into the thread (EXL = 0 from there on). */
    .globl  hv_thread_resume
    .ent    hv_thread_resume
hv_thread_resume:
    move    $k0, $a0
    lui     $k1, %hi(hv_thread_save)
    sw      $k0, %lo(hv_thread_save)($k1)
    lw      $t0, (4 * 26)($k0)
    mthi    $t0
    lw      $t0, (4 * 27)($k0)
    mtlo    $t0
    .irp    n, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,29,30,31
    lw      $\n, (4 * \n)($k0)
    .endr
    ehb
    eret
    nop
    .end    hv_thread_resume
    .set    at

/* Enters guest `vm`: EPC, GuestCtl0.GM and SRSCtl.PSS are already set by the caller; ERET
 * with EXL=1 drops into guest mode (mips-vz.md §5.18). */
    .globl  hv_eret
    .ent    hv_eret
hv_eret:
    la      $t0, hv_guest_hilo      /* the entering guest's HI/LO (core/vm.c) */
    lw      $t1, 0($t0)
    mthi    $t1
    lw      $t1, 4($t0)
    mtlo    $t1
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
