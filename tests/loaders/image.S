/* Test image for the loader tests: one piece in each region and address form the loaders must
 * handle (see image.ld).  Every value is a recognisable constant that run.sh checks. */
    .set noreorder

    /* Boot flash, KSEG1 (reset vector, pic32mz-ef.md §1.2). */
    .section .boot, "ax"
    .globl _start
_start:
    .word 0xB0070000, 0xB0070001, 0xB0070002, 0xB0070003

    /* Configuration words DEVCFG3..0 at the end of the lower boot alias, KSEG1. */
    .section .config, "a"
    .word 0xC0F16003, 0xC0F16002, 0xC0F16001, 0xC0F16000

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
