/*
 * MIPS32 Release 5 CP0 registers and fields (root view; the VZ guest copies use the same
 * layout).  Sources: MIPS32 PRA (MD00090) ch. 9, VZ (MD00846); fact sheet mips-vz.md §1-§2.
 *
 * C code names a register by CP0_<NAME> = (reg << 3) | sel.  Assembly uses C0_<NAME>, which
 * expands to "$reg, sel":   mfc0 t0, C0_STATUS
 * Fields: <REG>_<FIELD> is the mask (already shifted), <REG>_<FIELD>_SHIFT its position.
 */
#ifndef SOC_CP0_H
#define SOC_CP0_H

#include "bits.h"

#define CP0_IDX(reg, sel) (((reg) << 3) | (sel))

#ifdef __ASSEMBLER__
#define C0_REG(reg, sel) $##reg, sel
#else
#define C0_REG(reg, sel) CP0_IDX(reg, sel)
#endif

/* Register numbers (mips-vz.md §1). */
#define C0_INDEX        C0_REG(0, 0)
#define C0_RANDOM       C0_REG(1, 0)
#define C0_ENTRYLO0     C0_REG(2, 0)
#define C0_ENTRYLO1     C0_REG(3, 0)
#define C0_CONTEXT      C0_REG(4, 0)
#define C0_USERLOCAL    C0_REG(4, 2)
#define C0_PAGEMASK     C0_REG(5, 0)
#define C0_PAGEGRAIN    C0_REG(5, 1)
#define C0_WIRED        C0_REG(6, 0)
#define C0_HWRENA       C0_REG(7, 0)
#define C0_BADVADDR     C0_REG(8, 0)
#define C0_BADINSTR     C0_REG(8, 1)
#define C0_BADINSTRP    C0_REG(8, 2)
#define C0_COUNT        C0_REG(9, 0)
#define C0_ENTRYHI      C0_REG(10, 0)
#define C0_GUESTCTL1    C0_REG(10, 4)
#define C0_GUESTCTL2    C0_REG(10, 5)
#define C0_GUESTCTL3    C0_REG(10, 6)
#define C0_COMPARE      C0_REG(11, 0)
#define C0_GUESTCTL0EXT C0_REG(11, 4)
#define C0_STATUS       C0_REG(12, 0)
#define C0_INTCTL       C0_REG(12, 1)
#define C0_SRSCTL       C0_REG(12, 2)
#define C0_SRSMAP       C0_REG(12, 3)
#define C0_VIEW_IPL     C0_REG(12, 4)
#define C0_SRSMAP2      C0_REG(12, 5)
#define C0_GUESTCTL0    C0_REG(12, 6)
#define C0_GTOFFSET     C0_REG(12, 7)
#define C0_CAUSE        C0_REG(13, 0)
#define C0_VIEW_RIPL    C0_REG(13, 4)
#define C0_NESTEDEXC    C0_REG(13, 5)
#define C0_EPC          C0_REG(14, 0)
#define C0_NESTEDEPC    C0_REG(14, 2)
#define C0_PRID         C0_REG(15, 0)
#define C0_EBASE        C0_REG(15, 1)
#define C0_CDMMBASE     C0_REG(15, 2)
#define C0_CONFIG       C0_REG(16, 0)
#define C0_CONFIG1      C0_REG(16, 1)
#define C0_CONFIG2      C0_REG(16, 2)
#define C0_CONFIG3      C0_REG(16, 3)
#define C0_CONFIG4      C0_REG(16, 4)
#define C0_CONFIG5      C0_REG(16, 5)
#define C0_CONFIG6      C0_REG(16, 6)
#define C0_CONFIG7      C0_REG(16, 7)
#define C0_LLADDR       C0_REG(17, 0)
#define C0_WATCHLO      C0_REG(18, 0)
#define C0_WATCHHI      C0_REG(19, 0)
#define C0_DEBUG        C0_REG(23, 0)
#define C0_DEPC         C0_REG(24, 0)
#define C0_PERFCTL0     C0_REG(25, 0)
#define C0_PERFCNT0     C0_REG(25, 1)
#define C0_ERRCTL       C0_REG(26, 0)
#define C0_CACHEERR     C0_REG(27, 0)
#define C0_TAGLO        C0_REG(28, 0)
#define C0_DATALO       C0_REG(28, 1)
#define C0_ERROREPC     C0_REG(30, 0)
#define C0_DESAVE       C0_REG(31, 0)
#define C0_KSCRATCH1    C0_REG(31, 2)
#define C0_KSCRATCH2    C0_REG(31, 3)

