/* Scripted sessions (script.h, docs/simulator.md "Scripts"). */
#include "script.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hexdigit.h"
#include "leds.h"

#define CYCLES_PER_US 200u /* 200 MHz SYSCLK, one instruction per cycle (architecture.md) */

/* ---- parsing ------------------------------------------------------------------------- */

struct token {
    bool quoted;
    char *word; /* NUL-terminated; for a quoted token, its bytes (may contain NUL) */
    size_t len;
};

#define MAX_TOKENS 8

struct parser {
    const char *file;
    unsigned line;
    char *err;
    size_t errlen;
};

static int perr(struct parser *p, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(p->err, p->errlen, "%s:%u: ", p->file, p->line);
    va_start(ap, fmt);
    if (n >= 0 && (size_t)n < p->errlen)
        vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

/* Splits one line (modified in place) into tokens.  Quoted strings take the escapes \xNN,
 * \n, \r, \t, \0, \\ and \"; '#' outside a string starts a comment. */
static int tokenize(struct parser *p, char *s, struct token *t, unsigned *nt)
{
    *nt = 0;
    for (;;) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s || *s == '#')
            return 0;
        if (*nt == MAX_TOKENS)
            return perr(p, "too many words");
        struct token *k = &t[(*nt)++];
        if (*s == '"') {
            char *w = ++s, *o = s;
            for (;;) {
                if (!*s)
                    return perr(p, "unterminated string (a '\"' is missing)");
                if (*s == '"')
                    break;
                if (*s != '\\') {
                    *o++ = *s++;
                    continue;
                }
                s++;
                switch (*s) {
                case 'n':
                    *o++ = '\n';
                    s++;
                    break;
                case 'r':
                    *o++ = '\r';
                    s++;
                    break;
                case 't':
                    *o++ = '\t';
                    s++;
                    break;
                case '0':
                    *o++ = '\0';
                    s++;
                    break;
                case '\\':
                    *o++ = '\\';
                    s++;
                    break;
                case '"':
                    *o++ = '"';
                    s++;
                    break;
                case 'x': {
                    int h = hex_digit(s[1]), l = h < 0 ? -1 : hex_digit(s[2]);
                    if (h < 0 || l < 0)
                        return perr(p, "\\x needs two hexadecimal digits");
                    *o++ = (char)(h * 16 + l);
                    s += 3;
                    break;
                }
                case 0: return perr(p, "unterminated string (a '\"' is missing)");
                default: return perr(p, "unknown escape '\\%c' (use \\xNN)", *s);
                }
            }
            k->quoted = true;
            k->word = w;
            k->len = (size_t)(o - w);
            s++;
            if (*s && *s != ' ' && *s != '\t' && *s != '#')
                return perr(p, "a space must follow a string");
        } else {
            k->quoted = false;
            k->word = s;
            while (*s && *s != ' ' && *s != '\t')
                s++;
            k->len = (size_t)(s - k->word);
            if (*s)
                *s++ = 0;
        }
    }
}

/* DURATION: a number of cycles, or a number with ns, us, ms or s (200 cycles per us), the
 * unit attached or as the next word; '_' may group digits. */
static int parse_duration(struct parser *p, const struct token *t, unsigned nt, unsigned *i,
                          uint64_t *out)
{
    if (*i >= nt || t[*i].quoted)
        return perr(p, "a duration is missing (cycles, or a number with ns/us/ms/s)");
    const char *s = t[*i].word;
    uint64_t v = 0;
    bool digits = false;
    for (; (*s >= '0' && *s <= '9') || (*s == '_' && digits); s++) {
        if (*s == '_')
            continue;
        if (v > (UINT64_MAX - 9) / 10)
            return perr(p, "duration '%s' is too large", t[*i].word);
        v = v * 10 + (uint64_t)(*s - '0');
        digits = true;
    }
    if (!digits)
        return perr(p, "'%s' is not a duration (cycles, or a number with ns/us/ms/s)", t[*i].word);
    (*i)++;
    /* The unit may also be a word of its own: "10 ms", "400 cycles". */
    if (!*s && *i < nt && !t[*i].quoted &&
        (!strcmp(t[*i].word, "cycles") || !strcmp(t[*i].word, "ns") || !strcmp(t[*i].word, "us") ||
         !strcmp(t[*i].word, "ms") || !strcmp(t[*i].word, "s")))
        s = t[(*i)++].word;
    uint64_t mul = 1, div = 1;
    if (!*s || !strcmp(s, "cycles"))
        mul = 1;
    else if (!strcmp(s, "ns"))
        div = 5; /* 5 ns per cycle; rounded up below */
    else if (!strcmp(s, "us"))
        mul = CYCLES_PER_US;
    else if (!strcmp(s, "ms"))
        mul = CYCLES_PER_US * 1000u;
    else if (!strcmp(s, "s"))
        mul = CYCLES_PER_US * 1000000u;
    else
        return perr(p, "'%s': unknown unit (ns, us, ms, s, or none for cycles)", s);
    if (v > UINT64_MAX / 4 / mul)
        return perr(p, "duration '%s' is too large", s);
    *out = (v * mul + div - 1) / div;
    return 0;
}

