/*
 * The hostile guest's attack catalogue (attacks.c).  Outcomes, as printed:
 *   exc N            the guest took exactly one exception, ExcCode N (MD00090 Cause), on the
 *                    first attempt (the attempt is then skipped by the vectors)
 *   excs K last N    K exceptions, the last with ExcCode N
 *   value XXXXXXXX   a load completed with this value
 *   none             the access or instruction completed without an exception
 *   unchanged / changed XXXXXXXX -> YYYYYYYY   a register read before and after a write
 *   other words      said where the attack defines them (storms, spins, console output)
 */
#ifndef GUESTS_HOSTILE_ATTACKS_H
#define GUESTS_HOSTILE_ATTACKS_H

#include <stdbool.h>

#include "../rt/pic32mz.h"

struct attack {
    const char *name;
    void (*run)(const struct attack *a, char *out);
    uint32_t addr;
    uint32_t value;
};

extern const struct attack attacks[];
extern const unsigned n_attacks;

/* Parameters the test writes into the image (main.c): [0] attack number, [1] the victim's
 * flash as a physical address (where tvpconf put it), [2] the victim's RAM, physical. */
extern const volatile uint32_t hostile_params[3];

/* vectors.S */
extern char hx_vectors[];
extern volatile uint32_t hx[5]; /* count, cause, epc, badvaddr, resume */

/* probe.S */
uint32_t probe_lb(uint32_t a), probe_lbu(uint32_t a), probe_lh(uint32_t a), probe_lhu(uint32_t a),
    probe_lw(uint32_t a), probe_lwl(uint32_t a), probe_lwr(uint32_t a), probe_ll(uint32_t a);
void probe_sb(uint32_t a, uint32_t v), probe_sh(uint32_t a, uint32_t v),
    probe_sw(uint32_t a, uint32_t v), probe_swl(uint32_t a, uint32_t v),
    probe_swr(uint32_t a, uint32_t v);
void probe_exec(uint32_t a), probe_eret(uint32_t a);
void attack_report(const char *name, const char *outcome);
void probe_cache_hit(uint32_t a), probe_cache_index(uint32_t a);
void probe_hypcall_all(uint32_t *out);
void probe_mtc0_all(uint32_t v), probe_mfc0_all(void), probe_mtgc0_all(uint32_t v),
    probe_mfgc0_all(void);

#endif
