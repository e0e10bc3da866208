/* The simulator-only test device (include/soc/testdev.h, docs/dev/conventions.md). */
#ifndef SIM_TESTDEV_H
#define SIM_TESTDEV_H

#include <stdint.h>
#include <stdio.h>

struct bus;
struct cpu;

struct testdev {
    struct cpu *cpu;
    FILE *out; /* PUTC */
    FILE *log; /* PASS/FAIL messages and the summary */
    unsigned passed, failed;
    int exited; /* EXIT was written */
    uint32_t exit_value;
};

int testdev_attach(struct testdev *t, struct bus *b, struct cpu *c, FILE *out, FILE *log);
/* The process exit status the run asks for (see conventions.md). */
int testdev_status(const struct testdev *t);

#endif
