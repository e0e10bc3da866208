/*
 * PIC32MZ-EF interrupt controller (EVIC): register offsets, fields and IRQ/vector numbers
 * (pic32mz-ef.md §3; Microchip XC32 p32mz2048efm144.h / .S).  Usable from C and assembly.
 *
 * Registers are named by their offset from the EVIC base; INTCON..IPCk have CLR/SET/INV
 * aliases at +4/+8/+0xC (soc/sfr.h), the OFFn words have none (pic32mz-ef.md §3.1).
 * "IRQ n" and "vector n" are the same number on the PIC32MZ.
 */
#ifndef SOC_EVIC_H
#define SOC_EVIC_H

#include "bits.h"

#define EVIC_PHYS  SOC_U(0x1F810000)
#define EVIC_KSEG1 SOC_U(0xBF810000)

/* Register offsets (pic32mz-ef.md §3.1). */
#define EVIC_INTCON  0x000
#define EVIC_PRISS   0x010
#define EVIC_INTSTAT 0x020
#define EVIC_IPTMR   0x030
#define EVIC_IFS(k)  (0x040 + 0x10 * (k)) /* k = 0..6 */
#define EVIC_IEC(k)  (0x0C0 + 0x10 * (k)) /* k = 0..6 */
#define EVIC_IPC(k)  (0x140 + 0x10 * (k)) /* k = 0..53 */
#define EVIC_OFF(n)  (0x540 + 4 * (n))    /* n = vector 0..213, no CLR/SET/INV */
#define EVIC_SIZE    EVIC_OFF(EVIC_NUM_VECTORS)

#define EVIC_NUM_VECTORS 214 /* 0..213, the EFM144 superset (pic32mz-ef.md §3.6) */
#define EVIC_FLAG_WORDS  7   /* IFS0..6, IEC0..6 */
#define EVIC_IPC_WORDS   54  /* IPC0..53 */

/* Where IRQ n lives: IFS/IEC word and bit, IPC word and field shift (pic32mz-ef.md §3.2). */
#define EVIC_IFS_OF(n)    EVIC_IFS((n) >> 5)
#define EVIC_IEC_OF(n)    EVIC_IEC((n) >> 5)
#define EVIC_IPC_OF(n)    EVIC_IPC((n) >> 2)
#define EVIC_IRQ_BIT(n)   (SOC_U(1) << ((n)&31))
#define EVIC_IPC_SHIFT(n) (8 * ((n)&3))
/* Priority (1..7, 0 = disabled) and subpriority (0..3) of IRQ n, placed in its IPC word. */
#define EVIC_IPC_VAL(n, ip, is) ((((ip) << 2) | (is)) << EVIC_IPC_SHIFT(n))
#define EVIC_IPC_MASK(n)        (SOC_U(0x1F) << EVIC_IPC_SHIFT(n))

/* IPCk byte lane for IRQ 4k+j (pic32mz-ef.md §3.2). */
#define IPC_IS_SHIFT 0
#define IPC_IS       SOC_FIELD(1, 0)
#define IPC_IP_SHIFT 2
#define IPC_IP       SOC_FIELD(4, 2)

/* INTCON (pic32mz-ef.md §3.2) */
#define INTCON_INT0EP       SOC_BIT(0) /* INTxEP = bit x: 1 rising edge, 0 falling edge */
#define INTCON_INTEP(x)     SOC_BIT(x)
#define INTCON_TPC_SHIFT    8
#define INTCON_TPC          SOC_FIELD(10, 8)
#define INTCON_MVEC         SOC_BIT(12)
#define INTCON_NMIKEY_SHIFT 24
#define INTCON_NMIKEY       SOC_FIELD(31, 24)

/* PRISS: shadow set per priority (pic32mz-ef.md §3.2) */
#define PRISS_SS0            SOC_BIT(0)
#define PRISS_PRISS_SHIFT(p) (4 * (p)) /* PRIpSS, p = 1..7 */
#define PRISS_PRISS(p)       (SOC_U(0xF) << PRISS_PRISS_SHIFT(p))

/* INTSTAT (pic32mz-ef.md §3.2) */
#define INTSTAT_SIRQ_SHIFT  0
#define INTSTAT_SIRQ        SOC_FIELD(7, 0)
#define INTSTAT_SRIPL_SHIFT 8
#define INTSTAT_SRIPL       SOC_FIELD(10, 8)

/* OFFn (pic32mz-ef.md §3.2): handler offset from EBase, bit 0 reads 0. */
#define OFF_VOFF SOC_FIELD(17, 1)

/* IRQ / vector numbers (pic32mz-ef.md §3.6).  UART numbers: soc/uart.h. */
#define IRQ_CORE_TIMER   0
#define IRQ_CORE_SW0     1 /* Cause.IP0 */
#define IRQ_CORE_SW1     2 /* Cause.IP1 */
#define IRQ_INT0         3
#define IRQ_INT1         8
#define IRQ_INT2         13
#define IRQ_INT3         18
#define IRQ_INT4         23
#define IRQ_TIMER1       4
#define IRQ_TIMER2       9
#define IRQ_TIMER3       14
#define IRQ_TIMER4       19
#define IRQ_TIMER5       24
#define IRQ_TIMER6       28
#define IRQ_TIMER7       32
#define IRQ_TIMER8       36
#define IRQ_TIMER9       40
#define IRQ_CORE_PERF    104
#define IRQ_CORE_FDC     105
#define IRQ_SB_VIOLATION 106
#define IRQ_CRYPTO       107
#define IRQ_CN(port)     (118 + (port)) /* port A = 0 .. K = 9 (no port I) */
#define IRQ_DMA(ch)      (134 + (ch))   /* channel 0..7 */
#define IRQ_ETHERNET     153
#define IRQ_RTCC         166
#define IRQ_FLASH        167

#endif
