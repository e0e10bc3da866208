/* CP0 register fields (mips-vz.md §2, MIPS32 PRA MD00090 ch. 9). Included by cp0.h. */
#ifndef SOC_CP0_FIELDS_H
#define SOC_CP0_FIELDS_H

#include "bits.h"

/* Status (12,0) — mips-vz.md §2.4 */
#define STATUS_IE         SOC_BIT(0)
#define STATUS_EXL        SOC_BIT(1)
#define STATUS_ERL        SOC_BIT(2)
#define STATUS_KSU_SHIFT  3
#define STATUS_KSU        SOC_FIELD(4, 3)
#define STATUS_KSU_KERNEL 0
#define STATUS_KSU_SUPER  1
#define STATUS_KSU_USER   2
#define STATUS_UM         SOC_BIT(4)
#define STATUS_IM_SHIFT   8
#define STATUS_IM         SOC_FIELD(15, 8)
#define STATUS_IPL_SHIFT  10
#define STATUS_IPL        SOC_FIELD(16, 10) /* EIC: IPL<6:0>; IPL<7> is bit 18 */
#define STATUS_IPL7       SOC_BIT(18)
#define STATUS_CEE        SOC_BIT(17)
#define STATUS_NMI        SOC_BIT(19)
#define STATUS_SR         SOC_BIT(20)
#define STATUS_TS         SOC_BIT(21)
#define STATUS_BEV        SOC_BIT(22)
#define STATUS_MX         SOC_BIT(24)
#define STATUS_RE         SOC_BIT(25)
#define STATUS_FR         SOC_BIT(26)
#define STATUS_RP         SOC_BIT(27)
#define STATUS_CU0        SOC_BIT(28)
#define STATUS_CU1        SOC_BIT(29)
#define STATUS_CU2        SOC_BIT(30)
#define STATUS_CU3        SOC_BIT(31)

/* Cause (13,0) — mips-vz.md §2.6 */
#define CAUSE_EXCCODE_SHIFT 2
#define CAUSE_EXCCODE       SOC_FIELD(6, 2)
#define CAUSE_IP_SHIFT      8
#define CAUSE_IP            SOC_FIELD(15, 8)
#define CAUSE_IP0           SOC_BIT(8)
#define CAUSE_IP1           SOC_BIT(9)
#define CAUSE_RIPL_SHIFT    10
#define CAUSE_RIPL          SOC_FIELD(17, 10)
#define CAUSE_FDCI          SOC_BIT(21)
#define CAUSE_WP            SOC_BIT(22)
#define CAUSE_IV            SOC_BIT(23)
#define CAUSE_PCI           SOC_BIT(26)
#define CAUSE_DC            SOC_BIT(27)
#define CAUSE_CE_SHIFT      28
#define CAUSE_CE            SOC_FIELD(29, 28)
#define CAUSE_TI            SOC_BIT(30)
#define CAUSE_BD            SOC_BIT(31)

/* Cause.ExcCode values — mips-vz.md §2.6 table */
#define EXCCODE_INT      0
#define EXCCODE_MOD      1
#define EXCCODE_TLBL     2
#define EXCCODE_TLBS     3
#define EXCCODE_ADEL     4
#define EXCCODE_ADES     5
#define EXCCODE_IBE      6
#define EXCCODE_DBE      7
#define EXCCODE_SYS      8
#define EXCCODE_BP       9
#define EXCCODE_RI       10
#define EXCCODE_CPU      11
#define EXCCODE_OV       12
#define EXCCODE_TR       13
#define EXCCODE_MSAFPE   14
#define EXCCODE_FPE      15
#define EXCCODE_C2E      18
#define EXCCODE_TLBRI    19
#define EXCCODE_TLBXI    20
#define EXCCODE_MSADIS   21
#define EXCCODE_MDMX     22
#define EXCCODE_WATCH    23
#define EXCCODE_MCHECK   24
#define EXCCODE_THREAD   25
#define EXCCODE_DSPDIS   26
#define EXCCODE_GE       27
#define EXCCODE_CACHEERR 30

/* IntCtl (12,1) — mips-vz.md §2.5 */
#define INTCTL_VS_SHIFT    5
#define INTCTL_VS          SOC_FIELD(9, 5)
#define INTCTL_IPFDC_SHIFT 23
#define INTCTL_IPFDC       SOC_FIELD(25, 23)
#define INTCTL_IPPCI_SHIFT 26
#define INTCTL_IPPCI       SOC_FIELD(28, 26)
#define INTCTL_IPTI_SHIFT  29
#define INTCTL_IPTI        SOC_FIELD(31, 29)

