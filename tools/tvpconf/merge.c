/*
 * Builds the image: tinyVP's loadable segments where its ELF puts them, each guest's
 * segments relocated from their guest address to the physical flash tvpconf allocated, and
 * the device configuration words of the board (pic32mz-ef.md §10.1). Prints what lies where.
 */
#include "merge.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "elf32.h"
#include "image.h"
#include "resolve.h"
#include "soc/memmap.h"

#define CFGWORDS_SPAN 0x40u /* DEVCFG3..0, DEVCP, DEVSIGN, SEQ (pic32mz-ef.md §10.1) */

static int add(struct image *img, uint32_t pa, const uint8_t *d, uint32_t n, const char *label,
               const struct loc *at)
{
    char err[512];
    if (image_add_labeled(img, pa, d, n, label, err, sizeof(err))) {
        diag_error(at, "%s", err);
        return -1;
    }
    return 0;
}

static int add_hv(struct config *cfg, struct image *img, const char *path)
{
    const struct board *b = &cfg->board;
    struct loc at = {path, 0};
    struct elf32_image e;
    char err[512];
    if (elf32_read(path, &e, err, sizeof(err))) {
        diag_error(&at, "%s", err);
        return -1;
    }
    int bad = 0;
    uint32_t code = kphys(b->vzcode);
    uint32_t cfgw = b->has_devcfgaddr ? kphys(b->devcfgaddr) : 0;
    for (size_t i = 0; i < e.n_segments && !bad; i++) {
        const struct elf32_segment *s = &e.segments[i];
        if (!s->filesz)
            continue;
        uint32_t pa = kphys(s->paddr);
        uint64_t end = (uint64_t)pa + s->filesz;
        int in_code = pa >= code && end <= (uint64_t)code + b->vzcodesize;
        int in_cfg = cfgw && pa >= cfgw && end <= (uint64_t)cfgw + CFGWORDS_SPAN;
        if (!in_code && !in_cfg) {
            diag_error(&at,
                       "segment %zu (0x%08x..0x%08x) lies outside tinyVP's code 0x%08x..0x%08x "
                       "(board vzcode/vzcodesize)%s",
                       i, pa, (uint32_t)(end - 1), code, code + b->vzcodesize - 1,
                       pa < RAM_SIZE_MAX ? "; initialised data needs a load address in flash" : "");
            bad = 1;
            break;
        }
        char label[64];
        snprintf(label, sizeof(label), "tinyVP segment %zu", i);
        bad = add(img, pa, s->data, s->filesz, label, &at) != 0;
    }
    elf32_free(&e);
    return bad ? -1 : 0;
}

/* Where a guest's load address G ends up: the region holding it, relocated. */
static const struct region *find_region(const struct vm *vm, uint32_t g, uint32_t n)
{
    for (size_t i = 0; i < vm->mmap.n; i++) {
        const struct region *r = &vm->mmap.v[i];
        if (g >= r->gpa && (uint64_t)g + n <= (uint64_t)r->gpa + r->size)
            return r;
    }
    return NULL;
}

static int add_guest(struct config *cfg, struct image *img, const struct vm *vm,
                     const char *image_root)
{
    const char *path = image_path(cfg, image_root, vm->elf);
    struct elf32_image e;
    char err[512];
    if (elf32_read(path, &e, err, sizeof(err))) {
        diag_error(&vm->image_loc, "%s", err);
        return -1;
    }
    int bad = 0;
    for (size_t i = 0; i < e.n_segments && !bad; i++) {
        const struct elf32_segment *s = &e.segments[i];
        if (!s->filesz)
            continue;
        uint32_t g = kphys(s->paddr);
        const struct region *r = find_region(vm, g, s->filesz);
        if (!r || r->kind == RK_RAM || r->kind == RK_DATA || r->kind == RK_DMA ||
            r->kind == RK_REGS) {
            diag_error(&vm->image_loc,
                       "%s: segment %zu loads at guest address 0x%08x, which is "
                       "not in the VM's flash (rom/code/rodata)",
                       path, i, g);
            bad = 1;
            break;
        }
        char label[96];
        snprintf(label, sizeof(label), "vm%d segment %zu (guest 0x%08x)", vm->id, i, g);
        bad = add(img, r->rpa + (g - r->gpa), s->data, s->filesz, label, &vm->image_loc) != 0;
    }
    elf32_free(&e);
    return bad ? -1 : 0;
}

