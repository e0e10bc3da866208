/*
 * sim-probe: runs a PIC32MZ-EF image in the simulator like pic32mz-sim and records the
 * simulated cycle at chosen points, without changing what the simulated program does (issue
 * 11: benchmarks that do not perturb what they measure).  1 instruction = 1 cycle.
 *
 *   sim-probe [--board B] [--bootloader] [--test] [--console FILE] [--max-cycles N]
 *             [--from-cycle N] [--skip K] [--stop-after N] [--window POINT K]
 *             [--span NAME FROM TO]... [--count NAME POINT]... FILE...
 *
 * A point is one of
 *   ADDR, g:ADDR, gID:ADDR, r:ADDR   the instruction at virtual address ADDR is about to
 *                                    execute (any mode, guest mode, guest mode with GuestID
 *                                    ID, root mode): a simulator breakpoint
 *   g:LO-HI, gID:LO-HI, gnew:LO-HI   an instruction in [LO, HI) executes in guest mode (gnew:
 *                                    with a GuestID other than the one at the span's start);
 *                                    only as a span's end, watched only while the span is open
 *   irq, irq:IPL                     the core takes a root interrupt (at level IPL: the
 *                                    EVIC's RIPL, since tinyVP runs it in single-vector mode)
 *   exc:ADDR                         a root-context exception enters at vector ADDR
 * The cycle of a point is the number of cycles before that instruction (or exception entry).
 * A span is the cycles from its FROM point to the next TO point; a FROM seen again first
 * restarts it.  --window POINT K: counts also report the hits between the first hit of POINT
 * and its last hit that is a multiple of K hits later (e.g. whole rounds of K time slices).
 * Counts, windows and spans take only events at or after --from-cycle; --skip K drops
 * each span's first K samples (cold caches of the simulated system: first TLB refills).
 * --stop-after N ends the run when every span has N samples.
 *
 * The simulated console goes to FILE (default: standard error).  Output, one line each:
 *   span NAME n=N min=.. median=.. max=.. mean=..
 *   count NAME n=N first=CYCLE last=CYCLE [in_window=N]
 *   window n=HITS first=CYCLE last=CYCLE
 *   end cycle=CYCLE
 * Breakpoints make the simulator step instruction by instruction (slower on the host, same
 * simulated cycles); interrupt and exception points do not.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../sim/board/board.h"
#include "../../sim/cpu/cpu.h"
#include "../../sim/host/loader.h"
#include "../../sim/soc/machine.h"

#define MAX_POINTS 32
#define MAX_SPANS  16
#define MAX_COUNTS 16

/* GuestCtl0.GM, Status.EXL/ERL, GuestCtl1.ID (mips-vz.md §4.2; MD00090 Status). */
#define GUESTCTL0_GM_BIT  (1u << 31)
#define STATUS_EXL_BIT    0x2u
#define STATUS_ERL_BIT    0x4u
#define GUESTCTL1_ID_MASK 0xFFu

enum point_kind { PT_ADDR, PT_RANGE, PT_IRQ, PT_EXC };
enum point_mode { MODE_ANY, MODE_ROOT, MODE_GUEST };

struct point {
    enum point_kind kind;
    enum point_mode mode;
    int guestid;     /* -1: any */
    bool new_guest;  /* gnew: a GuestID other than the span's start */
    uint32_t lo, hi; /* address, or range [lo, hi); level for PT_IRQ (hi = 1: any) */
};

struct samples {
    uint64_t *v;
    size_t n, cap;
};

struct span {
    const char *name;
    struct point from, to;
    bool open;
    uint64_t start;
    unsigned start_id;
    uint64_t skipped;
    struct samples s;
};

struct counter {
    const char *name;
    struct point at;
    uint64_t n, first, last;
};

struct window {
    bool on;
    struct point at;
    uint64_t every, hits, first, last;
    uint64_t at_first[MAX_COUNTS], at_last[MAX_COUNTS];
};

struct probe {
    struct cpu *cpu;
    struct span spans[MAX_SPANS];
    unsigned nspans;
    struct counter counts[MAX_COUNTS];
    unsigned ncounts;
    struct window win;
    uint64_t from_cycle;
    uint64_t stop_after;
    uint64_t skip;
    bool next_guest; /* range watch: the mode the next instruction runs in */
    bool watching;   /* the instruction hook is installed */
    bool done;
};

static struct probe P;
static struct machine M;

static void die(const char *fmt, const char *arg)
{
    fprintf(stderr, "sim-probe: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(2);
}

static uint64_t parse_num(const char *s, const char *what)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || end == s || *end || s[0] == '-')
        die("not a number for %s", what);
    return v;
}

