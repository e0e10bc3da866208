/* The board file: KEY = VALUE lines (config-format.md, "Board file"). */
#include <string.h>

#include "parse.h"

static int one_u32(const struct line *ln, uint32_t *out, int *has)
{
    if (expect_words(ln, 1, 1, ln->key) || parse_u32(ln->w[0], &ln->loc, ln->key, out))
        return -1;
    *has = 1;
    return 0;
}

static int pool(const struct line *ln, uint32_t *start, uint32_t *end, int *has)
{
    if (expect_words(ln, 2, 2, "pool = START END") ||
        parse_u32(ln->w[0], &ln->loc, "start", start) || parse_u32(ln->w[1], &ln->loc, "end", end))
        return -1;
    *start = kphys(*start);
    *end = kphys(*end);
    if (*end <= *start) {
        diag_error(&ln->loc, "%s pool: end 0x%x is not above start 0x%x", ln->key, *end, *start);
        return -1;
    }
    *has = 1;
    return 0;
}

static const char *joined(struct arena *a, const struct line *ln)
{
    size_t n = 1;
    for (int i = 0; i < ln->n; i++)
        n += strlen(ln->w[i]) + 1;
    char *s = arena_alloc(a, n);
    for (int i = 0; i < ln->n; i++) {
        if (i)
            strcat(s, " ");
        strcat(s, ln->w[i]);
    }
    return s;
}

int parse_board(struct config *cfg, struct lexer *lx)
{
    struct board *b = &cfg->board;
    struct arena *a = cfg->arena;
    struct line ln;
    int rc, dummy;
    uint32_t v;
    b->file = lx->file;
    while ((rc = lex_next(lx, &ln)) > 0) {
        if (ln.kind != LINE_KEY) {
            diag_error(&ln.loc, "a board file holds only 'KEY = VALUE' lines");
            return -1;
        }
        const char *k = ln.key;
        int r = 0;
        if (strcmp(k, "PLATFORM") == 0) {
            r = expect_words(&ln, 1, 1, k);
            if (!r && strcmp(ln.w[0], "pic32mz2048efg100") != 0) {
                diag_error(&ln.loc, "unknown PLATFORM '%s' (tvpconf knows pic32mz2048efg100)",
                           ln.w[0]);
                r = -1;
            }
            if (!r)
                b->platform = arena_strdup(a, ln.w[0]);
        } else if (strcmp(k, "BOOT") == 0) {
            r = expect_words(&ln, 0, 1, k);
            b->boot = ln.n ? arena_strdup(a, ln.w[0]) : "";
        } else if (strcmp(k, "DEVCFG") == 0) {
            r = expect_words(&ln, 0, 1, k);
            b->devcfg = ln.n ? arena_strdup(a, ln.w[0]) : "";
        } else if (strcmp(k, "BOARDINIT") == 0) {
            b->boardinit = joined(a, &ln);
        } else if (strcmp(k, "DEVCFGADDR") == 0) {
            r = one_u32(&ln, &b->devcfgaddr, &b->has_devcfgaddr);
            if (!r && (b->devcfgaddr & 3)) {
                diag_error(&ln.loc, "DEVCFGADDR 0x%x is not word aligned", b->devcfgaddr);
                r = -1;
            }
        } else if (strcmp(k, "devcfg-words") == 0) {
            r = expect_words(&ln, 4, 4, "devcfg-words = DEVCFG3 DEVCFG2 DEVCFG1 DEVCFG0");
            for (int i = 0; !r && i < 4; i++)
                r = parse_u32(ln.w[i], &ln.loc, "configuration word", &b->devcfg_words[i]);
            b->has_devcfg_words = !r;
        } else if (strcmp(k, "rom") == 0) {
            r = pool(&ln, &b->rom_start, &b->rom_end, &b->has_rom);
            b->loc_rom = ln.loc;
        } else if (strcmp(k, "ram") == 0) {
            r = pool(&ln, &b->ram_start, &b->ram_end, &b->has_ram);
            b->loc_ram = ln.loc;
        } else if (strcmp(k, "eret_page") == 0) {
            r = one_u32(&ln, &b->eret_page, &b->has_eret_page);
        } else if (strcmp(k, "vzcode") == 0) {
            r = one_u32(&ln, &b->vzcode, &b->has_vzcode);
            b->loc_vzcode = ln.loc;
        } else if (strcmp(k, "vzcodesize") == 0) {
            r = one_u32(&ln, &b->vzcodesize, &b->has_vzcodesize);
        } else if (strcmp(k, "vzentry") == 0) {
            r = one_u32(&ln, &b->vzentry, &b->has_vzentry);
        } else if (strcmp(k, "vzdata") == 0) {
            r = one_u32(&ln, &b->vzdata, &b->has_vzdata);
            b->loc_vzdata = ln.loc;
        } else if (strcmp(k, "vzstacktop") == 0) {
            r = one_u32(&ln, &b->vzstacktop, &b->has_vzstacktop);
        } else if (strcmp(k, "vzstacksize") == 0) {
            r = one_u32(&ln, &b->vzstacksize, &b->has_vzstacksize);
            if (!r && !is_pow2(b->vzstacksize)) {
                diag_error(&ln.loc, "vzstacksize 0x%x is not a power of two", b->vzstacksize);
                r = -1;
            }
        } else if (strcmp(k, "max-page-size") == 0) {
            r = one_u32(&ln, &b->max_page_size, &dummy);
            if (!r && b->max_page_size != (1u << 20) && b->max_page_size != (256u << 20)) {
                diag_error(&ln.loc, "max-page-size must be 0x100000 (1 MB) or 0x10000000 "
                                    "(256 MB), see mips-vz.md");
                r = -1;
            }
        } else if (strcmp(k, "guestid-bits") == 0) {
            r = one_u32(&ln, &v, &b->has_guestid_bits);
            /* GuestCtl1.ID is an 8-bit field of which a core implements the low bits
             * (mips-vz.md §5.4) */
            if (!r && (v < 1 || v > 8)) {
                diag_error(&ln.loc, "guestid-bits %u out of range 1..8 (GuestCtl1.ID)", v);
                r = -1;
            }
            b->guestid_bits = v;
            b->loc_guestid_bits = ln.loc;
        } else if (strcmp(k, "pmd-registers-base") == 0) {
            r = expect_words(&ln, N_PMD, N_PMD, "pmd-registers-base (PMD1..PMD7)");
            for (int i = 0; !r && i < N_PMD; i++)
                r = parse_u32(ln.w[i], &ln.loc, "PMD word", &b->pmd[i]);
            b->has_pmd = !r;
            b->loc_pmd = ln.loc;
        } else {
            diag_error(&ln.loc, "unknown board key '%s'", k);
            return -1;
        }
        if (r)
            return -1;
    }
    return rc;
}
