/*
 * PIC32MZ-EF system configuration, oscillator/reset and prefetch registers
 * (pic32mz-ef.md §1.4, §2.2-§2.8, §2.11; Microchip XC32 p32mz2048efg100.h/.S).
 * Usable from C and assembly.  Registers are named by their offset from their block's base;
 * "(S)" marks registers that have CLR/SET/INV aliases (soc/sfr.h), "(no S)" those that do not.
 */
#ifndef SOC_SYSCFG_H
#define SOC_SYSCFG_H

#include "bits.h"
#include "sfr.h"

/* ---- System configuration block (0xBF80_0000) ---- */
#define CFG_PHYS  SOC_U(0x1F800000)
#define CFG_KSEG1 SOC_U(0xBF800000)
#define CFG_SIZE  SOC_U(0x100)

#define CFG_CFGCON  0x00                    /* (no S) */
#define CFG_DEVID   0x20                    /* (no S) read-only */
#define CFG_SYSKEY  0x30                    /* (no S); SYSKEY_UNLOCK1/2 in soc/sfr.h */
#define CFG_PMD(n)  (0x40 + 0x10 * ((n)-1)) /* PMD1..PMD7 (S) */
#define CFG_CFGEBIA 0xC0                    /* (S) */
#define CFG_CFGEBIC 0xD0                    /* (S) */
#define CFG_CFGPG   0xE0                    /* (no S) */

#define CFGCON_PHYS (CFG_PHYS + CFG_CFGCON)
#define DEVID_PHYS  (CFG_PHYS + CFG_DEVID)
#define PMD_PHYS(n) (CFG_PHYS + CFG_PMD(n))
#define CFGPG_PHYS  (CFG_PHYS + CFG_CFGPG)
#define PMD_COUNT   7

/* CFGCON (§2.3) */
#define CFGCON_TDOEN        SOC_BIT(0)
#define CFGCON_TROEN        SOC_BIT(2)
#define CFGCON_JTAGEN       SOC_BIT(3)
#define CFGCON_ECCCON_SHIFT 4
#define CFGCON_ECCCON       SOC_FIELD(5, 4)
#define CFGCON_IOANCPEN     SOC_BIT(7)
#define CFGCON_USBSSEN      SOC_BIT(8)
#define CFGCON_PGLOCK       SOC_BIT(11)
#define CFGCON_PMDLOCK      SOC_BIT(12)
#define CFGCON_IOLOCK       SOC_BIT(13)
#define CFGCON_OCACLK       SOC_BIT(16)
#define CFGCON_ICACLK       SOC_BIT(17)
#define CFGCON_CPUPRI       SOC_BIT(24)
#define CFGCON_DMAPRI       SOC_BIT(25)

/* DEVID (§2.6) */
#define DEVID_DEVID     SOC_FIELD(27, 0)
#define DEVID_VER_SHIFT 28
#define DEVID_VER       SOC_FIELD(31, 28)

/* CFGPG (§2.4): 2-bit permission group per initiator */
#define CFGPG_CPUPG_SHIFT   0
#define CFGPG_DMAPG_SHIFT   4
#define CFGPG_USBPG_SHIFT   8
#define CFGPG_CAN1PG_SHIFT  12
#define CFGPG_CAN2PG_SHIFT  14
#define CFGPG_ETHPG_SHIFT   16
#define CFGPG_SQI1PG_SHIFT  20
#define CFGPG_FCPG_SHIFT    22
#define CFGPG_CRYPTPG_SHIFT 24
#define CFGPG_ICD1PG_SHIFT  30
#define CFGPG_FIELD(shift)  (SOC_U(3) << (shift))
#define CFGPG_CPUPG         CFGPG_FIELD(CFGPG_CPUPG_SHIFT)
#define CFGPG_DMAPG         CFGPG_FIELD(CFGPG_DMAPG_SHIFT)

