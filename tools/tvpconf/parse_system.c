/* The system configuration: .vm and .thread blocks (config-format.md, "System configuration"). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "soc/gpio.h"

static int parse_irq_list(struct config *cfg, const struct line *ln, struct vm *vm)
{
    if (expect_words(ln, 1, LEX_MAX_WORDS, "irq"))
        return -1;
    for (int i = 0; i < ln->n; i++) {
        uint32_t v;
        if (parse_u32(ln->w[i], &ln->loc, "irq", &v))
            return -1;
        *vec_push(cfg->arena, &vm->irqs) = v;
        *vec_push(cfg->arena, &vm->irq_locs) = ln->loc;
    }
    return 0;
}

/* The emulated window over GPIO port k that `pins =` gives the VM: the port's register block,
 * shared with the other VMs that have pins there, served by tinyVP's gpio emulator. */
static void add_pin_window(struct config *cfg, const struct line *ln, struct vm *vm, unsigned k)
{
    struct arena *a = cfg->arena;
    struct device *d = arena_alloc(a, sizeof(*d));
    char name[16];
    snprintf(name, sizeof(name), "pins-port%c", "ABCDEFGHJK"[k]);
    d->name = arena_strdup(a, name);
    d->loc = ln->loc;
    d->share = 1;
    d->emulator = "gpio";
    d->emulator_loc = ln->loc;
    d->dma_set = -1;
    d->dma_cfgpg_position = -1;
    struct region *r = vec_push(a, &d->regs);
    r->kind = RK_REGS;
    r->gpa = r->rpa = GPIO_PORT_PHYS(k);
    r->size = GPIO_PORT_SIZE;
    r->flags = RF_R | RF_W | RF_EMULATED | RF_SHARED | RF_UNCACHED;
    r->loc = ln->loc;
    r->dev = d;
    *vec_push(a, &vm->devices) = d;
    *vec_push(a, &vm->device_locs) = ln->loc;
}

/* pins = RG6 RD4 (docs/tvpconf.md): pins of GPIO ports the VM shares with others. */
static int parse_pins(struct config *cfg, const struct line *ln, struct vm *vm)
{
    static const char ports[] = "ABCDEFGHJK";
    if (expect_words(ln, 1, LEX_MAX_WORDS, "pins"))
        return -1;
    for (int i = 0; i < ln->n; i++) {
        const char *w = ln->w[i];
        const char *port = (w[0] == 'R' && w[1]) ? strchr(ports, w[1]) : NULL;
        unsigned bit = 16;
        if (port && isdigit((unsigned char)w[2]) &&
            (!w[3] || (isdigit((unsigned char)w[3]) && !w[4])))
            bit = (unsigned)atoi(w + 2);
        if (!port || bit > 15) {
            diag_error(&ln->loc,
                       "pin '%s': expected R, a port letter A..K (no I) and a pin 0..15, as RG6",
                       w);
            return -1;
        }
        unsigned k = (unsigned)(port - ports);
        if (vm->pins[k] & (1u << bit)) {
            diag_error(&ln->loc, "pin %s named twice", w);
            return -1;
        }
        if (!vm->pins[k]) {
            vm->pins_loc[k] = ln->loc;
            add_pin_window(cfg, ln, vm, k);
        }
        vm->pins[k] |= 1u << bit;
    }
    return 0;
}

static int parse_setup_block(struct config *cfg, struct lexer *lx, const struct line *open,
                             struct vm *vm)
{
    uint32_t addr;
    if (!open->has_eq || open->n != 1) {
        diag_error(&open->loc, "'.setup' needs one address: '.setup = ADDRESS'");
        return -1;
    }
    if (parse_u32(open->w[0], &open->loc, "address", &addr))
        return -1;
    if (addr & 3) {
        diag_error(&open->loc, ".setup address 0x%x is not word aligned", addr);
        return -1;
    }
    addr = kphys(addr);
    struct line ln;
    int rc;
    while ((rc = lex_next(lx, &ln)) > 0) {
        if (ln.kind == LINE_END)
            return 0;
        if (ln.kind != LINE_WORDS) {
            diag_error(&ln.loc, "expected values or '.' in the .setup block");
            return -1;
        }
        for (int i = 0; i < ln.n; i++) {
            struct setup_word *s = vec_push(cfg->arena, &vm->setup);
            if (parse_u32(ln.w[i], &ln.loc, "setup value", &s->value))
                return -1;
            if (addr == 0) { /* wrapped past 0xfffffffc */
                diag_error(&ln.loc, ".setup runs past the end of the address space");
                return -1;
            }
            s->addr = addr;
            s->loc = ln.loc;
            addr += 4;
        }
    }
    if (rc == 0)
        error_unclosed(open);
    return -1;
}

