/*
 * Pieces shared by the system-configuration and device-library parsers: region lines,
 * list blocks, .device blocks, .mmap blocks (config-format.md).
 */
#include <stdio.h>
#include <string.h>

#include "parse.h"
#include "soc/syscfg.h"

void error_unclosed(const struct line *open)
{
    diag_error(&open->loc, "block '.%s' is not closed (a line holding only '.' is missing)",
               open->key);
}

int expect_words(const struct line *ln, int min, int max, const char *what)
{
    if (ln->n < min) {
        diag_error(&ln->loc, "%s: expected %s%d value%s, found %d", what,
                   max > min ? "at least " : "", min, min == 1 ? "" : "s", ln->n);
        return -1;
    }
    if (ln->n > max) {
        diag_error(&ln->loc, "%s: expected at most %d value%s, found %d", what, max,
                   max == 1 ? "" : "s", ln->n);
        return -1;
    }
    return 0;
}

int parse_bool(const struct line *ln, int *out)
{
    uint32_t v;
    if (expect_words(ln, 1, 1, ln->key) || parse_u32(ln->w[0], &ln->loc, ln->key, &v))
        return -1;
    if (v > 1) {
        diag_error(&ln->loc, "%s must be 0 or 1", ln->key);
        return -1;
    }
    *out = (int)v;
    return 0;
}

static const char *const kind_names[] = {
    [RK_REGS] = "regs", [RK_CODE] = "code", [RK_DATA] = "data", [RK_RODATA] = "rodata",
    [RK_ROM] = "rom",   [RK_RAM] = "ram",   [RK_DMA] = "dma",
};

/* config-format.md: when FLAGS has none of r, w, x, the kind's default access is added. */
static unsigned default_access(enum region_kind kind)
{
    switch (kind) {
    case RK_REGS: return RF_R | RF_W | RF_D;
    case RK_CODE:
    case RK_ROM: return RF_R | RF_X;
    case RK_RODATA: return RF_R;
    default: return RF_R | RF_W;
    }
}

/*
 * ADDRESS SIZE [FLAGS [PHYSADDR]] from ln->w[first..]; for rom/ram the fourth word is the
 * alignment of the allocated physical space instead (default 4 KB).
 */
int parse_region(const struct line *ln, int first, enum region_kind kind, struct region *r)
{
    const char *what = kind_names[kind];
    int n = ln->n - first;
    const char *const *w = ln->w + first;
    memset(r, 0, sizeof(*r));
    r->kind = kind;
    r->loc = ln->loc;
    if (n < 2 || n > 4) {
        diag_error(&ln->loc, "%s: a region is ADDRESS SIZE [FLAGS [%s]], found %d value%s", what,
                   (kind == RK_ROM || kind == RK_RAM) ? "ALIGNMENT" : "PHYSADDR", n,
                   n == 1 ? "" : "s");
        return -1;
    }
    uint32_t addr;
    if (parse_u32(w[0], &ln->loc, "address", &addr) || parse_u32(w[1], &ln->loc, "size", &r->size))
        return -1;
    r->gpa = kphys(addr);
    r->rpa = r->gpa;
    if (n >= 3 && parse_flags(w[2], &ln->loc, &r->flags))
        return -1;
    if (!(r->flags & (RF_R | RF_W | RF_X)))
        r->flags |= default_access(kind);
    r->align = 0x1000;
    if (n == 4) {
        uint32_t v;
        if (parse_u32(w[3], &ln->loc, (kind == RK_ROM || kind == RK_RAM) ? "alignment" : "address",
                      &v))
            return -1;
        if (kind == RK_ROM || kind == RK_RAM) {
            if (!is_pow2(v)) {
                diag_error(&ln->loc, "%s: alignment 0x%x is not a power of two", what, v);
                return -1;
            }
            r->align = v < 0x1000 ? 0x1000 : v;
        } else {
            r->rpa = kphys(v);
        }
    }
    if (r->size == 0 && kind != RK_ROM && kind != RK_RAM) {
        diag_error(&ln->loc, "%s: region size is 0", what);
        return -1;
    }
    if ((uint64_t)r->gpa + r->size > 0x100000000ull ||
        (uint64_t)r->rpa + r->size > 0x100000000ull) {
        diag_error(&ln->loc, "%s: region 0x%x + 0x%x runs past the end of the address space", what,
                   r->gpa, r->size);
        return -1;
    }
    if (kind == RK_REGS && (r->flags & RF_X)) {
        diag_error(&ln->loc, "regs: device registers cannot be executable ('x')");
        return -1;
    }
    return 0;
}