static uint32_t parse_addr(const char *s, const char *spec)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || end == s || *end || v > UINT32_MAX)
        die("bad address in point '%s'", spec);
    return (uint32_t)v;
}

static struct point parse_point(const char *spec)
{
    struct point p = {.mode = MODE_ANY, .guestid = -1};
    char buf[128];
    if (strlen(spec) >= sizeof(buf))
        die("point too long: '%s'", spec);
    strcpy(buf, spec);
    if (!strcmp(buf, "irq")) {
        p.kind = PT_IRQ;
        p.hi = 1;
        return p;
    }
    char *colon = strchr(buf, ':');
    char *addr = buf;
    if (colon) {
        *colon = 0;
        addr = colon + 1;
        if (!strcmp(buf, "irq")) {
            p.kind = PT_IRQ;
            p.lo = (uint32_t)parse_num(addr, spec);
            return p;
        }
        if (!strcmp(buf, "exc")) {
            p.kind = PT_EXC;
            p.lo = parse_addr(addr, spec);
            return p;
        }
        if (!strcmp(buf, "r")) {
            p.mode = MODE_ROOT;
        } else if (!strcmp(buf, "gnew")) {
            p.mode = MODE_GUEST;
            p.new_guest = true;
        } else if (buf[0] == 'g') {
            p.mode = MODE_GUEST;
            if (buf[1])
                p.guestid = (int)parse_num(buf + 1, spec);
        } else {
            die("unknown point kind in '%s' (r:, g:, gID:, gnew:, irq:, exc:)", spec);
        }
    }
    char *dash = strchr(addr, '-');
    if (dash) {
        *dash = 0;
        p.kind = PT_RANGE;
        p.lo = parse_addr(addr, spec);
        p.hi = parse_addr(dash + 1, spec);
        if (p.mode != MODE_GUEST || p.hi <= p.lo)
            die("a range point is g:LO-HI, gID:LO-HI or gnew:LO-HI with LO < HI: '%s'", spec);
        return p;
    }
    if (p.new_guest)
        die("gnew: takes a range: '%s'", spec);
    p.kind = PT_ADDR;
    p.lo = parse_addr(addr, spec);
    return p;
}

static bool cpu_in_guest(struct cpu *c)
{
    uint32_t st = cpu_cp0(c, 12, 0);
    return (cpu_cp0(c, 12, 6) & GUESTCTL0_GM_BIT) && !(st & (STATUS_EXL_BIT | STATUS_ERL_BIT));
}

static unsigned cpu_guestid(struct cpu *c)
{
    return cpu_cp0(c, 10, 4) & GUESTCTL1_ID_MASK;
}

static bool mode_matches(const struct point *p, bool guest, unsigned id)
{
    if (p->mode == MODE_ROOT)
        return !guest;
    if (p->mode == MODE_GUEST)
        return guest && (p->guestid < 0 || (unsigned)p->guestid == id);
    return true;
}

static void push(struct samples *s, uint64_t v)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 1024;
        s->v = realloc(s->v, s->cap * sizeof(*s->v));
        if (!s->v)
            die("%s", "out of memory");
    }
    s->v[s->n++] = v;
}

static void update_watch(void);

static void check_done(void)
{
    if (!P.stop_after || !P.nspans)
        return;
    for (unsigned i = 0; i < P.nspans; i++)
        if (P.spans[i].s.n < P.stop_after)
            return;
    P.done = true;
    machine_request_stop(&M);
}

/* An event at `cycle`: `match` says whether a point is this event. */
typedef bool (*matcher)(const struct point *p, const void *ev);

static void event(matcher match, const void *ev, uint64_t cycle, unsigned id)
{
    if (cycle < P.from_cycle)
        return;
    struct window *w = &P.win;
    if (w->on && match(&w->at, ev)) {
        if (!w->hits++)
            w->first = cycle;
        if ((w->hits - 1) % w->every == 0) {
            w->last = cycle;
            for (unsigned i = 0; i < P.ncounts; i++) {
                if (w->hits == 1)
                    w->at_first[i] = P.counts[i].n;
                w->at_last[i] = P.counts[i].n;
            }
        }
    }
    for (unsigned i = 0; i < P.ncounts; i++) {
        struct counter *k = &P.counts[i];
        if (match(&k->at, ev)) {
            if (!k->n++)
                k->first = cycle;
            k->last = cycle;
        }
    }
    for (unsigned i = 0; i < P.nspans; i++) {
        struct span *s = &P.spans[i];
        /* The end first: a point that both ends and starts spans closes one, opens the next. */
        if (s->open && match(&s->to, ev) && !(s->to.new_guest && id == s->start_id)) {
            if (s->skipped < P.skip)
                s->skipped++;
            else
                push(&s->s, cycle - s->start);
            s->open = false;
        }
        if (match(&s->from, ev)) {
            s->open = true;
            s->start = cycle;
            s->start_id = id;
        }
    }
    update_watch();
    check_done();
}

