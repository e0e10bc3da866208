/*
 * Turns what the files say into what tvpconf works with: the guest's code and data extents
 * from its ELF (or map file), one rom and one ram request per VM (the last statement wins,
 * config-format.md), default GuestID and entry, and the board's required keys.
 */
#include "resolve.h"

#include <stdio.h>
#include <string.h>

#include "elf32.h"
#include "lexer.h"
#include "parse.h"
#include "soc/memmap.h"

#define PAGE 0x1000u

const char *image_path(struct config *cfg, const char *image_root, const char *name)
{
    if (!image_root || name[0] == '/')
        return name;
    size_t n = strlen(image_root) + strlen(name) + 2;
    char *p = arena_alloc(cfg->arena, n);
    snprintf(p, n, "%s/%s", image_root, name);
    return p;
}

static void grow(uint32_t *lo, uint32_t *hi, int *any, uint32_t a, uint32_t len)
{
    if (!*any || a < *lo)
        *lo = a;
    if (!*any || a + len > *hi)
        *hi = a + len;
    *any = 1;
}

static int push_extent(struct config *cfg, struct vm *vm, enum region_kind kind, uint32_t lo,
                       uint32_t hi, unsigned flags)
{
    struct region *r = vec_push(cfg->arena, &vm->mmap);
    r->kind = kind;
    r->gpa = lo & ~(PAGE - 1);
    uint64_t end = ((uint64_t)hi + PAGE - 1) & ~(uint64_t)(PAGE - 1);
    if (end > 0xffffffffull) {
        diag_error(&vm->image_loc, "image segment runs past the end of the address space");
        return -1;
    }
    r->size = (uint32_t)end - r->gpa;
    r->rpa = r->gpa;
    r->align = PAGE;
    r->flags = flags;
    r->seq = vm->image_seq;
    r->loc = vm->image_loc;
    return 0;
}

/*
 * Code extent: every read-only segment, plus the load address of initialised data that the
 * guest copies from flash. Data extent: every writable segment at its run address (bss
 * included). Both in guest physical addresses (KSEG0/KSEG1 stripped).
 */
static int elf_extents(struct config *cfg, struct vm *vm, const char *path)
{
    struct elf32_image img;
    char err[512];
    if (elf32_read(path, &img, err, sizeof(err))) {
        diag_error(&vm->image_loc, "%s", err);
        return -1;
    }
    uint32_t clo = 0, chi = 0, dlo = 0, dhi = 0;
    int cany = 0, dany = 0;
    unsigned dflags = RF_R | RF_W;
    for (size_t i = 0; i < img.n_segments; i++) {
        const struct elf32_segment *s = &img.segments[i];
        uint32_t va = kphys(s->vaddr), pa = kphys(s->paddr);
        if (s->memsz == 0)
            continue;
        if ((uint64_t)va + s->memsz > 0x100000000ull || (uint64_t)pa + s->filesz > 0x100000000ull) {
            diag_error(&vm->image_loc, "%s: segment %zu runs past 4 GB", path, i);
            elf32_free(&img);
            return -1;
        }
        if (s->flags & PF_W) {
            grow(&dlo, &dhi, &dany, va, s->memsz);
            if (s->flags & PF_X)
                dflags |= RF_X;
            if (s->filesz && pa != va)
                grow(&clo, &chi, &cany, pa, s->filesz);
        } else {
            grow(&clo, &chi, &cany, va, s->memsz);
        }
    }
    vm->image_entry = img.entry;
    vm->has_image_entry = 1;
    elf32_free(&img);
    if (cany && push_extent(cfg, vm, RK_ROM, clo, chi, RF_R | RF_X))
        return -1;
    if (dany && push_extent(cfg, vm, RK_RAM, dlo, dhi, dflags))
        return -1;
    return 0;
}

static int map_extents(struct config *cfg, struct vm *vm, const char *path)
{
    struct lexer lx;
    if (lex_open(&lx, cfg->arena, path))
        return -1;
    return parse_mapfile(cfg, vm, &lx, vm->image_seq) < 0 ? -1 : 0;
}