static int want_string(struct parser *p, const struct token *t, unsigned nt, unsigned i,
                       const char *cmd, struct script_cmd *c, bool empty_ok)
{
    if (i >= nt || !t[i].quoted)
        return perr(p, "%s needs a quoted string", cmd);
    if (!t[i].len && !empty_ok)
        return perr(p, "%s needs a non-empty string", cmd);
    c->text = malloc(t[i].len + 1);
    if (!c->text)
        return perr(p, "out of memory");
    memcpy(c->text, t[i].word, t[i].len);
    c->len = t[i].len;
    return 0;
}

static void list_names(const struct board *b, bool leds, char *buf, size_t n)
{
    size_t k = 0;
    unsigned cnt = leds ? b->nleds : b->nbuttons;
    buf[0] = 0;
    for (unsigned i = 0; i < cnt && k < n; i++)
        k += (size_t)snprintf(buf + k, n - k, "%s%s", i ? ", " : "",
                              leds ? b->leds[i].name : b->buttons[i].name);
}

static int parse_line(struct parser *p, const struct board *b, struct token *t, unsigned nt,
                      struct script_cmd *c)
{
    const char *cmd = t[0].word;
    unsigned i = 1;
    char names[128];
    if (t[0].quoted)
        return perr(p, "a line starts with a command, not a string");
    c->line = p->line;
    if (!strcmp(cmd, "expect")) {
        c->op = OP_EXPECT;
        if (want_string(p, t, nt, i++, cmd, c, false))
            return -1;
        c->cycles = SCRIPT_DEFAULT_WITHIN;
        if (i < nt) {
            if (t[i].quoted || strcmp(t[i].word, "within"))
                return perr(p, "expected 'within DURATION' after the string");
            i++;
            if (parse_duration(p, t, nt, &i, &c->cycles))
                return -1;
        }
    } else if (!strcmp(cmd, "expect-no")) {
        c->op = OP_EXPECT_NO;
        if (want_string(p, t, nt, i++, cmd, c, false))
            return -1;
        if (i >= nt || t[i].quoted || strcmp(t[i].word, "for"))
            return perr(p, "expect-no needs 'for DURATION' after the string");
        i++;
        if (parse_duration(p, t, nt, &i, &c->cycles))
            return -1;
    } else if (!strcmp(cmd, "send")) {
        c->op = OP_SEND;
        if (want_string(p, t, nt, i++, cmd, c, true))
            return -1;
    } else if (!strcmp(cmd, "run")) {
        c->op = OP_RUN;
        if (parse_duration(p, t, nt, &i, &c->cycles))
            return -1;
    } else if (!strcmp(cmd, "expect-led")) {
        c->op = OP_EXPECT_LED;
        if (i + 2 > nt || t[i].quoted || t[i + 1].quoted)
            return perr(p, "usage: expect-led NAME on|off");
        int led = leds_find_led(b, t[i].word);
        if (led < 0) {
            list_names(b, true, names, sizeof(names));
            return perr(p, "board %s has no LED '%s' (it has %s)", b->name, t[i].word, names);
        }
        c->index = (unsigned)led;
        if (!strcmp(t[i + 1].word, "on"))
            c->on = true;
        else if (strcmp(t[i + 1].word, "off"))
            return perr(p, "expect-led: '%s' is neither on nor off", t[i + 1].word);
        i += 2;
    } else if (!strcmp(cmd, "press") || !strcmp(cmd, "release")) {
        c->op = cmd[0] == 'p' ? OP_PRESS : OP_RELEASE;
        if (i >= nt || t[i].quoted)
            return perr(p, "usage: %s BUTTON", cmd);
        int btn = leds_find_button(b, t[i].word);
        if (btn < 0) {
            list_names(b, false, names, sizeof(names));
            return perr(p, "board %s has no button '%s' (it has %s)", b->name, t[i].word, names);
        }
        c->index = (unsigned)btn;
        i++;
    } else if (!strcmp(cmd, "exit")) {
        c->op = OP_EXIT;
    } else {
        return perr(p,
                    "unknown command '%s' (expect, expect-no, send, expect-led, run, press, "
                    "release, exit)",
                    cmd);
    }
    if (i < nt)
        return perr(p, "unexpected '%s' at the end of the line", t[i].word);
    return 0;
}