static int add_config_words(struct config *cfg, struct image *img)
{
    const struct board *b = &cfg->board;
    struct loc at = {b->file, 0};
    if (!b->has_devcfg_words)
        return 0;
    if (!b->has_devcfgaddr || b->devcfgaddr == 0) {
        diag_error(&at, "devcfg-words given but DEVCFGADDR is not");
        return -1;
    }
    uint8_t bytes[16];
    for (int i = 0; i < 4; i++) /* DEVCFG3 first, little-endian words */
        for (int k = 0; k < 4; k++)
            bytes[4 * i + k] = (uint8_t)(b->devcfg_words[i] >> (8 * k));
    return add(img, kphys(b->devcfgaddr), bytes, sizeof(bytes), "configuration words DEVCFG3..0",
               &at);
}

static void print_map(const struct config *cfg, const struct image *img)
{
    printf("image:\n");
    uint32_t total = 0;
    for (size_t i = 0; i < img->n; i++) {
        const struct image_chunk *c = &img->chunks[i];
        printf("  0x%08x..0x%08x  %7u bytes  %s\n", c->paddr, c->paddr + c->len - 1, c->len,
               c->label ? c->label : "");
        total += c->len;
    }
    const struct board *b = &cfg->board;
    uint32_t hv_used = 0, code = kphys(b->vzcode);
    for (size_t i = 0; i < img->n; i++)
        if (img->chunks[i].paddr >= code && img->chunks[i].paddr < code + b->vzcodesize)
            hv_used += img->chunks[i].len;
    struct pool_usage rom, ram;
    alloc_usage(cfg, &rom, &ram);
    printf("  %u bytes in all\n", total);
    printf("tinyVP code 0x%08x..0x%08x: %u bytes used, %u free\n", code, code + b->vzcodesize - 1,
           hv_used, b->vzcodesize - hv_used);
    printf("guest flash pool 0x%08x..0x%08x: %u bytes allocated, %u free\n", rom.start, rom.end - 1,
           rom.used, rom.end - rom.start - rom.used);
    printf("guest RAM pool 0x%08x..0x%08x: %u bytes allocated, %u free\n", ram.start, ram.end - 1,
           ram.used, ram.end - ram.start - ram.used);
}

int merge_image(struct config *cfg, const struct merge_args *a)
{
    struct image img;
    image_init(&img);
    int bad = add_hv(cfg, &img, a->hv_elf) != 0;
    for (size_t i = 0; i < cfg->vms.n && !bad; i++) {
        const struct vm *vm = cfg->vms.v[i];
        if (vm->elf)
            bad = add_guest(cfg, &img, vm, a->image_root) != 0;
        else if (vm->file || vm->binary) {
            diag_error(&vm->image_loc, "VM %d has no ELF; merge needs 'elf =' to place the guest",
                       vm->id);
            bad = 1;
        }
    }
    if (!bad)
        bad = add_config_words(cfg, &img) != 0;
    char err[512];
    uint32_t entry = cfg->board.vzentry;
    if (!bad && a->srec && image_write_srec(&img, a->srec, entry, err, sizeof(err))) {
        diag_raw(err);
        bad = 1;
    }
    if (!bad && a->hex && image_write_ihex(&img, a->hex, entry, err, sizeof(err))) {
        diag_raw(err);
        if (a->srec)
            unlink(a->srec); /* both or neither */
        bad = 1;
    }
    if (!bad && !a->quiet)
        print_map(cfg, &img);
    image_free(&img);
    return bad ? -1 : 0;
}