/* Lines of regions up to '.', after "regs =" (or code =, ... in .mmap) with no value. */
static int parse_region_list(struct lexer *lx, const struct line *open, enum region_kind kind,
                             struct arena *a, void *vecp, int seq)
{
    VEC(struct region) *vec = vecp;
    struct line ln;
    int rc;
    while ((rc = lex_next(lx, &ln)) > 0) {
        if (ln.kind == LINE_END)
            return 0;
        if (ln.kind != LINE_WORDS) {
            diag_error(&ln.loc,
                       "expected a region line (ADDRESS SIZE [FLAGS ...]) or '.' in "
                       "the '%s =' list",
                       open->key);
            return -1;
        }
        struct region *r = vec_push(a, vec);
        if (parse_region(&ln, 0, kind, r))
            return -1;
        r->seq = seq;
    }
    if (rc == 0)
        diag_error(&open->loc, "list '%s =' is not closed (a line holding only '.' is missing)",
                   open->key);
    return -1;
}

static int parse_pmd_key(const char *key)
{
    if (strncmp(key, "pmd", 3) == 0 && key[3] >= '1' && key[3] <= '7' && !key[4])
        return key[3] - '1';
    return -1;
}

/* CFGPG fields of DMA-capable initiators (pic32mz-ef.md §2.4); 0 is the CPU's own. */
static int valid_cfgpg_position(uint32_t p)
{
    static const uint32_t ok[] = {CFGPG_DMAPG_SHIFT,  CFGPG_USBPG_SHIFT,  CFGPG_CAN1PG_SHIFT,
                                  CFGPG_CAN2PG_SHIFT, CFGPG_ETHPG_SHIFT,  CFGPG_SQI1PG_SHIFT,
                                  CFGPG_FCPG_SHIFT,   CFGPG_CRYPTPG_SHIFT};
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
        if (ok[i] == p)
            return 1;
    return 0;
}

