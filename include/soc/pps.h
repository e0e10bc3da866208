/*
 * PIC32MZ-EF Peripheral Pin Select registers (pic32mz-ef.md §5.4; addresses from the XC32
 * p32mz2048efg100.S / p32mz2048efm144.S files).  No CLR/SET/INV aliases (pic32mz-ef.md §2.1);
 * the value is <3:0>; writes are ignored while CFGCON.IOLOCK = 1.  Usable from C and assembly.
 */
#ifndef SOC_PPS_H
#define SOC_PPS_H

#include "bits.h"

#define PPS_PHYS  SOC_U(0x1F801400)
#define PPS_KSEG1 SOC_U(0xBF801400)
#define PPS_SIZE  SOC_U(0x2C0) /* inputs 0x1400.., outputs ..0x16BC */
#define PPS_VALUE SOC_FIELD(3, 0)

/* Input select registers: offsets from PPS_PHYS. */
#define PPS_INT1R     0x004
#define PPS_INT2R     0x008
#define PPS_INT3R     0x00C
#define PPS_INT4R     0x010
#define PPS_TCKR(n)   (0x018 + 4 * ((n)-2)) /* T2CKR..T9CKR */
#define PPS_ICR(n)    (0x038 + 4 * ((n)-1)) /* IC1R..IC9R */
#define PPS_OCFAR     0x060
#define PPS_URXR(n)   (0x068 + 8 * ((n)-1))  /* U1RXR..U6RXR */
#define PPS_UCTSR(n)  (0x06C + 8 * ((n)-1))  /* U1CTSR..U6CTSR */
#define PPS_SDIR(n)   (0x09C + 12 * ((n)-1)) /* SDI1R..SDI6R */
#define PPS_SSR(n)    (0x0A0 + 12 * ((n)-1)) /* SS1R..SS6R */
#define PPS_C1RXR     0x0E0                  /* CAN parts only (EFF/EFH/EFK/EFM) */
#define PPS_C2RXR     0x0E4
#define PPS_REFCLKI1R 0x0E8
#define PPS_REFCLKI3R 0x0F0
#define PPS_REFCLKI4R 0x0F4

/* Output select registers RPxnR: port index (A = 0 .. G = 6) and pin. */
#define PPS_RPR(port, pin)      (0x100 + 0x40 * (port) + 4 * (pin))
#define PPS_RPR_PHYS(port, pin) (PPS_PHYS + PPS_RPR(port, pin))

/* Codes used by the boards' consoles (pic32mz-ef.md §4.5, §5.4). */
#define PPS_IN_RPF2  11 /* input group 1: U4RXR = RF2 (Wi-FIRE console) */
#define PPS_OUT_U4TX 2  /* output group O4: RPF8R = U4TX */
#define PPS_OUT_U1TX 1  /* output group O1 */

#endif
