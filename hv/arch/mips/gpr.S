/* guest_gpr(n) / set_guest_gpr(n, v): RDPGPR/WRPGPR take the register number in the
 * instruction, so each is a table of 32 two-instruction entries indexed by n. */
    .set    noreorder
    .set    noat
    .text
    .globl  guest_gpr
    .ent    guest_gpr
guest_gpr:
    andi    $a0, $a0, 31
    sll     $a0, $a0, 3
    la      $t0, 1f
    addu    $t0, $t0, $a0
    jr      $t0
    nop
1:
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    jr      $ra
    rdpgpr  $v0, $\n
    .endr
    .end    guest_gpr

    .globl  set_guest_gpr
    .ent    set_guest_gpr
set_guest_gpr:
    andi    $a0, $a0, 31
    sll     $a0, $a0, 3
    la      $t0, 1f
    addu    $t0, $t0, $a0
    jr      $t0
    nop
1:
    .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    jr      $ra
    wrpgpr  $\n, $a1
    .endr
    .end    set_guest_gpr
