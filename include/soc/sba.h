/*
 * PIC32MZ-EF system bus arbiter: targets, per-target permission registers, initiator IDs
 * and permission groups (pic32mz-ef.md §8; DS60001320 §4.2-4.3, registers 4-1..4-10).
 * Usable from C and assembly.  None of these registers has CLR/SET/INV aliases.
 */
#ifndef SOC_SBA_H
#define SOC_SBA_H

#include "bits.h"

#define SBA_TARGETS     14
#define SBA_GROUPS      4
#define SBA_MAX_REGIONS 9 /* REG0..REG8 */

/* Global flag register and the per-target blocks (§8.4). */
#define SBFLAG_PHYS    SOC_U(0x1F8F0510)
#define SBFLAG_KSEG1   SOC_U(0xBF8F0510)
#define SBT_PHYS(x)    (SOC_U(0x1F8F8000) + SOC_U(0x400) * (x))
#define SBT_KSEG1(x)   (SOC_U(0xBF8F8000) + SOC_U(0x400) * (x))
#define SBT_BLOCK_SIZE SOC_U(0x400)

/* Offsets inside target x's block. */
#define SBT_ELOG1  0x20
#define SBT_ELOG2  0x24
#define SBT_ECON   0x28
#define SBT_ECLRS  0x30
#define SBT_ECLRM  0x38
#define SBT_REG(y) (0x40 + 0x20 * (y))
#define SBT_RD(y)  (0x50 + 0x20 * (y))
#define SBT_WR(y)  (0x58 + 0x20 * (y))
/* Physical addresses of target x's region y registers (what tvpconf writes). */
#define SBT_REG_PHYS(x, y) (SBT_PHYS(x) + SBT_REG(y))
#define SBT_RD_PHYS(x, y)  (SBT_PHYS(x) + SBT_RD(y))
#define SBT_WR_PHYS(x, y)  (SBT_PHYS(x) + SBT_WR(y))

/* SBTxELOG1 */
#define ELOG1_CMD_SHIFT    0
#define ELOG1_CMD          SOC_FIELD(2, 0)
#define ELOG1_REGION_SHIFT 4
#define ELOG1_REGION       SOC_FIELD(7, 4)
#define ELOG1_INITID_SHIFT 8
#define ELOG1_INITID       SOC_FIELD(15, 8)
#define ELOG1_CODE_SHIFT   24
#define ELOG1_CODE         SOC_FIELD(27, 24)
#define ELOG1_MULTI        SOC_BIT(31)
#define ELOG_CMD_WRITE     1
#define ELOG_CMD_READ      2
#define ELOG_CODE_PERM     3 /* permission violation (sim/soc/sba.c: decision) */
/* SBTxELOG2 */
#define ELOG2_GROUP SOC_FIELD(1, 0)
/* SBTxECON */
#define ECON_ERRP SOC_BIT(24)
/* SBTxECLRS / SBTxECLRM */
#define ECLR_CLEAR SOC_BIT(0)

/* SBTxREGy */
#define SBTREG_SIZE_SHIFT          3
#define SBTREG_SIZE                SOC_FIELD(7, 3) /* region = 2^(SIZE+9) bytes, 0 = off */
#define SBTREG_PRI                 SOC_BIT(9)
#define SBTREG_BASE_SHIFT          10
#define SBTREG_BASE                SOC_FIELD(31, 10) /* physical address bits 31:10 */
#define SBTREG_VAL(base, log2size) ((base) | (((log2size)-9) << SBTREG_SIZE_SHIFT))
/* SBTxRDy / SBTxWRy: bit g = group g may read / write. */
#define SBTPERM_GROUP(g) SOC_BIT(g)
#define SBTPERM_RESET    SOC_U(0x7) /* groups 0..2 (DS60001320 register 4-9) */

/* Initiator IDs as SBTxELOG1.INITID reports them (§8.2). */
#define INITID_CPU         1
#define INITID_CPU_HIGH    2
#define INITID_DMA_RD      3
#define INITID_DMA_RD_HIGH 4
#define INITID_DMA_WR      5
#define INITID_DMA_WR_HIGH 6
#define INITID_USB         7
#define INITID_ETH_RD      8
#define INITID_ETH_WR      9
#define INITID_CAN1        10
#define INITID_CAN2        11
#define INITID_SQI1        12
#define INITID_FLASH       13
#define INITID_CRYPTO      14

/* Targets (§8.3). */
#define SBT_SYSBUS 0 /* system bus registers, 0x1F8F_0000 */
#define SBT_FLASH  1 /* program + boot flash, prefetch registers */
#define SBT_RAM0   2 /* RAM 0..256 KB */
#define SBT_RAM1   3 /* RAM 256..512 KB */
#define SBT_EBI    4
#define SBT_PSET1  5 /* 0x1F80_0000-0x1F81_FFFF */
#define SBT_PSET2  6 /* 0x1F82_0000: SPI, I2C, UART, PMP */
#define SBT_PSET3  7 /* 0x1F84_0000: timers, IC, OC, ADC, comparators */
#define SBT_PSET4  8 /* 0x1F86_0000: ports */
#define SBT_PSET5  9 /* 0x1F88_0000: CAN, Ethernet */
#define SBT_USB    10
#define SBT_SQI    11
#define SBT_CRYPTO 12
#define SBT_RNG    13

/* System bus protection violation interrupt: IRQ_SB_VIOLATION in soc/evic.h. */

#endif
