/*
 * Line lexer for the three configuration files (config-format.md, "Lexical rules"):
 * one statement a line, '#' comments, "key = value ...", ".block [= value]", ".".
 */
#ifndef TVPCONF_LEXER_H
#define TVPCONF_LEXER_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"

#define LEX_MAX_WORDS 64 /* values on one line; more is an error */

enum line_kind {
    LINE_KEY,   /* key = [words...] */
    LINE_BLOCK, /* .name [= words...] */
    LINE_END,   /* . */
    LINE_WORDS, /* words... (inside a list block) */
};

struct line {
    enum line_kind kind;
    struct loc loc;
    const char *key; /* LINE_KEY: key, LINE_BLOCK: name without the dot */
    int has_eq;      /* LINE_BLOCK: "= ..." present */
    int n;           /* words after '=' (or on the line for LINE_WORDS) */
    const char *w[LEX_MAX_WORDS];
};

struct lexer {
    struct arena *arena;
    const char *file;
    char *buf;
    size_t len, pos;
    int line;
    struct line peeked;
    int has_peeked;
};

/* Loads PATH (or an in-memory text when text != NULL). Returns 0, or -1 after an error. */
int lex_open(struct lexer *lx, struct arena *a, const char *path);
void lex_open_text(struct lexer *lx, struct arena *a, const char *name, const char *text,
                   size_t len);

/* Next statement: 1, 0 at end of file, -1 after an error was reported. */
int lex_next(struct lexer *lx, struct line *out);

/* Numbers: decimal or 0x hexadecimal, 32 bits. 0, or -1 after an error at `at`. */
int parse_u32(const char *word, const struct loc *at, const char *what, uint32_t *out);

#endif
