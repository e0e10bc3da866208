/* LEDs and buttons on the host (leds.h). */
#include "leds.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "term.h"

#define CYCLE_NS       5 /* 200 MHz SYSCLK: one cycle = one instruction = 5 ns (architecture.md) */
#define PORT_LETTER(p) ("ABCDEFGHJK"[p]) /* there is no port I (pic32mz-ef.md §5.1) */

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int leds_find_led(const struct board *b, const char *name)
{
    for (unsigned i = 0; i < b->nleds; i++)
        if (!strcmp(b->leds[i].name, name))
            return (int)i;
    return -1;
}

int leds_find_button(const struct board *b, const char *name)
{
    for (unsigned i = 0; i < b->nbuttons; i++)
        if (!strcmp(b->buttons[i].name, name))
            return (int)i;
    return -1;
}

bool leds_is_on(const struct leds *l, unsigned led)
{
    return led < l->b->nleds && l->on[led];
}

/* ---- VCD (IEEE 1364 §18) --------------------------------------------------------------- */

/* Identifier codes: LEDs first, then buttons, then every pin, in printable ASCII 33..126. */
static void vcd_id(unsigned n, char *out)
{
    unsigned k = 0;
    do {
        out[k++] = (char)(33 + n % 94);
        n /= 94;
    } while (n);
    out[k] = 0;
}

static unsigned pin_code(const struct leds *l, unsigned port, unsigned pin)
{
    return l->b->nleds + l->b->nbuttons + port * 16 + pin;
}

static void vcd_header(struct leds *l)
{
    FILE *f = l->vcd.f;
    const struct board *b = l->b;
    char id[8];
    fprintf(f, "$version pic32mz-sim $end\n");
    fprintf(f,
            "$comment board %s (%s); one SYSCLK cycle = 5 ns; LEDs: 1 = lit, buttons: "
            "1 = pressed $end\n",
            b->name, b->part);
    fprintf(f, "$timescale 1ns $end\n$scope module %s $end\n", b->name);
    fprintf(f, "$scope module leds $end\n");
    for (unsigned i = 0; i < b->nleds; i++) {
        vcd_id(i, id);
        fprintf(f, "$var wire 1 %s %s $end\n", id, b->leds[i].name);
    }
    fprintf(f, "$upscope $end\n$scope module buttons $end\n");
    for (unsigned i = 0; i < b->nbuttons; i++) {
        vcd_id(b->nleds + i, id);
        fprintf(f, "$var wire 1 %s %s $end\n", id, b->buttons[i].name);
    }
    fprintf(f, "$upscope $end\n");
    for (unsigned p = 0; p < BOARD_PORTS; p++) {
        if (!b->port_pins[p])
            continue;
        fprintf(f, "$scope module port%c $end\n", PORT_LETTER(p));
        for (unsigned pin = 0; pin < 16; pin++)
            if (b->port_pins[p] & (1u << pin)) {
                vcd_id(pin_code(l, p, pin), id);
                fprintf(f, "$var wire 1 %s R%c%u $end\n", id, PORT_LETTER(p), pin);
            }
        fprintf(f, "$upscope $end\n");
    }
    fprintf(f, "$upscope $end\n$enddefinitions $end\n");
}

/* The values at time 0: what has been reported so far, x for the rest. */
static void vcd_start(struct leds *l)
{
    FILE *f = l->vcd.f;
    const struct board *b = l->b;
    char id[8];
    fprintf(f, "#0\n$dumpvars\n");
    for (unsigned i = 0; i < b->nleds; i++) {
        vcd_id(i, id);
        fprintf(f, "%c%s\n", l->on[i] ? '1' : '0', id);
    }
    for (unsigned i = 0; i < b->nbuttons; i++) {
        vcd_id(b->nleds + i, id);
        fprintf(f, "%c%s\n", l->pressed[i] ? '1' : '0', id);
    }
    for (unsigned p = 0; p < BOARD_PORTS; p++)
        for (unsigned pin = 0; pin < 16; pin++)
            if (b->port_pins[p] & (1u << pin)) {
                vcd_id(pin_code(l, p, pin), id);
                char v = !(l->known[p] & (1u << pin))  ? 'x'
                         : (l->level[p] & (1u << pin)) ? '1'
                                                       : '0';
                fprintf(f, "%c%s\n", v, id);
            }
    fprintf(f, "$end\n");
    l->vcd_started = true;
}

static void vcd_change(struct leds *l, uint64_t cycle, unsigned code, bool v)
{
    if (!l->vcd.f || !l->vcd_started)
        return;
    uint64_t t = cycle * CYCLE_NS;
    if (t != l->vcd_time) {
        fprintf(l->vcd.f, "#%" PRIu64 "\n", t);
        l->vcd_time = t;
    }
    char id[8];
    vcd_id(code, id);
    fprintf(l->vcd.f, "%c%s\n", v ? '1' : '0', id);
}

/* ---- events and the status line --------------------------------------------------------- */

