/* Root page tables for one VM: its guest-physical regions turned into MIPS TLB pairs with
 * the largest page sizes the core allows, and the walkable tree of include/tvp/pagetree.h.
 * Format and algorithm: docs/tvpconf-pagetree.md. */
#ifndef TVPCONF_PAGETREE_H
#define TVPCONF_PAGETREE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tvp/pagetree.h"

/* Region flags. */
#define PT_R 0x01u /* readable (else EntryLo.RI) */
#define PT_W 0x02u /* writable (EntryLo.D) */
#define PT_X 0x04u /* executable (else EntryLo.XI) */
#define PT_TRAP                                                                                    \
    0x08u                 /* every access traps: emulated device, partially owned page,            \
                             write-ignore page; mapped invalid (V=0) */
#define PT_UNCACHED 0x10u /* EntryLo.C = 2 (else 3, cacheable) */
/* An explicit cache attribute C (0..7) instead of 2/3; mips-vz.md §2.1 confirms only
 * 2 (uncached) and 3 (cacheable, write-back). */
#define PT_CCA_SET   0x20u
#define PT_CCA_SHIFT 8
#define PT_CCA(c)    (PT_CCA_SET | ((unsigned)(c)&7u) << PT_CCA_SHIFT)

/* One guest-physical region.  gpa, rpa and size must be multiples of min_page_size
 * (anything finer-grained is the caller's business: make the page a PT_TRAP page).
 * Regions may not overlap in guest-physical space; size 0 is ignored.  line is the
 * configuration line, used in messages and comments. */
struct pt_region {
    uint32_t gpa, rpa, size;
    unsigned flags;
    int line;
};

struct pt_params {
    uint32_t max_page_size; /* largest page the core accepts: 1 MB or 256 MB (mips-vz.md §8 #1) */
    uint32_t min_page_size; /* 4 KB */
    const char *file;       /* configuration file for messages ("FILE:LINE: ..."); may be NULL */
};

/* What the host side knows about a pair beyond the four CP0 words. */
#define PT_MAX_LINES 4
struct pt_pair_info {
    uint32_t gpa;       /* first guest-physical address covered by the pair */
    uint32_t page_size; /* of each half */
    unsigned n_lines[2];
    int lines[2][PT_MAX_LINES]; /* source lines of the regions in each half */
};

struct pt_node_info {
    uint32_t gpa;   /* first guest-physical address under the node */
    unsigned shift; /* each entry covers 1 << shift bytes (18 or 12) */
};

struct pt_map {
    struct tvp_tlb_pair *pairs; /* sorted by guest-physical address */
    struct pt_pair_info *info;
    size_t n_pairs;
    struct tvp_pt_node *nodes;
    struct pt_node_info *node_info;
    size_t n_nodes;
    uint16_t l1[TVP_PT_L1_ENTRIES];
    struct pt_region *regions; /* the input, sorted by gpa, size-0 regions dropped */
    size_t n_regions;
};

/* Builds the map.  0, or -1 with "FILE:LINE: message" (or "line N: ...") in ERR. */
int pt_build(const struct pt_region *regions, size_t n, const struct pt_params *params,
             struct pt_map *out, char *err, size_t errlen);

/* Number of TLB entries (pairs) the VM needs to run without refills. */
unsigned pt_tlb_pairs(const struct pt_map *map);

/* Of those, the pairs with at least one valid half: what the VM needs in the TLB when its
 * trap pages are left to the refill handler (an access there then raises a refill rather
 * than a TLB Invalid exception; either way it is emulated). */
unsigned pt_tlb_valid_pairs(const struct pt_map *map);

/* Emits PREFIX_pairs[], PREFIX_nodes[] (static) and `const struct tvp_pagetree PREFIX` as
 * C initialisers.  PREFIX must be a C identifier.  0, or -1 on a bad prefix / write error. */
int pt_emit_c(FILE *f, const struct pt_map *map, const char *prefix);

/* A human-readable list of the pairs (for tvpconf's printed memory map). */
void pt_print(FILE *f, const struct pt_map *map);

void pt_free(struct pt_map *map);

#endif
