/*
 * Bare-metal (pic32mz-sim) side: start-up code and exception vector in boot flash, the
 * generated sequence and data at the kuseg addresses of layout.h, which are RAM while
 * Status.ERL=1.  Preprocessed with cpp by diff.mk.
 */
#include "layout.h"
#include "soc/memmap.h"
OUTPUT_ARCH(mips)
ENTRY(_reset)
PHDRS { boot PT_LOAD FLAGS(5); low PT_LOAD FLAGS(6); text PT_LOAD FLAGS(5); stack PT_LOAD FLAGS(6); }
SECTIONS {
    .boot RESET_VECTOR : { KEEP(*(.text.boot)) } :boot
    .lowdata DIFF_SAVE : { KEEP(*(.diff.save)) KEEP(*(.diff.area)) } :low
    .text DIFF_TEXT : { KEEP(*(.text.body)) *(.text .text.*) *(.rodata .rodata.*) } :text
    .stack DIFF_TEXT_END (NOLOAD) : { . = DIFF_STACK_TOP - DIFF_TEXT_END; } :stack
    ASSERT(ADDR(.lowdata) + SIZEOF(.lowdata) == DIFF_DATA + DIFF_DATA_SIZE, "data area misplaced")
    ASSERT(ADDR(.text) + SIZEOF(.text) <= DIFF_TEXT_END, "generated sequence too long")
    /DISCARD/ : { *(.reginfo) *(.MIPS.abiflags) *(.note.gnu.build-id) *(.pdr) *(.gnu.attributes) *(.text.start) }
}