/* config-format.md: "A later rom/ram line in the same VM replaces an earlier one". */
static void keep_last_rom_ram(struct vm *vm)
{
    int last[2] = {-1, -1};
    for (size_t i = 0; i < vm->mmap.n; i++) {
        struct region *r = &vm->mmap.v[i];
        if (r->kind != RK_ROM && r->kind != RK_RAM)
            continue;
        int k = r->kind == RK_RAM;
        if (last[k] < 0 || r->seq >= vm->mmap.v[last[k]].seq)
            last[k] = (int)i;
    }
    size_t n = 0;
    for (size_t i = 0; i < vm->mmap.n; i++) {
        struct region *r = &vm->mmap.v[i];
        if ((r->kind == RK_ROM || r->kind == RK_RAM) && (int)i != last[r->kind == RK_RAM])
            continue;
        if ((r->kind == RK_ROM || r->kind == RK_RAM) && r->size == 0)
            continue; /* "ram = 0 0 rw 0x1000": allocate nothing */
        vm->mmap.v[n++] = *r;
    }
    vm->mmap.n = n;
}

static int resolve_board(struct config *cfg)
{
    struct board *b = &cfg->board;
    struct loc at = {b->file ? b->file : "(board)", 0};
    static const char *const need[] = {"rom", "ram", "vzcode", "vzdata"};
    const int have[] = {b->has_rom, b->has_ram, b->has_vzcode, b->has_vzdata};
    int bad = 0;
    for (int i = 0; i < 4; i++)
        if (!have[i]) {
            diag_error(&at, "board file has no '%s ='", need[i]);
            bad = 1;
        }
    if (bad)
        return -1;
    if (!b->max_page_size)
        b->max_page_size = 1u << 20; /* Microchip: 4 KB..1 MB pages (mips-vz.md) */
    if (!b->has_vzcodesize)
        b->vzcodesize = 0x10000;
    if (!b->has_vzentry)
        b->vzentry = b->vzcode;
    if (!b->has_vzstacktop)
        b->vzstacktop = KSEG0(RAM_PHYS + RAM_SIZE_MAX);
    if (!b->has_vzstacksize)
        b->vzstacksize = 0x1000;
    uint32_t data = kphys(b->vzdata), top = kphys(b->vzstacktop);
    if (top <= data || top - data < b->vzstacksize) {
        diag_error(&b->loc_vzdata, "tinyVP data 0x%x..0x%x has no room for a stack of 0x%x bytes",
                   b->vzdata, b->vzstacktop, b->vzstacksize);
        return -1;
    }
    if (top > RAM_PHYS + RAM_SIZE_MAX) {
        diag_error(&b->loc_vzdata, "tinyVP data ends at 0x%x, beyond the 512 KB of RAM", top);
        return -1;
    }
    uint32_t code = kphys(b->vzcode);
    if ((uint64_t)code + b->vzcodesize > 0x100000000ull) {
        diag_error(&b->loc_vzcode, "tinyVP code runs past 4 GB");
        return -1;
    }
    return 0;
}

int resolve_config(struct config *cfg, const char *image_root)
{
    if (resolve_board(cfg))
        return -1;
    for (size_t i = 0; i < cfg->vms.n; i++) {
        struct vm *vm = cfg->vms.v[i];
        int rc = 0;
        if (vm->elf)
            rc = elf_extents(cfg, vm, image_path(cfg, image_root, vm->elf));
        else if (vm->file)
            rc = map_extents(cfg, vm, image_path(cfg, image_root, vm->file));
        if (rc)
            return -1;
        keep_last_rom_ram(vm);
        if (vm->gid < 0)
            vm->gid = vm->id;
        if (!vm->has_entry) {
            /* config-format.md: default = ELF entry, else the reset vector */
            vm->entry = vm->has_image_entry ? vm->image_entry : RESET_VECTOR;
            vm->has_entry = 1;
        }
    }
    return 0;
}
