/* ELF32 little-endian MIPS executable reader.  Field offsets are those of the gABI
 * (System V ABI, "Object Files": ELF header 52 bytes, program header 32 bytes, section
 * header 40 bytes, Elf32_Sym 16 bytes).  All arithmetic on file offsets is done in 64 bits
 * so that no sum can wrap, and every field is checked before it is used. */
#include "elf32.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ELF_MAX_FILE (256u * 1024 * 1024) /* far beyond any PIC32 image */

/* e_ident and header values (gABI). */
#define EI_CLASS      4
#define EI_DATA       5
#define EI_VERSION    6
#define ELFCLASS32    1
#define ELFDATA2LSB   1
#define EV_CURRENT    1
#define ET_EXEC       2
#define EM_MIPS       8
#define EHDR_SIZE     52
#define PHDR_SIZE     32
#define SHDR_SIZE     40
#define SYM_SIZE      16
#define PT_LOAD       1
#define SHT_SYMTAB    2
#define SHT_STRTAB    3
#define SHN_UNDEF     0
#define SHN_LORESERVE 0xff00
#define SHN_ABS       0xfff1
#define SHN_XINDEX    0xffff
#define STB_LOCAL     0
#define STO_MIPS_ISA  0xc0 /* st_other bits giving a function's ISA */
#define STO_MICROMIPS 0x80

struct ctx {
    const uint8_t *p;
    size_t size;
    const char *name;
    char *err;
    size_t errlen;
};

static int fail(struct ctx *c, uint64_t off, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(c->err, c->errlen, "%s: offset 0x%llx: %s", c->name, (unsigned long long)off, msg);
    return -1;
}

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Is [off, off+len) inside the file? */
static int in_file(const struct ctx *c, uint64_t off, uint64_t len)
{
    return off <= c->size && len <= c->size - off;
}

static int check_header(struct ctx *c, uint32_t *phoff, uint16_t *phnum)
{
    const uint8_t *p = c->p;
    if (c->size < EHDR_SIZE)
        return fail(c, c->size, "truncated ELF header (%zu bytes, need %d)", c->size, EHDR_SIZE);
    if (p[0] != 0x7f || p[1] != 'E' || p[2] != 'L' || p[3] != 'F')
        return fail(c, 0, "not an ELF file (bad magic)");
    if (p[EI_CLASS] != ELFCLASS32)
        return fail(c, EI_CLASS, "not a 32-bit ELF file (class %u)", p[EI_CLASS]);
    if (p[EI_DATA] != ELFDATA2LSB)
        return fail(c, EI_DATA, "not a little-endian ELF file (data encoding %u)", p[EI_DATA]);
    if (p[EI_VERSION] != EV_CURRENT)
        return fail(c, EI_VERSION, "unknown ELF version %u", p[EI_VERSION]);
    if (rd16(p + 16) != ET_EXEC)
        return fail(c, 16, "not an executable (e_type %u, want ET_EXEC)", rd16(p + 16));
    if (rd16(p + 18) != EM_MIPS)
        return fail(c, 18, "not a MIPS file (e_machine %u)", rd16(p + 18));
    *phoff = rd32(p + 28);
    *phnum = rd16(p + 44);
    if (*phnum == 0)
        return fail(c, 44, "no program headers");
    if (*phnum == 0xffff)
        return fail(c, 44, "extended program header numbering is not supported");
    if (rd16(p + 42) != PHDR_SIZE)
        return fail(c, 42, "program header size %u, want %d", rd16(p + 42), PHDR_SIZE);
    if (!in_file(c, *phoff, (uint64_t)*phnum * PHDR_SIZE))
        return fail(c, *phoff, "%u program headers run past the end of the file (%zu bytes)",
                    *phnum, c->size);
    return 0;
}