/* PMD1..PMD7 bits (§2.5; 1 = module off) */
#define PMD1_ADCMD     SOC_BIT(0)
#define PMD1_CVRMD     SOC_BIT(12)
#define PMD2_CMPMD(n)  SOC_BIT((n)-1)      /* n = 1, 2 */
#define PMD3_ICMD(n)   SOC_BIT((n)-1)      /* n = 1..9 */
#define PMD3_OCMD(n)   SOC_BIT(16 + (n)-1) /* n = 1..9 */
#define PMD4_TMD(n)    SOC_BIT((n)-1)      /* n = 1..9 */
#define PMD5_UMD(n)    SOC_BIT((n)-1)      /* n = 1..6 */
#define PMD5_SPIMD(n)  SOC_BIT(8 + (n)-1)  /* n = 1..6 */
#define PMD5_I2CMD(n)  SOC_BIT(16 + (n)-1) /* n = 1..5 */
#define PMD5_USBMD     SOC_BIT(24)
#define PMD5_CAN1MD    SOC_BIT(28)
#define PMD5_CAN2MD    SOC_BIT(29)
#define PMD6_RTCCMD    SOC_BIT(0)
#define PMD6_REFOMD(n) SOC_BIT(8 + (n)-1) /* n = 1..4 */
#define PMD6_PMPMD     SOC_BIT(16)
#define PMD6_EBIMD     SOC_BIT(17)
#define PMD6_SQI1MD    SOC_BIT(23)
#define PMD6_ETHMD     SOC_BIT(28)
#define PMD7_DMAMD     SOC_BIT(4)
#define PMD7_RNGMD     SOC_BIT(20)
#define PMD7_CRYPTMD   SOC_BIT(22)
/* Implemented bits of each PMD word on the superset part (EFM144). */
#define PMD1_IMPL (PMD1_ADCMD | PMD1_CVRMD)
#define PMD2_IMPL SOC_FIELD(1, 0)
#define PMD3_IMPL (SOC_FIELD(8, 0) | SOC_FIELD(24, 16))
#define PMD4_IMPL SOC_FIELD(8, 0)
#define PMD5_IMPL                                                                                  \
    (SOC_FIELD(5, 0) | SOC_FIELD(13, 8) | SOC_FIELD(20, 16) | PMD5_USBMD | PMD5_CAN1MD |           \
     PMD5_CAN2MD)
#define PMD6_IMPL                                                                                  \
    (PMD6_RTCCMD | SOC_FIELD(11, 8) | PMD6_PMPMD | PMD6_EBIMD | PMD6_SQI1MD | PMD6_ETHMD)
#define PMD7_IMPL (PMD7_DMAMD | PMD7_RNGMD | PMD7_CRYPTMD)

/* ---- Oscillator and reset block (0xBF80_1200), all registers (S) (§2.7, §2.11) ---- */
#define OSC_PHYS  SOC_U(0x1F801200)
#define OSC_KSEG1 SOC_U(0xBF801200)
#define OSC_SIZE  SOC_U(0x1E0)

#define OSC_OSCCON      0x000
#define OSC_OSCTUN      0x010
#define OSC_SPLLCON     0x020
#define OSC_RCON        0x040
#define OSC_RSWRST      0x050
#define OSC_RNMICON     0x060
#define OSC_PWRCON      0x070
#define OSC_REFOCON(n)  (0x080 + 0x20 * ((n)-1)) /* n = 1..4 */
#define OSC_REFOTRIM(n) (0x090 + 0x20 * ((n)-1))
#define OSC_PBDIV(n)    (0x100 + 0x10 * ((n)-1)) /* n = 1..5, 7, 8 */
#define OSC_SLEWCON     0x1C0
#define OSC_CLKSTAT     0x1D0

#define RCON_PHYS   (OSC_PHYS + OSC_RCON)
#define RSWRST_PHYS (OSC_PHYS + OSC_RSWRST)

/* OSCCON */
#define OSCCON_OSWEN        SOC_BIT(0)
#define OSCCON_SOSCEN       SOC_BIT(1)
#define OSCCON_CF           SOC_BIT(3)
#define OSCCON_SLPEN        SOC_BIT(4)
#define OSCCON_CLKLOCK      SOC_BIT(7)
#define OSCCON_NOSC_SHIFT   8
#define OSCCON_NOSC         SOC_FIELD(10, 8)
#define OSCCON_COSC_SHIFT   12
#define OSCCON_COSC         SOC_FIELD(14, 12)
#define OSCCON_SLP2SPD      SOC_BIT(21)
#define OSCCON_DRMEN        SOC_BIT(23)
#define OSCCON_FRCDIV_SHIFT 24
#define OSCCON_FRCDIV       SOC_FIELD(26, 24)
#define OSC_SRC_FRC         0 /* COSC/NOSC codes (§2.7) */
#define OSC_SRC_SPLL        1
#define OSC_SRC_POSC        2
#define OSC_SRC_SOSC        4
#define OSC_SRC_LPRC        5
#define OSC_SRC_BFRC        6
#define OSC_SRC_FRCDIV      7

