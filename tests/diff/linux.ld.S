/*
 * Linux (qemu-mipsel) side: a static user program at the addresses of layout.h.  The
 * generated sequence comes first in .text so it has the same addresses as on bare metal.
 * Preprocessed with cpp by diff.mk.
 */
#include "layout.h"
OUTPUT_ARCH(mips)
ENTRY(__start)
PHDRS { low PT_LOAD FLAGS(6); text PT_LOAD FLAGS(5); stack PT_LOAD FLAGS(6); }
SECTIONS {
    .lowdata DIFF_SAVE : { KEEP(*(.diff.save)) KEEP(*(.diff.area)) } :low
    .text DIFF_TEXT : { KEEP(*(.text.body)) *(.text.start) *(.text .text.*) *(.rodata .rodata.*) } :text
    .stack DIFF_TEXT_END (NOLOAD) : { . = DIFF_STACK_TOP - DIFF_TEXT_END; } :stack
    ASSERT(ADDR(.lowdata) + SIZEOF(.lowdata) == DIFF_DATA + DIFF_DATA_SIZE, "data area misplaced")
    ASSERT(ADDR(.text) + SIZEOF(.text) <= DIFF_TEXT_END, "generated sequence too long")
    /DISCARD/ : { *(.reginfo) *(.MIPS.abiflags) *(.note.gnu.build-id) *(.pdr) *(.gnu.attributes) *(.text.boot) }
}
