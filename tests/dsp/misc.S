/*
 * DSP ASE compares and picks, precision changes, replicates, indexed loads, INSV and the r2
 * APPEND/PREPEND/BALIGN (MD00374 instruction pages named per line).  CMPU/CMP write
 * DSPControl.ccond (27:24; the .PH forms only 25:24), CMPGU writes rd, CMPGDU (r2) both.
 */
#include "testdev.inc"
#include "dsp.inc"

#define F_ADD   0x00100000
#define F_SHIFT 0x00400000

    TEST_BEGIN
    DSP_ON

/* CMPU.EQ/LT/LE.QB -> ccond, PICK.QB */
    wrdsp   $zero, 0x3f
    li      $t0, 0x01020304
    li      $t1, 0x01FF0304
    cmpu.eq.qb $t0, $t1
    CHECKDSP 0x0B000000
    li      $t1, 0x02020205
    cmpu.lt.qb $t0, $t1
    CHECKDSP 0x09000000
    li      $t2, 0xAABBCCDD
    li      $t3, 0x11223344
    pick.qb $t4, $t2, $t3
    CHECK   $t4, 0xAA2233DD
    cmpu.le.qb $t0, $t1
    CHECKDSP 0x0D000000
/* CMPGU.LT.QB -> rd only; CMPGDU.EQ.QB (r2) -> rd and ccond */
    cmpgu.lt.qb $t4, $t0, $t1
    CHECK   $t4, 0x9
    CHECKDSP 0x0D000000
    li      $t1, 0x01FF0304
    cmpgdu.eq.qb $t4, $t0, $t1
    CHECK   $t4, 0xB
    CHECKDSP 0x0B000000
/* CMP.LT.PH (signed) writes ccond 25:24 and keeps 27:26; PICK.PH */
    li      $t0, 0x0C000000
    wrdsp   $t0, 0x10
    li      $t0, 0x80000001
    li      $t1, 0x00000001
    cmp.lt.ph $t0, $t1
    CHECKDSP 0x0E000000
    pick.ph $t4, $t2, $t3
    CHECK   $t4, 0xAABB3344
    cmp.eq.ph $t0, $t1
    CHECKDSP 0x0D000000

/* Precision reduction */
    R3 precrq.qb.ph,    0x11223344, 0x55667788, 0x11335577
    R3 precr.qb.ph,     0x11223344, 0x55667788, 0x22446688
    R3 packrl.ph,       0x11223344, 0x55667788, 0x33445566
    R3 precrqu_s.qb.ph, 0x7F808000, 0x40000080, 0xFF008001, F_SHIFT
    R3 precrq.ph.w,     0x12345678, 0x9ABCDEF0, 0x12349ABC
    R3 precrq_rs.ph.w,  0x12348000, 0x7FFF8000, 0x12357FFF, F_SHIFT
/* PRECR_SRA[_R].PH.W rt, rs, sa (r2): rt = (rt >> sa)15..0 || (rs >> sa)15..0 */
    RT precr_sra.ph.w,   0x12345678, 0x9ABCDEF0, 4, 0x4567CDEF
    RT precr_sra_r.ph.w, 0x12345678, 0x9ABCDEF0, 4, 0x4568CDEF
    RT precr_sra_r.ph.w, 0x12345678, 0x9ABCDEF0, 0, 0x5678DEF0

/* ABSQ_S.QB (r2), ABSQ_S.PH, ABSQ_S.W: the most negative value saturates (ouflag 20) */
    R2 absq_s.qb, 0x80FF7F01, 0x7F017F01, F_ADD
    R2 absq_s.ph, 0x8000FFFF, 0x7FFF0001, F_ADD
    R2 absq_s.w,  0x80000000, 0x7FFFFFFF, F_ADD
    R2 absq_s.w,  0xFFFFFFFB, 0x00000005, 0
/* REPL/REPLV */
    repl.qb $t2, 0x5A
    CHECK   $t2, 0x5A5A5A5A
    repl.ph $t2, -2
    CHECK   $t2, 0xFFFEFFFE
    repl.ph $t2, 511
    CHECK   $t2, 0x01FF01FF
    R2 replv.qb, 0x123456AB, 0xABABABAB
    R2 replv.ph, 0x1234ABCD, 0xABCDABCD
/* Precision expansion */
    R2 preceq.w.phl,    0x12345678, 0x12340000
    R2 preceq.w.phr,    0x12345678, 0x56780000
    R2 precequ.ph.qbl,  0x80FF0102, 0x40007F80
    R2 precequ.ph.qbr,  0x80FF0102, 0x00800100
    R2 precequ.ph.qbla, 0x80FF0102, 0x40000080
    R2 precequ.ph.qbra, 0x80FF0102, 0x7F800100
    R2 preceu.ph.qbl,   0x80FF0102, 0x008000FF
    R2 preceu.ph.qbr,   0x80FF0102, 0x00010002
    R2 preceu.ph.qbla,  0x80FF0102, 0x00800001
    R2 preceu.ph.qbra,  0x80FF0102, 0x00FF0002
    R2 bitrev,          0xFFFF0001, 0x00008000

/* LWX/LHX/LBUX rd, index(base): sign/zero extension, address errors as the plain loads */
    la      $t0, data
    li      $t1, 4
    lwx     $t2, $t1($t0)
    CHECK   $t2, 0x12345678
    li      $t1, 2
    lhx     $t2, $t1($t0)
    CHECK   $t2, 0xFFFF8081
    lhx     $t2, $zero($t0)
    CHECK   $t2, 0xFFFFF0F1
    li      $t1, 3
    lbux    $t2, $t1($t0)
    CHECK   $t2, 0x80
    EXPECT_EXC 1f
    li      $t1, 2
0:  lwx     $t2, $t1($t0)           /* misaligned: AdEL */
1:  CHECK_EXC EXCCODE_ADEL, 0b

/* INSV rt, rs: rt[pos+scount-1..pos] = rs */
    li      $t0, 8 | (4 << 7)
    wrdsp   $t0, 0x03
    li      $t1, 0xFFFFFFFF
    li      $t0, 5
    insv    $t1, $t0
    CHECK   $t1, 0xFFFFF5FF
    li      $t0, 28 | (4 << 7)
    wrdsp   $t0, 0x03
    li      $t0, 0xA
    insv    $t1, $t0
    CHECK   $t1, 0xAFFFF5FF
    li      $t0, 0 | (32 << 7)
    wrdsp   $t0, 0x03
    li      $t0, 0x13579BDF
    insv    $t1, $t0
    CHECK   $t1, 0x13579BDF

/* APPEND/PREPEND/BALIGN (r2) */
    RT append,  0x12345678, 0xABCDEF01, 8, 0x34567801
    RT append,  0x12345678, 0xABCDEF01, 0, 0x12345678
    RT prepend, 0x12345678, 0xABCDEF01, 8, 0x01123456
    RT balign,  0x12345678, 0xABCDEF01, 1, 0x345678AB
    RT balign,  0x12345678, 0xABCDEF01, 3, 0x78ABCDEF

    TEST_EXIT

    .section .rodata
    .balign 4
data:
    .word   0x8081F0F1, 0x12345678
