/*
 * pic32mz-sim: a PIC32MZ-EF (M5150 core) simulator that runs the image a user would flash.
 *
 *   pic32mz-sim [options] FILE...
 *
 * The manual is docs/simulator.md.  Exit status: 0 normal end (or a script whose expectations
 * all held); 1 a script expectation failed; 2 bad usage, image or script (nothing runs);
 * 3 a --test run that did not end through the test device; otherwise the value the test
 * device's EXIT asked for; 128 + N after signal N (but 0 for Ctrl-C in an interactive session).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../board/board.h"
#include "../cpu/cpu.h"
#include "../soc/machine.h"
#include "dumpsum.h"
#include "loader.h"
#include "session.h"
#include "soc/memmap.h"
#include "term.h"

struct options {
    const char *board;
    const char *entry; /* NULL, "file", "bootloader" or an address */
    uint64_t max_cycles;
    bool test, stats, warn_unmodelled, uart_instant;
    uint32_t max_page_size;                /* 0 = the core's default (256 MB) */
    const char *uart_spec[UART_COUNT + 1]; /* [n]: --uart n:SPEC; [0]: --console SPEC */
    enum leds_line leds;
    const char *events, *vcd, *script, *gdb, *trace_file;
    unsigned trace;
    int realtime; /* -1 auto, 0 off, 1 on */
    const char *files[16];
    unsigned nfiles;
};