int parse_device_block(struct config *cfg, struct lexer *lx, const struct line *open,
                       struct device **out)
{
    struct arena *a = cfg->arena;
    struct device *d = arena_alloc(a, sizeof(*d));
    d->loc = open->loc;
    d->dma_set = -1;
    d->dma_cfgpg_position = -1;
    if (open->has_eq) {
        diag_error(&open->loc, "'.device' takes no value");
        return -1;
    }
    struct line ln;
    int rc;
    while ((rc = lex_next(lx, &ln)) > 0) {
        if (ln.kind == LINE_END) {
            if (!d->name) {
                diag_error(&open->loc, "device has no 'name ='");
                return -1;
            }
            /* config-format.md: share = 1 makes every register region shared */
            for (size_t i = 0; d->share && i < d->regs.n; i++)
                d->regs.v[i].flags |= RF_SHARED;
            for (size_t i = 0; i < d->regs.n; i++)
                d->regs.v[i].dev = d;
            *out = d;
            return 0;
        }
        if (ln.kind != LINE_KEY) {
            diag_error(&ln.loc,
                       ln.kind == LINE_BLOCK ? "unknown block '.%s' in .device"
                                             : "expected 'key = value' in .device%s",
                       ln.kind == LINE_BLOCK ? ln.key : "");
            return -1;
        }
        const char *k = ln.key;
        int pmd;
        if (strcmp(k, "name") == 0) {
            if (expect_words(&ln, 1, 1, k))
                return -1;
            if (d->name) {
                diag_error(&ln.loc, "device has two names");
                return -1;
            }
            if (strlen(ln.w[0]) > NAME_MAX_LEN) {
                diag_error(&ln.loc, "device name longer than %d characters", NAME_MAX_LEN);
                return -1;
            }
            d->name = arena_strdup(a, ln.w[0]);
        } else if (strcmp(k, "irq") == 0) {
            if (expect_words(&ln, 1, LEX_MAX_WORDS, k))
                return -1;
            for (int i = 0; i < ln.n; i++) {
                uint32_t v;
                if (parse_u32(ln.w[i], &ln.loc, "irq", &v))
                    return -1;
                *vec_push(a, &d->irqs) = v;
                *vec_push(a, &d->irq_locs) = ln.loc;
            }
        } else if (strcmp(k, "share") == 0) {
            if (parse_bool(&ln, &d->share))
                return -1;
        } else if (strcmp(k, "emulator") == 0) {
            if (expect_words(&ln, 1, 1, k))
                return -1;
            if (emulator_id(ln.w[0]) < 0) {
                diag_error(&ln.loc,
                           "tinyVP has no emulator '%s' (it has console, ic_emulator, "
                           "interrupt, gpio)",
                           ln.w[0]);
                return -1;
            }
            d->emulator = arena_strdup(a, ln.w[0]);
            d->emulator_loc = ln.loc;
        } else if (strcmp(k, "regs") == 0 || strcmp(k, "registers") == 0) {
            if (ln.n == 0) {
                if (parse_region_list(lx, &ln, RK_REGS, a, &d->regs, 0))
                    return -1;
            } else {
                struct region *r = vec_push(a, &d->regs);
                if (parse_region(&ln, 0, RK_REGS, r))
                    return -1;
            }
        } else if (strcmp(k, "dma-set") == 0) {
            uint32_t v;
            if (expect_words(&ln, 1, 1, k) || parse_u32(ln.w[0], &ln.loc, k, &v))
                return -1;
            if (v < 1 || v > 5) {
                diag_error(&ln.loc, "dma-set %u: peripheral sets are 1..5 (pic32mz-ef.md §8.3)", v);
                return -1;
            }
            d->dma_set = (int)v;
            d->dma_loc = ln.loc;
        } else if (strcmp(k, "dma-cfgpg-position") == 0) {
            uint32_t v;
            if (expect_words(&ln, 1, 1, k) || parse_u32(ln.w[0], &ln.loc, k, &v))
                return -1;
            if (!valid_cfgpg_position(v)) {
                diag_error(&ln.loc,
                           "dma-cfgpg-position %u is not the position of a DMA "
                           "initiator's field in CFGPG (4, 8, 12, 14, 16, 20, 22, 24)",
                           v);
                return -1;
            }
            d->dma_cfgpg_position = (int)v;
            d->dma_loc = ln.loc;
        } else if ((pmd = parse_pmd_key(k)) >= 0) {
            uint32_t v;
            if (expect_words(&ln, 1, 1, k) || parse_u32(ln.w[0], &ln.loc, k, &v))
                return -1;
            if (v > 31) {
                diag_error(&ln.loc, "%s: bit %u is not in a 32-bit register", k, v);
                return -1;
            }
            struct pmd_bit *p = vec_push(a, &d->pmd);
            p->reg = pmd;
            p->bit = (int)v;
            p->loc = ln.loc;
        } else {
            diag_error(&ln.loc, "unknown key '%s' in .device", k);
            return -1;
        }
    }
    if (rc == 0)
        error_unclosed(open);
    return -1;
}

/* .mmap block: code/data/rodata place a region, rom/ram ask for allocation. */
int parse_mmap_block(struct lexer *lx, struct arena *a, struct vm *vm, int seq)
{
    struct line open, ln;
    int rc = 0;
    /* the caller has consumed the ".mmap" line; remember it for the unclosed message */
    open.kind = LINE_BLOCK;
    open.key = "mmap";
    open.loc.file = lx->file;
    open.loc.line = lx->line;
    while ((rc = lex_next(lx, &ln)) > 0) {
        if (ln.kind == LINE_END)
            return 0;
        if (ln.kind != LINE_KEY) {
            if (ln.kind == LINE_BLOCK)
                diag_error(&ln.loc, "unknown block '.%s' in .mmap", ln.key);
            else
                diag_error(&ln.loc, "expected 'code|data|rodata|rom|ram = ...' in .mmap");
            return -1;
        }
        enum region_kind kind;
        if (strcmp(ln.key, "code") == 0)
            kind = RK_CODE;
        else if (strcmp(ln.key, "data") == 0)
            kind = RK_DATA;
        else if (strcmp(ln.key, "rodata") == 0)
            kind = RK_RODATA;
        else if (strcmp(ln.key, "rom") == 0)
            kind = RK_ROM;
        else if (strcmp(ln.key, "ram") == 0)
            kind = RK_RAM;
        else {
            diag_error(&ln.loc, "unknown key '%s' in .mmap", ln.key);
            return -1;
        }
        int s = seq >= 0 ? seq : ++vm->seq;
        if (ln.n == 0) {
            if (parse_region_list(lx, &ln, kind, a, &vm->mmap, s))
                return -1;
        } else {
            struct region *r = vec_push(a, &vm->mmap);
            if (parse_region(&ln, 0, kind, r))
                return -1;
            r->seq = s;
        }
    }
    if (rc == 0)
        error_unclosed(&open);
    return -1;
}