/* SRSCtl (12,2) */
#define SRSCTL_CSS_SHIFT   0
#define SRSCTL_CSS         SOC_FIELD(3, 0)
#define SRSCTL_PSS_SHIFT   6
#define SRSCTL_PSS         SOC_FIELD(9, 6)
#define SRSCTL_ESS_SHIFT   12
#define SRSCTL_ESS         SOC_FIELD(15, 12)
#define SRSCTL_EICSS_SHIFT 18
#define SRSCTL_EICSS       SOC_FIELD(21, 18)
#define SRSCTL_HSS_SHIFT   26
#define SRSCTL_HSS         SOC_FIELD(29, 26)

/* EBase (15,1) — mips-vz.md §2.7 */
#define EBASE_CPUNUM SOC_FIELD(9, 0)
#define EBASE_WG     SOC_BIT(11)
#define EBASE_BASE   SOC_FIELD(31, 12)

/* Config0 (16,0) */
#define CONFIG0_K0_SHIFT 0
#define CONFIG0_K0       SOC_FIELD(2, 0)
#define CONFIG0_MT_SHIFT 7
#define CONFIG0_MT       SOC_FIELD(9, 7)
#define CONFIG0_AR_SHIFT 10
#define CONFIG0_AR       SOC_FIELD(12, 10)
#define CONFIG0_BE       SOC_BIT(15)
#define CONFIG_M         SOC_BIT(31) /* next Config register present (all ConfigN) */

/* Config1 (16,1) */
#define CONFIG1_FP            SOC_BIT(0)
#define CONFIG1_EP            SOC_BIT(1)
#define CONFIG1_CA            SOC_BIT(2)
#define CONFIG1_WR            SOC_BIT(3)
#define CONFIG1_PC            SOC_BIT(4)
#define CONFIG1_MMUSIZE_SHIFT 25
#define CONFIG1_MMUSIZE       SOC_FIELD(30, 25)

/* Config3 (16,3) — mips-vz.md §2.8 */
#define CONFIG3_SP         SOC_BIT(4)
#define CONFIG3_VINT       SOC_BIT(5)
#define CONFIG3_VEIC       SOC_BIT(6)
#define CONFIG3_DSPP       SOC_BIT(10)
#define CONFIG3_DSP2P      SOC_BIT(11)
#define CONFIG3_RXI        SOC_BIT(12)
#define CONFIG3_ULRI       SOC_BIT(13)
#define CONFIG3_ISA_SHIFT  14
#define CONFIG3_ISA        SOC_FIELD(15, 14)
#define CONFIG3_ISAONEXC   SOC_BIT(16)
#define CONFIG3_MCU        SOC_BIT(17)
#define CONFIG3_MMAR_SHIFT 18
#define CONFIG3_MMAR       SOC_FIELD(20, 18)
#define CONFIG3_IPLW_SHIFT 21
#define CONFIG3_IPLW       SOC_FIELD(22, 21)
#define CONFIG3_VZ         SOC_BIT(23)
#define CONFIG3_BI         SOC_BIT(26)
#define CONFIG3_BP         SOC_BIT(27)

/* Config4 (16,4) */
#define CONFIG4_KSCREXIST_SHIFT 16
#define CONFIG4_KSCREXIST       SOC_FIELD(23, 16)
#define CONFIG4_IE_SHIFT        29
#define CONFIG4_IE              SOC_FIELD(30, 29)

/* Config5 (16,5) */
#define CONFIG5_NF  SOC_BIT(0)
#define CONFIG5_LLB SOC_BIT(4)

/* HWREna (7,0) / RDHWR register numbers — mips-vz.md §2.2 */
#define HWR_CPUNUM     0
#define HWR_SYNCI_STEP 1
#define HWR_CC         2
#define HWR_CCRES      3
#define HWR_ULR        29

/* TLB registers — mips-vz.md §2.1 */
#define ENTRYHI_ASID        SOC_FIELD(7, 0)
#define ENTRYHI_EHINV       SOC_BIT(10)
#define ENTRYHI_VPN2_SHIFT  13
#define ENTRYHI_VPN2        SOC_FIELD(31, 13)
#define ENTRYLO_G           SOC_BIT(0)
#define ENTRYLO_V           SOC_BIT(1)
#define ENTRYLO_D           SOC_BIT(2)
#define ENTRYLO_C_SHIFT     3
#define ENTRYLO_C           SOC_FIELD(5, 3)
#define ENTRYLO_PFN_SHIFT   6
#define ENTRYLO_PFN         SOC_FIELD(29, 6)
#define ENTRYLO_XI          SOC_BIT(30)
#define ENTRYLO_RI          SOC_BIT(31)
#define PAGEMASK_MASK_SHIFT 13
#define PAGEGRAIN_IEC       SOC_BIT(27)
#define PAGEGRAIN_XIE       SOC_BIT(30)
#define PAGEGRAIN_RIE       SOC_BIT(31)
#define INDEX_P             SOC_BIT(31)