static int parse_vm_block(struct config *cfg, struct lexer *lx, const struct line *open)
{
    struct arena *a = cfg->arena;
    struct vm *vm = arena_alloc(a, sizeof(*vm));
    vm->loc = open->loc;
    vm->id = -1;
    vm->gid = -1;
    if (open->has_eq) {
        diag_error(&open->loc, "'.vm' takes no value");
        return -1;
    }
    struct line ln;
    int rc;
    while ((rc = lex_next(lx, &ln)) > 0) {
        if (ln.kind == LINE_END) {
            if (vm->id < 0) {
                diag_error(&open->loc, "VM has no 'id ='");
                return -1;
            }
            *vec_push(a, &cfg->vms) = vm;
            return 0;
        }
        if (ln.kind == LINE_WORDS) {
            diag_error(&ln.loc, "expected 'key = value', a block or '.' in .vm");
            return -1;
        }
        if (ln.kind == LINE_BLOCK) {
            if (strcmp(ln.key, "mmap") == 0) {
                if (ln.has_eq) {
                    diag_error(&ln.loc, "'.mmap' takes no value");
                    return -1;
                }
                if (parse_mmap_block(lx, a, vm, -1))
                    return -1;
            } else if (strcmp(ln.key, "device") == 0) {
                struct device *d;
                if (parse_device_block(cfg, lx, &ln, &d))
                    return -1;
                *vec_push(a, &vm->devices) = d;
                *vec_push(a, &vm->device_locs) = ln.loc;
            } else if (strcmp(ln.key, "setup") == 0) {
                if (parse_setup_block(cfg, lx, &ln, vm))
                    return -1;
            } else {
                diag_error(&ln.loc, "unknown block '.%s' in .vm (.mmap, .device, .setup)", ln.key);
                return -1;
            }
            continue;
        }
        const char *k = ln.key;
        uint32_t v;
        if (strcmp(k, "id") == 0 || strcmp(k, "gid") == 0) {
            if (expect_words(&ln, 1, 1, k) || parse_u32(ln.w[0], &ln.loc, k, &v))
                return -1;
            if (k[0] == 'i') {
                if (vm->id >= 0) {
                    diag_error(&ln.loc, "VM has two ids");
                    return -1;
                }
                if (v < 1 || v > MAX_VMS) {
                    diag_error(&ln.loc, "VM id %u out of range 1..%d", v, MAX_VMS);
                    return -1;
                }
                vm->id = (int)v;
                vm->id_loc = ln.loc;
            } else {
                /* GuestCtl1.ID is 8 bits, 0 is the root's (mips-vz.md §5.4); the width
                 * the core implements is checked against the board in check_config */
                if (v < 1 || v > 255) {
                    diag_error(&ln.loc, "gid %u out of range 1..255", v);
                    return -1;
                }
                vm->gid = (int)v;
                vm->gid_loc = ln.loc;
            }
        } else if (strcmp(k, "elf") == 0 || strcmp(k, "file") == 0 || strcmp(k, "binary") == 0) {
            if (expect_words(&ln, 1, 1, k))
                return -1;
            if (vm->elf || vm->file || vm->binary) {
                diag_error(&ln.loc, "VM has two images (elf, file or binary given twice)");
                return -1;
            }
            const char *p = arena_strdup(a, ln.w[0]);
            if (k[0] == 'e')
                vm->elf = p;
            else if (k[0] == 'f')
                vm->file = p;
            else
                vm->binary = p;
            vm->image_loc = ln.loc;
            vm->image_seq = ++vm->seq;
        } else if (strcmp(k, "entry") == 0) {
            if (expect_words(&ln, 1, 1, k) || parse_u32(ln.w[0], &ln.loc, k, &vm->entry))
                return -1;
            vm->has_entry = 1;
        } else if (strcmp(k, "irqpolling") == 0) {
            if (parse_bool(&ln, &vm->irqpolling))
                return -1;
        } else if (strcmp(k, "irq") == 0) {
            if (parse_irq_list(cfg, &ln, vm))
                return -1;
        } else if (strcmp(k, "pins") == 0) {
            if (parse_pins(cfg, &ln, vm))
                return -1;
        } else if (strcmp(k, "dma") == 0) {
            if (vm->has_dma_zone) {
                diag_error(&ln.loc, "VM has two dma zones");
                return -1;
            }
            struct region *r = vec_push(a, &vm->mmap);
            if (parse_region(&ln, 0, RK_DMA, r))
                return -1;
            r->seq = ++vm->seq;
            vm->has_dma_zone = 1;
        } else if (strcmp(k, "device") == 0) {
            if (expect_words(&ln, 1, 1, k))
                return -1;
            const struct device *d = devlib_find(&cfg->lib, ln.w[0]);
            if (!d) {
                diag_error(&ln.loc, "device '%s' is not in the device library %s", ln.w[0],
                           cfg->lib.file ? cfg->lib.file : "(none given)");
                return -1;
            }
            *vec_push(a, &vm->devices) = d;
            *vec_push(a, &vm->device_locs) = ln.loc;
        } else if (strcmp(k, "setup") == 0) {
            struct setup_word *s = vec_push(a, &vm->setup);
            if (expect_words(&ln, 2, 2, "setup = ADDRESS VALUE") ||
                parse_u32(ln.w[0], &ln.loc, "address", &s->addr) ||
                parse_u32(ln.w[1], &ln.loc, "value", &s->value))
                return -1;
            if (s->addr & 3) {
                diag_error(&ln.loc, "setup address 0x%x is not word aligned", s->addr);
                return -1;
            }
            s->addr = kphys(s->addr);
            s->loc = ln.loc;
        } else {
            diag_error(&ln.loc, "unknown key '%s' in .vm", k);
            return -1;
        }
    }
    if (rc == 0)
        error_unclosed(open);
    return -1;
}

