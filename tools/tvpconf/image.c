/* Sparse physical-memory image and its S-record / Intel HEX writers.
 *
 * Motorola S-record: S0 header (address 0000, data = module name), S3 data (4-byte address),
 * S7 termination with a 4-byte start address; the count byte counts address + data +
 * checksum, and the checksum is the ones' complement of the low byte of the sum of count,
 * address and data bytes (srec(5), as implemented by srecord and GNU objcopy).
 * Intel HEX (I32HEX): type 00 data, 04 extended linear address (upper 16 address bits),
 * 05 start linear address (4 bytes, big-endian), 01 end of file; the checksum is the two's
 * complement of the low byte of the sum of all preceding bytes of the record. */
#include "image.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "soc/memmap.h"

#define RECORD_BYTES 16 /* data bytes per record; records never cross a 16-byte boundary */

void image_init(struct image *img)
{
    img->chunks = NULL;
    img->n = img->cap = 0;
}

void image_free(struct image *img)
{
    for (size_t i = 0; i < img->n; i++) {
        free(img->chunks[i].data);
        free(img->chunks[i].label);
    }
    free(img->chunks);
    image_init(img);
}

uint32_t image_phys(uint32_t addr)
{
    if (addr >= KSEG0_BASE && addr < KSEG2_BASE)
        return addr & KSEG_PHYS_MASK;
    return addr;
}

static void describe(char *buf, size_t len, uint32_t paddr, uint64_t size, const char *label)
{
    snprintf(buf, len, "0x%08x..0x%08llx%s%s%s", paddr, (unsigned long long)(paddr + size - 1),
             label ? " (" : "", label ? label : "", label ? ")" : "");
}

int image_add_labeled(struct image *img, uint32_t paddr, const uint8_t *data, uint32_t len,
                      const char *label, char *err, size_t errlen)
{
    char a[200], b[200];
    if (len == 0)
        return 0;
    if ((uint64_t)paddr + len > 0x100000000ull) {
        describe(a, sizeof a, paddr, len, label);
        snprintf(err, errlen, "image: %s runs past the end of the 32-bit address space", a);
        return -1;
    }
    /* Insertion point: first chunk that starts above paddr. */
    size_t lo = 0, hi = img->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (img->chunks[mid].paddr <= paddr)
            lo = mid + 1;
        else
            hi = mid;
    }
    const struct image_chunk *clash = NULL;
    if (lo > 0) {
        const struct image_chunk *p = &img->chunks[lo - 1];
        if ((uint64_t)p->paddr + p->len > paddr)
            clash = p;
    }
    if (!clash && lo < img->n && img->chunks[lo].paddr < (uint64_t)paddr + len)
        clash = &img->chunks[lo];
    if (clash) {
        describe(a, sizeof a, paddr, len, label);
        describe(b, sizeof b, clash->paddr, clash->len, clash->label);
        snprintf(err, errlen, "image: %s overlaps %s", a, b);
        return -1;
    }
    if (img->n == img->cap) {
        size_t ncap = img->cap ? img->cap * 2 : 16;
        struct image_chunk *nc = realloc(img->chunks, ncap * sizeof *nc);
        if (!nc)
            goto oom;
        img->chunks = nc;
        img->cap = ncap;
    }
    struct image_chunk c = {.paddr = paddr, .len = len, .data = malloc(len)};
    if (label)
        c.label = strdup(label);
    if (!c.data || (label && !c.label)) {
        free(c.data);
        free(c.label);
        goto oom;
    }
    memcpy(c.data, data, len);
    memmove(&img->chunks[lo + 1], &img->chunks[lo], (img->n - lo) * sizeof *img->chunks);
    img->chunks[lo] = c;
    img->n++;
    return 0;
oom:
    snprintf(err, errlen, "image: out of memory");
    return -1;
}

int image_add(struct image *img, uint32_t paddr, const uint8_t *data, uint32_t len, char *err,
              size_t errlen)
{
    return image_add_labeled(img, paddr, data, len, NULL, err, errlen);
}

/* One record: TYPE_PREFIX, then the bytes in hex, then the checksum. */
static void put_srec(FILE *f, char type, const uint8_t *bytes, unsigned n)
{
    unsigned sum = n + 1;
    fprintf(f, "S%c%02X", type, n + 1);
    for (unsigned i = 0; i < n; i++) {
        fprintf(f, "%02X", bytes[i]);
        sum += bytes[i];
    }
    fprintf(f, "%02X\n", ~sum & 0xFF);
}