static int read_segments(struct ctx *c, uint32_t phoff, uint16_t phnum, struct elf32_image *out)
{
    size_t n = 0;
    for (unsigned i = 0; i < phnum; i++)
        if (rd32(c->p + phoff + (uint64_t)i * PHDR_SIZE) == PT_LOAD)
            n++;
    if (n == 0)
        return fail(c, phoff, "no loadable (PT_LOAD) segment");
    out->segments = calloc(n, sizeof *out->segments);
    if (!out->segments)
        return fail(c, phoff, "out of memory");
    for (unsigned i = 0; i < phnum; i++) {
        uint64_t ph = phoff + (uint64_t)i * PHDR_SIZE;
        const uint8_t *h = c->p + ph;
        if (rd32(h) != PT_LOAD)
            continue;
        struct elf32_segment *s = &out->segments[out->n_segments++];
        s->offset = rd32(h + 4);
        s->vaddr = rd32(h + 8);
        s->paddr = rd32(h + 12);
        s->filesz = rd32(h + 16);
        s->memsz = rd32(h + 20);
        s->flags = rd32(h + 24);
        s->align = rd32(h + 28);
        if (s->filesz > s->memsz)
            return fail(c, ph + 16, "segment %u: file size 0x%x exceeds memory size 0x%x", i,
                        s->filesz, s->memsz);
        /* a segment with no file bytes (bss only) may name any offset; it is never read */
        if (s->filesz && !in_file(c, s->offset, s->filesz))
            return fail(c, ph + 4, "segment %u: data 0x%x+0x%x runs past the end of the file", i,
                        s->offset, s->filesz);
        if ((uint64_t)s->vaddr + s->memsz > 0x100000000ull)
            return fail(c, ph + 8, "segment %u: 0x%x+0x%x wraps the 32-bit address space", i,
                        s->vaddr, s->memsz);
        if ((uint64_t)s->paddr + s->memsz > 0x100000000ull)
            return fail(c, ph + 12, "segment %u: physical 0x%x+0x%x wraps the address space", i,
                        s->paddr, s->memsz);
        s->data = s->filesz ? c->p + s->offset : c->p;
    }
    return 0;
}

/* Finds the symbol table (optional: a stripped image has none) and checks that the table and
 * its string table lie inside the file.  Symbol names are checked when they are looked at. */
static int read_symtab(struct ctx *c, struct elf32_image *out)
{
    const uint8_t *p = c->p;
    uint32_t shoff = rd32(p + 32);
    uint32_t shnum = rd16(p + 48);
    if (shoff == 0)
        return 0;
    if (rd16(p + 46) != SHDR_SIZE)
        return fail(c, 46, "section header size %u, want %d", rd16(p + 46), SHDR_SIZE);
    if (!in_file(c, shoff, SHDR_SIZE))
        return fail(c, 32, "section headers at 0x%x run past the end of the file", shoff);
    if (shnum == 0) /* gABI: the real count is in section 0's sh_size */
        shnum = rd32(p + shoff + 20);
    if (!in_file(c, shoff, (uint64_t)shnum * SHDR_SIZE))
        return fail(c, 32, "%u section headers at 0x%x run past the end of the file", shnum, shoff);
    for (uint32_t i = 0; i < shnum; i++) {
        uint64_t sh = shoff + (uint64_t)i * SHDR_SIZE;
        if (rd32(p + sh + 4) != SHT_SYMTAB)
            continue;
        uint32_t off = rd32(p + sh + 16), size = rd32(p + sh + 20);
        uint32_t link = rd32(p + sh + 24), entsize = rd32(p + sh + 36);
        if (entsize != SYM_SIZE)
            return fail(c, sh + 36, "symbol table entry size %u, want %d", entsize, SYM_SIZE);
        if (!in_file(c, off, size))
            return fail(c, sh + 16, "symbol table 0x%x+0x%x runs past the end of the file", off,
                        size);
        if (link == 0 || link >= shnum)
            return fail(c, sh + 24, "symbol table names string section %u of %u", link, shnum);
        uint64_t st = shoff + (uint64_t)link * SHDR_SIZE;
        if (rd32(p + st + 4) != SHT_STRTAB)
            return fail(c, st + 4, "section %u linked from the symbol table is not a string table",
                        link);
        uint32_t soff = rd32(p + st + 16), ssize = rd32(p + st + 20);
        if (!in_file(c, soff, ssize))
            return fail(c, st + 16, "string table 0x%x+0x%x runs past the end of the file", soff,
                        ssize);
        out->symtab_off = off;
        out->n_syms = size / SYM_SIZE;
        out->strtab_off = soff;
        out->strtab_size = ssize;
        return 0;
    }
    return 0;
}

