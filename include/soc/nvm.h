/*
 * PIC32MZ-EF flash (NVM) controller registers (pic32mz-ef.md §9; XC32 p32mz2048efg100.h;
 * operations: PIC32 FRM Section 52 "Flash Program Memory" and DS60001320 chapter 5).
 * Usable from C and assembly.  All registers but NVMKEY have CLR/SET/INV aliases.
 */
#ifndef SOC_NVM_H
#define SOC_NVM_H

#include "bits.h"

#define NVM_PHYS  SOC_U(0x1F800600)
#define NVM_KSEG1 SOC_U(0xBF800600)
#define NVM_SIZE  SOC_U(0xB0)

#define NVM_NVMCON     0x00
#define NVM_NVMKEY     0x10 /* no CLR/SET/INV */
#define NVM_NVMADDR    0x20
#define NVM_NVMDATA(n) (0x30 + 0x10 * (n)) /* n = 0..3 */
#define NVM_NVMSRCADDR 0x70
#define NVM_NVMPWP     0x80
#define NVM_NVMBWP     0x90
#define NVM_NVMCON2    0xA0

#define NVMCON_NVMOP  SOC_FIELD(3, 0)
#define NVMCON_BFSWAP SOC_BIT(6)
#define NVMCON_PFSWAP SOC_BIT(7)
#define NVMCON_LVDERR SOC_BIT(12)
#define NVMCON_WRERR  SOC_BIT(13)
#define NVMCON_WREN   SOC_BIT(14)
#define NVMCON_WR     SOC_BIT(15)

/* NVMOP codes */
#define NVMOP_NOP        0x0
#define NVMOP_WORD_PGM   0x1 /* one 32-bit word from NVMDATA0 */
#define NVMOP_QUAD_PGM   0x2 /* 128 bits from NVMDATA0..3 */
#define NVMOP_ROW_PGM    0x3 /* one row from RAM at NVMSRCADDR */
#define NVMOP_PAGE_ERASE 0x4
#define NVMOP_LPFM_ERASE 0x5 /* lower program flash panel */
#define NVMOP_UPFM_ERASE 0x6 /* upper program flash panel */
#define NVMOP_PFM_ERASE  0x7 /* all program flash */

#define NVM_KEY1 SOC_U(0xAA996655)
#define NVM_KEY2 SOC_U(0x556699AA)

/* Geometry of the EF parts (DS60001320 chapter 5): 2 KB rows, 16 KB pages. */
#define NVM_ROW_SIZE  SOC_U(0x800)
#define NVM_PAGE_SIZE SOC_U(0x4000)

#define NVMPWP_PWP       SOC_FIELD(23, 0)
#define NVMPWP_PWPULOCK  SOC_BIT(31)
#define NVMBWP_UBWPULOCK SOC_BIT(7)
#define NVMBWP_LBWPULOCK SOC_BIT(15)

/* Flash controller interrupt: IRQ_FLASH in soc/evic.h (pic32mz-ef.md §3.6). */

#endif
