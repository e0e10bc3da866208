/*
 * FPU differential test, reference side: a static Linux o32 user program without libc, run
 * by qemu-mipsel -cpu P5600.  The ELF is built with -mfp64, so the kernel (QEMU's Linux
 * emulation) runs it with Status.FR = 1, like the simulator side; diff_core.c prints the mode
 * it sees so that run.sh can check it.
 */
#define SYS_exit  4001              /* o32 system call numbers */
#define SYS_write 4004

    .text
    .set noreorder
    .globl  __start
__start:
    addiu   $sp, $sp, -32
    jal     fpu_diff_main
    nop
    move    $a0, $zero
    li      $v0, SYS_exit
    syscall
1:  b       1b
    nop

/* plat_write(buf, len): write(1, buf, len). */
    .globl  plat_write
plat_write:
    move    $a2, $a1
    move    $a1, $a0
    li      $a0, 1
    li      $v0, SYS_write
    syscall
    jr      $ra
    nop
