/*
 * TLB exceptions (MIPS32 PRA MD00090 §4.9, §6.2 TLB Refill/Invalid/Modified/Execute-Inhibit/
 * Read-Inhibit, §9 Context, EntryHi, PageGrain; mips-vz.md §2.1, §3):
 * - refill (no match, EXL = 0): refill vector; invalid (match, V = 0) and Modified (store,
 *   D = 0): general vector; all load BadVAddr = the address, Context.BadVPN2 = VA<31:13>
 *   (PTEBase kept), EntryHi.VPN2 = VA<31:13> with the ASID kept;
 * - RI/XI: a load from an RI page / a fetch from an XI page raises TLBL with PageGrain.IEC = 0
 *   and TLBRI / TLBXI with IEC = 1; nothing with PageGrain.RIE / XIE = 0; a PageGrain change
 *   takes effect for a page that was just accessed (after EHB / JR.HB), and BadInstr holds
 *   the load for TLBRI.
 */
#include "testdev.inc"
#include "priv.inc"

#define RAM_PA  0x00040000
#define PTEBASE 0xABC00000
#define ASID    0x37

    .macro TLBREGS va, vector
    CHECK_REC EXC_VECTOR, \vector
    CHECK_REC EXC_BADVADDR, \va
    CHECK_REC EXC_CONTEXT, (PTEBASE & 0xFF800000) | (((\va) >> 13) << 4)
    CHECK_REC EXC_ENTRYHI, ((\va) & 0xFFFFE000) | ASID
    .endm

    TEST_BEGIN
    li      $t0, PTEBASE
    mtc0    $t0, C0_CONTEXT
    li      $t0, ASID
    mtc0    $t0, C0_ENTRYHI
    ehb
    /* Refill. */
    li      $t0, 0x00A03004
    EXPECT_EXC 7f
6:  lw      $t1, 0($t0)
    nop
7:  CHECK_REC EXC_CODE, EXCCODE_TLBL
    TLBREGS 0x00A03004, 0x200
    li      $t0, 0x7FFFF000
    EXPECT_EXC 7f
6:  sb      $t1, 0xFFF($t0)
    nop
7:  CHECK_REC EXC_CODE, EXCCODE_TLBS
    TLBREGS 0x7FFFFFFF, 0x200
    /* Invalid and Modified: entry 2, ASID 0x37, even page V = 0, odd page V = 1, D = 0. */
    TLB_WRITE 2, 0x00B00000 | ASID, ENTRYLO(RAM_PA, 0), ENTRYLO(RAM_PA, ENTRYLO_V), 0
    li      $t0, 0x00B00010
    EXPECT_EXC 7f
6:  lw      $t1, 0($t0)
    nop
7:  CHECK_EXC EXCCODE_TLBL, 6b
    TLBREGS 0x00B00010, 0x380
    li      $t0, 0x00B01008
    EXPECT_EXC 7f
6:  sw      $t1, 0($t0)
    nop
7:  CHECK_EXC EXCCODE_MOD, 6b
    TLBREGS 0x00B01008, 0x380
    CHECK_REC_INSN EXC_BADINSTR, 6b
    /* Another ASID: the entry does not match: refill. */
    li      $t0, ASID + 1
    mtc0    $t0, C0_ENTRYHI
    ehb
    li      $t0, 0x00B01008
    EXPECT_EXC 7f
6:  lw      $t1, 0($t0)
    nop
