/*
 * The measured loops of the micro-benchmark guest (micro.c).  Each measured instruction sits
 * at a global label, outside any delay slot, so the benchmark's probes (bench/probe) can
 * time it from its address to the next instruction's: a guest HYPCALL (null hypercall
 * HCALL_VM_STATUS, mips-vz.md §5.11), a load and a store to an emulated console register.
 * The interrupt vector page takes Timer2's interrupt in single-vector mode (EBase + 0x200,
 * pic32mz-ef.md §3.4) and ends it by clearing the flag in the (emulated) EVIC (§3.5).
 */
#include "soc/cp0.h"
#include "soc/evic.h"
#include "soc/memmap.h"
#include "soc/sfr.h"

#define HCALL_VM_STATUS 2 /* hv/core/trap.h */
#define IFS_T2_CLR KSEG1(EVIC_PHYS + EVIC_IFS_OF(IRQ_TIMER2) + SFR_CLR)

    .set    noreorder
    .set    virt

    .text
/* void bench_hcall_loop(unsigned n) */
    .globl  bench_hcall_loop
    .ent    bench_hcall_loop
bench_hcall_loop:
    .globl  bench_hcall
bench_hcall:
    hypcall HCALL_VM_STATUS
    addiu   $a0, $a0, -1
    bnez    $a0, bench_hcall
    nop
    jr      $ra
    nop
    .end    bench_hcall_loop

/* void bench_mmio_load_loop(unsigned n, uint32_t addr) */
    .globl  bench_mmio_load_loop
    .ent    bench_mmio_load_loop
bench_mmio_load_loop:
    .globl  bench_mmio_load
bench_mmio_load:
    lw      $t0, 0($a1)
    addiu   $a0, $a0, -1
    bnez    $a0, bench_mmio_load
    nop
    jr      $ra
    nop
    .end    bench_mmio_load_loop

/* void bench_mmio_store_loop(unsigned n, uint32_t addr, uint32_t value) */
    .globl  bench_mmio_store_loop
    .ent    bench_mmio_store_loop
bench_mmio_store_loop:
    .globl  bench_mmio_store
bench_mmio_store:
    sw      $a2, 0($a1)
    addiu   $a0, $a0, -1
    bnez    $a0, bench_mmio_store
    nop
    jr      $ra
    nop
    .end    bench_mmio_store_loop

/* void bench_idle_loop(void): where the guest is when its interrupts arrive. */
    .globl  bench_idle_loop
    .globl  bench_idle_end
    .ent    bench_idle_loop
bench_idle_loop:
    b       bench_idle_loop
    nop
bench_idle_end:
    .end    bench_idle_loop

    .section .text.ebase, "ax"
    .balign 4096
    .globl  bench_ebase
bench_ebase:
    .org    0x180
1:  b       1b                      /* no exceptions expected: stop here */
    nop
    .org    0x200
    .globl  bench_isr
bench_isr:
    lui     $k0, %hi(IFS_T2_CLR)
    li      $k1, EVIC_IRQ_BIT(IRQ_TIMER2)
    sw      $k1, %lo(IFS_T2_CLR)($k0)
    eret
