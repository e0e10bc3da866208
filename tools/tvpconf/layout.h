/*
 * What each VM sees: its regions as page-tree input (pagetree.h), and the windows and
 * trapped pages the hypervisor must handle itself (emulated, write-ignored, partially owned).
 */
#ifndef TVPCONF_LAYOUT_H
#define TVPCONF_LAYOUT_H

#include "model.h"
#include "pagetree.h"
#include "tvp/tables.h"

#define MAX_TRAP_PAGES 256 /* per VM; more is a configuration mistake */

struct mmio_window {
    struct tvp_mmio m;
    struct loc loc;
    const char *what; /* device name or region kind, for comments */
};

struct trap_page {
    struct tvp_trap_page t;
    struct loc loc; /* first region that made the page trap */
};

struct vm_layout {
    VEC(struct pt_region) pt;
    VEC(struct mmio_window) mmio;
    VEC(struct trap_page) traps;
    struct pt_map map;
    int has_map;
    unsigned tlb_pairs;
};

/* Builds lay[i] for cfg->vms.v[i] (lay has cfg->vms.n entries). 0, or -1 after errors. */
int layout_build(const struct config *cfg, struct vm_layout *lay);
void layout_free(struct vm_layout *lay, size_t n);

#endif
