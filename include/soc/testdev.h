/*
 * The simulator's test device: exists only when pic32mz-sim runs with --test, never on a
 * board.  It sits in a hole of the SFR window that the PIC32MZ-EF leaves unused.
 * Semantics: docs/dev/conventions.md ("Simulator test device").
 */
#ifndef SOC_TESTDEV_H
#define SOC_TESTDEV_H

#include "bits.h"

#define TESTDEV_PHYS  SOC_U(0x1F8FFF00)
#define TESTDEV_KSEG1 SOC_U(0xBF8FFF00)
#define TESTDEV_SIZE  SOC_U(0x100)

#define TESTDEV_EXIT      0x00 /* W: end the run, exit status (see conventions) */
#define TESTDEV_PUTC      0x04 /* W: low byte to standard output */
#define TESTDEV_PASS      0x08 /* W: a check passed; value = check id */
#define TESTDEV_FAIL      0x0C /* W: a check failed; value = check id */
#define TESTDEV_CYCLES_LO 0x10 /* R: simulated cycles, low word */
#define TESTDEV_CYCLES_HI 0x14 /* R: simulated cycles, high word */

#endif
