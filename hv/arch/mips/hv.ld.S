/*
 * tinyVP's link map, preprocessed with the configuration's tvp_config.h: exception vectors at
 * the start of tinyVP's flash (EBase = TVP_VZCODE), the entry where the board's boot loader
 * jumps (TVP_VZENTRY), data and bss at TVP_VZDATA, the one exception stack below
 * TVP_VZSTACKTOP.
 */
#include "tvp_config.h"

/* When tinyVP boots the chip itself (board file BOOT =), its entry is the reset vector at the
 * start of its code, so the exception vectors (EBase, 4 KB aligned) go to the next page. */
#if TVP_VZENTRY == TVP_VZCODE
#define HV_EBASE (TVP_VZCODE + 0x1000)
#else
#define HV_EBASE TVP_VZCODE
#endif

OUTPUT_ARCH(mips)
ENTRY(vzentry)
MEMORY {
    code (rx) : ORIGIN = TVP_VZCODE, LENGTH = TVP_VZCODESIZE
    data (rw) : ORIGIN = TVP_VZDATA, LENGTH = TVP_VZSTACKTOP - TVP_VZDATA
}
SECTIONS {
    /* The two fixed places first, in address order, then everything else after both. */
#if TVP_VZENTRY == TVP_VZCODE
    .entry TVP_VZENTRY : { KEEP(*(.boot)) KEEP(*(.entry)) } > code
    .vectors HV_EBASE : { KEEP(*(.vectors)) } > code
#else
    .vectors HV_EBASE : { KEEP(*(.vectors)) } > code
    .entry TVP_VZENTRY : { KEEP(*(.boot)) KEEP(*(.entry)) } > code
#endif
    .text : { *(.text .text.*) } > code
    .rodata : { *(.rodata .rodata.*) . = ALIGN(4); } > code
    .eretpage ALIGN(0x1000) : { KEEP(*(.eretpage)) . = ALIGN(0x1000); } > code
    .data : ALIGN(4) {
        _data_start = .;
        *(.data .data.*) *(.sdata .sdata.*)
        . = ALIGN(4);
        _data_end = .;
    } > data AT > code
    _data_load = LOADADDR(.data);
    .bss (NOLOAD) : ALIGN(4) {
        _bss_start = .;
        *(.bss .bss.*) *(.sbss .sbss.*) *(COMMON)
        . = ALIGN(4);
        _bss_end = .;
    } > data
    _stack_top = TVP_VZSTACKTOP;
    _stack_bottom = TVP_VZSTACKTOP - TVP_VZSTACKSIZE;
    ASSERT(_bss_end <= _stack_bottom, "tinyVP data and bss run into the exception stack")
    /DISCARD/ : { *(.reginfo) *(.MIPS.abiflags) *(.note.gnu.build-id) *(.pdr) *(.gnu.attributes) *(.comment) }
}