int script_load(struct script *s, const char *path, const struct board *b, char *err, size_t errlen)
{
    memset(s, 0, sizeof(*s));
    s->board = b;
    s->file = strdup(path);
    FILE *f = fopen(path, "r");
    if (!s->file || !f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        if (f)
            fclose(f);
        return -1;
    }
    struct parser p = {.file = path, .err = err, .errlen = errlen};
    char *line = NULL;
    size_t cap = 0, ncap = 0;
    ssize_t n;
    int rc = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        p.line++;
        if (memchr(line, 0, (size_t)n)) {
            rc = perr(&p, "a NUL byte in the script");
            break;
        }
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        struct token t[MAX_TOKENS];
        unsigned nt;
        if ((rc = tokenize(&p, line, t, &nt)))
            break;
        if (!nt)
            continue;
        if (s->ncmd == ncap) {
            ncap = ncap ? ncap * 2 : 32;
            struct script_cmd *c = realloc(s->cmd, ncap * sizeof(*c));
            if (!c) {
                rc = perr(&p, "out of memory");
                break;
            }
            s->cmd = c;
        }
        struct script_cmd *c = &s->cmd[s->ncmd];
        memset(c, 0, sizeof(*c));
        s->ncmd++;
        if ((rc = parse_line(&p, b, t, nt, c)))
            break;
    }
    if (!rc && ferror(f))
        rc = perr(&p, "read error: %s", strerror(errno));
    free(line);
    fclose(f);
    return rc;
}

void script_free(struct script *s)
{
    for (size_t i = 0; i < s->ncmd; i++)
        free(s->cmd[i].text);
    free(s->cmd);
    free(s->out);
    free(s->file);
    memset(s, 0, sizeof(*s));
}

/* ---- running --------------------------------------------------------------------------- */

