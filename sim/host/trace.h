/*
 * Traces (--trace insn,exc,irq,mmio to --trace-file) and the statistics printed on exit
 * (--stats).  The hooks are installed only for what is asked: a run without traces pays
 * nothing for them (cpu.h struct cpu_hooks, bus.h trace).
 */
#ifndef SIM_HOST_TRACE_H
#define SIM_HOST_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "outfile.h"

struct machine;

enum { TRACE_INSN = 1, TRACE_EXC = 2, TRACE_IRQ = 4, TRACE_MMIO = 8 };

struct tracer {
    unsigned what;
    struct machine *m;
    FILE *f;
    struct outfile file;
};

/* "insn,exc,irq,mmio" (any subset, or "all") to TRACE_* bits; may be given several times. */
int trace_parse(const char *list, unsigned *what, char *err, size_t errlen);
/* Starts tracing `what` to `path` (NULL: standard error). */
int trace_open(struct tracer *t, struct machine *m, unsigned what, const char *path, char *err,
               size_t errlen);
int trace_close(struct tracer *t, bool keep);
/* Instructions, simulated time, exceptions by cause, interrupts by vector, TLB refills, VZ
 * exits by GExcCode. */
void stats_print(struct machine *m, FILE *f);

#endif
