/*
 * pic32mz-sim: a PIC32MZ-EF (M5150 core) simulator that runs the image a user would flash.
 *
 *   pic32mz-sim [options] FILE...
 *
 * Exit status: 0 normal end; 2 bad usage or image (nothing runs); 3 a --test run that did not
 * end through the test device; otherwise the value the test device's EXIT asked for.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../board/board.h"
#include "../cpu/cpu.h"
#include "../soc/machine.h"
#include "loader.h"
#include "soc/cp0.h"

struct options {
    const char *board;
    const char *entry; /* NULL, "elf", or an address */
    uint64_t max_cycles;
    bool test;
    bool stats;
    bool warn_unmodelled;
    const char *files[16];
    unsigned nfiles;
};

static void usage(FILE *f)
{
    fprintf(f,
            "usage: pic32mz-sim [options] FILE...\n"
            "Runs PIC32MZ-EF images (ELF32, Motorola S-record or Intel HEX) from the reset\n"
            "vector 0xBFC00000, as the chip does.\n"
            "\n"
            "  --board NAME        %s (default wifire)\n"
            "  --entry ADDR|file   start at ADDR, or at the entry point named in the last\n"
            "                      image, instead of the reset vector (as a boot loader would)\n"
            "  --bootloader        start where the board's boot loader jumps (Wi-FIRE: 0x9D001000)\n"
            "  --max-cycles N      stop after N cycles (1 instruction = 1 cycle at 200 MHz)\n"
            "  --test              attach the test device (docs/dev/conventions.md)\n"
            "  --stats             print statistics on exit\n"
            "  --warn-unmodelled   report every SFR address no model handles (once each)\n"
            "  --help              this text\n",
            board_names());
}

static int parse_u64(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || end == s || *end || s[0] == '-')
        return -1;
    *out = v;
    return 0;
}

static int parse_args(int argc, char **argv, struct options *o)
{
    *o = (struct options){.board = "wifire", .max_cycles = UINT64_MAX};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = (i + 1 < argc) ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            exit(0);
        } else if (!strcmp(a, "--board") && val) {
            o->board = val;
            i++;
        } else if (!strcmp(a, "--entry") && val) {
            o->entry = val;
            i++;
        } else if (!strcmp(a, "--bootloader")) {
            o->entry = "bootloader";
        } else if (!strcmp(a, "--max-cycles") && val) {
            if (parse_u64(val, &o->max_cycles)) {
                fprintf(stderr, "pic32mz-sim: --max-cycles: not a number: '%s'\n", val);
                return -1;
            }
            i++;
        } else if (!strcmp(a, "--test")) {
            o->test = true;
        } else if (!strcmp(a, "--warn-unmodelled")) {
            o->warn_unmodelled = true;
        } else if (!strcmp(a, "--stats")) {
            o->stats = true;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "pic32mz-sim: unknown or incomplete option '%s' (see --help)\n", a);
            return -1;
        } else if (o->nfiles < sizeof(o->files) / sizeof(o->files[0])) {
            o->files[o->nfiles++] = a;
        } else {
            fprintf(stderr, "pic32mz-sim: too many files\n");
            return -1;
        }
    }
    if (o->nfiles == 0) {
        fprintf(stderr, "pic32mz-sim: no image given (see --help)\n");
        return -1;
    }
    return 0;
}

static int sink_write(void *ctx, uint32_t paddr, const uint8_t *data, uint32_t len)
{
    struct machine *m = ctx;
    return bus_load(&m->bus, paddr, data, len);
}