struct addr_ev {
    uint32_t pc;
    bool guest;
    unsigned id;
};

static bool match_addr(const struct point *p, const void *ev)
{
    const struct addr_ev *e = ev;
    if (p->kind == PT_ADDR)
        return p->lo == e->pc && mode_matches(p, e->guest, e->id);
    if (p->kind == PT_RANGE)
        return e->guest && e->pc >= p->lo && e->pc < p->hi && mode_matches(p, true, e->id);
    return false;
}

static bool match_irq(const struct point *p, const void *ev)
{
    return p->kind == PT_IRQ && (p->hi || p->lo == *(const unsigned *)ev);
}

static bool match_exc(const struct point *p, const void *ev)
{
    return p->kind == PT_EXC && p->lo == *(const uint32_t *)ev;
}

/* The instruction hook (installed only while a range end is awaited): `guest` after an
 * instruction is the mode the next one runs in, unless a root interrupt intervenes (its hook
 * resets next_guest). */
static void on_insn(void *ctx, uint64_t cycle, uint32_t pc, uint32_t word, bool guest)
{
    (void)ctx;
    (void)word;
    bool ran_in_guest = P.next_guest;
    P.next_guest = guest;
    if (ran_in_guest) {
        struct addr_ev e = {.pc = pc, .guest = true, .id = cpu_guestid(P.cpu)};
        event(match_addr, &e, cycle - 1, e.id);
    }
}

static void on_interrupt(void *ctx, uint64_t cycle, unsigned ripl, unsigned vector, uint32_t pc)
{
    (void)ctx;
    (void)vector;
    (void)pc;
    P.next_guest = false;
    event(match_irq, &ripl, cycle, cpu_guestid(P.cpu));
}

static void on_exception(void *ctx, uint64_t cycle, unsigned code, uint32_t epc, uint32_t vector,
                         bool guest_ctx)
{
    (void)ctx;
    (void)code;
    (void)epc;
    if (!guest_ctx)
        event(match_exc, &vector, cycle, cpu_guestid(P.cpu));
}