/* GuestCtl0 (12,6) — mips-vz.md §5.2 */
#define GUESTCTL0_SFC1       SOC_BIT(0)
#define GUESTCTL0_SFC2       SOC_BIT(1)
#define GUESTCTL0_GEXC_SHIFT 2
#define GUESTCTL0_GEXC       SOC_FIELD(6, 2)
#define GUESTCTL0_G2         SOC_BIT(7)
#define GUESTCTL0_DRG        SOC_BIT(8)
#define GUESTCTL0_RAD        SOC_BIT(9)
#define GUESTCTL0_PIP_SHIFT  10
#define GUESTCTL0_PIP        SOC_FIELD(17, 10)
#define GUESTCTL0_PT         SOC_BIT(18)
#define GUESTCTL0_G0E        SOC_BIT(19)
#define GUESTCTL0_G1         SOC_BIT(22)
#define GUESTCTL0_CF         SOC_BIT(23)
#define GUESTCTL0_CG         SOC_BIT(24)
#define GUESTCTL0_GT         SOC_BIT(25)
#define GUESTCTL0_AT_SHIFT   26
#define GUESTCTL0_AT         SOC_FIELD(27, 26)
#define GUESTCTL0_AT_ROOT    1 /* guest MMU under root control */
#define GUESTCTL0_AT_GUEST   3 /* guest MMU under guest control */
#define GUESTCTL0_CP0        SOC_BIT(28)
#define GUESTCTL0_MC         SOC_BIT(29)
#define GUESTCTL0_RI         SOC_BIT(30)
#define GUESTCTL0_GM         SOC_BIT(31)

/* GuestCtl0.GExcCode values — mips-vz.md §5.8 */
#define GEXCCODE_GPSI 0
#define GEXCCODE_GSFC 1
#define GEXCCODE_HC   2
#define GEXCCODE_GRR  3
#define GEXCCODE_GVA  8
#define GEXCCODE_GHFC 9
#define GEXCCODE_GPA  10

/* GuestCtl0Ext (11,4) — mips-vz.md §5.3 */
#define GUESTCTL0EXT_MG        SOC_BIT(0)
#define GUESTCTL0EXT_BG        SOC_BIT(1)
#define GUESTCTL0EXT_OG        SOC_BIT(2)
#define GUESTCTL0EXT_FCD       SOC_BIT(3)
#define GUESTCTL0EXT_CGI       SOC_BIT(4)
#define GUESTCTL0EXT_NCC_SHIFT 6
#define GUESTCTL0EXT_NCC       SOC_FIELD(7, 6)

/* GuestCtl1 (10,4) — mips-vz.md §5.4 */
#define GUESTCTL1_ID_SHIFT  0
#define GUESTCTL1_ID        SOC_FIELD(7, 0)
#define GUESTCTL1_RID_SHIFT 16
#define GUESTCTL1_RID       SOC_FIELD(23, 16)
#define GUESTCTL1_EID_SHIFT 24
#define GUESTCTL1_EID       SOC_FIELD(31, 24)

/* GuestCtl2 (10,5), EIC layout and non-EIC layout — mips-vz.md §5.5 */
#define GUESTCTL2_GVEC         SOC_FIELD(15, 0)
#define GUESTCTL2_GEICSS_SHIFT 18
#define GUESTCTL2_GEICSS       SOC_FIELD(21, 18)
#define GUESTCTL2_GRIPL_SHIFT  24
#define GUESTCTL2_GRIPL        SOC_FIELD(31, 24)
#define GUESTCTL2_VIP_SHIFT    10
#define GUESTCTL2_VIP          SOC_FIELD(15, 10)
#define GUESTCTL2_HC_SHIFT     24
#define GUESTCTL2_HC           SOC_FIELD(29, 24)

/* GuestCtl3 (10,6) */
#define GUESTCTL3_GLSS SOC_FIELD(3, 0)

/* Debug (23,0) */
#define DEBUG_DM SOC_BIT(30)

#endif
