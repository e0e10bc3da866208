/* Placement of guest code and data in the board's flash and RAM pools. */
#ifndef TVPCONF_ALLOC_H
#define TVPCONF_ALLOC_H

#include "model.h"

/*
 * Gives every rom/ram request of every VM a physical address, in the order the VMs appear
 * in the file, around the fixed regions and tinyVP itself. Returns 0, or -1 after errors.
 */
int alloc_guest_memory(struct config *cfg);

/* Free bytes left in each pool after allocation (for the printed memory map). */
struct pool_usage {
    uint32_t start, end, used;
};
void alloc_usage(const struct config *cfg, struct pool_usage *rom, struct pool_usage *ram);

#endif