static void update_watch(void)
{
    bool want = false;
    for (unsigned i = 0; i < P.nspans; i++)
        if (P.spans[i].open && P.spans[i].to.kind == PT_RANGE)
            want = true;
    if (want == P.watching)
        return;
    P.watching = want;
    if (want)
        P.next_guest = cpu_in_guest(P.cpu);
    struct cpu_hooks h = {.ctx = &P,
                          .insn = want ? on_insn : NULL,
                          .interrupt = on_interrupt,
                          .exception = on_exception};
    cpu_set_hooks(P.cpu, &h);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void report(uint64_t end)
{
    for (unsigned i = 0; i < P.nspans; i++) {
        struct span *s = &P.spans[i];
        if (!s->s.n) {
            printf("span %s n=0\n", s->name);
            continue;
        }
        qsort(s->s.v, s->s.n, sizeof(uint64_t), cmp_u64);
        uint64_t sum = 0;
        for (size_t k = 0; k < s->s.n; k++)
            sum += s->s.v[k];
        printf("span %s n=%zu min=%" PRIu64 " median=%" PRIu64 " max=%" PRIu64 " mean=%.1f\n",
               s->name, s->s.n, s->s.v[0], s->s.v[s->s.n / 2], s->s.v[s->s.n - 1],
               (double)sum / (double)s->s.n);
    }
    for (unsigned i = 0; i < P.ncounts; i++) {
        printf("count %s n=%" PRIu64 " first=%" PRIu64 " last=%" PRIu64, P.counts[i].name,
               P.counts[i].n, P.counts[i].first, P.counts[i].last);
        if (P.win.on)
            printf(" in_window=%" PRIu64, P.win.at_last[i] - P.win.at_first[i]);
        printf("\n");
    }
    if (P.win.on)
        printf("window n=%" PRIu64 " first=%" PRIu64 " last=%" PRIu64 "\n",
               P.win.hits ? 1 + (P.win.hits - 1) / P.win.every * P.win.every : 0, P.win.first,
               P.win.last);
    printf("end cycle=%" PRIu64 "\n", end);
}

static int sink_write(void *ctx, uint32_t paddr, const uint8_t *data, uint32_t len)
{
    struct machine *m = ctx;
    return bus_load(&m->bus, paddr, data, len);
}

static void add_breakpoint(const struct point *p)
{
    if (p->kind == PT_ADDR && !cpu_set_breakpoint(P.cpu, p->lo))
        die("%s", "too many breakpoints");
}

static void usage(void)
{
    fputs("usage: sim-probe [--board B] [--bootloader] [--test] [--console FILE] [--max-cycles N]\n"
          "         [--from-cycle N] [--skip K] [--stop-after N] [--span NAME FROM TO]...\n"
          "         [--count NAME POINT]... [--window POINT K] FILE...   (points: see "
          "bench/probe/sim_probe.c)\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    const char *board = "wifire";
    bool bootloader = false, test = false;
    uint64_t max_cycles = UINT64_MAX;
    const char *files[16];
    unsigned nfiles = 0;
    const char *console = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int left = argc - i - 1;
        if (!strcmp(a, "--board") && left >= 1) {
            board = argv[++i];
        } else if (!strcmp(a, "--console") && left >= 1) {
            console = argv[++i];
        } else if (!strcmp(a, "--bootloader")) {
            bootloader = true;
        } else if (!strcmp(a, "--test")) {
            test = true;
        } else if (!strcmp(a, "--max-cycles") && left >= 1) {
            max_cycles = parse_num(argv[++i], a);
        } else if (!strcmp(a, "--from-cycle") && left >= 1) {
            P.from_cycle = parse_num(argv[++i], a);
        } else if (!strcmp(a, "--skip") && left >= 1) {
            P.skip = parse_num(argv[++i], a);
        } else if (!strcmp(a, "--stop-after") && left >= 1) {
            P.stop_after = parse_num(argv[++i], a);
        } else if (!strcmp(a, "--span") && left >= 3 && P.nspans < MAX_SPANS) {
            struct span *s = &P.spans[P.nspans++];
            s->name = argv[i + 1];
            s->from = parse_point(argv[i + 2]);
            s->to = parse_point(argv[i + 3]);
            if (s->from.kind == PT_RANGE)
                die("a span cannot start at a range: '%s'", argv[i + 2]);
            i += 3;
        } else if (!strcmp(a, "--count") && left >= 2 && P.ncounts < MAX_COUNTS) {
            struct counter *k = &P.counts[P.ncounts++];
            k->name = argv[i + 1];
            k->at = parse_point(argv[i + 2]);
            if (k->at.kind == PT_RANGE)
                die("a count cannot be a range: '%s'", argv[i + 2]);
            i += 2;
        } else if (!strcmp(a, "--window") && left >= 2) {
            P.win.on = true;
            P.win.at = parse_point(argv[i + 1]);
            P.win.every = parse_num(argv[i + 2], a);
            if (P.win.at.kind == PT_RANGE || !P.win.every)
                die("--window takes a point that is not a range and K > 0: '%s'", argv[i + 1]);
            i += 2;
        } else if (a[0] == '-') {
            usage();
        } else if (nfiles < 16) {
            files[nfiles++] = a;
        } else {
            usage();
        }
    }
    if (!nfiles)
        usage();
    const struct board *b = board_find(board);
    if (!b)
        die("unknown board '%s'", board);

    FILE *con = stderr;
    if (console && !(con = fopen(console, "w")))
        die("cannot write '%s'", console);
    struct machine_options mo = {.test_device = test, .console_out = con};
    if (machine_init(&M, b, &mo))
        die("%s", "cannot set up the machine");
    struct loader_sink sink = {.ctx = &M, .write = sink_write};
    struct loader_result res = {0};
    for (unsigned i = 0; i < nfiles; i++) {
        char err[512];
        if (loader_load(files[i], &sink, &res, err, sizeof(err)))
            die("%s", err);
    }
    if (bootloader) {
        if (!b->bootloader_entry)
            die("board %s has no boot loader entry", b->name);
        cpu_set_pc(M.cpu, b->bootloader_entry);
    }
    P.cpu = M.cpu;
    for (unsigned i = 0; i < P.nspans; i++) {
        add_breakpoint(&P.spans[i].from);
        add_breakpoint(&P.spans[i].to);
    }
    for (unsigned i = 0; i < P.ncounts; i++)
        add_breakpoint(&P.counts[i].at);
    if (P.win.on)
        add_breakpoint(&P.win.at);
    P.watching = true; /* makes update_watch install the hooks */
    update_watch();

    while (!P.done) {
        enum machine_stop why = machine_run(&M, max_cycles);
        if (why != MACHINE_BREAK && why != MACHINE_STOP)
            break;
        if (why == MACHINE_BREAK) {
            struct addr_ev e = {
                .pc = cpu_pc(M.cpu), .guest = cpu_in_guest(M.cpu), .id = cpu_guestid(M.cpu)};
            event(match_addr, &e, cpu_cycles(M.cpu), e.id);
        }
    }
    fflush(stdout);
    report(cpu_cycles(M.cpu));
    machine_free(&M);
    if (con != stderr)
        fclose(con);
    return 0;
}