int elf32_parse(const uint8_t *buf, size_t len, const char *name, struct elf32_image *out,
                char *err, size_t errlen)
{
    struct ctx c = {.p = buf, .size = len, .name = name, .err = err, .errlen = errlen};
    uint32_t phoff = 0;
    uint16_t phnum = 0;

    memset(out, 0, sizeof *out);
    if (len > ELF_MAX_FILE)
        return fail(&c, 0, "file too large (%zu bytes)", len);
    out->path = strdup(name);
    out->file = malloc(len ? len : 1);
    if (!out->path || !out->file) {
        elf32_free(out);
        return fail(&c, 0, "out of memory");
    }
    memcpy(out->file, buf, len);
    out->file_size = len;
    c.p = out->file; /* segment data points into our own copy */
    if (check_header(&c, &phoff, &phnum) || read_segments(&c, phoff, phnum, out) ||
        read_symtab(&c, out)) {
        elf32_free(out);
        return -1;
    }
    out->entry = rd32(c.p + 24);
    out->e_flags = rd32(c.p + 36);
    return 0;
}

int elf32_read(const char *path, struct elf32_image *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    size_t cap = 1 << 16, len = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (len < cap)
            break;
        if (cap >= ELF_MAX_FILE + 1)
            break; /* elf32_parse reports the size */
        uint8_t *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf || bad) {
        snprintf(err, errlen, "%s: %s", path, buf ? "read error" : "out of memory");
        free(buf);
        return -1;
    }
    int r = elf32_parse(buf, len, path, out, err, errlen);
    free(buf);
    return r;
}

void elf32_free(struct elf32_image *img)
{
    free(img->path);
    free(img->segments);
    free(img->file);
    memset(img, 0, sizeof *img);
}

/* The symbol table entry of NAME (global or weak preferred), or NULL. */
static const uint8_t *find_symbol(const struct elf32_image *img, const char *name)
{
    const uint8_t *local = NULL;
    size_t nlen = strlen(name);
    for (uint32_t i = 0; i < img->n_syms; i++) {
        const uint8_t *s = img->file + img->symtab_off + (size_t)i * SYM_SIZE;
        uint32_t st_name = rd32(s);
        uint16_t shndx = rd16(s + 14);
        if (shndx == SHN_UNDEF || st_name >= img->strtab_size)
            continue;
        if (shndx >= SHN_LORESERVE && shndx != SHN_ABS && shndx != SHN_XINDEX)
            continue; /* common symbols and the like have no address */
        const char *str = (const char *)img->file + img->strtab_off + st_name;
        if (nlen >= img->strtab_size - st_name || memcmp(str, name, nlen + 1) != 0)
            continue; /* also rejects names not terminated inside the string table */
        if ((s[12] >> 4) != STB_LOCAL)
            return s;
        if (!local)
            local = s;
    }
    return local;
}

int elf32_symbol(const struct elf32_image *img, const char *name, uint32_t *value)
{
    const uint8_t *s = find_symbol(img, name);
    if (!s)
        return -1;
    *value = rd32(s + 4);
    return 0;
}

int elf32_code_symbol(const struct elf32_image *img, const char *name, uint32_t *addr)
{
    const uint8_t *s = find_symbol(img, name);
    if (!s)
        return -1;
    *addr = rd32(s + 4);
    if ((s[13] & STO_MIPS_ISA) == STO_MICROMIPS)
        *addr |= 1;
    return 0;
}
