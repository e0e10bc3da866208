/*
 * Bus errors: MIPS32 PRA (MD00090) §6.2 Bus Error exception (IBE on an instruction fetch,
 * DBE on a load or store; EPC = the instruction, or the fetch address); issue 2 and
 * pic32mz-ef.md §1.5 for the PIC32MZ-EF map: an access to nothing, and a CPU store to program
 * or boot flash (written only through the NVM controller), is a bus error.
 */
#include "testdev.inc"

    .macro DBE insn:vararg
    li      $t1, 0x5A5A5A5A
    EXPECT_EXC 7f
6:  \insn
    nop
7:  CHECK_EXC EXCCODE_DBE, 6b
    CHECK   $t1, 0x5A5A5A5A
    .endm

    .macro IBE addr
    li      $t4, \addr
    EXPECT_EXC 7f
    jr      $t4
    nop
7:  CHECK_EXC EXCCODE_IBE, \addr
    .endm

    TEST_BEGIN
    /* Loads from flash work. */
    EXPECT_EXC 1f
    li      $t0, 0xBD000000
    lw      $t1, 0($t0)
    li      $t0, 0x9D000000
    lbu     $t1, 3($t0)
    la      $t0, 1f
    lw      $t1, 0($t0)
1:  CHECK_NO_EXC

    li      $t1, 0x5A5A5A5A
    li      $t0, 0xBD000000         /* program flash, KSEG1 */
    DBE sw $t1, 0($t0)
    DBE sh $t1, 2($t0)
    DBE sb $t1, 1($t0)
    li      $t0, 0x9D001000         /* program flash, KSEG0 */
    DBE sw $t1, 0($t0)
    li      $t0, 0xBFC00000         /* boot flash (this program) */
    DBE sw $t1, 0($t0)
    li      $t0, 0xBFC0FFF0         /* configuration words */
    DBE sw $t1, 0($t0)
    li      $t0, 0xBF8C0000         /* SFR window, no peripheral (pic32mz-ef.md §1.4) */
    DBE lw $t1, 0($t0)
    DBE sw $t1, 0($t0)
    DBE lbu $t1, 3($t0)
    li      $t0, 0xA0100000         /* past the 512 KB of RAM */
    DBE lw $t1, 0($t0)
    DBE sw $t1, 0($t0)
    li      $t0, 0x90000000         /* physical 0x10000000: nothing */
    DBE lh $t1, 0($t0)
    li      $t0, 0x9D200000         /* past the 2 MB of program flash */
    DBE lw $t1, 0($t0)

    IBE 0xA0100000
    IBE 0x80080000
    IBE 0xBF8C0000
    IBE 0x9D200000
    TEST_EXIT
