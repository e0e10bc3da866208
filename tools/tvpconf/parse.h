/* Parsers of the three configuration files (config-format.md). */
#ifndef TVPCONF_PARSE_H
#define TVPCONF_PARSE_H

#include "lexer.h"
#include "model.h"

/* Each returns 0, or -1 after reporting the first error of the file. */
int parse_devlib(struct config *cfg, struct lexer *lx);
int parse_board(struct config *cfg, struct lexer *lx);
int parse_system(struct config *cfg, struct lexer *lx);

/* Body of a map file (what `file =` names, or what an ELF says): entry and .mmap. */
int parse_mapfile(struct config *cfg, struct vm *vm, struct lexer *lx, int seq);

/* Shared pieces (parse_common.c). */
int parse_device_block(struct config *cfg, struct lexer *lx, const struct line *open,
                       struct device **out);
int parse_region(const struct line *ln, int first, enum region_kind kind, struct region *r);
int parse_mmap_block(struct lexer *lx, struct arena *a, struct vm *vm, int seq);
int parse_bool(const struct line *ln, int *out);
int expect_words(const struct line *ln, int min, int max, const char *what);
void error_unclosed(const struct line *open);

/* The emulator names tinyVP has; -1 when unknown. */
int emulator_id(const char *name);

#endif