7:  CHECK_REC EXC_CODE, EXCCODE_TLBL
    CHECK_REC EXC_VECTOR, 0x200
    CHECK_REC EXC_ENTRYHI, 0x00B00000 | (ASID + 1)
    li      $t0, ASID
    mtc0    $t0, C0_ENTRYHI
    ehb

    /* RI/XI.  Entry 3: VA 0x00C00000 -> RAM page, V, D, RI; VA 0x00C01000 -> the boot-flash
     * page holding xi_code, V, XI. */
    li      $t0, 0x80040000
    li      $t1, 0x600DDA7A
    sw      $t1, 0($t0)
    li      $t0, 0x00006000 | ASID      /* leave VPN2 invalid while building */
    la      $t1, xi_code
    ext     $t2, $t1, 12, 17            /* PA page number (boot flash, KSEG1) */
    sll     $t2, $t2, ENTRYLO_PFN_SHIFT
    ori     $t2, $t2, (2 << ENTRYLO_C_SHIFT) | ENTRYLO_V
    lui     $t3, 0x4000                 /* XI */
    or      $t2, $t2, $t3
    mtc0    $t2, C0_ENTRYLO1
    li      $t2, ENTRYLO(RAM_PA, ENTRYLO_V | ENTRYLO_D) | ENTRYLO_RI
    mtc0    $t2, C0_ENTRYLO0
    li      $t2, 0x00C00000 | ASID
    mtc0    $t2, C0_ENTRYHI
    mtc0    $zero, C0_PAGEMASK
    li      $t2, 3
    mtc0    $t2, C0_INDEX
    ehb
    tlbwi
    ehb
    andi    $t1, $t1, 0xFFF
    li      $s0, 0x00C01000
    addu    $s0, $s0, $t1               /* xi_code through the XI page */
    li      $s1, 0x00C00000             /* the RI page */

    /* RIE = XIE = 0: the load and the fetch work (and are now cached translations). */
    mtc0    $zero, C0_PAGEGRAIN
    ehb
    EXPECT_EXC 1f
    lw      $t1, 0($s1)
    CHECK   $t1, 0x600DDA7A
    li      $t2, 0
    jalr.hb $s0
    nop
    CHECK   $t2, 0x5A
1:  CHECK_NO_EXC
    /* The same load twice, RIE set in between with no other access: the second faults. */
    li      $t0, PAGEGRAIN_RIE
    li      $t1, 0x5A5A5A5A
    EXPECT_EXC 7f
    lw      $t2, 0($s1)
    mtc0    $t0, C0_PAGEGRAIN
    ehb
6:  lw      $t1, 0($s1)
    nop
7:  CHECK_EXC EXCCODE_TLBL, 6b
    CHECK   $t1, 0x5A5A5A5A
    /* RIE = XIE = 1, IEC = 0: TLBL for both. */
    li      $t0, PAGEGRAIN_RIE | PAGEGRAIN_XIE
    mtc0    $t0, C0_PAGEGRAIN
    ehb
    li      $t1, 0x5A5A5A5A
    EXPECT_EXC 7f
6:  lw      $t1, 0($s1)
    nop
7:  CHECK_EXC EXCCODE_TLBL, 6b
    TLBREGS 0x00C00000, 0x380
    CHECK   $t1, 0x5A5A5A5A
    li      $t2, 0
    EXPECT_EXC 7f
    jalr.hb $s0
    nop
7:  CHECK_REC EXC_CODE, EXCCODE_TLBL
    CHECK_REC EXC_VECTOR, 0x380
    CHECK   $t2, 0
    lui     $k0, %hi(__tst_area + EXC_EPC)
    lw      $k0, %lo(__tst_area + EXC_EPC)($k0)
    xor     $k0, $k0, $s0
    CHECK_K0 0
    /* IEC = 1: TLBRI / TLBXI. */
    li      $t0, PAGEGRAIN_RIE | PAGEGRAIN_XIE | PAGEGRAIN_IEC
    mtc0    $t0, C0_PAGEGRAIN
    ehb
    EXPECT_EXC 7f
6:  lw      $t1, 0($s1)
    nop
7:  CHECK_EXC EXCCODE_TLBRI, 6b
    CHECK_REC_INSN EXC_BADINSTR, 6b
    TLBREGS 0x00C00000, 0x380
    EXPECT_EXC 7f
    jalr.hb $s0
    nop
7:  CHECK_REC EXC_CODE, EXCCODE_TLBXI
    CHECK_REC EXC_VECTOR, 0x380
    CHECK   $t2, 0
    /* RI does not stop fetches or stores; XI does not stop loads. */
    EXPECT_EXC 1f
    li      $t1, 0x12345678
    sw      $t1, 4($s1)
    li      $t0, 0x80040000
    CHECK_WORD $t0, 4, 0x12345678
    lw      $t1, 0($s0)                 /* load through the XI page */
    la      $t0, xi_code
    lw      $t0, 0($t0)
    xor     $t1, $t1, $t0
    CHECK   $t1, 0
1:  CHECK_NO_EXC
    mtc0    $zero, C0_PAGEGRAIN
    TLB_INVALIDATE 2
    TLB_INVALIDATE 3
    TEST_EXIT

xi_code:
    jr      $ra
    li      $t2, 0x5A
