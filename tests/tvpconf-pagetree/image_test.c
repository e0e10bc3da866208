/* Tests of tools/tvpconf/image.c.
 *
 *   image_test DIR            unit tests; files go to DIR
 *   image_test --write DIR    a fixed image as DIR/img.srec, DIR/img.hex and the raw chunks
 *                             DIR/chunkN.bin with DIR/layout ("FILE ADDRESS" lines), for the
 *                             srec_cat/srec_cmp cross-check in run.sh
 * The reader here is written from the format descriptions (srec(5): S0/S3/S7, count = bytes
 * after it, checksum = ones' complement of the sum; Intel HEX: types 00/01/04/05, checksum =
 * two's complement of the sum), not from image.c. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../common/report.h"
#include "../../tools/tvpconf/image.h"

/* ---- a sparse byte map: what the file says ---- */
struct bytemap {
    uint32_t *addr;
    uint8_t *val;
    size_t n, cap;
};

static void bm_put(struct bytemap *m, uint32_t a, uint8_t v)
{
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 1024;
        m->addr = realloc(m->addr, m->cap * sizeof *m->addr);
        m->val = realloc(m->val, m->cap);
    }
    m->addr[m->n] = a;
    m->val[m->n++] = v;
}

static int hexval(const char *s, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 2; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

/* Decodes the hex pairs of LINE from position 1 (or 2) into BYTES. */
static int line_bytes(const char *line, size_t from, uint8_t *bytes, size_t *n)
{
    size_t len = strlen(line);
    if ((len - from) % 2)
        return -1;
    *n = 0;
    for (size_t i = from; i < len; i += 2) {
        unsigned v;
        if (hexval(line + i, &v))
            return -1;
        bytes[(*n)++] = (uint8_t)v;
    }
    return 0;
}

/* Reads an S-record file; checks every rule the writer promises.  0 or -1 with WHY. */
static int read_srec(const char *path, struct bytemap *m, uint32_t *entry, char *why, size_t wl)
{
    FILE *f = fopen(path, "r");
    char line[600];
    uint8_t b[300];
    size_t n;
    int lineno = 0, seen_s0 = 0, seen_s7 = 0;
    if (!f)
        return snprintf(why, wl, "cannot open"), -1;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = 0;
        if (seen_s7)
            return fclose(f), snprintf(why, wl, "line %d after S7", lineno), -1;
        if (line[0] != 'S' || line_bytes(line, 2, b, &n) || n < 1 || b[0] != n - 1)
            return fclose(f), snprintf(why, wl, "line %d malformed: %.60s", lineno, line), -1;
        unsigned sum = 0;
        for (size_t i = 0; i < n - 1; i++)
            sum += b[i];
        if ((uint8_t)~sum != b[n - 1])
            return fclose(f), snprintf(why, wl, "line %d bad checksum", lineno), -1;
        switch (line[1]) {
        case '0':
            if (lineno != 1)
                return fclose(f), snprintf(why, wl, "S0 not first"), -1;
            seen_s0 = 1;
            break;
        case '3': {
            if (n < 6)
                return fclose(f), snprintf(why, wl, "line %d: empty S3", lineno), -1;
            uint32_t a = (uint32_t)b[1] << 24 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 8 | b[4];
            size_t data = n - 6;
            if (data > 16 || (a % 16) + data > 16)
                return fclose(f), snprintf(why, wl, "line %d crosses 16 bytes", lineno), -1;
            for (size_t i = 0; i < data; i++)
                bm_put(m, a + (uint32_t)i, b[5 + i]);
            break;
        }
        case '7':
            if (n != 6)
                return fclose(f), snprintf(why, wl, "line %d: S7 length", lineno), -1;
            *entry = (uint32_t)b[1] << 24 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 8 | b[4];
            seen_s7 = 1;
            break;
        default: return fclose(f), snprintf(why, wl, "line %d: type S%c", lineno, line[1]), -1;
        }
    }
    fclose(f);
    if (!seen_s0 || !seen_s7)
        return snprintf(why, wl, "S0 or S7 missing"), -1;
    return 0;
}

