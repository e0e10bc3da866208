/* What tvpconf prints: each VM's memory map and TLB entries, the pools' free space. */
#ifndef TVPCONF_REPORT_H
#define TVPCONF_REPORT_H

#include <stdio.h>

#include "layout.h"
#include "model.h"

void report_config(FILE *f, const struct config *cfg, const struct vm_layout *lay);

#endif