/* Writes `n` bytes as a C-like string (for messages). */
static void put_escaped(FILE *f, const uint8_t *d, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        if (c == '\n')
            fputs("\\n", f);
        else if (c == '\r')
            fputs("\\r", f);
        else if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20 || c >= 0x7F)
            fprintf(f, "\\x%02x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static const char *op_name(enum script_op op)
{
    static const char *const names[] = {"expect", "expect-no", "send",    "expect-led",
                                        "run",    "press",     "release", "exit"};
    return names[op];
}

/* "pic32mz-sim: FILE:LINE: <command>: " */
static void fail_prefix(const struct script *s, const struct script_cmd *c)
{
    fprintf(stderr, "pic32mz-sim: %s:%u: %s", s->file, c->line, op_name(c->op));
    if (c->text && c->op != OP_SEND) {
        fputc(' ', stderr);
        put_escaped(stderr, c->text, c->len);
    }
    fputs(": ", stderr);
}

static void show_output(const struct script *s)
{
    size_t n = s->len > 240 ? 240 : s->len;
    fprintf(stderr,
            "pic32mz-sim: console output since the last match%s: ", n < s->len ? " (its end)" : "");
    put_escaped(stderr, s->out + s->len - n, n);
    fputc('\n', stderr);
}

static void consume(struct script *s, size_t upto)
{
    memmove(s->out, s->out + upto, s->len - upto);
    s->len -= upto;
}

static bool tail_is(const struct script *s, const struct script_cmd *c)
{
    return s->len >= c->len && !memcmp(s->out + s->len - c->len, c->text, c->len);
}

void script_output(void *ctx, uint8_t byte)
{
    struct script *s = ctx;
    if (s->len == s->cap) {
        /* Keep memory bounded: forget the oldest unmatched output past 1 MB. */
        if (s->cap >= (1u << 20)) {
            consume(s, s->len / 2);
        } else {
            size_t cap = s->cap ? s->cap * 2 : 4096;
            uint8_t *o = realloc(s->out, cap);
            if (!o) {
                fprintf(stderr, "pic32mz-sim: out of memory for script output\n");
                exit(2);
            }
            s->out = o;
            s->cap = cap;
        }
    }
    s->out[s->len++] = byte;
    if (s->pc >= s->ncmd || !s->started || s->decided)
        return;
    struct script_cmd *c = &s->cmd[s->pc];
    if ((c->op == OP_EXPECT || c->op == OP_EXPECT_NO) && tail_is(s, c)) {
        s->decided = true;
        if (c->op == OP_EXPECT)
            consume(s, s->len);
        s->env.stop(s->env.ctx);
    }
}

static const uint8_t *find(const uint8_t *hay, size_t n, const uint8_t *needle, size_t m)
{
    for (size_t i = 0; m <= n && i <= n - m; i++)
        if (hay[i] == needle[0] && !memcmp(hay + i, needle, m))
            return hay + i;
    return NULL;
}

static void next(struct script *s)
{
    s->pc++;
    s->started = false;
    s->decided = false;
}

enum script_state script_advance(struct script *s, uint64_t now, uint64_t *until)
{
    while (s->pc < s->ncmd) {
        struct script_cmd *c = &s->cmd[s->pc];
        if (!s->started) {
            s->started = true;
            s->decided = false;
            s->deadline = now + c->cycles;
            if (c->op == OP_EXPECT || c->op == OP_EXPECT_NO) {
                const uint8_t *hit = find(s->out, s->len, c->text, c->len);
                if (hit) {
                    s->decided = true;
                    if (c->op == OP_EXPECT)
                        consume(s, (size_t)(hit - s->out) + c->len);
                }
            }
        }
        switch (c->op) {
        case OP_SEND: s->env.send(s->env.ctx, c->text, c->len); break;
        case OP_EXPECT_LED: {
            bool on = s->env.led_on(s->env.ctx, c->index);
            if (on != c->on) {
                fail_prefix(s, c);
                fprintf(stderr, "%s is %s at cycle %" PRIu64 ", expected %s\n",
                        s->board->leds[c->index].name, on ? "on" : "off", now,
                        c->on ? "on" : "off");
                return SCRIPT_FAILED;
            }
            break;
        }
        case OP_PRESS:
        case OP_RELEASE: s->env.button(s->env.ctx, c->index, c->op == OP_PRESS); break;
        case OP_EXIT: s->pc = s->ncmd; return SCRIPT_PASSED;
        case OP_RUN:
            if (now < s->deadline) {
                *until = s->deadline;
                return SCRIPT_RUNNING;
            }
            break;
        case OP_EXPECT:
            if (s->decided)
                break;
            if (now >= s->deadline) {
                fail_prefix(s, c);
                fprintf(stderr, "not seen within %" PRIu64 " cycles (cycle %" PRIu64 ")\n",
                        c->cycles, now);
                show_output(s);
                return SCRIPT_FAILED;
            }
            *until = s->deadline;
            return SCRIPT_RUNNING;
        case OP_EXPECT_NO:
            if (s->decided) {
                fail_prefix(s, c);
                fprintf(stderr, "seen (cycle %" PRIu64 ")\n", now);
                show_output(s);
                return SCRIPT_FAILED;
            }
            if (now < s->deadline) {
                *until = s->deadline;
                return SCRIPT_RUNNING;
            }
            break;
        }
        next(s);
    }
    return SCRIPT_PASSED;
}

enum script_state script_program_ended(struct script *s, uint64_t now, const char *why)
{
    uint64_t until;
    /* What is decided already (a match, a violated expect-no, instant commands) counts. */
    if (s->pc < s->ncmd && s->started && s->decided) {
        enum script_state st = script_advance(s, now, &until);
        if (st != SCRIPT_RUNNING)
            return st;
    }
    if (s->pc >= s->ncmd || s->cmd[s->pc].op == OP_EXIT)
        return SCRIPT_PASSED;
    fail_prefix(s, &s->cmd[s->pc]);
    fprintf(stderr, "the program ended (%s) at cycle %" PRIu64 "\n", why, now);
    if (s->cmd[s->pc].op == OP_EXPECT)
        show_output(s);
    return SCRIPT_FAILED;
}
