/*
 * PIC32 SFR conventions: most registers have CLR/SET/INV aliases at +4/+8/+0xC
 * (pic32mz-ef.md §2.1; the list of registers without them is there too).
 */
#ifndef SOC_SFR_H
#define SOC_SFR_H

#include "bits.h"

#define SFR_CLR        0x4
#define SFR_SET        0x8
#define SFR_INV        0xC
#define SFR_ALIAS_MASK 0xC

#define SYSKEY_PHYS    SOC_U(0x1F800030)
#define SYSKEY_UNLOCK1 SOC_U(0xAA996655)
#define SYSKEY_UNLOCK2 SOC_U(0x556699AA)

#endif
