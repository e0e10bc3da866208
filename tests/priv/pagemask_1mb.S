/*
 * The other reading of the M5150's largest page (mips-vz.md §6, §8 #1: Microchip documents
 * 4 KB..1 MB pages): run with --max-page-size 0x100000 (tests/priv/run.sh), PageMask bits for
 * the larger sizes are not implemented and read as 0 (MD00090 §9.7, PageMask: bits of sizes
 * an implementation lacks are not writable), in the register and in a TLB entry written
 * and read back.
 */
#include "testdev.inc"
#include "priv.inc"

    .macro PM_WRITE value, want
    li      $t0, \value
    mtc0    $t0, C0_PAGEMASK
    ehb
    mfc0    $t1, C0_PAGEMASK
    CHECK   $t1, \want
    .endm

    TEST_BEGIN
    PM_WRITE 0x1FFFE000, 0x001FE000    /* 256 MB request: only the 1 MB bits stay */
    PM_WRITE 0x07FFE000, 0x001FE000
    PM_WRITE 0x001FE000, 0x001FE000    /* 1 MB: implemented */
    PM_WRITE 0x0001E000, 0x0001E000    /* 64 KB */
    /* A TLB entry written with a 16 MB mask keeps only the implemented bits. */
    TLB_WRITE 0, 0x40000000, ENTRYLO(0, ENTRYLO_V | ENTRYLO_G), ENTRYLO(0, ENTRYLO_V | ENTRYLO_G), 0x01FFE000
    mtc0    $zero, C0_PAGEMASK
    mtc0    $zero, C0_INDEX
    ehb
    tlbr
    ehb
    CHECK_C0 5, 0, 0x001FE000
    TLB_INVALIDATE 0
    TEST_EXIT
