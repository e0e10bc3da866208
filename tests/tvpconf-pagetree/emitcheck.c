/* Compiled together with a C file written by pt_emit_c (through `pt_test --emit`): walks the
 * emitted tables with the reference walkers of walk_ref.h and checks every page in and around
 * each expected region.  Prints nothing and exits 0 when all is well. */
#include <stdio.h>

#include "../../tools/tvpconf/pagetree.h"
#include "emitcheck.h"
#include "walk_ref.h"

static int errors;

static void check(uint32_t gpa)
{
    const struct tvp_pagetree *pt = &pt_under_test;
    const struct exp_region *r = NULL;
    for (unsigned i = 0; i < exp_n_regions; i++)
        if (exp_regions[i].size && gpa - exp_regions[i].gpa < exp_regions[i].size &&
            gpa >= exp_regions[i].gpa)
            r = &exp_regions[i];
    unsigned pi = 0;
    int kind = ref_walk(pt->l1, pt->nodes, pt->n_nodes, pt->n_pairs, gpa, &pi);
    struct ref_tlb_result t = ref_tlb(pt->pairs, pt->n_pairs, gpa);
    int ok;
    if (kind == REF_CORRUPT || t.bad_entry || t.matches > 1)
        ok = 0;
    else if (!r)
        ok = kind == REF_NONE && !(t.matches && (t.lo & REF_LO_V));
    else if (r->flags & PT_TRAP)
        ok = kind == REF_TRAP && t.matches == 1 && t.index == pi && !(t.lo & REF_LO_V);
    else
        ok = kind == REF_MAPPED && t.matches == 1 && t.index == pi && (t.lo & REF_LO_V) &&
             t.pa == r->rpa + (gpa - r->gpa) && t.size <= exp_max_page &&
             !(t.lo & REF_LO_RI) == !!(r->flags & PT_R) &&
             !!(t.lo & REF_LO_D) == !!(r->flags & PT_W) &&
             !(t.lo & REF_LO_XI) == !!(r->flags & PT_X);
    if (!ok && errors++ < 5)
        fprintf(stderr,
                "emitcheck: GPA 0x%08x: tree kind %d pair %u, TLB %d match(es), "
                "lo 0x%08x pa 0x%08x\n",
                gpa, kind, pi, t.matches, t.lo, t.pa);
}

int main(void)
{
    for (unsigned i = 0; i < exp_n_regions; i++) {
        const struct exp_region *r = &exp_regions[i];
        uint64_t pages = r->size / 4096;
        for (uint64_t p = 0; p<pages; p += pages> 512 ? pages / 256 : 1)
            check(r->gpa + (uint32_t)p * 4096 + 4 * (uint32_t)(p % 1024));
        check(r->gpa + r->size - 4);
        if (r->gpa >= 4096)
            check(r->gpa - 4096);
        if ((uint64_t)r->gpa + r->size < 0x100000000ull)
            check(r->gpa + r->size);
    }
    for (uint64_t a = 0; a < 0x100000000ull; a += 0x00FFF000)
        check((uint32_t)a);
    return errors != 0;
}
