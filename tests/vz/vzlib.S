/*
 * Root exception vectors and guest entry for the VZ tests (see vzlib.h).
 * The guest runs in shadow set GUEST_SRS; root code runs in set 0 with SRSCtl.ESS = 0, so on
 * every exit the hardware switches back to set 0 (mips-vz.md §4.2, §5.18) and root's
 * registers are exactly as vz_run_guest left them: the vector code records the exit and
 * continues at vz_run_return as if ERET had returned.
 */
#include "soc/cp0.h"
#include "soc/memmap.h"

#define X_VECTOR    0
#define X_CAUSE     4
#define X_EPC       8
#define X_BADVADDR  12
#define X_BADINSTR  16
#define X_BADINSTRP 20
#define X_GUESTCTL0 24
#define X_SRSCTL    28
#define X_ENTRYHI   32
#define X_STATUS    36

    .set    noreorder
    .set    virt

    .section .vectors, "ax"
    .globl  vz_root_vectors
vz_root_vectors:
    .org    0x000
    b       exit_common
    li      $k1, 0
    .org    0x180
    b       exit_common
    li      $k1, 1
    .org    0x200
    b       exit_common
    li      $k1, 2

exit_common:
    la      $k0, vz_exit_info
    sw      $k1, X_VECTOR($k0)
    mfc0    $k1, C0_CAUSE
    sw      $k1, X_CAUSE($k0)
    mfc0    $k1, C0_EPC
    sw      $k1, X_EPC($k0)
    mfc0    $k1, C0_BADVADDR
    sw      $k1, X_BADVADDR($k0)
    mfc0    $k1, C0_BADINSTR
    sw      $k1, X_BADINSTR($k0)
    mfc0    $k1, C0_BADINSTRP
    sw      $k1, X_BADINSTRP($k0)
    mfc0    $k1, C0_SRSCTL
    sw      $k1, X_SRSCTL($k0)
    mfc0    $k1, C0_ENTRYHI
    sw      $k1, X_ENTRYHI($k0)
    mfc0    $k1, C0_STATUS
    sw      $k1, X_STATUS($k0)
    mfc0    $k1, C0_GUESTCTL0
    sw      $k1, X_GUESTCTL0($k0)
    /* Leave guest mode for good before anything lowers EXL (mips-vz.md §5.1). */
    ins     $k1, $zero, 31, 1
    mtc0    $k1, C0_GUESTCTL0
    ehb
    la      $k0, vz_run_return
    jr      $k0
    nop

    .text
    .globl  vz_run_guest
    .ent    vz_run_guest
vz_run_guest:
    mtc0    $a0, C0_EPC
    mfc0    $t0, C0_SRSCTL
    li      $t1, 1                  /* GUEST_SRS (vzlib.h) */
    ins     $t0, $t1, SRSCTL_PSS_SHIFT, 4
    mtc0    $t0, C0_SRSCTL
    mfc0    $t0, C0_STATUS
    ori     $t0, $t0, STATUS_EXL
    mtc0    $t0, C0_STATUS
    mfc0    $t0, C0_GUESTCTL0
    lui     $t1, 0x8000             /* GM */
    or      $t0, $t0, $t1
    mtc0    $t0, C0_GUESTCTL0
    ehb
    eret
    .globl  vz_run_return
vz_run_return:
    la      $t0, vz_exit_info
    lw      $v0, X_CAUSE($t0)
    ext     $v0, $v0, CAUSE_EXCCODE_SHIFT, 5
    jr      $ra
    nop
    .end    vz_run_guest

/*
 * Guest exception vectors (guest EBase = vz_guest_vectors): log the exception in guest RAM
 * (GPA 0, through guest kseg1) and return to EPC + 4; an interrupt instead exits with
 * HYPCALL 0x3FF so the root test sees it was taken.
 */
    .section .guest.vectors, "ax"
    .globl  vz_guest_vectors
vz_guest_vectors:
    .org    0x000
    b       guest_common
    li      $k1, 0x000
    .org    0x180
    b       guest_common
    li      $k1, 0x180
    .org    0x200
    b       guest_common
    li      $k1, 0x200
    .org    0x220
    b       guest_common
    li      $k1, 0x220
guest_common:
    lui     $k0, 0xA000
    sw      $k1, 16($k0)
    mfc0    $k1, C0_CAUSE
    sw      $k1, 4($k0)
    mfc0    $k1, C0_EPC
    sw      $k1, 8($k0)
    mfc0    $k1, C0_BADVADDR
    sw      $k1, 12($k0)
    lw      $k1, 0($k0)
    addiu   $k1, $k1, 1
    sw      $k1, 0($k0)
    mfc0    $k1, C0_CAUSE
    andi    $k1, $k1, CAUSE_EXCCODE
    bnez    $k1, 1f
    nop
    hypcall 0x3ff                   /* an interrupt: tell the root */
1:  mfc0    $k1, C0_EPC
    addiu   $k1, $k1, 4
    mtc0    $k1, C0_EPC
    ehb
    eret
    nop
