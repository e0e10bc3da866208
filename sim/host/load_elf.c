/* ELF32 little-endian MIPS executable loader (System V gABI, "ELF header" and "Program
 * header" chapters; MIPS processor supplement for EM_MIPS = 8).
 *
 * Only the program headers matter: every PT_LOAD segment is loaded, nothing else.
 *
 * Load address: p_paddr, the segment's load memory address (LMA).  GNU ld writes the LMA there
 * (equal to p_vaddr unless the linker script says AT(...) / AT> ...), and objcopy -O srec/ihex
 * places the bytes at the same LMA, so an ELF loads exactly as the S-record or HEX file a user
 * would flash from it.  Real PIC32 images (XC32 and GCC linker scripts) link code at KSEG0/KSEG1
 * addresses with p_paddr == p_vaddr; initialised RAM data either has its load image in flash
 * (AT> flash: p_paddr in flash, p_vaddr in RAM, copied by the start-up code) or is rebuilt by
 * the start-up code from a table in flash (XC32's .dinit).  Either way what must be in memory
 * at reset is what p_paddr says.
 *
 * bss (p_memsz > p_filesz): zero-filled through the sink when the segment is loaded where it
 * runs (physical p_paddr == physical p_vaddr).  When the two differ, only the p_filesz bytes
 * have a load image; the bss part exists at run time at p_vaddr and the start-up code clears
 * it, so writing zeros at p_paddr + p_filesz (usually flash) would invent bytes that the
 * flashed image does not contain.
 *
 * Entry: e_entry; 0 means "no entry point" (gABI).
 */
#include "loader.h"

#include <stdio.h>

#define EHDR_SIZE 52u /* Elf32_Ehdr */
#define PHDR_SIZE 32u /* Elf32_Phdr */
#define ET_EXEC   2u
#define EM_MIPS   8u
#define PT_LOAD   1u
#define PN_XNUM   0xFFFFu

static uint32_t rd16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Physical address of one virtual address (KSEG0/KSEG1 -> low 512 MB, others as they are). */
static uint32_t phys(uint32_t addr)
{
    return addr >= 0x80000000u && addr <= 0xBFFFFFFFu ? addr & 0x1FFFFFFFu : addr;
}

static int load_segment(const struct loader_job *job, size_t ph)
{
    const uint8_t *p = job->buf + ph;
    uint32_t offset = rd32(p + 4), vaddr = rd32(p + 8), paddr = rd32(p + 12);
    uint32_t filesz = rd32(p + 16), memsz = rd32(p + 20);
    char where[48];

    if (filesz > memsz)
        return loader_fail(job, ": offset 0x%zx: PT_LOAD p_filesz 0x%x is larger than p_memsz 0x%x",
                           ph + 16, (unsigned)filesz, (unsigned)memsz);
    if ((uint64_t)offset + filesz > job->len)
        return loader_fail(job,
                           ": offset 0x%zx: PT_LOAD data (p_offset 0x%x, p_filesz 0x%x) runs past "
                           "the end of the file (0x%zx bytes)",
                           ph + 4, (unsigned)offset, (unsigned)filesz, job->len);
    if (memsz == 0)
        return 0;

    int in_place = phys(paddr) == phys(vaddr);
    uint32_t span = in_place ? memsz : filesz, unused;
    snprintf(where, sizeof where, ": offset 0x%zx: ", ph);
    /* The whole span first: its pieces alone could wrap around 4 GB unnoticed. */
    if (span && loader_phys_range(paddr, span, &unused) != 0)
        return loader_fail(job, "%saddress 0x%08x (len %lu) is outside the memory map", where,
                           (unsigned)paddr, (unsigned long)span);
    if (loader_emit(job, where, paddr, job->buf + offset, filesz) != 0)
        return -1;
    if (in_place && loader_emit_zero(job, where, paddr + filesz, memsz - filesz) != 0)
        return -1;
    return 0;
}

int load_elf(const struct loader_job *job, struct loader_result *res)
{
    const uint8_t *b = job->buf;
    size_t len = job->len;

    if (len < EHDR_SIZE)
        return loader_fail(job, ": offset 0x%zx: file ends inside the ELF header (%u bytes)", len,
                           EHDR_SIZE);
    if (b[4] != 1)
        return loader_fail(job, ": offset 0x4: not a 32-bit ELF file (EI_CLASS %u)", b[4]);
    if (b[5] != 1)
        return loader_fail(job, ": offset 0x5: not a little-endian ELF file (EI_DATA %u)", b[5]);
    if (b[6] != 1)
        return loader_fail(job, ": offset 0x6: unknown ELF version (EI_VERSION %u)", b[6]);
    if (rd16(b + 0x10) != ET_EXEC)
        return loader_fail(job, ": offset 0x10: not an executable ELF file (e_type %u)",
                           (unsigned)rd16(b + 0x10));
    if (rd16(b + 0x12) != EM_MIPS)
        return loader_fail(job, ": offset 0x12: not a MIPS ELF file (e_machine %u)",
                           (unsigned)rd16(b + 0x12));

    uint32_t entry = rd32(b + 0x18), phoff = rd32(b + 0x1c);
    uint32_t phentsize = rd16(b + 0x2a), phnum = rd16(b + 0x2c);
    if (phnum == 0)
        return loader_fail(job, ": offset 0x2c: no program headers (e_phnum 0)");
    if (phnum == PN_XNUM)
        return loader_fail(job, ": offset 0x2c: extended program header numbering (e_phnum "
                                "0xffff) is not supported");
    if (phentsize < PHDR_SIZE)
        return loader_fail(job, ": offset 0x2a: program header size %u is smaller than %u",
                           (unsigned)phentsize, PHDR_SIZE);
    if ((uint64_t)phoff + (uint64_t)phnum * phentsize > len)
        return loader_fail(job,
                           ": offset 0x1c: program headers (e_phoff 0x%x, %u x %u bytes) run past "
                           "the end of the file (0x%zx bytes)",
                           (unsigned)phoff, (unsigned)phnum, (unsigned)phentsize, len);

    int loaded = 0;
    for (uint32_t i = 0; i < phnum; i++) {
        size_t ph = (size_t)phoff + (size_t)i * phentsize;
        if (rd32(b + ph) != PT_LOAD)
            continue;
        if (load_segment(job, ph) != 0)
            return -1;
        loaded++;
    }
    if (!loaded)
        return loader_fail(job, ": offset 0x%x: no PT_LOAD segment in the program headers",
                           (unsigned)phoff);
    res->entry = entry;
    res->has_entry = entry != 0;
    return 0;
}
