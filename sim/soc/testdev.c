/* Simulator test device: lets bare-metal test programs report checks and end the run. */
#include "testdev.h"

#include "../cpu/cpu.h"
#include "bus.h"
#include "soc/testdev.h"

static bool testdev_read(void *opaque, uint32_t off, unsigned size, uint32_t *val)
{
    struct testdev *t = opaque;
    uint64_t cyc = cpu_cycles(t->cpu);
    if (size != 4)
        return false;
    switch (off) {
    case TESTDEV_CYCLES_LO: *val = (uint32_t)cyc; return true;
    case TESTDEV_CYCLES_HI: *val = (uint32_t)(cyc >> 32); return true;
    default: *val = 0; return true;
    }
}

static bool testdev_write(void *opaque, uint32_t off, unsigned size, uint32_t val)
{
    struct testdev *t = opaque;
    if (size != 4 && off != TESTDEV_PUTC)
        return false;
    switch (off) {
    case TESTDEV_EXIT:
        t->exited = 1;
        t->exit_value = val;
        fflush(t->out);
        fprintf(t->log, "testdev: %u checks passed, %u failed\n", t->passed, t->failed);
        cpu_request_stop(t->cpu);
        return true;
    case TESTDEV_PUTC: fputc((int)(val & 0xFF), t->out); return true;
    case TESTDEV_PASS: t->passed++; return true;
    case TESTDEV_FAIL:
        t->failed++;
        fprintf(t->log, "testdev: check %u FAILED (pc 0x%08x)\n", val, cpu_pc(t->cpu));
        return true;
    default: return true;
    }
}

int testdev_attach(struct testdev *t, struct bus *b, struct cpu *c, FILE *out, FILE *log)
{
    *t = (struct testdev){.cpu = c, .out = out, .log = log};
    struct bus_device d = {
        .name = "testdev",
        .base = TESTDEV_PHYS,
        .size = TESTDEV_SIZE,
        .opaque = t,
        .read = testdev_read,
        .write = testdev_write,
    };
    return bus_add_device(b, &d);
}

int testdev_status(const struct testdev *t)
{
    if (t->exit_value)
        return (int)(t->exit_value & 0xFF) ? (int)(t->exit_value & 0xFF) : 1;
    return t->failed ? 1 : 0;
}