static int read_ihex(const char *path, struct bytemap *m, uint32_t *entry, char *why, size_t wl)
{
    FILE *f = fopen(path, "r");
    char line[600];
    uint8_t b[300];
    size_t n;
    int lineno = 0, eof = 0, have_upper = 0, have_entry = 0;
    uint32_t upper = 0;
    if (!f)
        return snprintf(why, wl, "cannot open"), -1;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = 0;
        if (eof)
            return fclose(f), snprintf(why, wl, "line %d after EOF record", lineno), -1;
        if (line[0] != ':' || line_bytes(line, 1, b, &n) || n < 5 || b[0] != n - 5)
            return fclose(f), snprintf(why, wl, "line %d malformed: %.60s", lineno, line), -1;
        unsigned sum = 0;
        for (size_t i = 0; i < n; i++)
            sum += b[i];
        if ((sum & 0xFF) != 0)
            return fclose(f), snprintf(why, wl, "line %d bad checksum", lineno), -1;
        unsigned len = b[0], off = (unsigned)b[1] << 8 | b[2], type = b[3];
        switch (type) {
        case 0:
            if (!have_upper || len > 16 || (off % 16) + len > 16)
                return fclose(f), snprintf(why, wl, "line %d: bad data record", lineno), -1;
            for (unsigned i = 0; i < len; i++)
                bm_put(m, upper | (off + i), b[4 + i]);
            break;
        case 1: eof = 1; break;
        case 4:
            if (len != 2)
                return fclose(f), snprintf(why, wl, "line %d: 04 length", lineno), -1;
            upper = (uint32_t)b[4] << 24 | (uint32_t)b[5] << 16;
            have_upper = 1;
            break;
        case 5:
            if (len != 4)
                return fclose(f), snprintf(why, wl, "line %d: 05 length", lineno), -1;
            *entry = (uint32_t)b[4] << 24 | (uint32_t)b[5] << 16 | (uint32_t)b[6] << 8 | b[7];
            have_entry = 1;
            break;
        default: return fclose(f), snprintf(why, wl, "line %d: type %02x", lineno, type), -1;
        }
    }
    fclose(f);
    if (!eof || !have_entry)
        return snprintf(why, wl, "EOF or start record missing"), -1;
    return 0;
}

/* Does M hold exactly the bytes of IMG (each once)? */
static int same_bytes(const struct bytemap *m, const struct image *img, char *why, size_t wl)
{
    size_t k = 0;
    for (size_t i = 0; i < img->n; i++)
        for (uint32_t j = 0; j < img->chunks[i].len; j++, k++) {
            if (k >= m->n)
                return snprintf(why, wl, "file ends early"), -1;
            if (m->addr[k] != img->chunks[i].paddr + j || m->val[k] != img->chunks[i].data[j])
                return snprintf(why, wl, "byte %zu: file has %02x at 0x%08x, want %02x at 0x%08x",
                                k, m->val[k], m->addr[k], img->chunks[i].data[j],
                                img->chunks[i].paddr + j),
                       -1;
        }
    if (k != m->n)
        return snprintf(why, wl, "file has %zu extra bytes", m->n - k), -1;
    return 0;
}

static uint64_t rng = 88172645463325252ull;
static uint32_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)rng;
}

/* A random sparse image: chunks at odd addresses, across 64 KB boundaries, at the top. */
static void random_image(struct image *img)
{
    char err[300];
    uint8_t data[3000];
    image_init(img);
    int n = 1 + (int)(rnd() % 8);
    for (int i = 0; i < n; i++) {
        uint32_t len = 1 + rnd() % sizeof data, a;
        switch (rnd() % 4) {
        case 0: a = 0x1D00FF00u + rnd() % 0x400; break; /* across 0x1D010000 */
        case 1: a = 0x1FC00000u + rnd() % 0x10000; break;
        case 2: a = 0xFFFFFFFFu - len + 1 - rnd() % 64; break;
        default: a = rnd(); break;
        }
        if ((uint64_t)a + len > 0x100000000ull)
            continue;
        for (uint32_t k = 0; k < len; k++)
            data[k] = (uint8_t)rnd();
        (void)image_add(img, a, data, len, err, sizeof err); /* overlaps are simply skipped */
    }
}

static int count_leftovers(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    if (!d)
        return -1;
    while ((e = readdir(d)))
        if (!strncmp(e->d_name, prefix, strlen(prefix)))
            n++;
    closedir(d);
    return n;
}

