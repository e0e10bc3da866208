/*
 * DEVCFG0.BOOTISA = 0 asks for a microMIPS boot (pic32mz-ef.md §10.2, §10.3); the simulator has
 * no microMIPS yet, so it must refuse to start with a clear message (run.sh expects exit
 * status 2 and "microMIPS" on stderr) instead of running MIPS32 code.
 */
#include "sp.h"

DEVCFG_WORDS(0xFFFFFFFFu, 0xFFF9B11Au, 0x7F7FFFFFu, 0xFFFFF7BFu); /* BOOTISA (bit 6) = 0 */

int main(void)
{
    CHECK(0); /* must never run */
    return 0;
}
