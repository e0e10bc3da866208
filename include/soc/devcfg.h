/*
 * PIC32MZ-EF configuration words DEVCFG0..3 and their neighbours in boot flash
 * (pic32mz-ef.md §10.1, §10.2; XC32 configuration.data).  Usable from C and assembly.
 * Addresses are those of the lower boot alias; the same layout repeats in every panel/alias.
 */
#ifndef SOC_DEVCFG_H
#define SOC_DEVCFG_H

#include "bits.h"

#define DEVCFG3_PHYS  SOC_U(0x1FC0FFC0)
#define DEVCFG2_PHYS  SOC_U(0x1FC0FFC4)
#define DEVCFG1_PHYS  SOC_U(0x1FC0FFC8)
#define DEVCFG0_PHYS  SOC_U(0x1FC0FFCC)
#define DEVCP0_PHYS   SOC_U(0x1FC0FFDC)
#define SEQ3_PHYS     SOC_U(0x1FC0FFF0)
#define ADEVCFG3_PHYS SOC_U(0x1FC0FF40) /* alternate copies: -0x80 */
/* Offset of DEVCFGn inside a boot-flash panel (n = 0..3). */
#define DEVCFG_PANEL_OFF(n) (SOC_U(0xFFCC) - 4 * (n))

/* DEVCFG3 */
#define DEVCFG3_USERID   SOC_FIELD(15, 0)
#define DEVCFG3_FMIIEN   SOC_BIT(24)
#define DEVCFG3_FETHIO   SOC_BIT(25)
#define DEVCFG3_PGL1WAY  SOC_BIT(27)
#define DEVCFG3_PMDL1WAY SOC_BIT(28)
#define DEVCFG3_IOL1WAY  SOC_BIT(29)
#define DEVCFG3_FUSBIDIO SOC_BIT(30)

/* DEVCFG2 */
#define DEVCFG2_FPLLIDIV_SHIFT 0
#define DEVCFG2_FPLLIDIV       SOC_FIELD(2, 0)
#define DEVCFG2_FPLLRNG_SHIFT  4
#define DEVCFG2_FPLLRNG        SOC_FIELD(6, 4)
#define DEVCFG2_FPLLICLK       SOC_BIT(7)
#define DEVCFG2_FPLLMULT_SHIFT 8
#define DEVCFG2_FPLLMULT       SOC_FIELD(14, 8)
#define DEVCFG2_FPLLODIV_SHIFT 16
#define DEVCFG2_FPLLODIV       SOC_FIELD(18, 16)
#define DEVCFG2_UPLLFSEL       SOC_BIT(30)

/* DEVCFG1 */
#define DEVCFG1_FNOSC_SHIFT     0
#define DEVCFG1_FNOSC           SOC_FIELD(2, 0)
#define DEVCFG1_DMTINTV_SHIFT   3
#define DEVCFG1_DMTINTV         SOC_FIELD(5, 3)
#define DEVCFG1_FSOSCEN         SOC_BIT(6)
#define DEVCFG1_IESO            SOC_BIT(7)
#define DEVCFG1_POSCMOD_SHIFT   8
#define DEVCFG1_POSCMOD         SOC_FIELD(9, 8)
#define DEVCFG1_OSCIOFNC        SOC_BIT(10)
#define DEVCFG1_FCKSM_SHIFT     14
#define DEVCFG1_FCKSM           SOC_FIELD(15, 14)
#define DEVCFG1_WDTPS_SHIFT     16
#define DEVCFG1_WDTPS           SOC_FIELD(20, 16)
#define DEVCFG1_WDTSPGM         SOC_BIT(21)
#define DEVCFG1_WINDIS          SOC_BIT(22)
#define DEVCFG1_FWDTEN          SOC_BIT(23)
#define DEVCFG1_FWDTWINSZ_SHIFT 24
#define DEVCFG1_FWDTWINSZ       SOC_FIELD(25, 24)
#define DEVCFG1_DMTCNT_SHIFT    26
#define DEVCFG1_DMTCNT          SOC_FIELD(30, 26)
#define DEVCFG1_FDMTEN          SOC_BIT(31)

/* DEVCFG0 */
#define DEVCFG0_DEBUG         SOC_FIELD(1, 0)
#define DEVCFG0_JTAGEN        SOC_BIT(2)
#define DEVCFG0_ICESEL        SOC_FIELD(4, 3)
#define DEVCFG0_TRCEN         SOC_BIT(5)
#define DEVCFG0_BOOTISA       SOC_BIT(6) /* 1 = MIPS32, 0 = microMIPS */
#define DEVCFG0_FECCCON_SHIFT 8
#define DEVCFG0_FECCCON       SOC_FIELD(9, 8)
#define DEVCFG0_FSLEEP        SOC_BIT(10)
#define DEVCFG0_DBGPER_SHIFT  12
#define DEVCFG0_DBGPER        SOC_FIELD(14, 12)
#define DEVCFG0_SMCLR         SOC_BIT(15)
#define DEVCFG0_SOSCGAIN      SOC_FIELD(17, 16)
#define DEVCFG0_SOSCBOOST     SOC_BIT(18)
#define DEVCFG0_POSCGAIN      SOC_FIELD(20, 19)
#define DEVCFG0_POSCBOOST     SOC_BIT(21)
#define DEVCFG0_EJTAGBEN      SOC_BIT(30)

#endif
