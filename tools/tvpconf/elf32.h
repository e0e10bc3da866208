/* Reading little-endian ELF32 MIPS executables (guest images and the hypervisor image).
 *
 * Everything in the file is bounds-checked; a malformed or truncated file gives an error
 * naming the file and the byte offset of the bad field, never a crash.  Layouts and
 * constants are those of the System V ABI ELF specification (gABI, "Object Files"), with
 * the MIPS values of the MIPS psABI (EM_MIPS = 8). */
#ifndef TVPCONF_ELF32_H
#define TVPCONF_ELF32_H

#include <stddef.h>
#include <stdint.h>

/* Segment permission bits (p_flags), values as in the gABI and <elf.h>. */
#ifndef PF_X
#define PF_X 0x1
#define PF_W 0x2
#define PF_R 0x4
#endif

/* One PT_LOAD segment.  data points into the image's copy of the file and holds filesz
 * bytes; the memsz - filesz bytes after them are zero (bss). */
struct elf32_segment {
    uint32_t vaddr;
    uint32_t paddr;
    uint32_t filesz;
    uint32_t memsz;
    uint32_t flags;  /* PF_R | PF_W | PF_X */
    uint32_t offset; /* file offset of the data */
    uint32_t align;
    const uint8_t *data;
};

struct elf32_image {
    char *path; /* the name used in messages */
    uint32_t entry;
    uint32_t e_flags; /* EF_MIPS_* (ISA level, microMIPS, ...) */
    struct elf32_segment *segments;
    size_t n_segments;
    /* The file itself, and where its symbol table lives in it (none: n_syms == 0). */
    uint8_t *file;
    size_t file_size;
    uint32_t symtab_off, n_syms;
    uint32_t strtab_off, strtab_size;
};

/* Reads PATH.  Returns 0 on success; -1 with a message in ERR (and OUT empty, nothing to
 * free) on failure. */
int elf32_read(const char *path, struct elf32_image *out, char *err, size_t errlen);

/* The same, from LEN bytes in memory (copied); NAME is used in messages. */
int elf32_parse(const uint8_t *buf, size_t len, const char *name, struct elf32_image *out,
                char *err, size_t errlen);

void elf32_free(struct elf32_image *img);

/* Looks up a defined symbol by name; a global or weak definition wins over a local one.
 * Returns 0 and sets *VALUE to st_value (as nm prints it) when found, -1 when not (or when
 * the file has no symbols). */
int elf32_symbol(const struct elf32_image *img, const char *name, uint32_t *value);

/* The same, as an address to jump to: for a microMIPS function (st_other ISA bits =
 * STO_MICROMIPS, MIPS psABI / binutils include/elf/mips.h) the ISA bit 0 is set, as in
 * e_entry.  Use this for thread entry points. */
int elf32_code_symbol(const struct elf32_image *img, const char *name, uint32_t *addr);

#endif