static void event(struct leds *l, uint64_t cycle, const char *name, const char *what)
{
    if (l->events.f)
        fprintf(l->events.f, "%" PRIu64 " %" PRIu64 ".%09" PRIu64 " %s %s\n", cycle,
                cycle / 200000000u, (cycle % 200000000u) * CYCLE_NS, name, what);
}

static int status_text(const struct leds *l, char *buf, size_t n)
{
    size_t k = 0;
    for (unsigned i = 0; i < l->b->nleds && k < n; i++)
        k += (size_t)snprintf(buf + k, n - k, "%s%s %s", i ? "  " : "", l->b->leds[i].name,
                              l->on[i] ? "\u25CF" : "\u25CB");
    return (int)(k < n ? k : n - 1);
}

static void draw(struct leds *l)
{
    char text[256], out[320];
    status_text(l, text, sizeof(text));
    int n = snprintf(out, sizeof(out), "\0337\033[%d;1H\033[2K%s\0338", l->rows, text);
    ssize_t w = write(STDOUT_FILENO, out, (size_t)n);
    (void)w;
    l->dirty = false;
    l->drawn_ns = now_ns();
}

void leds_refresh(struct leds *l, bool force)
{
    if (!l->line_tty || !l->dirty)
        return;
    if (force || now_ns() - l->drawn_ns >= 20000000u)
        draw(l);
}

static int terminal_rows(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 2)
        return ws.ws_row;
    return 24;
}

void leds_resize(struct leds *l)
{
    if (!l->line_tty)
        return;
    int rows = terminal_rows();
    if (rows != l->rows) {
        l->rows = rows;
        term_scroll_region(STDOUT_FILENO, rows);
    }
    draw(l);
}

void leds_pin_changed(void *ctx, unsigned port, unsigned pin, int level, uint64_t cycle)
{
    struct leds *l = ctx;
    if (port >= BOARD_PORTS || pin >= 16)
        return;
    uint32_t bit = 1u << pin;
    bool v = level != 0;
    bool was_known = l->known[port] & bit;
    bool old = l->level[port] & bit;
    l->known[port] |= bit;
    l->level[port] = v ? l->level[port] | bit : l->level[port] & ~bit;
    if (was_known && old == v)
        return;
    vcd_change(l, cycle, pin_code(l, port, pin), v);
    for (unsigned i = 0; i < l->b->nleds; i++) {
        const struct board_pin *bp = &l->b->leds[i];
        if (bp->port != port || bp->pin != pin)
            continue;
        bool on = v != bp->active_low;
        if (on == l->on[i])
            continue;
        l->on[i] = on;
        vcd_change(l, cycle, i, on);
        event(l, cycle, bp->name, on ? "on" : "off");
        l->dirty = true;
        if (l->line && !l->line_tty) {
            char text[256];
            status_text(l, text, sizeof(text));
            fprintf(stderr, "leds: %s  (cycle %" PRIu64 ")\n", text, cycle);
        }
    }
}

void leds_button(struct leds *l, unsigned button, bool pressed, uint64_t cycle)
{
    if (button >= l->b->nbuttons || l->pressed[button] == pressed)
        return;
    l->pressed[button] = pressed;
    vcd_change(l, cycle, l->b->nleds + button, pressed);
    event(l, cycle, l->b->buttons[button].name, pressed ? "pressed" : "released");
}

int leds_open(struct leds *l, const struct board *b, enum leds_line mode, const char *events,
              const char *vcd, char *err, size_t errlen)
{
    memset(l, 0, sizeof(*l));
    l->b = b;
    if (events && outfile_open(&l->events, events, err, errlen))
        return -1;
    if (vcd && outfile_open(&l->vcd, vcd, err, errlen)) {
        outfile_close(&l->events, false);
        return -1;
    }
    if (l->events.f)
        fprintf(l->events.f,
                "# pic32mz-sim events, board %s: cycle, simulated seconds, name, "
                "state\n",
                b->name);
    if (l->vcd.f)
        vcd_header(l);
    bool tty = isatty(STDOUT_FILENO);
    l->line = b->nleds && (mode == LEDS_ON || (mode == LEDS_AUTO && tty));
    l->line_tty = l->line && tty;
    return 0;
}

void leds_start(struct leds *l)
{
    if (l->vcd.f)
        vcd_start(l);
    if (l->line_tty) {
        l->rows = terminal_rows();
        term_scroll_region(STDOUT_FILENO, l->rows);
        draw(l);
    }
}

int leds_close(struct leds *l, bool keep, uint64_t cycle)
{
    if (l->line_tty) {
        char out[64];
        int n = snprintf(out, sizeof(out), "\0337\033[%d;1H\033[2K\0338", l->rows);
        ssize_t w = write(STDOUT_FILENO, out, (size_t)n);
        (void)w;
        term_scroll_region(STDOUT_FILENO, 0);
        l->line_tty = false;
    }
    int rc = 0;
    if (l->vcd.f && l->vcd_started && cycle * CYCLE_NS > l->vcd_time)
        fprintf(l->vcd.f, "#%" PRIu64 "\n", cycle * CYCLE_NS); /* where the run ended */
    rc |= outfile_close(&l->events, keep);
    rc |= outfile_close(&l->vcd, keep);
    return rc;
}