#ifndef __ASSEMBLER__
/* C names: CP0_STATUS etc. are the (reg << 3 | sel) indices. */
#define CP0_INDEX        C0_INDEX
#define CP0_RANDOM       C0_RANDOM
#define CP0_ENTRYLO0     C0_ENTRYLO0
#define CP0_ENTRYLO1     C0_ENTRYLO1
#define CP0_CONTEXT      C0_CONTEXT
#define CP0_USERLOCAL    C0_USERLOCAL
#define CP0_PAGEMASK     C0_PAGEMASK
#define CP0_PAGEGRAIN    C0_PAGEGRAIN
#define CP0_WIRED        C0_WIRED
#define CP0_HWRENA       C0_HWRENA
#define CP0_BADVADDR     C0_BADVADDR
#define CP0_BADINSTR     C0_BADINSTR
#define CP0_BADINSTRP    C0_BADINSTRP
#define CP0_COUNT        C0_COUNT
#define CP0_ENTRYHI      C0_ENTRYHI
#define CP0_GUESTCTL1    C0_GUESTCTL1
#define CP0_GUESTCTL2    C0_GUESTCTL2
#define CP0_GUESTCTL3    C0_GUESTCTL3
#define CP0_COMPARE      C0_COMPARE
#define CP0_GUESTCTL0EXT C0_GUESTCTL0EXT
#define CP0_STATUS       C0_STATUS
#define CP0_INTCTL       C0_INTCTL
#define CP0_SRSCTL       C0_SRSCTL
#define CP0_SRSMAP       C0_SRSMAP
#define CP0_VIEW_IPL     C0_VIEW_IPL
#define CP0_SRSMAP2      C0_SRSMAP2
#define CP0_GUESTCTL0    C0_GUESTCTL0
#define CP0_GTOFFSET     C0_GTOFFSET
#define CP0_CAUSE        C0_CAUSE
#define CP0_VIEW_RIPL    C0_VIEW_RIPL
#define CP0_NESTEDEXC    C0_NESTEDEXC
#define CP0_EPC          C0_EPC
#define CP0_NESTEDEPC    C0_NESTEDEPC
#define CP0_PRID         C0_PRID
#define CP0_EBASE        C0_EBASE
#define CP0_CDMMBASE     C0_CDMMBASE
#define CP0_CONFIG       C0_CONFIG
#define CP0_CONFIG1      C0_CONFIG1
#define CP0_CONFIG2      C0_CONFIG2
#define CP0_CONFIG3      C0_CONFIG3
#define CP0_CONFIG4      C0_CONFIG4
#define CP0_CONFIG5      C0_CONFIG5
#define CP0_CONFIG6      C0_CONFIG6
#define CP0_CONFIG7      C0_CONFIG7
#define CP0_LLADDR       C0_LLADDR
#define CP0_WATCHLO      C0_WATCHLO
#define CP0_WATCHHI      C0_WATCHHI
#define CP0_DEBUG        C0_DEBUG
#define CP0_DEPC         C0_DEPC
#define CP0_PERFCTL0     C0_PERFCTL0
#define CP0_PERFCNT0     C0_PERFCNT0
#define CP0_ERRCTL       C0_ERRCTL
#define CP0_CACHEERR     C0_CACHEERR
#define CP0_TAGLO        C0_TAGLO
#define CP0_DATALO       C0_DATALO
#define CP0_ERROREPC     C0_ERROREPC
#define CP0_DESAVE       C0_DESAVE
#define CP0_KSCRATCH1    C0_KSCRATCH1
#define CP0_KSCRATCH2    C0_KSCRATCH2
#endif

#include "cp0_fields.h"

#endif
