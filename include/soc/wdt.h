/*
 * PIC32MZ-EF Watchdog timer (WDT) and Deadman timer (DMT) registers (pic32mz-ef.md §2.9,
 * §2.10; XC32 p32mz2048efg100.h).  Usable from C and assembly.
 */
#ifndef SOC_WDT_H
#define SOC_WDT_H

#include "bits.h"

/* WDT (0xBF80_0800); WDTCON has CLR/SET/INV. */
#define WDT_PHYS            SOC_U(0x1F800800)
#define WDT_KSEG1           SOC_U(0xBF800800)
#define WDT_SIZE            SOC_U(0x10)
#define WDT_WDTCON          0x00
#define WDTCON_WDTWINEN     SOC_BIT(0)
#define WDTCON_RUNDIV_SHIFT 8
#define WDTCON_RUNDIV       SOC_FIELD(12, 8)
#define WDTCON_ON           SOC_BIT(15)
#define WDTCON_WDTCLRKEY    SOC_FIELD(31, 16)
/* Clearing: a 16-bit write of this key to the upper half of WDTCON (WDTCON + 2). */
#define WDT_CLRKEY_OFFSET 0x02
#define WDT_CLRKEY        SOC_U(0x5743)

/* DMT (0xBF80_0A00); no CLR/SET/INV. */
#define DMT_PHYS              SOC_U(0x1F800A00)
#define DMT_KSEG1             SOC_U(0xBF800A00)
#define DMT_SIZE              SOC_U(0x80)
#define DMT_DMTCON            0x00
#define DMT_DMTPRECLR         0x10
#define DMT_DMTCLR            0x20
#define DMT_DMTSTAT           0x30
#define DMT_DMTCNT            0x40
#define DMT_DMTPSCNT          0x60
#define DMT_DMTPSINTV         0x70
#define DMTCON_ON             SOC_BIT(15)
#define DMTPRECLR_STEP1_SHIFT 8
#define DMTPRECLR_STEP1       SOC_FIELD(15, 8)
#define DMT_STEP1_KEY         SOC_U(0x40)
#define DMTCLR_STEP2          SOC_FIELD(7, 0)
#define DMT_STEP2_KEY         SOC_U(0x08)
#define DMTSTAT_WINOPN        SOC_BIT(0)
#define DMTSTAT_DMTEVENT      SOC_BIT(5)
#define DMTSTAT_BAD2          SOC_BIT(6)
#define DMTSTAT_BAD1          SOC_BIT(7)

/* WDT time base: the 32 kHz LPRC divided by 32 gives 1 ms per postscaler count
 * (PIC32 FRM Section 9, "WDT time-out period" = 1 ms * 2^WDTPS, WDTPS > 20 acts as 20). */
#define WDT_TICK_HZ 1000
#define WDT_PS_MAX  20

#endif
