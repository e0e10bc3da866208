/*
 * TLB instructions (MD00086 TLBP, TLBR, TLBWI, TLBWR, TLBINV, TLBINVF; MIPS32 PRA MD00090
 * §4.9 and §9 Index, Random, Wired, EntryHi, EntryLo; mips-vz.md §2.1, §3):
 * - TLBR returns what TLBWI wrote (VPN2, ASID, PFN, C, D, V, RI, XI, PageMask), with the
 *   entry's G = EntryLo0.G AND EntryLo1.G in both EntryLo registers;
 * - TLBP: a hit sets Index to the entry (P = 0) when VPN2 matches and (G = 1 or the ASID
 *   matches); otherwise P = 1; an entry written with EntryHi.EHINV = 1 never matches, and
 *   TLBR of it returns EntryHi.EHINV = 1 with zeros elsewhere (mips-vz.md §2.1 EHINV); after
 *   reset every entry reads that way;
 * - Random stays within Wired..15 and TLBWR never writes an entry below Wired;
 * - TLBINV and TLBINVF raise Reserved Instruction: Config4.IE = 1 (EHINV only) on the M5150
 *   (mips-vz.md §2.8, §3, §6).
 */
#include "testdev.inc"
#include "priv.inc"

#define LO0 (0x80000000 | ENTRYLO(0x01234000, ENTRYLO_D | ENTRYLO_V | ENTRYLO_G) | (3 << ENTRYLO_C_SHIFT))
#define LO1 (0x40000000 | ENTRYLO(0x00ABC000, ENTRYLO_V))

    TEST_BEGIN
    /* After reset: TLBR of entry 7 gives EHINV = 1, zeros elsewhere. */
    li      $t0, 7
    mtc0    $t0, C0_INDEX
    li      $t0, 0x5555
    mtc0    $t0, C0_ENTRYLO0
    mtc0    $t0, C0_ENTRYLO1
    ehb
    tlbr
    ehb
    CHECK_C0 10, 0, ENTRYHI_EHINV
    CHECK_C0 2, 0, 0
    CHECK_C0 3, 0, 0
    CHECK_C0 5, 0, 0

    /* TLBR round trip (RI/XI need PageGrain.RIE/XIE to be writable). */
    li      $t0, PAGEGRAIN_RIE | PAGEGRAIN_XIE
    mtc0    $t0, C0_PAGEGRAIN
    TLB_WRITE 3, 0x12344042, LO0, LO1, 0x00006000
    mtc0    $zero, C0_ENTRYHI
    mtc0    $zero, C0_ENTRYLO0
    mtc0    $zero, C0_ENTRYLO1
    mtc0    $zero, C0_PAGEMASK
    li      $t0, 3
    mtc0    $t0, C0_INDEX
    ehb
    tlbr
    ehb
    CHECK_C0_MASK 10, 0, 0xFFFF80FF, 0x12340042     /* VPN2 above the 16 KB mask, ASID */
    CHECK_C0_MASK 2, 0, 0xFFFFFFF8, LO0 & 0xFFFFFFF8  /* PFN bits under the mask may read 0 */
    CHECK_C0_MASK 2, 0, ENTRYLO_G, 0                  /* G = 1 AND 0 */
    CHECK_C0_MASK 3, 0, 0xFFFFFFFF, LO1
    CHECK_C0 5, 0, 0x00006000

    /* TLBP: G = 0 entry 3, ASID 0x42. */
    .macro PROBE hi, want
    li      $t0, \hi
    mtc0    $t0, C0_ENTRYHI
    li      $t0, 0x0000000E
    mtc0    $t0, C0_INDEX
    ehb
    tlbp
    ehb
    .if \want < 0
    CHECK_C0_MASK 0, 0, INDEX_P, INDEX_P
    .else
    CHECK_C0 0, 0, \want
    .endif
    .endm
    PROBE   0x12340042, 3
    PROBE   0x12346042, 3               /* same 16 KB pair, other half */
    PROBE   0x12348042, -1              /* next pair */
    PROBE   0x12340043, -1              /* other ASID */
    /* Global entry 5: any ASID. */
    TLB_WRITE 5, 0x56780000, ENTRYLO(0, ENTRYLO_V | ENTRYLO_G), ENTRYLO(0, ENTRYLO_G), 0
    PROBE   0x56780099, 5
    PROBE   0x56781000, 5
    /* Invalidated entry 3 (EHINV): no match, TLBR shows EHINV. */
    li      $t0, 0x12340042 | ENTRYHI_EHINV
    mtc0    $t0, C0_ENTRYHI
    li      $t0, 3
    mtc0    $t0, C0_INDEX
    ehb
    tlbwi
    PROBE   0x12340042, -1
    li      $t0, 3
    mtc0    $t0, C0_INDEX
    ehb
    tlbr
    ehb
    CHECK_C0 10, 0, ENTRYHI_EHINV
    CHECK_C0 2, 0, 0
    CHECK_C0 3, 0, 0
    CHECK_C0 5, 0, 0
    TLB_INVALIDATE 5
    mtc0    $zero, C0_PAGEGRAIN

    /* Random within Wired..15, for Wired = 0, 6, 15. */
    .irp wired, 0, 6, 15
    li      $t0, \wired
    mtc0    $t0, C0_WIRED
    ehb
    li      $t2, 200
    li      $t3, 0                      /* out-of-range readings */