static void unit(const char *dir)
{
    char err[400], why[400], path[600];
    struct image img;
    uint8_t d[64];
    for (int i = 0; i < 64; i++)
        d[i] = (uint8_t)i;

    image_init(&img);
    int ok = image_add_labeled(&img, 0x1D000000, d, 64, "guest1.elf", err, sizeof err) == 0 &&
             image_add(&img, 0x1D000040, d, 16, err, sizeof err) == 0; /* adjacent is fine */
    report(ok, "image_add_adjacent", "%s", err);
    int r = image_add_labeled(&img, 0x1D000030, d, 8, "guest2.elf", err, sizeof err);
    report(r == -1 && strstr(err, "0x1d000030..0x1d000037") && strstr(err, "guest2.elf") &&
               strstr(err, "0x1d000000..0x1d00003f") && strstr(err, "guest1.elf"),
           "image_overlap_names_both", "rc %d: %s", r, err);
    r = image_add(&img, 0x1CFFFFF0, d, 0x20, err, sizeof err); /* overlaps from below */
    report(r == -1 && strstr(err, "0x1cfffff0..0x1d00000f"), "image_overlap_below", "%s", err);
    r = image_add(&img, 0xFFFFFFF0, d, 0x20, err, sizeof err);
    report(r == -1 && strstr(err, "0xfffffff0"), "image_wrap", "%s", err);
    r = image_add(&img, 0x1D000000, d, 0, err, sizeof err);
    report(r == 0 && img.n == 2, "image_empty_add", "rc %d, %zu chunks", r, img.n);
    report(image_phys(0x9D000000) == 0x1D000000 && image_phys(0xBFC00000) == 0x1FC00000 &&
               image_phys(0x1D000000) == 0x1D000000 && image_phys(0xC0000000) == 0xC0000000,
           "image_phys", "KSEG0/KSEG1 translation wrong");

    /* atomic writes: an impossible path leaves nothing behind */
    snprintf(path, sizeof path, "%s/no-such-dir/x.srec", dir);
    r = image_write_srec(&img, path, 0, err, sizeof err);
    report(r == -1 && strstr(err, path), "image_write_missing_dir", "%s", err);
    snprintf(path, sizeof path, "%s/adir", dir);
    mkdir(path, 0755);
    r = image_write_ihex(&img, path, 0, err, sizeof err);
    int left = count_leftovers(dir, "adir.");
    report(r == -1 && left == 0, "image_write_onto_directory_leaves_nothing",
           "rc %d, %d temporary files left: %s", r, left, err);
    image_free(&img);

    /* random images, read back through the independent readers */
    int bad = 0;
    for (int round = 0; round < 300 && !bad; round++) {
        random_image(&img);
        uint32_t entry = rnd(), e1 = 0, e2 = 0;
        struct bytemap m1 = {0}, m2 = {0};
        char p1[600], p2[600];
        snprintf(p1, sizeof p1, "%s/r.srec", dir);
        snprintf(p2, sizeof p2, "%s/r.hex", dir);
        if (image_write_srec(&img, p1, entry, err, sizeof err) ||
            image_write_ihex(&img, p2, entry, err, sizeof err)) {
            report(0, "image_round_trip", "round %d: %s", round, err);
            bad = 1;
        } else if (read_srec(p1, &m1, &e1, why, sizeof why) ||
                   same_bytes(&m1, &img, why, sizeof why) || e1 != entry) {
            report(0, "image_round_trip", "round %d srec: %s (entry %08x/%08x)", round, why, e1,
                   entry);
            bad = 1;
        } else if (read_ihex(p2, &m2, &e2, why, sizeof why) ||
                   same_bytes(&m2, &img, why, sizeof why) || e2 != entry) {
            report(0, "image_round_trip", "round %d hex: %s (entry %08x/%08x)", round, why, e2,
                   entry);
            bad = 1;
        }
        free(m1.addr);
        free(m1.val);
        free(m2.addr);
        free(m2.val);
        image_free(&img);
    }
    if (!bad)
        report(1, "image_round_trip_300", "%s", "");
    left = count_leftovers(dir, "r.");
    report(left == 2, "image_no_temporary_files", "%d files named r.* (want r.srec, r.hex)", left);
}

/* The fixed image for the srecord cross-check. */
static int write_fixed(const char *dir)
{
    static const uint32_t at[] = {0x1D000000, 0x1D00FFF3, 0x1FC00000,
                                  0x1FC0FFC0, 0x00000101, 0xFFFFFF00};
    static const uint32_t len[] = {0x1000, 0x41, 0x380, 0x40, 0x7, 0x100};
    struct image img;
    char err[400], path[600];
    image_init(&img);
    FILE *layout;
    snprintf(path, sizeof path, "%s/layout", dir);
    layout = fopen(path, "w");
    if (!layout)
        return 1;
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
        uint8_t *d = malloc(len[i]);
        for (uint32_t k = 0; k < len[i]; k++)
            d[k] = (uint8_t)(rnd() >> 5);
        if (image_add(&img, at[i], d, len[i], err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            return 1;
        }
        snprintf(path, sizeof path, "%s/chunk%zu.bin", dir, i);
        FILE *f = fopen(path, "wb");
        if (!f || fwrite(d, 1, len[i], f) != len[i] || fclose(f))
            return 1;
        fprintf(layout, "chunk%zu.bin 0x%08x\n", i, at[i]);
        free(d);
    }
    fclose(layout);
    snprintf(path, sizeof path, "%s/img.srec", dir);
    if (image_write_srec(&img, path, 0xBFC00000u, err, sizeof err))
        return fprintf(stderr, "%s\n", err), 1;
    snprintf(path, sizeof path, "%s/img.hex", dir);
    if (image_write_ihex(&img, path, 0xBFC00000u, err, sizeof err))
        return fprintf(stderr, "%s\n", err), 1;
    image_free(&img);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "--write"))
        return write_fixed(argv[2]);
    if (argc == 2) {
        unit(argv[1]);
        return test_failures != 0;
    }
    fprintf(stderr, "usage: %s DIR | --write DIR\n", argv[0]);
    return 2;
}
