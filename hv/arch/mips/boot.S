/*
 * tinyVP's own boot code, for boards that boot it from reset (board file: BOOT =); linked at
 * the reset vector ahead of vzentry (hv.ld.S).  The core comes out of reset at 0xBFC00000 in
 * KSEG1 with Status.BEV = ERL = 1 (mips-vz.md §4.1): make kseg0 cacheable (Config.K0 = 3, as
 * XC32's start-up code does), invalidate the L1 caches by index (their tags are undefined
 * after reset on MIPS cores: CACHE Index Store Tag with TagLo = 0), then run vzentry.
 * The loops cover 32 KB, more than either cache (cp0_reset.c's Config1 says 16 KB I, 4 KB D):
 * index operations wrap, so extra iterations only repeat work.
 */
#include "soc/cp0.h"
#include "soc/memmap.h"

#define CACHE_INDEX_STORE_TAG_I 0x08
#define CACHE_INDEX_STORE_TAG_D 0x09
#define CACHE_LINE              16
#define CACHE_SPAN              0x8000

    .set    noreorder
    .section .boot, "ax"
    .globl  hv_boot
hv_boot:
    mtc0    $zero, C0_TAGLO
    mtc0    $zero, C0_DATALO
    li      $t0, KSEG0_BASE
    li      $t1, KSEG0_BASE + CACHE_SPAN
1:  cache   CACHE_INDEX_STORE_TAG_I, 0($t0)
    cache   CACHE_INDEX_STORE_TAG_D, 0($t0)
    addiu   $t0, $t0, CACHE_LINE
    bne     $t0, $t1, 1b
    nop
    mfc0    $t0, C0_CONFIG
    ins     $t0, $zero, 0, 3
    ori     $t0, $t0, 3             /* Config.K0 = cacheable, write-back */
    mtc0    $t0, C0_CONFIG
    ehb
    /* falls through into vzentry (.entry follows .boot) */
