/*
 * PIC32MZ-EF Timer1 (type A) and Timer2..9 (type B), pic32mz-ef.md §6.2; PIC32 FRM Section 14.
 * Offsets from a timer's base; TxCON, TMRx and PRx have CLR/SET/INV aliases (soc/sfr.h).
 * IRQ numbers: soc/evic.h IRQ_TIMER1..IRQ_TIMER9.  Usable from C and assembly.
 */
#ifndef SOC_TIMER_H
#define SOC_TIMER_H

#include "bits.h"

#define TIMER_PHYS(n)    (SOC_U(0x1F840000) + SOC_U(0x200) * ((n)-1)) /* n = 1..9 */
#define TIMER_KSEG1(n)   (SOC_U(0xBF840000) + SOC_U(0x200) * ((n)-1))
#define TIMER_BLOCK_SIZE SOC_U(0x200)
#define TIMER_COUNT      9

#define TxCON 0x00
#define TMRx  0x10
#define PRx   0x20

/* TxCON, both types */
#define TCON_TCS   SOC_BIT(1) /* external clock */
#define TCON_TGATE SOC_BIT(7) /* gated time accumulation */
#define TCON_SIDL  SOC_BIT(13)
#define TCON_ON    SOC_BIT(15)
/* Timer1 (type A) */
#define T1CON_TSYNC       SOC_BIT(2)
#define T1CON_TCKPS_SHIFT 4
#define T1CON_TCKPS       SOC_FIELD(5, 4) /* 0 1:1, 1 1:8, 2 1:64, 3 1:256 */
#define T1CON_TWIP        SOC_BIT(11)     /* read-only */
#define T1CON_TWDIS       SOC_BIT(12)
#define T1CON_WRITABLE    SOC_U(0xB0B6)
/* Timer2..9 (type B) */
#define TBCON_T32         SOC_BIT(3) /* even timers: pair with the next one */
#define TBCON_TCKPS_SHIFT 4
#define TBCON_TCKPS       SOC_FIELD(6, 4) /* 1:1,2,4,8,16,32,64,256 */
#define TBCON_WRITABLE    SOC_U(0xA0FA)

#endif
