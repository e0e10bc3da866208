/*
 * PIC32MZ-EF DMA controller registers (pic32mz-ef.md §7; XC32 p32mz2048efg100.h; meanings:
 * PIC32 FRM Section 31 "Direct Memory Access (DMA) Controller").  Usable from C and
 * assembly.  Every register has CLR/SET/INV aliases.
 */
#ifndef SOC_DMA_H
#define SOC_DMA_H

#include "bits.h"

#define DMA_PHYS     SOC_U(0x1F811000)
#define DMA_KSEG1    SOC_U(0xBF811000)
#define DMA_CHANNELS 8
#define DMA_SIZE     (0x60 + 0xC0 * DMA_CHANNELS)

#define DMA_DMACON    0x00
#define DMA_DMASTAT   0x10
#define DMA_DMAADDR   0x20
#define DMA_DCRCCON   0x30
#define DMA_DCRCDATA  0x40
#define DMA_DCRCXOR   0x50
#define DMA_CH(n)     (0x60 + 0xC0 * (n)) /* channel n block */
#define DCH_CON       0x00
#define DCH_ECON      0x10
#define DCH_INT       0x20
#define DCH_SSA       0x30
#define DCH_DSA       0x40
#define DCH_SSIZ      0x50
#define DCH_DSIZ      0x60
#define DCH_SPTR      0x70
#define DCH_DPTR      0x80
#define DCH_CSIZ      0x90
#define DCH_CPTR      0xA0
#define DCH_DAT       0xB0
#define DCH_REG(n, r) (DMA_CH(n) + (r))

/* DMACON */
#define DMACON_DMABUSY SOC_BIT(11)
#define DMACON_SUSPEND SOC_BIT(12)
#define DMACON_ON      SOC_BIT(15)
/* DMASTAT */
#define DMASTAT_DMACH SOC_FIELD(2, 0)
#define DMASTAT_RDWR  SOC_BIT(31) /* 1 = the error was on a read */
/* DCRCCON */
#define DCRCCON_CRCCH  SOC_FIELD(2, 0)
#define DCRCCON_CRCTYP SOC_BIT(5)
#define DCRCCON_CRCAPP SOC_BIT(6)
#define DCRCCON_CRCEN  SOC_BIT(7)
#define DCRCCON_PLEN   SOC_FIELD(12, 8)
#define DCRCCON_BITO   SOC_BIT(24)
#define DCRCCON_WBO    SOC_BIT(27)
#define DCRCCON_BYTO   SOC_FIELD(29, 28)

/* DCHxCON */
#define DCHCON_CHPRI        SOC_FIELD(1, 0)
#define DCHCON_CHEDET       SOC_BIT(2)
#define DCHCON_CHAEN        SOC_BIT(4)
#define DCHCON_CHCHN        SOC_BIT(5)
#define DCHCON_CHAED        SOC_BIT(6)
#define DCHCON_CHEN         SOC_BIT(7)
#define DCHCON_CHCHNS       SOC_BIT(8)
#define DCHCON_CHPATLEN     SOC_BIT(11)
#define DCHCON_CHPIGNEN     SOC_BIT(13)
#define DCHCON_CHBUSY       SOC_BIT(15)
#define DCHCON_CHPIGN_SHIFT 24
#define DCHCON_CHPIGN       SOC_FIELD(31, 24)

/* DCHxECON */
#define DCHECON_AIRQEN       SOC_BIT(3)
#define DCHECON_SIRQEN       SOC_BIT(4)
#define DCHECON_PATEN        SOC_BIT(5)
#define DCHECON_CABORT       SOC_BIT(6)
#define DCHECON_CFORCE       SOC_BIT(7)
#define DCHECON_CHSIRQ_SHIFT 8
#define DCHECON_CHSIRQ       SOC_FIELD(15, 8)
#define DCHECON_CHAIRQ_SHIFT 16
#define DCHECON_CHAIRQ       SOC_FIELD(23, 16)

/* DCHxINT: flags <7:0>, enables <23:16> */
#define DCHINT_CHERIF   SOC_BIT(0) /* address error */
#define DCHINT_CHTAIF   SOC_BIT(1) /* transfer abort (CHAIRQ) */
#define DCHINT_CHCCIF   SOC_BIT(2) /* cell transfer complete */
#define DCHINT_CHBCIF   SOC_BIT(3) /* block transfer complete (or pattern match) */
#define DCHINT_CHDHIF   SOC_BIT(4) /* destination half full */
#define DCHINT_CHDDIF   SOC_BIT(5) /* destination done */
#define DCHINT_CHSHIF   SOC_BIT(6) /* source half empty */
#define DCHINT_CHSDIF   SOC_BIT(7) /* source done */
#define DCHINT_FLAGS    SOC_FIELD(7, 0)
#define DCHINT_EN_SHIFT 16
#define DCHINT_EN(flag) ((flag) << DCHINT_EN_SHIFT)

/* 16-bit byte counts: a size register of 0 means 65536 bytes (FRM Section 31). */
#define DCH_SIZE_MASK SOC_U(0xFFFF)

/* Channel n interrupt: IRQ_DMA(n) in soc/evic.h (pic32mz-ef.md §7.2). */

#endif