static void print_stats(struct machine *m)
{
    static const char *const names[32] = {
        [EXCCODE_INT] = "Int", [EXCCODE_MOD] = "Mod", [EXCCODE_TLBL] = "TLBL",
        [EXCCODE_TLBS] = "TLBS", [EXCCODE_ADEL] = "AdEL", [EXCCODE_ADES] = "AdES",
        [EXCCODE_IBE] = "IBE", [EXCCODE_DBE] = "DBE", [EXCCODE_SYS] = "Sys",
        [EXCCODE_BP] = "Bp", [EXCCODE_RI] = "RI", [EXCCODE_CPU] = "CpU",
        [EXCCODE_OV] = "Ov", [EXCCODE_TR] = "Tr", [EXCCODE_FPE] = "FPE",
        [EXCCODE_TLBRI] = "TLBRI", [EXCCODE_TLBXI] = "TLBXI", [EXCCODE_DSPDIS] = "DSPDis",
        [EXCCODE_GE] = "GE",
    };
    uint64_t cyc = cpu_cycles(m->cpu);
    fprintf(stderr, "stats: %" PRIu64 " cycles (%.6f s simulated at 200 MHz)\n", cyc,
            (double)cyc / 200e6);
    for (unsigned i = 0; i < 32; i++) {
        uint64_t n = cpu_exception_count(m->cpu, i);
        if (n)
            fprintf(stderr, "stats: exception %s (%u): %" PRIu64 "\n", names[i] ? names[i] : "?",
                    i, n);
    }
}

int main(int argc, char **argv)
{
    struct options o;
    if (parse_args(argc, argv, &o))
        return 2;
    const struct board *b = board_find(o.board);
    if (!b) {
        fprintf(stderr, "pic32mz-sim: unknown board '%s' (known: %s)\n", o.board, board_names());
        return 2;
    }
    struct machine m;
    struct machine_options mo = {.test_device = o.test, .console_out = stdout,
                                 .warn_unmodelled = o.warn_unmodelled};
    if (machine_init(&m, b, &mo)) {
        fprintf(stderr, "pic32mz-sim: cannot set up the machine (out of memory?)\n");
        machine_free(&m);
        return 2;
    }

    struct loader_sink sink = {.ctx = &m, .write = sink_write};
    struct loader_result res = {0};
    for (unsigned i = 0; i < o.nfiles; i++) {
        char err[512];
        if (loader_load(o.files[i], &sink, &res, err, sizeof(err))) {
            fprintf(stderr, "pic32mz-sim: %s\n", err);
            machine_free(&m);
            return 2;
        }
    }

    if (o.entry) {
        uint64_t addr;
        if (!strcmp(o.entry, "file")) {
            if (!res.has_entry) {
                fprintf(stderr, "pic32mz-sim: --entry file: %s names no entry point\n",
                        o.files[o.nfiles - 1]);
                machine_free(&m);
                return 2;
            }
            addr = res.entry;
        } else if (!strcmp(o.entry, "bootloader")) {
            if (!b->bootloader_entry) {
                fprintf(stderr, "pic32mz-sim: board %s has no boot loader convention\n", b->name);
                machine_free(&m);
                return 2;
            }
            addr = b->bootloader_entry;
        } else if (parse_u64(o.entry, &addr) || addr > UINT32_MAX || (addr & 1)) {
            fprintf(stderr, "pic32mz-sim: --entry: not a MIPS32 code address: '%s'\n", o.entry);
            machine_free(&m);
            return 2;
        }
        cpu_set_pc(m.cpu, (uint32_t)addr);
    }

    enum machine_stop why = machine_run(&m, o.max_cycles);
    fflush(stdout);
    int status = 0;
    switch (why) {
    case MACHINE_EXIT: status = testdev_status(&m.testdev); break;
    case MACHINE_ERROR: status = 2; break; /* the configuration cannot run (message printed) */
    case MACHINE_LIMIT:
        if (o.test) {
            fprintf(stderr, "pic32mz-sim: stopped at the cycle limit (%" PRIu64
                            ") before the test ended; pc 0x%08x\n",
                    o.max_cycles, cpu_pc(m.cpu));
            status = 3;
        }
        break;
    case MACHINE_IDLE:
        fprintf(stderr, "pic32mz-sim: the core waits (WAIT) and nothing can wake it; pc 0x%08x\n",
                cpu_pc(m.cpu));
        status = o.test ? 3 : 0;
        break;
    case MACHINE_BREAK:
    case MACHINE_STOP: break; /* no breakpoints or host stops without a debugger */
    }
    if (o.stats)
        print_stats(&m);
    machine_free(&m);
    return status;
}
