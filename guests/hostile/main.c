/*
 * The hostile guest of the isolation tests (tests/isolation): one image holding the whole
 * attack catalogue (attacks.c).  Which attack it runs is the word hostile_params[0] in its
 * flash, which the test overwrites by loading a one-word image after the system image (the
 * simulator loads every FILE in order).  The attack runs once and its outcome is printed as
 *     hostile: NAME: OUTCOME
 * (outcome grammar in attacks.h), then it runs again and again, silently, for as long as the
 * guest has the CPU: every attack is also a storm of itself.
 */
#include "attacks.h"

/* Overwritten by the test (tests/isolation/run.sh), so it must stay in flash (attacks.h). */
const volatile uint32_t hostile_params[3]
    __attribute__((section(".rodata.hostile_params"))) = {0, 0, 0};

void attack_report(const char *name, const char *outcome)
{
    console_puts("hostile: ");
    console_puts(name);
    console_puts(": ");
    console_puts(outcome);
    console_puts("\n");
}

int main(void)
{
    console_init(4);
    mtc0(15, 1, (uint32_t)hx_vectors); /* own vectors, written while BEV = 1 */
    mtc0(12, 0, STATUS_CU1 | STATUS_FR | STATUS_MX);
    uint32_t no = hostile_params[0];
    if (no >= n_attacks) {
        console_puts("hostile: no attack ");
        console_putdec(no);
        console_puts("\n");
        for (;;)
            ;
    }
    const struct attack *a = &attacks[no];
    char out[96];
    out[0] = 0;
    a->run(a, out);
    attack_report(a->name, out);
    for (;;)
        a->run(a, out);
}
