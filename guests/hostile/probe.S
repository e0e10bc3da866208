/*
 * One-instruction probes for the hostile guest: each performs exactly one access (never in
 * a delay slot), so that the vectors (vectors.S) can skip it when it faults.  Loads return
 * the sentinel 0x5EA15EA1 when the access faulted.  probe_exec(addr) calls addr with the
 * resume address set, so a fetch fault comes back here too; probe_eret_page(addr) jumps to
 * addr with guest EPC = the return point (what an ERET found there would use).
 */
#include "soc/cp0.h"

    .set    noreorder
    .text

#define LOAD(name, insn)                \
    .globl  name;                       \
    .ent    name;                       \
name:                                   \
    li      $v0, 0x5EA15EA1;            \
    insn    $v0, 0($a0);                \
    jr      $ra;                        \
    nop;                                \
    .end    name

#define STORE(name, insn)               \
    .globl  name;                       \
    .ent    name;                       \
name:                                   \
    insn    $a1, 0($a0);                \
    jr      $ra;                        \
    nop;                                \
    .end    name

LOAD(probe_lb, lb)
LOAD(probe_lbu, lbu)
LOAD(probe_lh, lh)
LOAD(probe_lhu, lhu)
LOAD(probe_lw, lw)
LOAD(probe_lwl, lwl)
LOAD(probe_lwr, lwr)
LOAD(probe_ll, ll)
STORE(probe_sb, sb)
STORE(probe_sh, sh)
STORE(probe_sw, sw)
STORE(probe_swl, swl)
STORE(probe_swr, swr)

    .globl  probe_exec
    .ent    probe_exec
probe_exec:
    addiu   $sp, $sp, -8
    sw      $ra, 4($sp)
    la      $t0, hx
    la      $t1, 1f
    sw      $t1, 16($t0)
    mtc0    $t1, C0_EPC             /* an ERET at addr comes back too */
    ehb
    jalr    $a0
    nop
1:  la      $t0, hx
    sw      $zero, 16($t0)
    lw      $ra, 4($sp)
    jr      $ra
    addiu   $sp, $sp, 8
    .end    probe_exec

/* cache op 0x15 (D hit writeback-invalidate) and 0x01 (D index writeback-invalidate). */
    .globl  probe_cache_hit
    .ent    probe_cache_hit
probe_cache_hit:
    cache   0x15, 0($a0)
    jr      $ra
    nop
    .end    probe_cache_hit

    .globl  probe_cache_index
    .ent    probe_cache_index
probe_cache_index:
    cache   0x01, 0($a0)
    jr      $ra
    nop
    .end    probe_cache_index

/* HYPCALL with every 10-bit code and garbage arguments; v0 of each into out[code]. */
    .globl  probe_hypcall_all
    .ent    probe_hypcall_all
probe_hypcall_all:
    move    $t8, $a0
    .set    code, 0
    .rept   1024
    li      $a0, 0xDEADBEEF
    li      $a1, 0xFFFFFFFF
    li      $a2, 0x80000000
    li      $a3, 0x00000007
    .set    virt
    hypcall code
    .set    novirt
    sw      $v0, 0($t8)
    addiu   $t8, $t8, 4
    .set    code, code + 1
    .endr
    jr      $ra
    nop
    .end    probe_hypcall_all

/* ERET to addr (guest EPC = addr) with the resume address set. */
    .globl  probe_eret
    .ent    probe_eret
probe_eret:
    la      $t0, hx
    la      $t1, 1f
    sw      $t1, 16($t0)
    mtc0    $a0, C0_EPC
    ehb
    eret
    nop
1:  la      $t0, hx
    jr      $ra
    sw      $zero, 16($t0)
    .end    probe_eret

/* Every CP0 encoding (register 0..31, select 0..7) through MTC0 (value a0; not the guest's own
 * Status and EBase, which would only take its own vectors away), MFC0, MTGC0 and MFGC0. */
#define ALL_REGS 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
#define ALL_SELS 0,1,2,3,4,5,6,7

    .globl  probe_mtc0_all
    .ent    probe_mtc0_all
probe_mtc0_all:
    .irp    reg, ALL_REGS
    .irp    sel, ALL_SELS
    .if     !((\reg == 12 && \sel == 0) || (\reg == 15 && \sel == 1))
    mtc0    $a0, $\reg, \sel
    .endif
    .endr
    .endr
    ehb
    jr      $ra
    nop
    .end    probe_mtc0_all

    .globl  probe_mfc0_all
    .ent    probe_mfc0_all
probe_mfc0_all:
    .irp    reg, ALL_REGS
    .irp    sel, ALL_SELS
    mfc0    $t0, $\reg, \sel
    .endr
    .endr
    jr      $ra
    nop
    .end    probe_mfc0_all

    .set    virt
    .globl  probe_mtgc0_all
    .ent    probe_mtgc0_all
probe_mtgc0_all:
    .irp    reg, ALL_REGS
    .irp    sel, ALL_SELS
    mtgc0   $a0, $\reg, \sel
    .endr
    .endr
    jr      $ra
    nop
    .end    probe_mtgc0_all

    .globl  probe_mfgc0_all
    .ent    probe_mfgc0_all
probe_mfgc0_all:
    .irp    reg, ALL_REGS
    .irp    sel, ALL_SELS
    mfgc0   $t0, $\reg, \sel
    .endr
    .endr
    jr      $ra
    nop
    .end    probe_mfgc0_all
    .set    novirt