static void usage(FILE *f)
{
    fprintf(f,
            "usage: pic32mz-sim [options] FILE...\n"
            "Runs PIC32MZ-EF images (ELF32, Motorola S-record or Intel HEX) from the reset\n"
            "vector 0xBFC00000, as the chip does.  Manual: docs/simulator.md.\n"
            "\n"
            "Board and start\n"
            "  --board NAME          %s (default wifire)\n"
            "  --entry ADDR|file     start at ADDR, or at the entry point named in the last\n"
            "                        image, instead of the reset vector\n"
            "  --bootloader          start where the board's boot loader jumps (Wi-FIRE:\n"
            "                        0x9D001000), as it would after reset\n"
            "  --max-cycles N        stop after N cycles (1 instruction = 1 cycle at 200 MHz)\n"
            "Console and UARTs (SPEC: stdio, pty[:LINK], tcp:[ADDR:]PORT, file:PATH, none)\n"
            "  --console SPEC        the board's console UART (default: this terminal)\n"
            "  --uart N:SPEC         UART N (1-6) likewise\n"
            "  --uart-instant        characters take no simulated time\n"
            "  --realtime            pace simulated time to the wall clock (default when the\n"
            "                        console is this terminal); --no-realtime: never\n"
            "LEDs and buttons\n"
            "  --leds auto|on|off    LED status line (auto: when stdout is a terminal)\n"
            "  --events FILE         timestamped LED and button events\n"
            "  --vcd FILE            every pin change as a VCD file (GTKWave)\n"
            "Tests and debugging\n"
            "  --script FILE         run a scripted console session (exit 0 if it holds)\n"
            "  --gdb [ADDR:]PORT     wait for gdb on 127.0.0.1:PORT (0: any free port)\n"
            "  --trace LIST          trace insn,exc,irq,mmio (or all)\n"
            "  --trace-file FILE     where traces go (default: standard error)\n"
            "  --stats               print statistics on exit\n"
            "  --dump-checksum A:L   print the CRC-32 of physical memory A..A+L-1 on exit\n"
            "  --test                attach the test device (docs/dev/conventions.md)\n"
            "  --warn-unmodelled     report every SFR address no model handles (once each)\n"
            "  --max-page-size N     largest TLB page: 0x10000000 (256 MB, default) or 0x100000\n"
            "                        (1 MB, Microchip's reading); mips-vz.md §8 #1\n"
            "  --help                this text\n",
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

/* Options that take a value: the value's option index. */
static bool takes(const char *a, const char *name)
{
    return !strcmp(a, name);
}

static int parse_args(int argc, char **argv, struct options *o)
{
    *o = (struct options){.board = "wifire", .max_cycles = UINT64_MAX, .realtime = -1};
    char err[256];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = (i + 1 < argc) ? argv[i + 1] : NULL;
        bool used = true; /* the option took val */
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            exit(0);
        } else if (a[0] == '-' && a[1] && !val &&
                   (takes(a, "--board") || takes(a, "--entry") || takes(a, "--max-cycles") ||
                    takes(a, "--console") || takes(a, "--uart") || takes(a, "--leds") ||
                    takes(a, "--events") || takes(a, "--vcd") || takes(a, "--script") ||
                    takes(a, "--gdb") || takes(a, "--trace") || takes(a, "--trace-file") ||
                    takes(a, "--max-page-size"))) {
            fprintf(stderr, "pic32mz-sim: %s needs a value (see --help)\n", a);
            return -1;
        } else if (takes(a, "--board")) {
            o->board = val;
        } else if (takes(a, "--entry")) {
            o->entry = val;
        } else if (takes(a, "--dump-checksum")) {
            if (!val || dumpsum_add(val)) /* tests/isolation: memory left after a run */
                return -1;
        } else if (takes(a, "--max-cycles")) {
            if (parse_u64(val, &o->max_cycles)) {
                fprintf(stderr, "pic32mz-sim: --max-cycles: not a number: '%s'\n", val);
                return -1;
            }
        } else if (takes(a, "--console")) {
            o->uart_spec[0] = val;
        } else if (takes(a, "--uart")) {
            if (val[0] < '1' || val[0] > '0' + UART_COUNT || val[1] != ':') {
                fprintf(stderr, "pic32mz-sim: --uart %s: expected N:SPEC with N = 1..%d\n", val,
                        UART_COUNT);
                return -1;
            }
            o->uart_spec[val[0] - '0'] = val + 2;
        } else if (takes(a, "--leds")) {
            if (!strcmp(val, "auto"))
                o->leds = LEDS_AUTO;
            else if (!strcmp(val, "on"))
                o->leds = LEDS_ON;
            else if (!strcmp(val, "off"))
                o->leds = LEDS_OFF;
            else {
                fprintf(stderr, "pic32mz-sim: --leds: '%s' is not auto, on or off\n", val);
                return -1;
            }
        } else if (takes(a, "--events")) {
            o->events = val;
        } else if (takes(a, "--vcd")) {
            o->vcd = val;
        } else if (takes(a, "--script")) {
            o->script = val;
        } else if (takes(a, "--gdb")) {
            o->gdb = val;
        } else if (takes(a, "--trace")) {
            if (trace_parse(val, &o->trace, err, sizeof(err))) {
                fprintf(stderr, "pic32mz-sim: %s\n", err);
                return -1;
            }
        } else if (takes(a, "--trace-file")) {
            o->trace_file = val;
        } else if (takes(a, "--max-page-size")) {
            uint64_t v;
            if (parse_u64(val, &v) || (v != 0x100000u && v != 0x10000000u)) {
                fprintf(stderr,
                        "pic32mz-sim: --max-page-size: 0x100000 (1 MB) or 0x10000000 "
                        "(256 MB), not '%s'\n",
                        val);
                return -1;
            }
            o->max_page_size = (uint32_t)v;
        } else {
            used = false;
            if (!strcmp(a, "--bootloader"))
                o->entry = "bootloader";
            else if (!strcmp(a, "--test"))
                o->test = true;
            else if (!strcmp(a, "--stats"))
                o->stats = true;
            else if (!strcmp(a, "--warn-unmodelled"))
                o->warn_unmodelled = true;
            else if (!strcmp(a, "--uart-instant"))
                o->uart_instant = true;
            else if (!strcmp(a, "--realtime"))
                o->realtime = 1;
            else if (!strcmp(a, "--no-realtime"))
                o->realtime = 0;
            else if (a[0] == '-' && a[1]) {
                fprintf(stderr, "pic32mz-sim: unknown option '%s' (see --help)\n", a);
                return -1;
            } else if (o->nfiles < sizeof(o->files) / sizeof(o->files[0])) {
                o->files[o->nfiles++] = a;
            } else {
                fprintf(stderr, "pic32mz-sim: too many files\n");
                return -1;
            }
        }
        if (used)
            i++;
    }
    if (o->nfiles == 0) {
        fprintf(stderr, "pic32mz-sim: no image given (see --help)\n");
        return -1;
    }
    if (o->trace_file && !o->trace) {
        fprintf(stderr, "pic32mz-sim: --trace-file without --trace\n");
        return -1;
    }
    return 0;
}

static int sink_write(void *ctx, uint32_t paddr, const uint8_t *data, uint32_t len)
{
    struct machine *m = ctx;
    return bus_load(&m->bus, paddr, data, len);
}

/* The chipKIT Wi-FIRE boot loader lives in boot flash and, after reset, jumps to the
 * application at 0x9D001000 (pic32mz-ef.md §10.5, issue 4).  When the images leave the reset
 * vector erased, a stand-in for it is put there (lui/ori/jr $k0 to the entry), so that a
 * software or watchdog reset comes back to the application as it would on the board. */
