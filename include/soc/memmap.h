/*
 * PIC32MZ-EF physical memory map and MIPS32 segments (pic32mz-ef.md §1, MIPS32 PRA §4).
 */
#ifndef SOC_MEMMAP_H
#define SOC_MEMMAP_H

#include "bits.h"

/* MIPS32 fixed segments (virtual). */
#define KUSEG_BASE     SOC_U(0x00000000)
#define KSEG0_BASE     SOC_U(0x80000000)
#define KSEG1_BASE     SOC_U(0xA0000000)
#define KSEG2_BASE     SOC_U(0xC0000000)
#define KSEG3_BASE     SOC_U(0xE0000000)
#define KSEG_PHYS_MASK SOC_U(0x1FFFFFFF)

#define KSEG0(pa) ((pa) | KSEG0_BASE)
#define KSEG1(pa) ((pa) | KSEG1_BASE)

/* Physical regions (pic32mz-ef.md §1.1, §1.2). */
#define RAM_PHYS         SOC_U(0x00000000)
#define RAM_SIZE_MAX     SOC_U(0x00080000) /* 512 KB on the 2048 parts */
#define PFM_PHYS         SOC_U(0x1D000000) /* program flash */
#define PFM_SIZE_MAX     SOC_U(0x00200000) /* 2 MB */
#define SFR_PHYS         SOC_U(0x1F800000)
#define SFR_SIZE         SOC_U(0x00100000)
#define BOOT_PHYS        SOC_U(0x1FC00000) /* lower boot alias */
#define BOOT_SIZE        SOC_U(0x00074000) /* aliases and both panels */
#define BOOT_PANEL_SIZE  SOC_U(0x00014000) /* 80 KB */
#define BOOT_UPPER_ALIAS SOC_U(0x1FC20000)
#define BOOT_FLASH1      SOC_U(0x1FC40000)
#define BOOT_FLASH2      SOC_U(0x1FC60000)

/* Reset and boot-time vectors (pic32mz-ef.md §1.3, mips-vz.md §4.1). */
#define RESET_VECTOR    SOC_U(0xBFC00000)
#define BEV_VECTOR_BASE SOC_U(0xBFC00200) /* +0x000 refill, +0x180 general */
#define VEC_REFILL      SOC_U(0x000)
#define VEC_CACHEERR    SOC_U(0x100)
#define VEC_GENERAL     SOC_U(0x180)
#define VEC_INTERRUPT   SOC_U(0x200)

#endif
