/*
 * kuseg with and without Status.ERL: MIPS32 PRA (MD00090) §4.3 (with ERL = 1 kuseg is an
 * unmapped, uncached window onto physical addresses 0-0x7FFFFFFF; otherwise it is mapped) and
 * §6.2 TLB Refill (no matching entry: ExcCode TLBL for a load or fetch, TLBS for a store;
 * BadVAddr = the address, EntryHi.VPN2 = its bits 31:13, Context.BadVPN2 = its bits 31:13 at
 * 22:4; with BEV = 1 and EXL = 0 the vector is 0xBFC00200; with EXL = 1 it is the general
 * vector 0xBFC00380 and EPC is not written).  No TLB entry is written here: after reset every
 * entry is invalid.
 */
#include "testdev.inc"

    .macro REFILL code, va
    CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_VECTOR, 0x200
    CHECK_REC EXC_CODE, \code
    CHECK_REC EXC_BADVADDR, \va
    lui     $k0, %hi(__tst_area + EXC_ENTRYHI)
    lw      $k0, %lo(__tst_area + EXC_ENTRYHI)($k0)
    srl     $k0, $k0, 13
    CHECK_K0 (\va) >> 13
    CHECK_REC EXC_CONTEXT, ((\va) >> 13) << 4
    .endm

    TEST_BEGIN
    /* ERL = 1: kuseg address 0x1000 is physical 0x1000, the RAM behind KSEG0 0x80001000. */
    li      $t0, 0x80001000
    li      $t1, 0x600DF00D
    sw      $t1, 0($t0)
    li      $t2, 0x0BADCAFE
    sw      $t2, 4($t0)
    li      $t0, STATUS_BEV | STATUS_ERL
    mtc0    $t0, C0_STATUS
    ehb
    EXPECT_EXC 1f
    li      $t0, 0x00001000
    lw      $t3, 0($t0)
    li      $t4, 0x12345678
    sw      $t4, 4($t0)
1:  li      $t0, STATUS_BEV
    mtc0    $t0, C0_STATUS
    ehb
    CHECK_NO_EXC
    CHECK   $t3, 0x600DF00D
    li      $t0, 0x80001000
    CHECK_WORD $t0, 4, 0x12345678

    /* ERL = 0: the same addresses miss in the TLB. */
    li      $t0, 0x00001000
    li      $t3, 0x5A5A5A5A
    EXPECT_EXC 7f
6:  lw      $t3, 0($t0)
    nop
7:  REFILL EXCCODE_TLBL, 0x00001000
    CHECK_REC EXC_EPC, 6b
    CHECK   $t3, 0x5A5A5A5A
    li      $t0, 0x00401234
    EXPECT_EXC 7f
6:  sw      $t3, 0($t0)
    nop
7:  REFILL EXCCODE_TLBS, 0x00401234
    CHECK_REC EXC_EPC, 6b
    li      $t0, 0x7FFFE008
    EXPECT_EXC 7f
6:  lbu     $t3, 0($t0)
    nop
7:  REFILL EXCCODE_TLBL, 0x7FFFE008
    li      $t0, 0xC0002000         /* kseg2 is mapped too */
    EXPECT_EXC 7f
6:  sh      $t3, 2($t0)
    nop
7:  REFILL EXCCODE_TLBS, 0xC0002002
    li      $t0, 0x80001000
    CHECK_WORD $t0, 4, 0x12345678
    /* Fetch: EPC = BadVAddr = the target. */
    li      $t4, 0x00402000
    EXPECT_EXC 7f
    jr      $t4
    nop
7:  REFILL EXCCODE_TLBL, 0x00402000
    CHECK_REC EXC_EPC, 0x00402000
    CHECK_REC EXC_BD, 0

    /* A miss with EXL = 1: general vector, EPC unchanged. */
    li      $t0, 0x13572468
    mtc0    $t0, C0_EPC
    li      $t0, STATUS_BEV | STATUS_EXL
    mtc0    $t0, C0_STATUS
    ehb
    li      $t0, 0x00003000
    EXPECT_EXC 7f
6:  lw      $t3, 0($t0)
    nop
7:  CHECK_REC EXC_COUNT, 1
    CHECK_REC EXC_VECTOR, 0x380
    CHECK_REC EXC_CODE, EXCCODE_TLBL
    CHECK_REC EXC_BADVADDR, 0x00003000
    CHECK_REC EXC_EPC, 0x13572468
    TEST_EXIT
