/* The checks of config-format.md that look at the whole configuration. */
#ifndef TVPCONF_CHECK_H
#define TVPCONF_CHECK_H

#include "model.h"

/* Before allocation: ids, devices, regions, DMA zones, threads. 0, or -1 after errors. */
int check_config(const struct config *cfg);

/* After allocation: physical overlaps between VMs and with tinyVP, pools, the chip. */
int check_placement(const struct config *cfg);

#endif
