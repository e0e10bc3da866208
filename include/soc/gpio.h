/*
 * PIC32MZ-EF I/O ports and change notice (pic32mz-ef.md §5.1, §5.2; PIC32 FRM Section 12).
 * Offsets from a port's base; every register has CLR/SET/INV aliases at +4/+8/+0xC
 * (soc/sfr.h).  Usable from C and assembly.
 */
#ifndef SOC_GPIO_H
#define SOC_GPIO_H

#include "bits.h"

/* Port k = 0..9 is A, B, C, D, E, F, G, H, J, K (there is no port I). */
#define GPIO_PHYS          SOC_U(0x1F860000)
#define GPIO_KSEG1         SOC_U(0xBF860000)
#define GPIO_PORT_PHYS(k)  (GPIO_PHYS + SOC_U(0x100) * (k))
#define GPIO_PORT_KSEG1(k) (GPIO_KSEG1 + SOC_U(0x100) * (k))
#define GPIO_PORT_SIZE     SOC_U(0x100)
#define GPIO_NUM_PORTS     10

#define GPIO_PORT_A 0
#define GPIO_PORT_B 1
#define GPIO_PORT_C 2
#define GPIO_PORT_D 3
#define GPIO_PORT_E 4
#define GPIO_PORT_F 5
#define GPIO_PORT_G 6
#define GPIO_PORT_H 7
#define GPIO_PORT_J 8
#define GPIO_PORT_K 9

#define ANSELx  0x00 /* 1 = analog: digital input reads 0 (not on port K) */
#define TRISx   0x10 /* 1 = input */
#define PORTx   0x20 /* read: pin levels; write: goes to LATx */
#define LATx    0x30
#define ODCx    0x40 /* 1 = open drain */
#define CNPUx   0x50 /* weak pull-up */
#define CNPDx   0x60 /* weak pull-down */
#define CNCONx  0x70
#define CNENx   0x80 /* mismatch enable / rising-edge enable (EDGEDETECT=1) */
#define CNSTATx 0x90 /* mismatch status (read-only) */
#define CNNEx   0xA0 /* falling-edge enable (EDGEDETECT=1) */
#define CNFx    0xB0 /* edge flags (EDGEDETECT=1), cleared by software */
#define SRCON0x 0xC0 /* slew rate, ports A, B, E, F, G only */
#define SRCON1x 0xD0

/* CNCONx */
#define CNCON_EDGEDETECT SOC_BIT(11)
#define CNCON_SIDL       SOC_BIT(13)
#define CNCON_ON         SOC_BIT(15)

/* Change-notice IRQ of port k: soc/evic.h IRQ_CN(k). */

#endif
