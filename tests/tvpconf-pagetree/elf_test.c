/* Tests of tools/tvpconf/elf32.c.
 *
 *   elf_test --dump FILE [SYMBOL...]   print entry, PT_LOAD segments and symbols (run.sh
 *                                      compares this with readelf and nm)
 *   elf_test --malformed FILE          truncations, random corruptions and hand-made bad
 *                                      headers of FILE; PASS/FAIL lines
 * Expected offsets come from the gABI ELF32 layout (header 52 bytes: e_type 16, e_machine 18,
 * e_phoff 28, e_shoff 32, e_phentsize 42, e_phnum 44, e_shentsize 46, e_shnum 48; program
 * header 32 bytes: p_offset +4, p_vaddr +8, p_filesz +16, p_memsz +20; section header 40
 * bytes: sh_type +4, sh_offset +16, sh_size +20, sh_link +24, sh_entsize +36). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/report.h"
#include "../../tools/tvpconf/elf32.h"

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static uint16_t get16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}
static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}
static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static int dump(const char *path, int nsyms, char **syms)
{
    struct elf32_image e;
    char err[400];
    if (elf32_read(path, &e, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    printf("entry 0x%08x\n", e.entry);
    for (size_t i = 0; i < e.n_segments; i++) {
        const struct elf32_segment *s = &e.segments[i];
        printf("load 0x%06x 0x%08x 0x%08x 0x%05x 0x%05x %c%c%c\n", s->offset, s->vaddr, s->paddr,
               s->filesz, s->memsz, (s->flags & PF_R) ? 'R' : ' ', (s->flags & PF_W) ? 'W' : ' ',
               (s->flags & PF_X) ? 'E' : ' ');
        if (s->filesz && memcmp(s->data, e.file + s->offset, s->filesz) != 0)
            printf("data of segment %zu does not match the file\n", i);
    }
    for (int i = 0; i < nsyms; i++) {
        uint32_t v;
        if (elf32_symbol(&e, syms[i], &v) == 0)
            printf("sym %s 0x%08x\n", syms[i], v);
        else
            printf("sym %s missing\n", syms[i]);
    }
    /* the entry symbol as a jump target must be e_entry (the linker sets the ISA bit) */
    uint32_t code;
    if (elf32_code_symbol(&e, "start", &code) == 0)
        printf("entry symbol %s\n", code == e.entry ? "matches e_entry" : "DIFFERS from e_entry");
    elf32_free(&e);
    return 0;
}