static int is_symbol(const char *s)
{
    if (!isalpha((unsigned char)*s) && *s != '_')
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return 0;
    return 1;
}

static int parse_thread_block(struct config *cfg, struct lexer *lx, const struct line *open)
{
    struct arena *a = cfg->arena;
    struct thread t = {.id = -1, .loc = open->loc};
    if (open->has_eq) {
        diag_error(&open->loc, "'.thread' takes no value");
        return -1;
    }
    struct line ln;
    int rc;
    while ((rc = lex_next(lx, &ln)) > 0) {
        if (ln.kind == LINE_END) {
            if (t.id < 0) {
                diag_error(&open->loc, "thread has no 'id ='");
                return -1;
            }
            if (!t.has_entry) {
                diag_error(&open->loc, "thread has no 'entry ='");
                return -1;
            }
            *vec_push(a, &cfg->threads) = t;
            return 0;
        }
        if (ln.kind != LINE_KEY) {
            if (ln.kind == LINE_BLOCK)
                diag_error(&ln.loc, "unknown block '.%s' in .thread", ln.key);
            else
                diag_error(&ln.loc, "expected 'key = value' or '.' in .thread");
            return -1;
        }
        const char *k = ln.key;
        uint32_t v;
        if (strcmp(k, "id") == 0) {
            if (expect_words(&ln, 1, 1, k) || parse_u32(ln.w[0], &ln.loc, k, &v))
                return -1;
            if (v > 255) {
                diag_error(&ln.loc, "thread id %u out of range 0..255", v);
                return -1;
            }
            t.id = (int)v;
        } else if (strcmp(k, "entry") == 0) {
            if (expect_words(&ln, 1, 1, k))
                return -1;
            if (isdigit((unsigned char)ln.w[0][0])) {
                if (parse_u32(ln.w[0], &ln.loc, k, &t.entry_addr))
                    return -1;
            } else if (is_symbol(ln.w[0]) && strlen(ln.w[0]) <= NAME_MAX_LEN) {
                t.entry_sym = arena_strdup(a, ln.w[0]);
            } else {
                diag_error(&ln.loc, "thread entry '%s' is neither an address nor a C symbol",
                           ln.w[0]);
                return -1;
            }
            t.has_entry = 1;
        } else if (strcmp(k, "srs") == 0) {
            if (expect_words(&ln, 1, 1, k) || parse_u32(ln.w[0], &ln.loc, k, &v))
                return -1;
            if (v > 7) {
                diag_error(&ln.loc, "srs %u: shadow register sets are 0..7", v);
                return -1;
            }
            t.srs = (int)v;
        } else if (strcmp(k, "mode") == 0) {
            if (expect_words(&ln, 1, 1, k))
                return -1;
            if (strcmp(ln.w[0], "kernel") == 0)
                t.mode = THREAD_KERNEL;
            else if (strcmp(ln.w[0], "user") == 0)
                t.mode = THREAD_USER;
            else {
                diag_error(&ln.loc, "mode must be 'kernel' or 'user', not '%s'", ln.w[0]);
                return -1;
            }
        } else if (strcmp(k, "sp") == 0) {
            uint32_t *dst[3] = {&t.sp_size, &t.sp_addr, &t.sp_init};
            static const char *const what[3] = {"stack size", "stack address", "initial sp"};
            if (expect_words(&ln, 1, 3, "sp = SIZE [ADDRESS [INITIAL_SP]]"))
                return -1;
            for (int i = 0; i < ln.n; i++)
                if (parse_u32(ln.w[i], &ln.loc, what[i], dst[i]))
                    return -1;
            t.sp_words = ln.n;
            t.sp_loc = ln.loc;
        } else {
            diag_error(&ln.loc, "unknown key '%s' in .thread", k);
            return -1;
        }
    }
    if (rc == 0)
        error_unclosed(open);
    return -1;
}

