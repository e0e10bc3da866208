/*
 * Turns what the files say into what tvpconf works with: the guest's code and data extents
 * from its ELF (or map file), one rom and one ram request per VM (the last statement wins,
 * config-format.md), default GuestID and entry, and the board's required keys.
 */
#include "resolve.h"

#include <stdio.h>
#include <stdlib.h>
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

/*
 * Code segments that lie close together share one extent: two pieces whose 4 KB-rounded
 * ranges are at most CODE_CLUSTER_GAP apart are merged (the gap is allocated too, so at
 * most 16 KB of flash is spent to save an extent). Pieces further apart - typically the
 * reset stub at 0x1FC00000 and the program in flash at 0x1D000000 - are extents of their own,
 * each allocated and mapped separately.
 */
#define CODE_CLUSTER_GAP 0x4000u

struct piece {
    uint32_t lo;  /* [lo, end), 4 KB-rounded */
    uint64_t end; /* may be 4 GB */
};

static int cmp_piece(const void *a, const void *b)
{
    const struct piece *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static int push_extent(struct config *cfg, struct vm *vm, enum region_kind kind, uint32_t lo,
                       uint64_t end, unsigned flags)
{
    if (end > 0xffffffffull) {
        diag_error(&vm->image_loc, "image segment runs past the end of the address space");
        return -1;
    }
    struct region *r = vec_push(cfg->arena, &vm->mmap);
    r->kind = kind;
    r->gpa = lo;
    r->size = (uint32_t)end - lo;
    r->rpa = r->gpa;
    r->align = PAGE;
    r->flags = flags;
    r->seq = vm->image_seq;
    r->from_elf = 1;
    r->loc = vm->image_loc;
    return 0;
}

static void add_piece(struct piece *v, size_t *n, uint32_t a, uint32_t len)
{
    uint64_t end = ((uint64_t)a + len + PAGE - 1) & ~(uint64_t)(PAGE - 1);
    v[*n].lo = a & ~(PAGE - 1);
    v[*n].end = end;
    (*n)++;
}

/* Sorts the pieces and merges those that overlap or lie within CODE_CLUSTER_GAP. */
static size_t cluster(struct piece *v, size_t n)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof(*v), cmp_piece);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && v[i].lo <= v[m - 1].end + CODE_CLUSTER_GAP) {
            if (v[i].end > v[m - 1].end)
                v[m - 1].end = v[i].end;
            continue;
        }
        v[m++] = v[i];
    }
    return m;
}

/*
 * Code extents: the read-only segments plus the load images of initialised data that the
 * guest copies from flash, clustered as above. Data extent: every writable segment at its
 * run address (bss included), one extent. All in guest physical addresses (KSEG0/KSEG1
 * stripped).
 */
static int elf_extents(struct config *cfg, struct vm *vm, const char *path)
{
    struct elf32_image img;
    char err[512];
    if (elf32_read(path, &img, err, sizeof(err))) {
        diag_error(&vm->image_loc, "%s", err);
        return -1;
    }
    struct piece *code = arena_alloc(cfg->arena, (img.n_segments + 1) * sizeof(*code));
    struct piece data = {0};
    size_t ncode = 0;
    int dany = 0;
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
            uint64_t end = (uint64_t)va + s->memsz;
            if (!dany || va < data.lo)
                data.lo = va;
            if (!dany || end > data.end)
                data.end = end;
            dany = 1;
            if (s->flags & PF_X)
                dflags |= RF_X;
            if (s->filesz && pa != va)
                add_piece(code, &ncode, pa, s->filesz);
        } else {
            add_piece(code, &ncode, va, s->memsz);
        }
    }
    vm->image_entry = img.entry;
    vm->has_image_entry = 1;
    elf32_free(&img);
    ncode = cluster(code, ncode);
    for (size_t i = 0; i < ncode; i++)
        if (push_extent(cfg, vm, RK_ROM, code[i].lo, code[i].end, RF_R | RF_X))
            return -1;
    if (dany && push_extent(cfg, vm, RK_RAM, data.lo & ~(PAGE - 1),
                            (data.end + PAGE - 1) & ~(uint64_t)(PAGE - 1), dflags))
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

/*
 * config-format.md: "A later rom/ram line in the same VM replaces an earlier one". The code
 * extents of one ELF count as one statement: they all stay, or a later rom replaces them all.
 */
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
        if (r->kind == RK_ROM || r->kind == RK_RAM) {
            const struct region *w = &vm->mmap.v[last[r->kind == RK_RAM]];
            int same_elf = r->from_elf && w->from_elf && r->seq == w->seq;
            if ((int)i != last[r->kind == RK_RAM] && !same_elf)
                continue;
            if (r->size == 0)
                continue; /* "ram = 0 0 rw 0x1000": allocate nothing */
        }
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
    /* The PIC32MZ-EF's M5150 implements a 3-bit GuestID (GuestIDs 1..7; the simulator's
     * guestid_bits, sim/cpu/cp0_reset.c). pic32mz2048ef* is the only platform tvpconf
     * knows, so that is the default. */
    if (!b->has_guestid_bits)
        b->guestid_bits = 3;
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