static uint8_t *load(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc(n > 0 ? (size_t)n : 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return b;
}

/* Parses BUF; on success checks that every segment's data lies inside the copy and that a
 * symbol lookup does not crash; on failure checks that the message names the file and an
 * offset.  Returns 1 = parsed, 0 = cleanly refused, -1 = bad message; *msg gets the error. */
static int try_parse(const uint8_t *buf, size_t len, char *msg, size_t msglen)
{
    struct elf32_image e;
    msg[0] = 0;
    if (elf32_parse(buf, len, "case.elf", &e, msg, msglen) != 0)
        return strncmp(msg, "case.elf: offset 0x", 19) == 0 ? 0 : -1;
    for (size_t i = 0; i < e.n_segments; i++) {
        const struct elf32_segment *s = &e.segments[i];
        if (s->data < e.file || s->data + s->filesz > e.file + e.file_size) {
            snprintf(msg, msglen, "segment %zu data outside the file", i);
            elf32_free(&e);
            return -1;
        }
        volatile uint8_t sum = 0;
        for (uint32_t k = 0; k < s->filesz; k++)
            sum += s->data[k];
    }
    uint32_t v;
    (void)elf32_symbol(&e, "start", &v);
    (void)elf32_code_symbol(&e, "thread_main", &v);
    (void)elf32_symbol(&e, "", &v);
    elf32_free(&e);
    return 1;
}

struct corruption {
    const char *name;
    unsigned off; /* relative to BASE */
    int base;     /* 0 file, 1 first program header, 2 symtab section header */
    int width;    /* 1, 2 or 4 */
    uint32_t value;
    const char *want; /* substring of the message, after "offset 0x<want_off>: " */
    int want_base;
    unsigned want_off;
};

static void malformed(const char *path)
{
    size_t len;
    uint8_t *orig = load(path, &len);
    char msg[400], name[80];
    if (!orig || len < 52) {
        report(0, "elf_malformed_load", "cannot read %s", path);
        return;
    }
    uint8_t *buf = malloc(len);

    /* 1. the intact file parses */
    report(try_parse(orig, len, msg, sizeof msg) == 1, "elf_intact", "%s", msg);

    /* 2. every truncation: the section headers end the file, so each must be refused */
    uint32_t shoff = get32(orig + 32);
    unsigned shnum = get16(orig + 48);
    int all_refused = 1, bad_msg = 0;
    size_t first_bad = 0;
    if ((uint64_t)shoff + shnum * 40ull == len) {
        for (size_t n = 0; n < len; n++) {
            int r = try_parse(orig, n, msg, sizeof msg);
            if (r != 0 && all_refused) {
                all_refused = 0;
                first_bad = n;
                bad_msg = r < 0;
            }
        }
        report(all_refused, "elf_every_truncation_refused", "length %zu: %s (%s)", first_bad,
               bad_msg ? "bad message" : "accepted", msg);
    } else {
        report(0, "elf_every_truncation_refused", "section headers do not end the file");
    }

    /* 3. hand-made corruptions, each with its message and offset */
    uint32_t phoff = get32(orig + 28);
    uint32_t sym_sh = 0;
    for (unsigned i = 0; i < shnum; i++)
        if (get32(orig + shoff + i * 40 + 4) == 2)
            sym_sh = shoff + i * 40;
    const struct corruption cs[] = {
        {"elf_bad_magic", 1, 0, 1, 'X', "bad magic", 0, 0},
        {"elf_class64", 4, 0, 1, 2, "32-bit", 0, 4},
        {"elf_big_endian", 5, 0, 1, 2, "little-endian", 0, 5},
        {"elf_bad_version", 6, 0, 1, 0, "version", 0, 6},
        {"elf_relocatable", 16, 0, 2, 1, "ET_EXEC", 0, 16},
        {"elf_not_mips", 18, 0, 2, 3, "MIPS", 0, 18},
        {"elf_phoff_past_end", 28, 0, 4, 0xFFFFFFF0u, "past the end", 0, 0xFFFFFFF0u},
        {"elf_no_phdrs", 44, 0, 2, 0, "no program headers", 0, 44},
        {"elf_phnum_huge", 44, 0, 2, 0xFFFE, "past the end", 0, 52},
        {"elf_phentsize", 42, 0, 2, 56, "program header size", 0, 42},
        {"elf_filesz_gt_memsz", 16, 1, 4, 0x7FFFFFFF, "exceeds memory size", 1, 16},
        {"elf_seg_offset_past_end", 4, 1, 4, 0xFFFFFF00u, "past the end", 1, 4},
        {"elf_seg_wraps", 8, 1, 4, 0xFFFFFFF0u, "wraps", 1, 8},
        {"elf_no_load", 0, 1, 4, 6, NULL, 0, 0}, /* PT_PHDR: second segment remains */
        {"elf_shoff_past_end", 32, 0, 4, 0x7FFFFFF0u, "section headers", 0, 32},
        {"elf_shentsize", 46, 0, 2, 64, "section header size", 0, 46},
        {"elf_symtab_entsize", 36, 2, 4, 24, "entry size", 2, 36},
        {"elf_symtab_past_end", 20, 2, 4, 0x10000000u, "past the end", 2, 16},
        {"elf_symtab_link_zero", 24, 2, 4, 0, "string section", 2, 24},
        {"elf_symtab_link_huge", 24, 2, 4, 999, "string section", 2, 24},
    };
    for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
        const struct corruption *c = &cs[i];
        uint32_t bases[3] = {0, phoff, sym_sh};
        if (c->base == 2 && !sym_sh) {
            report(0, c->name, "no symbol table in %s", path);
            continue;
        }
        memcpy(buf, orig, len);
        uint8_t *p = buf + bases[c->base] + c->off;
        if (c->width == 1)
            *p = (uint8_t)c->value;
        else if (c->width == 2)
            put16(p, (uint16_t)c->value);
        else
            put32(p, c->value);
        int r = try_parse(buf, len, msg, sizeof msg);
        if (!c->want) {
            report(r >= 0, c->name, "bad message: %s", msg);
            continue;
        }
        char off[40];
        snprintf(off, sizeof off, "offset 0x%x: ",
                 c->want_base == 0 && c->want_off == 0xFFFFFFF0u
                     ? c->want_off
                     : bases[c->want_base] + c->want_off);
        report(r == 0 && strstr(msg, off) && strstr(msg, c->want), c->name,
               "got \"%s\", want \"%s...%s\"", r == 1 ? "(accepted)" : msg, off, c->want);
    }

    /* a bss-only segment (no file bytes) may carry any offset: accepted, data never read */
    memcpy(buf, orig, len);
    put32(buf + phoff + 32 + 16, 0);          /* second program header: p_filesz = 0 */
    put32(buf + phoff + 32 + 4, 0xFFFFFF00u); /* p_offset far past the end */
    report(try_parse(buf, len, msg, sizeof msg) == 1, "elf_bss_only_segment_any_offset", "%s", msg);

    /* 4. symbol names that run off the string table: found nowhere, no crash */
    if (sym_sh) {
        memcpy(buf, orig, len);
        uint32_t link = get32(buf + sym_sh + 24);
        uint32_t str_sh = shoff + link * 40;
        uint32_t str_off = get32(buf + str_sh + 16), str_size = get32(buf + str_sh + 20);
        memset(buf + str_off, 'A', str_size); /* no terminator anywhere */
        uint32_t sym_off = get32(buf + sym_sh + 16), sym_size = get32(buf + sym_sh + 20);
        for (uint32_t k = 0; k + 16 <= sym_size; k += 16)
            put32(buf + sym_off + k, k % 32 ? str_size - 1 : 0xFFFFFFF0u);
        struct elf32_image e;
        uint32_t v;
        int ok = elf32_parse(buf, len, "case.elf", &e, msg, sizeof msg) == 0;
        if (ok) {
            ok = elf32_symbol(&e, "A", &v) == -1 && elf32_symbol(&e, "start", &v) == -1;
            elf32_free(&e);
        }
        report(ok, "elf_unterminated_names", "%s", msg);
    }

    /* 5. random corruption of the headers and tables: refused cleanly or parsed safely */
    uint64_t rng = 0x243F6A8885A308D3ull;
    unsigned parsed = 0, refused = 0, bad = 0;
    for (int round = 0; round < 20000; round++) {
        memcpy(buf, orig, len);
        int edits = 1 + round % 4;
        for (int k = 0; k < edits; k++) {
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            uint32_t x = (uint32_t)(rng >> 33);
            size_t at;
            switch (x % 4) {
            case 0: at = x / 4 % 52; break;                   /* ELF header */
            case 1: at = phoff + x / 4 % 96; break;           /* program headers */
            case 2: at = shoff + x / 4 % (shnum * 40); break; /* section headers */
            default: at = x / 4 % len; break;
            }
            if (at < len)
                buf[at] = (uint8_t)(x >> 8) ^ (uint8_t)(1u << (x % 8));
        }
        int r = try_parse(buf, len, msg, sizeof msg);
        if (r == 1)
            parsed++;
        else if (r == 0)
            refused++;
        else if (bad++ == 0)
            snprintf(name, sizeof name, "%.70s", msg);
    }
    report(bad == 0, "elf_random_corruptions", "%u bad results, first: %s", bad, name);
    printf("   (20000 corrupted files: %u parsed, %u refused)\n", parsed, refused);

    /* 6. a file that does not exist */
    struct elf32_image e;
    int r = elf32_read("/nonexistent/guest.elf", &e, msg, sizeof msg);
    report(r == -1 && strstr(msg, "/nonexistent/guest.elf"), "elf_missing_file", "%s", msg);
    free(buf);
    free(orig);
}

int main(int argc, char **argv)
{
    if (argc >= 3 && !strcmp(argv[1], "--dump"))
        return dump(argv[2], argc - 3, argv + 3);
    if (argc == 3 && !strcmp(argv[1], "--malformed")) {
        malformed(argv[2]);
        return test_failures != 0;
    }
    fprintf(stderr, "usage: %s --dump FILE [SYMBOL...] | --malformed FILE\n", argv[0]);
    return 2;
}
