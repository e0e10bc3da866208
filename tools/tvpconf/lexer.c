/* Line lexer (see lexer.h). The file is read whole; lines are split in place. */
#include "lexer.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE (16u << 20) /* a configuration larger than 16 MB is a mistake */

int lex_open(struct lexer *lx, struct arena *a, const char *path)
{
    memset(lx, 0, sizeof(*lx));
    lx->arena = a;
    lx->file = arena_strdup(a, path);
    struct loc at = {lx->file, 0};
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_error(&at, "cannot open: %s", strerror(errno));
        return -1;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            fclose(f);
            diag_error(&at, "out of memory");
            return -1;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        if (cap >= MAX_FILE) {
            free(buf);
            fclose(f);
            diag_error(&at, "file larger than %u bytes", MAX_FILE);
            return -1;
        }
        char *nb = realloc(buf, cap * 2);
        if (!nb)
            free(buf);
        buf = nb;
        cap *= 2;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        diag_error(&at, "read error");
        return -1;
    }
    lx->buf = arena_strndup(a, buf, n);
    lx->len = n;
    free(buf);
    return 0;
}

void lex_open_text(struct lexer *lx, struct arena *a, const char *name, const char *text,
                   size_t len)
{
    memset(lx, 0, sizeof(*lx));
    lx->arena = a;
    lx->file = arena_strdup(a, name);
    lx->buf = arena_strndup(a, text, len);
    lx->len = len;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Splits s (NUL-terminated, modified) into words. Returns the count, or -1 when too many. */
static int split_words(char *s, const char **w)
{
    int n = 0;
    for (;;) {
        while (is_space(*s))
            s++;
        if (!*s)
            return n;
        if (n == LEX_MAX_WORDS)
            return -1;
        w[n++] = s;
        while (*s && !is_space(*s))
            s++;
        if (*s)
            *s++ = 0;
    }
}

static char *trim(char *s)
{
    while (is_space(*s))
        s++;
    size_t n = strlen(s);
    while (n && is_space(s[n - 1]))
        s[--n] = 0;
    return s;
}

static int valid_name(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_')
            return 0;
    return 1;
}

int lex_next(struct lexer *lx, struct line *out)
{
    if (lx->has_peeked) {
        *out = lx->peeked;
        lx->has_peeked = 0;
        return 1;
    }
    while (lx->pos < lx->len) {
        char *s = lx->buf + lx->pos;
        char *nl = memchr(s, '\n', lx->len - lx->pos);
        size_t linelen = nl ? (size_t)(nl - s) : lx->len - lx->pos;
        lx->pos += linelen + (nl ? 1 : 0);
        lx->line++;
        s[linelen] = 0;
        memset(out, 0, sizeof(*out));
        out->loc.file = lx->file;
        out->loc.line = lx->line;
        if (strlen(s) != linelen) {
            diag_error(&out->loc, "NUL byte in line");
            return -1;
        }
        char *hash = strchr(s, '#');
        if (hash)
            *hash = 0;
        s = trim(s);
        if (!*s)
            continue;
        if (strcmp(s, ".") == 0) {
            out->kind = LINE_END;
            return 1;
        }
        char *eq = strchr(s, '=');
        char *rhs = NULL;
        if (eq) {
            *eq = 0;
            rhs = eq + 1;
        }
        char *lhs = trim(s);
        if (*lhs == '.') {
            out->kind = LINE_BLOCK;
            lhs++;
            if (!valid_name(lhs)) {
                diag_error(&out->loc, "malformed block name '.%s'", lhs);
                return -1;
            }
            out->key = lhs;
            out->has_eq = eq != NULL;
        } else if (eq) {
            out->kind = LINE_KEY;
            if (!valid_name(lhs)) {
                diag_error(&out->loc, "malformed key '%s'", lhs);
                return -1;
            }
            out->key = lhs;
        } else {
            out->kind = LINE_WORDS;
            rhs = lhs;
        }
        if (rhs) {
            out->n = split_words(rhs, out->w);
            if (out->n < 0) {
                diag_error(&out->loc, "more than %d values on one line", LEX_MAX_WORDS);
                return -1;
            }
        }
        return 1;
    }
    return 0;
}

int parse_u32(const char *word, const struct loc *at, const char *what, uint32_t *out)
{
    const char *p = word;
    int base = 10;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        base = 16;
        p += 2;
    }
    if (!*p)
        goto bad;
    uint64_t v = 0;
    for (; *p; p++) {
        int d;
        if (*p >= '0' && *p <= '9')
            d = *p - '0';
        else if (base == 16 && *p >= 'a' && *p <= 'f')
            d = *p - 'a' + 10;
        else if (base == 16 && *p >= 'A' && *p <= 'F')
            d = *p - 'A' + 10;
        else
            goto bad;
        v = v * (uint64_t)base + (uint64_t)d;
        if (v > 0xffffffffu) {
            diag_error(at, "%s '%s' does not fit in 32 bits", what, word);
            return -1;
        }
    }
    *out = (uint32_t)v;
    return 0;
bad:
    diag_error(at, "malformed number '%s' for %s (decimal or 0x hexadecimal)", word, what);
    return -1;
}