static void install_boot_stub(struct machine *m, uint32_t entry)
{
    uint8_t word[4];
    if (bus_peek(&m->bus, BOOT_PHYS, word, 4) || memcmp(word, "\xff\xff\xff\xff", 4))
        return; /* the images bring their own boot code */
    const uint32_t stub[4] = {
        0x3C1A0000u | (entry >> 16),    /* lui  $k0, %hi(entry) */
        0x375A0000u | (entry & 0xFFFF), /* ori  $k0, $k0, %lo(entry) */
        0x03400008u,                    /* jr   $k0 */
        0x00000000u,                    /* nop */
    };
    bus_load(&m->bus, BOOT_PHYS, (const uint8_t *)stub, sizeof(stub));
}

/* Where the core starts; 0 = the reset vector. */
static int start_address(const struct options *o, const struct board *b,
                         const struct loader_result *res, struct machine *m, uint32_t *pc)
{
    uint64_t addr;
    if (!o->entry)
        return 0;
    if (!strcmp(o->entry, "file")) {
        if (!res->has_entry) {
            fprintf(stderr, "pic32mz-sim: --entry file: %s names no entry point\n",
                    o->files[o->nfiles - 1]);
            return -1;
        }
        addr = res->entry;
    } else if (!strcmp(o->entry, "bootloader")) {
        if (!b->bootloader_entry) {
            fprintf(stderr, "pic32mz-sim: board %s has no boot loader convention\n", b->name);
            return -1;
        }
        addr = b->bootloader_entry;
        install_boot_stub(m, b->bootloader_entry);
    } else if (parse_u64(o->entry, &addr) || addr > UINT32_MAX || (addr & 1)) {
        fprintf(stderr, "pic32mz-sim: --entry: not a MIPS32 code address: '%s'\n", o->entry);
        return -1;
    }
    *pc = (uint32_t)addr;
    return 0;
}

/* Connects the UARTs to the host as the options say. */
static int open_links(struct session *s, const struct options *o)
{
    char err[512];
    unsigned console = s->board->console_uart;
    for (unsigned n = 1; n <= UART_COUNT; n++) {
        const char *spec = o->uart_spec[n];
        bool explicit_stdio = false;
        if (n == console && o->uart_spec[0]) {
            if (spec) {
                fprintf(stderr, "pic32mz-sim: --console and --uart %u both name UART%u\n", n, n);
                return -1;
            }
            spec = o->uart_spec[0];
        }
        if (!spec && n != console)
            continue; /* not connected: its output goes nowhere, it receives nothing */
        struct conn_spec cs;
        if (!spec) {
            /* The console by default: this terminal; typing reaches it only when a person
             * is there (stdin and stdout are terminals) and no script drives it. */
            cs = (struct conn_spec){.kind = CONN_STDIO};
        } else if (conn_parse(spec, &cs, err, sizeof(err))) {
            fprintf(stderr, "pic32mz-sim: %s %s\n", n == console ? "--console" : "--uart", err);
            return -1;
        } else {
            explicit_stdio = cs.kind == CONN_STDIO;
        }
        for (unsigned k = 0; k < n - 1; k++)
            if (cs.kind == CONN_STDIO && s->link[k].m && s->link[k].spec.kind == CONN_STDIO) {
                fprintf(stderr, "pic32mz-sim: UART%u and UART%u cannot both use stdio\n", k + 1, n);
                return -1;
            }
        bool stdin_input =
            !o->script && (explicit_stdio || (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)));
        if (link_open(&s->link[n - 1], s->m, n, n == console, &cs, stdin_input, err, sizeof(err))) {
            fprintf(stderr, "pic32mz-sim: UART%u: %s\n", n, err);
            return -1;
        }
        if (s->link[n - 1].stdin_in && isatty(STDIN_FILENO))
            s->interactive = true;
    }
    return 0;
}

/* ---- script callbacks -------------------------------------------------------------------- */

static void script_send(void *ctx, const uint8_t *data, size_t n)
{
    struct session *s = ctx;
    link_send(&s->link[s->board->console_uart - 1], data, n);
}

static bool script_led(void *ctx, unsigned led)
{
    struct session *s = ctx;
    return leds_is_on(&s->leds, led);
}

static void script_button(void *ctx, unsigned button, bool pressed)
{
    session_button(ctx, button, pressed);
}

static void script_stop(void *ctx)
{
    struct session *s = ctx;
    machine_request_stop(s->m);
}

static int open_gdb(struct session *s, const char *spec)
{
    char host[64] = "127.0.0.1", err[256];
    const char *colon = strrchr(spec, ':');
    const char *port_s = spec;
    if (colon) {
        size_t n = (size_t)(colon - spec);
        if (n == 0 || n >= sizeof(host)) {
            fprintf(stderr, "pic32mz-sim: --gdb %s: bad address\n", spec);
            return -1;
        }
        memcpy(host, spec, n);
        host[n] = 0;
        port_s = colon + 1;
    }
    uint64_t port;
    if (parse_u64(port_s, &port) || port > 65535) {
        fprintf(stderr, "pic32mz-sim: --gdb %s: '%s' is not a port number\n", spec, port_s);
        return -1;
    }
    if (gdb_open(&s->gdb, s->m, host, (unsigned)port, err, sizeof(err))) {
        fprintf(stderr, "pic32mz-sim: %s\n", err);
        return -1;
    }
    s->has_gdb = true;
    return 0;
}