1:  mfc0    $t1, C0_RANDOM
    sltiu   $t4, $t1, \wired
    addu    $t3, $t3, $t4
    sltiu   $t4, $t1, 16
    xori    $t4, $t4, 1
    addu    $t3, $t3, $t4
    addiu   $t2, $t2, -1
    bnez    $t2, 1b
    nop
    CHECK   $t3, 0
    .endr

    /* TLBWR with Wired = 6: mark entries 0..5, write 64 entries at random, entries 0..5 keep
     * their marks, and the writes land in 6..15. */
    li      $t2, 0
1:  sll     $t0, $t2, 16
    lui     $t1, 0x7000
    addu    $t0, $t0, $t1
    mtc0    $t0, C0_ENTRYHI             /* VPN2 0x7000000 + i<<16 */
    mtc0    $zero, C0_ENTRYLO0
    mtc0    $zero, C0_ENTRYLO1
    mtc0    $zero, C0_PAGEMASK
    mtc0    $t2, C0_INDEX
    ehb
    tlbwi
    addiu   $t2, $t2, 1
    sltiu   $t1, $t2, 6
    bnez    $t1, 1b
    nop
    li      $t0, 6
    mtc0    $t0, C0_WIRED
    li      $t2, 64
1:  sll     $t0, $t2, 13
    lui     $t1, 0x2000
    addu    $t0, $t0, $t1
    mtc0    $t0, C0_ENTRYHI             /* VPN2 0x20000000 + i<<13 */
    ehb
    tlbwr
    nop
    nop
    addiu   $t2, $t2, -1
    bnez    $t2, 1b
    nop
    li      $t2, 0
    li      $t3, 0                      /* entries 0..5 that lost their mark */
1:  mtc0    $t2, C0_INDEX
    ehb
    tlbr
    ehb
    mfc0    $t0, C0_ENTRYHI
    srl     $t0, $t0, 16
    li      $t1, 0x7000
    addu    $t1, $t1, $t2
    xor     $t0, $t0, $t1
    sltu    $t0, $zero, $t0
    addu    $t3, $t3, $t0
    addiu   $t2, $t2, 1
    sltiu   $t1, $t2, 6
    bnez    $t1, 1b
    nop
    CHECK   $t3, 0
    li      $t3, 0                      /* entries 6..15 written by TLBWR */
1:  mtc0    $t2, C0_INDEX
    ehb
    tlbr
    ehb
    mfc0    $t0, C0_ENTRYHI
    srl     $t0, $t0, 29
    xori    $t0, $t0, 1
    sltiu   $t0, $t0, 1
    addu    $t3, $t3, $t0
    addiu   $t2, $t2, 1
    sltiu   $t1, $t2, 16
    bnez    $t1, 1b
    nop
    sltiu   $t3, $t3, 2                 /* 64 random writes leave at most one of 10 unused */
    CHECK   $t3, 0
    mtc0    $zero, C0_WIRED
    li      $t2, 0
1:  TLB_INVALIDATE 0
    addiu   $t2, $t2, 1
    sltiu   $t1, $t2, 16
    bnez    $t1, 1b
    mtc0    $t2, C0_INDEX

    /* TLBINV / TLBINVF: Reserved Instruction. */
    EXPECT_EXC 7f
6:  .word   0x42000003                  /* TLBINV */
    nop
7:  CHECK_EXC EXCCODE_RI, 6b
    CHECK_REC_INSN EXC_BADINSTR, 6b
    EXPECT_EXC 7f
6:  .word   0x42000004                  /* TLBINVF */
    nop
7:  CHECK_EXC EXCCODE_RI, 6b
    CHECK_REC_INSN EXC_BADINSTR, 6b
    TEST_EXIT
