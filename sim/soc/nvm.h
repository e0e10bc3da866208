/*
 * Flash (NVM) controller of the PIC32MZ-EF (pic32mz-ef.md §9): NVMCON with the NVMKEY unlock,
 * word, quad-word and row programming, page and panel erase of program flash, completion
 * after a realistic time with the flash-controller interrupt.
 */
#ifndef SIM_NVM_H
#define SIM_NVM_H

#include <stdbool.h>
#include <stdint.h>

#include "events.h"

struct bus;
struct cpu;
struct evic;

struct nvm {
    struct bus *bus;
    struct event_queue *q;
    struct cpu *cpu;
    struct evic *evic;
    uint32_t con, addr, data[4], srcaddr, pwp, bwp, con2;
    int key_state; /* 0 locked, 1 first key, 2 unlocked */
    struct sim_event done;
};

int nvm_attach(struct nvm *n, struct bus *b, struct event_queue *q, struct cpu *c, struct evic *e);
void nvm_reset(struct nvm *n);

#endif
