/*
 * Linux user-mode start for the DSP differential program (difftest.c) under qemu-mipsel
 * (o32 system calls: write = 4004, exit = 4001).
 */
    .set noreorder
    .text
    .globl __start
__start:
    jal     main
    nop
    move    $a0, $v0
    li      $v0, 4001
    syscall
1:  b       1b
    nop

/* void out_write(const char *buf, unsigned len) */
    .globl out_write
out_write:
    move    $a2, $a1
    move    $a1, $a0
    li      $a0, 1
    li      $v0, 4004
    syscall
    jr      $ra
    nop
