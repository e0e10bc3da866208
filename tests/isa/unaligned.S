/*
 * Unaligned word access: MIPS32 Instruction Set (MD00086) pages LWL, LWR, SWL, SWR, for every
 * byte offset in a little-endian word (bytes b0..b3 at A+0..A+3, word = b3b2b1b0):
 *   LWL at A+n fills rt's most-significant n+1 bytes with bn..b0, the rest of rt is kept;
 *   LWR at A+n fills rt's least-significant 4-n bytes with b3..bn, the rest is kept;
 *   SWL at A+n stores rt's n+1 most-significant bytes to A+n down to A+0;
 *   SWR at A+n stores rt's 4-n least-significant bytes to A+n up to A+3.
 * None of them raises an address error for a misaligned address.
 */
#include "testdev.inc"

    .section .bss
    .balign 16
buf:    .space 16
    .previous

    .macro LWX op, off, want
    li      $t2, 0xAABBCCDD
    \op     $t2, \off($s0)
    CHECK   $t2, \want
    .endm

/* SWX op, off, want: the word at buf after `op 0xAABBCCDD, off(buf)` over 0x44332211. */
    .macro SWX op, off, want
    li      $t0, 0x44332211
    sw      $t0, 0($s0)
    li      $t2, 0xAABBCCDD
    \op     $t2, \off($s0)
    CHECK_WORD $s0, 0, \want
    .endm

    TEST_BEGIN
    EXPECT_EXC 1f
    la      $s0, buf
    li      $t0, 0x44332211
    sw      $t0, 0($s0)
    li      $t0, 0x88776655
    sw      $t0, 4($s0)
    LWX lwl, 0, 0x11BBCCDD
    LWX lwl, 1, 0x2211CCDD
    LWX lwl, 2, 0x332211DD
    LWX lwl, 3, 0x44332211
    LWX lwr, 0, 0x44332211
    LWX lwr, 1, 0xAA443322
    LWX lwr, 2, 0xAABB4433
    LWX lwr, 3, 0xAABBCC44
    LWX lwl, 5, 0x6655CCDD
    LWX lwr, 7, 0xAABBCC88

    /* The usual pair loads the word at any address. */
    .irp n, 0, 1, 2, 3, 4
    li      $t2, 0
    lwr     $t2, \n($s0)
    lwl     $t2, \n + 3($s0)
    .if \n == 0
    CHECK   $t2, 0x44332211
    .elseif \n == 1
    CHECK   $t2, 0x55443322
    .elseif \n == 2
    CHECK   $t2, 0x66554433
    .elseif \n == 3
    CHECK   $t2, 0x77665544
    .else
    CHECK   $t2, 0x88776655
    .endif
    .endr

    SWX swl, 0, 0x443322AA
    SWX swl, 1, 0x4433AABB
    SWX swl, 2, 0x44AABBCC
    SWX swl, 3, 0xAABBCCDD
    SWX swr, 0, 0xAABBCCDD
    SWX swr, 1, 0xBBCCDD11
    SWX swr, 2, 0xCCDD2211
    SWX swr, 3, 0xDD332211

    /* The usual pair stores a word at A+1 and leaves the other bytes alone. */
    sw      $zero, 0($s0)
    sw      $zero, 4($s0)
    li      $t2, 0xAABBCCDD
    swr     $t2, 1($s0)
    swl     $t2, 4($s0)
    CHECK_WORD $s0, 0, 0xBBCCDD00
    CHECK_WORD $s0, 4, 0x000000AA
    li      $t2, 0x01020304
    swr     $t2, 7($s0)
    swl     $t2, 10($s0)
    CHECK_WORD $s0, 4, 0x040000AA
    CHECK_WORD $s0, 8, 0x00010203
1:  CHECK_NO_EXC
    TEST_EXIT