static void put_ihex(FILE *f, unsigned type, unsigned addr16, const uint8_t *data, unsigned n)
{
    unsigned sum = n + (addr16 >> 8) + (addr16 & 0xFF) + type;
    fprintf(f, ":%02X%04X%02X", n, addr16, type);
    for (unsigned i = 0; i < n; i++) {
        fprintf(f, "%02X", data[i]);
        sum += data[i];
    }
    fprintf(f, "%02X\n", -sum & 0xFF);
}

static void be32(uint8_t *p, uint32_t v)
{
    p[0] = v >> 24;
    p[1] = v >> 16;
    p[2] = v >> 8;
    p[3] = v;
}

/* Calls EMIT(f, address, bytes, n) for every data record of the image, in address order. */
static void for_each_record(const struct image *img, FILE *f,
                            void (*emit)(FILE *, uint32_t, const uint8_t *, unsigned, void *),
                            void *arg)
{
    for (size_t i = 0; i < img->n; i++) {
        const struct image_chunk *c = &img->chunks[i];
        uint32_t off = 0;
        while (off < c->len) {
            uint32_t addr = c->paddr + off;
            unsigned n = RECORD_BYTES - (addr % RECORD_BYTES);
            if (n > c->len - off)
                n = c->len - off;
            emit(f, addr, c->data + off, n, arg);
            off += n;
        }
    }
}

static void srec_data(FILE *f, uint32_t addr, const uint8_t *data, unsigned n, void *arg)
{
    (void)arg;
    uint8_t rec[4 + RECORD_BYTES];
    be32(rec, addr);
    memcpy(rec + 4, data, n);
    put_srec(f, '3', rec, 4 + n);
}

static void write_srec_body(FILE *f, const struct image *img, uint32_t entry)
{
    static const char module[] = "tinyVP";
    uint8_t hdr[2 + sizeof module - 1] = {0, 0};
    memcpy(hdr + 2, module, sizeof module - 1);
    put_srec(f, '0', hdr, sizeof hdr);
    for_each_record(img, f, srec_data, NULL);
    uint8_t start[4];
    be32(start, entry);
    put_srec(f, '7', start, 4);
}

static void ihex_data(FILE *f, uint32_t addr, const uint8_t *data, unsigned n, void *arg)
{
    uint32_t *upper = arg; /* upper 16 bits in force, or 0xFFFFFFFF before the first 04 */
    if (addr >> 16 != *upper) {
        uint8_t hi[2] = {addr >> 24, addr >> 16};
        put_ihex(f, 0x04, 0, hi, 2);
        *upper = addr >> 16;
    }
    put_ihex(f, 0x00, addr & 0xFFFF, data, n);
}

static void write_ihex_body(FILE *f, const struct image *img, uint32_t entry)
{
    uint32_t upper = 0xFFFFFFFFu;
    for_each_record(img, f, ihex_data, &upper);
    uint8_t start[4];
    be32(start, entry);
    put_ihex(f, 0x05, 0, start, 4);
    put_ihex(f, 0x01, 0, NULL, 0);
}

/* Writes PATH through a temporary file in the same directory and renames it into place. */
static int write_atomic(const char *path, const struct image *img, uint32_t entry,
                        void (*body)(FILE *, const struct image *, uint32_t), char *err,
                        size_t errlen)
{
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 8);
    if (!tmp) {
        snprintf(err, errlen, "%s: out of memory", path);
        return -1;
    }
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".XXXXXX", 8);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errlen, "%s: cannot create a temporary file: %s", path, strerror(errno));
        free(tmp);
        return -1;
    }
    FILE *f = fdopen(fd, "w");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        close(fd);
        unlink(tmp);
        free(tmp);
        return -1;
    }
    (void)fchmod(fd, 0644); /* mkstemp creates 0600; an image is an ordinary output file */
    body(f, img, entry);
    int bad = ferror(f);
    int saved = errno;
    if (fclose(f) != 0 && !bad) {
        bad = 1;
        saved = errno;
    }
    if (!bad && rename(tmp, path) != 0) {
        bad = 1;
        saved = errno;
    }
    if (bad) {
        snprintf(err, errlen, "%s: write failed: %s", path, strerror(saved));
        unlink(tmp);
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}

int image_write_srec(const struct image *img, const char *path, uint32_t entry, char *err,
                     size_t errlen)
{
    return write_atomic(path, img, entry, write_srec_body, err, errlen);
}

int image_write_ihex(const struct image *img, const char *path, uint32_t entry, char *err,
                     size_t errlen)
{
    return write_atomic(path, img, entry, write_ihex_body, err, errlen);
}
