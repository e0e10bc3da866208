/* Trap-and-emulate of guest device accesses (mips-vz.md §5.18 "Emulate an MMIO access"). */
#ifndef HV_CORE_MMIO_H
#define HV_CORE_MMIO_H

#include <stdbool.h>
#include <stdint.h>

struct vm;

/* A decoded guest load or store: what emulators see (they never see encodings). */
struct mmio_access {
    uint32_t gpa;
    uint32_t offset; /* from the start of the emulated window */
    unsigned size;   /* 1, 2 or 4 */
    bool write;
    uint32_t value; /* written value, or the value a load returns */
};

/* An emulator handles one access; false = the chip has nothing there (bus error). */
typedef bool (*mmio_emulator)(struct vm *vm, struct mmio_access *a);

/* A bus error taken in root: was it root passing a guest access through to a register?
 * Then the guest gets the bus error (and true is returned). */
bool mmio_passthrough_faulted(void);

/* The guest's load/store hit a trapping page (root TLBL/TLBS/Mod with the GPA). */
void mmio_trap(struct vm *vm, uint32_t exccode);

#endif
