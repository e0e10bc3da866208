/* A sparse physical-memory image (hypervisor, guests, configuration words) and its writers:
 * Motorola S-records and Intel HEX, the formats MPLAB IPE and pic32prog flash.
 *
 * Addresses in the image and in the files are PHYSICAL (0x1D000000 program flash,
 * 0x1FC00000 boot flash, 0x00000000 RAM), as XC32's hex files and the PIC32 Flash
 * Programming Specification (DS60001145, appendix "Flash memory map") use them.  pic32prog
 * accepts physical and KSEG0 addresses (older versions ignore KSEG1 addresses silently), so
 * physical addresses are the one choice every tool reads.  The entry address written in the
 * S7 / type-05 record is passed through unchanged: it is where the CPU starts, a virtual
 * address such as 0xBFC00000 (pic32prog ignores S7 and type-05 records; XC32's own hex
 * files carry no type-05 record, so a strict programmer that refuses one is possible, though
 * none is known here).
 *
 * Data records hold at most 16 bytes and never cross a 16-byte boundary, so a chunk that
 * starts on a word boundary gives word-aligned records (pic32prog refuses HEX records at
 * addresses that are not a multiple of 4). */
#ifndef TVPCONF_IMAGE_H
#define TVPCONF_IMAGE_H

#include <stddef.h>
#include <stdint.h>

struct image_chunk {
    uint32_t paddr;
    uint32_t len;
    uint8_t *data;
    char *label; /* what it came from, for messages; may be NULL */
};

struct image {
    struct image_chunk *chunks; /* kept sorted by paddr, never overlapping */
    size_t n, cap;
};

void image_init(struct image *img);

/* Copies LEN bytes to physical address PADDR.  Refuses a range that overlaps one already in
 * the image (naming both ranges) or that wraps past 4 GB.  LEN 0 adds nothing.  0 / -1. */
int image_add(struct image *img, uint32_t paddr, const uint8_t *data, uint32_t len, char *err,
              size_t errlen);

/* The same; LABEL (e.g. "guests/poll/guest.elf segment 1") names the range in messages. */
int image_add_labeled(struct image *img, uint32_t paddr, const uint8_t *data, uint32_t len,
                      const char *label, char *err, size_t errlen);

/* Writes the image to PATH atomically (temporary file in the same directory, renamed on
 * success; nothing is left behind on error).  0 / -1 with a message naming PATH. */
int image_write_srec(const struct image *img, const char *path, uint32_t entry, char *err,
                     size_t errlen);
int image_write_ihex(const struct image *img, const char *path, uint32_t entry, char *err,
                     size_t errlen);

void image_free(struct image *img);

/* Physical address of a MIPS32 KSEG0/KSEG1 address (PA = VA & 0x1FFFFFFF, MIPS32 PRA
 * "kseg0/kseg1 are unmapped"); other addresses are returned unchanged. */
uint32_t image_phys(uint32_t addr);

#endif
