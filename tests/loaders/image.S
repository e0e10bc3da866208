/* Test image for the loader tests: one piece in each region and address form the loaders must
 * handle (see image.ld).  Every value is a recognisable constant that run.sh checks. */
#include <soc/testdev.h>

    .set noreorder

    /* CHECK id, addr, value: reports through the simulator's test device whether the word at
     * addr is value (run.sh runs the image in pic32mz-sim --test in every format). */
    .macro CHECK id, addr, value
    li      $t0, \addr
    lw      $t1, 0($t0)
    li      $t2, \value
    li      $t3, \id
    beq     $t1, $t2, 1f
    li      $t4, TESTDEV_PASS
    li      $t4, TESTDEV_FAIL
1:  addu    $t4, $t4, $s0
    sw      $t3, 0($t4)
    .endm

    /* Boot flash, KSEG1: the reset vector (pic32mz-ef.md §1.2, §1.3). */
    .section .boot, "ax"
    .globl _start
_start:
    li      $s0, TESTDEV_KSEG1
    CHECK   1, 0x9D000000, 0x9D000000   /* .text, KSEG0 */
    CHECK   2, 0xBD0002FC, 0x9D0000BF   /* last word of .text, through KSEG1 */
    CHECK   3, 0x9D000300, 0xDA7A0000   /* load image of .data in flash (p_paddr) */
    CHECK   4, 0x80001000, 0x4A110000   /* RAM code loaded where it runs */
    CHECK   5, 0xBD100004, 0x1D100004   /* section linked at a physical address */
    CHECK   6, 0xBFC0FFCC, 0xC0F16040   /* DEVCFG0 */
    sw      $zero, TESTDEV_EXIT($s0)
2:  b       2b
    nop

    /* Configuration words DEVCFG3..0 at the end of the lower boot alias, KSEG1.  DEVCFG0 has
     * BOOTISA (bit 6) set: the chip boots MIPS32 (include/soc/devcfg.h). */
    .section .config, "a"
    .word 0xC0F16003, 0xC0F16002, 0xC0F16001, 0xC0F16040

    /* Program flash, KSEG0: 0x300 bytes, more than one record of any format. */
    .section .text, "ax"
    .set i, 0
    .rept 0xC0
    .word 0x9D000000 + i
    .set i, i + 1
    .endr

    /* Initialised data: runs in RAM, load image in flash (AT>). */
    .section .data, "aw"
    .word 0xDA7A0000, 0xDA7A0001, 0xDA7A0002, 0xDA7A0003

    /* Its bss: exists only at run time, must not be written at the load address. */
    .section .bss, "aw", @nobits
    .space 0x40

    /* RAM code loaded where it runs (LMA = VMA), with bss that the loader zero-fills. */
    .section .ramcode, "ax"
    .word 0x4A110000, 0x4A110001, 0x4A110002, 0x4A110003
    .section .ramzero, "aw", @nobits
    .space 0x100

    /* Program flash given by physical address (no KSEG). */
    .section .phys, "a"
    .word 0x1D100000, 0x1D100004