int parse_system(struct config *cfg, struct lexer *lx)
{
    struct line ln;
    int rc;
    cfg->file = lx->file;
    while ((rc = lex_next(lx, &ln)) > 0) {
        if (ln.kind == LINE_BLOCK && strcmp(ln.key, "vm") == 0) {
            if (parse_vm_block(cfg, lx, &ln))
                return -1;
        } else if (ln.kind == LINE_BLOCK && strcmp(ln.key, "thread") == 0) {
            if (parse_thread_block(cfg, lx, &ln))
                return -1;
        } else if (ln.kind == LINE_BLOCK) {
            diag_error(&ln.loc, "unknown block '.%s' (expected .vm or .thread)", ln.key);
            return -1;
        } else if (ln.kind == LINE_END) {
            diag_error(&ln.loc, "'.' closes no block");
            return -1;
        } else if (ln.kind == LINE_KEY) {
            diag_error(&ln.loc, "key '%s' outside a block (expected .vm or .thread)", ln.key);
            return -1;
        } else {
            diag_error(&ln.loc, "unexpected values outside a block");
            return -1;
        }
    }
    return rc;
}

int parse_mapfile(struct config *cfg, struct vm *vm, struct lexer *lx, int seq)
{
    struct line ln;
    int rc;
    while ((rc = lex_next(lx, &ln)) > 0) {
        if (ln.kind == LINE_KEY && strcmp(ln.key, "entry") == 0) {
            if (expect_words(&ln, 1, 1, "entry") ||
                parse_u32(ln.w[0], &ln.loc, "entry", &vm->image_entry))
                return -1;
            vm->has_image_entry = 1;
        } else if (ln.kind == LINE_BLOCK && strcmp(ln.key, "mmap") == 0 && !ln.has_eq) {
            if (parse_mmap_block(lx, cfg->arena, vm, seq))
                return -1;
        } else {
            diag_error(&ln.loc, "a map file holds only 'entry =' and '.mmap' blocks");
            return -1;
        }
    }
    return rc;
}

int parse_devlib(struct config *cfg, struct lexer *lx)
{
    struct line ln;
    int rc;
    cfg->lib.file = lx->file;
    while ((rc = lex_next(lx, &ln)) > 0) {
        if (ln.kind != LINE_BLOCK || strcmp(ln.key, "device") != 0) {
            diag_error(&ln.loc, "a device library holds only .device blocks");
            return -1;
        }
        struct device *d;
        if (parse_device_block(cfg, lx, &ln, &d))
            return -1;
        const struct device *old = devlib_find(&cfg->lib, d->name);
        if (old) {
            diag_error(&d->loc, "device '%s' is defined twice", d->name);
            diag_note(&old->loc, "first definition of '%s'", d->name);
            return -1;
        }
        *vec_push(cfg->arena, &cfg->lib.devices) = d;
    }
    return rc;
}
