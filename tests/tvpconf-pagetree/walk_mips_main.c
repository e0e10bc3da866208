/* Runs under qemu-mipsel (a Linux user program built by the cross compiler), linked with a
 * table file written by `pt_test --emit` and walk_mips.S: the assembly walk and the C
 * reference walk of walk_ref.h must agree on every 4 KB page of the 4 GB space. */
#include <stdio.h>

#include "emitcheck.h"
#include "walk_ref.h"

unsigned walk_asm(const struct tvp_pagetree *pt, uint32_t gpa, const void **pair);

int main(void)
{
    const struct tvp_pagetree *pt = &pt_under_test;
    unsigned long bad = 0, mapped = 0;
    for (uint64_t a = 0; a < 0x100000000ull; a += 4096) {
        uint32_t gpa = (uint32_t)a + (uint32_t)(a >> 12) % 4096;
        unsigned ri = 0;
        int kind = ref_walk(pt->l1, pt->nodes, pt->n_nodes, pt->n_pairs, gpa, &ri);
        const void *pair = NULL;
        unsigned k = walk_asm(pt, gpa, &pair);
        int ok = (kind == REF_NONE && k == 0) || ((kind == REF_MAPPED || kind == REF_TRAP) &&
                                                  (int)k == kind && pair == &pt->pairs[ri]);
        mapped += k != 0;
        if (!ok && bad++ < 5)
            printf("GPA 0x%08x: asm kind %u pair %p, reference kind %d pair %p\n", gpa, k, pair,
                   kind, kind == REF_NONE ? NULL : (const void *)&pt->pairs[ri]);
    }
    printf("%lu pages differ, %lu mapped or trapping\n", bad, mapped);
    return bad != 0 || mapped == 0;
}
