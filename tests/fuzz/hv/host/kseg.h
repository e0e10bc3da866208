/* Included before every file of the host build (tests/fuzz/hv, -include): tinyVP's KSEG1
 * pointers to device registers become pointers into a host copy of the SFR space
 * (0x1F800000..0x1F8FFFFF); anything else aborts — root passes nothing else through. */
#ifndef TESTS_FUZZ_HV_KSEG_H
#define TESTS_FUZZ_HV_KSEG_H

#include <stdint.h>

#include "soc/memmap.h"

uintptr_t host_kseg1(uint32_t pa);
#undef KSEG1
#define KSEG1(pa) host_kseg1(pa)

#endif