/* Releases everything; output files are kept only when the run happened (`keep`). */
static void close_session(struct session *s, bool keep)
{
    uint64_t now = s->m->cpu ? cpu_cycles(s->m->cpu) : 0;
    for (unsigned i = 0; i < UART_COUNT; i++)
        link_close(&s->link[i], keep);
    if (leds_close(&s->leds, keep, now))
        keep = false;
    trace_close(&s->tracer, keep);
    if (s->has_script)
        script_free(&s->script);
    if (s->has_gdb)
        gdb_close(&s->gdb);
    term_restore();
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
    static struct session s; /* static: the signal handlers write its flags */
    s.board = b;
    s.max_cycles = o.max_cycles;
    s.test = o.test;
    char err[512];
    if (o.script) {
        if (script_load(&s.script, o.script, b, err, sizeof(err))) {
            fprintf(stderr, "pic32mz-sim: %s\n", err);
            script_free(&s.script);
            return 2;
        }
        s.has_script = true;
    }

    static struct machine m;
    struct machine_options mo = {.test_device = o.test,
                                 .console_out = stdout,
                                 .warn_unmodelled = o.warn_unmodelled,
                                 .uart_instant = o.uart_instant,
                                 .max_page_size = o.max_page_size};
    if (machine_init(&m, b, &mo)) {
        fprintf(stderr, "pic32mz-sim: cannot set up the machine (out of memory?)\n");
        machine_free(&m);
        if (s.has_script)
            script_free(&s.script);
        return 2;
    }
    s.m = &m;

    struct loader_sink sink = {.ctx = &m, .write = sink_write};
    struct loader_result res = {0};
    uint32_t pc = 0;
    int rc = 0;
    for (unsigned i = 0; i < o.nfiles && !rc; i++) {
        if (loader_load(o.files[i], &sink, &res, err, sizeof(err))) {
            fprintf(stderr, "pic32mz-sim: %s\n", err);
            rc = -1;
        }
    }
    if (!rc)
        rc = start_address(&o, b, &res, &m, &pc);
    if (!rc && leds_open(&s.leds, b, o.leds, o.events, o.vcd, err, sizeof(err))) {
        fprintf(stderr, "pic32mz-sim: %s\n", err);
        rc = -1;
    }
    if (!rc && trace_open(&s.tracer, &m, o.trace, o.trace_file, err, sizeof(err))) {
        fprintf(stderr, "pic32mz-sim: %s\n", err);
        rc = -1;
    }
    term_signals(&s.stop_signal, &s.winch);
    if (!rc)
        rc = open_links(&s, &o);
    if (!rc && o.gdb)
        rc = open_gdb(&s, o.gdb);
    if (rc) {
        close_session(&s, false);
        machine_free(&m);
        return 2;
    }
    if (pc)
        cpu_set_pc(m.cpu, pc);

    /* LEDs: the levels at reset, then every change. */
    for (unsigned p = 0; p < BOARD_PORTS; p++)
        for (unsigned pin = 0; pin < 16; pin++)
            if (b->port_pins[p] & (1u << pin))
                leds_pin_changed(&s.leds, p, pin, gpio_pin_level(&m.gpio, p, pin), 0);
    gpio_set_pin_changed(&m.gpio, leds_pin_changed, &s.leds);
    for (unsigned i = 0; i < b->nbuttons; i++)
        session_button(&s, i, false);
    leds_start(&s.leds);

    if (s.has_script) {
        s.script.env = (struct script_env){.ctx = &s,
                                           .send = script_send,
                                           .led_on = script_led,
                                           .button = script_button,
                                           .stop = script_stop};
        struct uart_link *con = &s.link[b->console_uart - 1];
        con->tap = script_output;
        con->tap_ctx = &s.script;
    }
    s.realtime = o.realtime >= 0 ? o.realtime : (s.interactive && !s.has_script);

    int status = 0;
    if (s.has_gdb && gdb_accept(&s.gdb, &s.stop_signal)) {
        status = 128 + s.stop_signal;
    } else {
        status = session_run(&s);
    }
    if (o.stats)
        stats_print(&m, stderr);
    dumpsum_print(&m, stderr);
    close_session(&s, true);
    machine_free(&m);
    return status;
}
