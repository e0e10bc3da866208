/* Image loaders of pic32mz-sim: ELF32 (little-endian MIPS), Motorola S-record and Intel HEX.
 *
 * The simulator loads the very image a user would flash.  A loader hands every loaded chunk to
 * a sink at a PHYSICAL address: KSEG0/KSEG1 addresses (0x80000000-0xBFFFFFFF) become
 * addr & 0x1FFFFFFF (MIPS32 PRA (MD00090) §4.3, pic32mz-ef.md §1.1); any other address is
 * passed as it is, and the sink decides whether it is backed by memory.
 *
 * Errors name the file and the line (text formats) or the byte offset (ELF):
 *     FILE:LINE: what is wrong
 *     FILE: offset 0x...: what is wrong
 * Text files are parsed completely before the first byte reaches the sink, so a malformed file
 * never writes anything.  ELF headers are all checked before the first write too.  Only a sink
 * refusal ("outside the memory map") can stop a load after some chunks were written; the caller
 * then discards the machine (pic32mz-sim exits with status 2 and runs nothing).
 */
#ifndef TINYVP_SIM_HOST_LOADER_H
#define TINYVP_SIM_HOST_LOADER_H

#include <stddef.h>
#include <stdint.h>

/* Receives each loaded chunk at a PHYSICAL address.  Returns 0, or -1 when the range is not
 * backed by memory (the loader then reports "FILE:LINE: address 0x... (len N) is outside the
 * memory map", or "FILE: offset 0x...: ..." for ELF).  The address in that message is the one
 * written in the file (virtual or physical), so the user can find it there. */
struct loader_sink {
    void *ctx;
    int (*write)(void *ctx, uint32_t paddr, const uint8_t *data, uint32_t len);
};

/* entry: the execution start address as written in the file (a virtual address, normally
 * KSEG0/KSEG1).  has_entry is 0 when the file names none: no 03/05 record in Intel HEX, and an
 * address of 0 in an S7/S8/S9 record or in e_entry (the ELF gABI defines e_entry 0 as "no entry
 * point"; S-record tools write 0 when they know none). */
struct loader_result {
    uint32_t entry;
    int has_entry;
};

/* Loads FILE (ELF32 LE MIPS, S-record, or Intel HEX, detected by content).  On error returns -1
 * with a message in err that names the file and the line (text formats) or byte offset (ELF). */
int loader_load(const char *path, const struct loader_sink *sink, struct loader_result *res,
                char *err, size_t errlen);

/* ---- additions: loading from memory (used by the fuzz harness and the tests) ---- */

/* Files larger than this are refused before they are read; the whole PIC32MZ-EF memory map is
 * under 3 MB, so even its S-record (about 2.3 characters per byte) stays far below. */
#define LOADER_MAX_FILE_SIZE (64u << 20)

enum loader_format {
    LOADER_FORMAT_UNKNOWN,
    LOADER_FORMAT_ELF,
    LOADER_FORMAT_SREC,
    LOADER_FORMAT_IHEX
};

/* By content: "\x7f" "ELF" at offset 0; otherwise the first character that is not blank or a
 * line end: 'S' (S-record) or ':' (Intel HEX). */
enum loader_format loader_detect(const uint8_t *buf, size_t len);
const char *loader_format_name(enum loader_format fmt);

/* As loader_load, with the file already in memory; name is used in messages. */
int loader_load_buffer(const char *name, const uint8_t *buf, size_t len,
                       const struct loader_sink *sink, struct loader_result *res, char *err,
                       size_t errlen);

/* ---- shared by load_elf.c, load_srec.c and load_ihex.c ---- */

struct loader_job {
    const char *name;
    const uint8_t *buf;
    size_t len;
    const struct loader_sink *sink;
    char *err;
    size_t errlen;
    int dry_run; /* 1: check everything, call no sink (the first of the two passes) */
};

int load_elf(const struct loader_job *job, struct loader_result *res);
int load_srec(const struct loader_job *job, struct loader_result *res);
int load_ihex(const struct loader_job *job, struct loader_result *res);

/* Formats "NAME" + fmt into job->err; always returns -1. */
int loader_fail(const struct loader_job *job, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The physical address of [addr, addr+len): 0 and *paddr on success, -1 if the range wraps
 * past 0xFFFFFFFF or leaves the KSEG0/KSEG1 segment it starts in (such a range cannot be one
 * piece of physical memory).  len 0 is accepted. */
int loader_phys_range(uint32_t addr, uint32_t len, uint32_t *paddr);

/* Converts and hands [addr, addr+len) to the sink (in a dry run: only converts).  On refusal
 * formats "<where>address 0x%08x (len %u) is outside the memory map" and returns -1;
 * where is e.g. ":12: " or ": offset 0x40: ". */
int loader_emit(const struct loader_job *job, const char *where, uint32_t addr, const uint8_t *data,
                uint32_t len);

/* As loader_emit, with len zero bytes, handed over in bounded pieces (no allocation follows a
 * size field).  A refusal reports the whole range. */
int loader_emit_zero(const struct loader_job *job, const char *where, uint32_t addr, uint32_t len);

/* One line of a text file: [p, p+n) without the line end; trailing CR, spaces and tabs are
 * stripped (CRLF files load as LF files). */
struct loader_line {
    const char *p;
    size_t n;
    unsigned long number; /* 1-based */
};

/* Reads the line at *pos and advances *pos; returns 0 at the end of the buffer. */
int loader_next_line(const struct loader_job *job, size_t *pos, struct loader_line *line);

/* The index of the first of n characters that is not a hexadecimal digit, or -1. */
long loader_hex_check(const char *s, size_t n);

/* Decodes nbytes bytes from 2*nbytes hexadecimal digits (either case) checked before. */
void loader_hex_decode(const char *s, size_t nbytes, uint8_t *out);

/* Describes a character for a message: 'G', or \x00 for an unprintable one. */
const char *loader_char_name(char c, char buf[8]);

#endif
