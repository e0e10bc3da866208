/*
 * Every page size, 4 KB to 256 MB (MIPS32 PRA MD00090 §9 PageMask table; mips-vz.md §2.1:
 * PageMask 0x0, 0x6000, 0x1E000, 0x7E000, 0x1FE000, 0x7FE000, 0x1FFE000, 0x7FFE000,
 * 0x1FFFE000).  The M5150's largest size is disputed (mips-vz.md §6, §8 #1: Microchip says
 * 1 MB); this runs with the simulator's default, the 256 MB reading (pagemask_1mb.S runs the
 * other with --max-page-size 0x100000), so
 * the sizes above 1 MB are checked as the architecture defines them.  For each size, entry 0
 * maps the pair at VA 0x40000000: even page -> PA 0 (V, D), odd page -> PA 0 (V, D = 0):
 * - TLBR returns the PageMask;
 * - an address in the even page reads PA = its offset; the last word of the even page is in
 *   the even page (a store works, or is a bus error where PA = size - 4 is past the 512 KB
 *   of RAM: never TLB Modified);
 * - the first page-size bytes after it are the odd page (VA bit "size" selects it: a load
 *   reads PA = offset, a store raises Modified with BadVAddr);
 * - below the pair and past it (VA + 2 * size) nothing matches: TLB refill.
 */
#include "testdev.inc"
#include "priv.inc"

#define BASE 0x40000000

    .macro PAGESIZE mask, size, off
    TLB_WRITE 0, BASE, ENTRYLO(0, ENTRYLO_V | ENTRYLO_D | ENTRYLO_G), ENTRYLO(0, ENTRYLO_V | ENTRYLO_G), \mask
    mtc0    $zero, C0_PAGEMASK
    mtc0    $zero, C0_INDEX
    ehb
    tlbr
    ehb
    CHECK_C0 5, 0, \mask
    li      $t0, 0x80000000 + \off
    li      $t1, 0xC0DE0000 + (\mask >> 13)
    sw      $t1, 0($t0)
    EXPECT_EXC 1f
    li      $t0, BASE + \off
    lw      $t2, 0($t0)
    CHECK   $t2, 0xC0DE0000 + (\mask >> 13)
    li      $t0, BASE + \size + \off
    lw      $t2, 0($t0)
    CHECK   $t2, 0xC0DE0000 + (\mask >> 13)
    .if \size <= 0x40000
    li      $t0, BASE + \size - 4
    sw      $t1, 0($t0)
    .endif
1:  CHECK_NO_EXC
    .if \size > 0x40000
    li      $t0, BASE + \size - 4
    EXPECT_EXC 7f
6:  sw      $t1, 0($t0)
    nop
7:  CHECK_EXC EXCCODE_DBE, 6b
    .endif
    li      $t0, BASE + \size + \off
    EXPECT_EXC 7f
6:  sw      $t1, 0($t0)
    nop
7:  CHECK_EXC EXCCODE_MOD, 6b
    CHECK_REC EXC_BADVADDR, BASE + \size + \off
    li      $t0, BASE - 4
    EXPECT_EXC 7f
6:  lw      $t1, 0($t0)
    nop
7:  CHECK_REC EXC_CODE, EXCCODE_TLBL
    CHECK_REC EXC_VECTOR, 0x200
    li      $t0, BASE + 2 * \size
    EXPECT_EXC 7f
6:  lw      $t1, 0($t0)
    nop
7:  CHECK_REC EXC_CODE, EXCCODE_TLBL
    CHECK_REC EXC_VECTOR, 0x200
    CHECK_REC EXC_BADVADDR, BASE + 2 * \size
    .endm

    TEST_BEGIN
    PAGESIZE 0x00000000, 0x00001000, 0xFF0
    PAGESIZE 0x00006000, 0x00004000, 0x3FF0
    PAGESIZE 0x0001E000, 0x00010000, 0xFFF0
    PAGESIZE 0x0007E000, 0x00040000, 0x3FFF0
    PAGESIZE 0x001FE000, 0x00100000, 0x7FFF0
    PAGESIZE 0x007FE000, 0x00400000, 0x7FFF0
    PAGESIZE 0x01FFE000, 0x01000000, 0x7FFF0
    PAGESIZE 0x07FFE000, 0x04000000, 0x7FFF0
    PAGESIZE 0x1FFFE000, 0x10000000, 0x7FFF0
    TLB_INVALIDATE 0
    TEST_EXIT