/* SPLLCON */
#define SPLLCON_PLLRANGE_SHIFT 0
#define SPLLCON_PLLRANGE       SOC_FIELD(2, 0)
#define SPLLCON_PLLICLK        SOC_BIT(7)
#define SPLLCON_PLLIDIV_SHIFT  8
#define SPLLCON_PLLIDIV        SOC_FIELD(10, 8)
#define SPLLCON_PLLMULT_SHIFT  16
#define SPLLCON_PLLMULT        SOC_FIELD(22, 16)
#define SPLLCON_PLLODIV_SHIFT  24
#define SPLLCON_PLLODIV        SOC_FIELD(26, 24)

/* RCON: reset causes */
#define RCON_POR      SOC_BIT(0)
#define RCON_BOR      SOC_BIT(1)
#define RCON_IDLE     SOC_BIT(2)
#define RCON_SLEEP    SOC_BIT(3)
#define RCON_WDTO     SOC_BIT(4)
#define RCON_DMTO     SOC_BIT(5)
#define RCON_SWR      SOC_BIT(6)
#define RCON_EXTR     SOC_BIT(7)
#define RCON_CMR      SOC_BIT(9)
#define RCON_BCFGFAIL SOC_BIT(26)
#define RCON_BCFGERR  SOC_BIT(27)

/* RSWRST */
#define RSWRST_SWRST SOC_BIT(0)

/* RNMICON */
#define RNMICON_NMICNT SOC_FIELD(15, 0)
#define RNMICON_WDTS   SOC_BIT(16)
#define RNMICON_CF     SOC_BIT(17)
#define RNMICON_GNMI   SOC_BIT(19)
#define RNMICON_SWNMI  SOC_BIT(23)
#define RNMICON_WDTO   SOC_BIT(24)
#define RNMICON_DMTO   SOC_BIT(25)

/* PWRCON */
#define PWRCON_VREGS SOC_BIT(0)

/* REFOxCON */
#define REFOCON_ROSEL       SOC_FIELD(3, 0)
#define REFOCON_ACTIVE      SOC_BIT(8)
#define REFOCON_DIVSWEN     SOC_BIT(9)
#define REFOCON_RSLP        SOC_BIT(11)
#define REFOCON_OE          SOC_BIT(12)
#define REFOCON_SIDL        SOC_BIT(13)
#define REFOCON_ON          SOC_BIT(15)
#define REFOCON_RODIV_SHIFT 16
#define REFOCON_RODIV       SOC_FIELD(30, 16)
#define REFOTRIM_ROTRIM     SOC_FIELD(31, 23)

/* PBxDIV */
#define PBDIV_PBDIV    SOC_FIELD(6, 0)
#define PBDIV_PBDIVRDY SOC_BIT(11)
#define PBDIV_ON       SOC_BIT(15)

/* SLEWCON */
#define SLEWCON_BUSY   SOC_BIT(0)
#define SLEWCON_DNEN   SOC_BIT(1)
#define SLEWCON_UPEN   SOC_BIT(2)
#define SLEWCON_SLWDIV SOC_FIELD(10, 8)
#define SLEWCON_SYSDIV SOC_FIELD(19, 16)

/* CLKSTAT */
#define CLKSTAT_FRCRDY   SOC_BIT(0)
#define CLKSTAT_SPDIVRDY SOC_BIT(1)
#define CLKSTAT_POSCRDY  SOC_BIT(2)
#define CLKSTAT_SOSCRDY  SOC_BIT(4)
#define CLKSTAT_LPRCRDY  SOC_BIT(5)

/* ---- Prefetch module (0xBF8E_0000), (S) (§2.8) ---- */
#define PREFETCH_PHYS       SOC_U(0x1F8E0000)
#define PREFETCH_SIZE       SOC_U(0x20)
#define PRE_PRECON          0x00
#define PRE_PRESTAT         0x10
#define PRECON_PFMWS        SOC_FIELD(2, 0)
#define PRECON_PREFEN_SHIFT 4
#define PRECON_PREFEN       SOC_FIELD(5, 4)
#define PRECON_PFMSECEN     SOC_BIT(26)
#define PRESTAT_PFMSECCNT   SOC_FIELD(7, 0)
#define PRESTAT_PFMSEC      SOC_BIT(26)
#define PRESTAT_PFMDED      SOC_BIT(27)

#endif
