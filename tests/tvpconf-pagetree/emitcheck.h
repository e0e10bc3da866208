/* Shared by the C file `pt_test --emit` writes and emitcheck.c. */
#ifndef EMITCHECK_H
#define EMITCHECK_H
#include <stdint.h>
#include "tvp/pagetree.h"

struct exp_region {
    uint32_t gpa, rpa, size, flags; /* flags: PT_* of tools/tvpconf/pagetree.h */
};

extern const struct tvp_pagetree pt_under_test;
extern const struct exp_region exp_regions[];
extern const unsigned exp_n_regions;
extern const unsigned exp_max_page;
#endif
