/* --dump-checksum START:LEN: a checksum of physical memory printed when the run ends, so that
 * tests can compare what a program left in memory (tests/isolation: tinyVP's own state after an
 * attack) without a debugger. */
#ifndef SIM_HOST_DUMPSUM_H
#define SIM_HOST_DUMPSUM_H

#include <stdio.h>

struct machine;

/* Records one range from "START:LEN" (numbers in C syntax); -1 with a message on stderr. */
int dumpsum_add(const char *spec);
/* Prints "checksum START:LEN XXXXXXXX" (CRC-32, IEEE 802.3) for every range, in order;
 * "checksum START:LEN none" when a range is not all memory (RAM or flash). */
void dumpsum_print(struct machine *m, FILE *f);

#endif
