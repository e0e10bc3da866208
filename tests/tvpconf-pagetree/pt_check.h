/* Shared by pt_test.c and pt_check.c: random numbers and the map checker. */
#ifndef PT_CHECK_H
#define PT_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "../../tools/tvpconf/pagetree.h"
#include "walk_ref.h"

#define KB 1024u
#define MB (1024u * 1024u)

/* xorshift64*, seeded by the caller */
extern uint64_t rng;
uint32_t rnd(void);
uint32_t below(uint32_t n);

struct checker {
    const struct pt_region *reg; /* the input, in any order */
    size_t n;
    const struct pt_map *map;
    uint32_t max_page;
    struct tvp_pagetree hdr; /* the map seen through include/tvp/pagetree.h */
    char msg[400];           /* what went wrong */
    unsigned long checks;
};

/* Pair shapes, valid halves wholly inside matching regions, lines named, and pages in and
 * around every region plus random ones, through the tree and the TLB.  0 or -1 (msg). */
int check_map(struct checker *c);

/* Every 4 KB page of the 4 GB space (after check_map).  0 or -1 (msg). */
int sweep_all_pages(struct checker *c);

#endif
