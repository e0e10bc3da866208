/* The page-tree walk of docs/tvpconf-pagetree.md in MIPS32 assembly, using only the
 * constants of include/tvp/pagetree.h: checks that the assembly view of the format (offsets,
 * shifts, entry sizes) matches the C one on the 32-bit target.  Run under qemu-mipsel by
 * run.sh through walk_mips_main.c.
 *
 *   unsigned walk_asm(const struct tvp_pagetree *pt, uint32_t gpa, const void **pair)
 * returns the kind (TVP_PT_NONE/MAPPED/TRAP) and stores the pair's address for the last two.
 * At most three table loads; no loop. */
#include "tvp/pagetree.h"

    .text
    .set    noreorder
    .globl  walk_asm
    .ent    walk_asm
walk_asm:
    srl     $t0, $a1, TVP_PT_L1_SHIFT
    sll     $t0, $t0, 1
    addu    $t0, $t0, $a0
    lhu     $t1, TVP_PT_OFF_L1($t0)         /* level 1 entry */
    lw      $t4, TVP_PT_OFF_NODES($a0)
    li      $t3, TVP_PT_NODE
    srl     $t2, $t1, TVP_PT_KIND_SHIFT
    bne     $t2, $t3, 1f
    andi    $t5, $t1, TVP_PT_INDEX_MASK     /* (delay slot) */
    sll     $t5, $t5, TVP_PT_NODE_LOG2      /* level 2 */
    addu    $t5, $t5, $t4
    srl     $t6, $a1, TVP_PT_L2_SHIFT - 1   /* entry index * 2 */
    andi    $t6, $t6, (TVP_PT_NODE_ENTRIES - 1) << 1
    addu    $t5, $t5, $t6
    lhu     $t1, 0($t5)
    srl     $t2, $t1, TVP_PT_KIND_SHIFT
    bne     $t2, $t3, 1f
    andi    $t5, $t1, TVP_PT_INDEX_MASK
    sll     $t5, $t5, TVP_PT_NODE_LOG2      /* level 3 */
    addu    $t5, $t5, $t4
    srl     $t6, $a1, TVP_PT_L3_SHIFT - 1
    andi    $t6, $t6, (TVP_PT_NODE_ENTRIES - 1) << 1
    addu    $t5, $t5, $t6
    lhu     $t1, 0($t5)
    srl     $t2, $t1, TVP_PT_KIND_SHIFT
    beq     $t2, $t3, 2f                    /* a node below level 3: none */
    andi    $t5, $t1, TVP_PT_INDEX_MASK
1:  beqz    $t2, 2f
    lw      $t4, TVP_PT_OFF_PAIRS($a0)
    sll     $t5, $t5, TVP_TLB_PAIR_LOG2
    addu    $t5, $t5, $t4
    sw      $t5, 0($a2)
    jr      $ra
    move    $v0, $t2
2:  jr      $ra
    move    $v0, $zero
    .end    walk_asm
