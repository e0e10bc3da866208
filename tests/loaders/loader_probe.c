/* loader-probe: loads one image through the simulator's loaders into a fake PIC32MZ-EF memory
 * map and reports what arrived, for tests/loaders/run.sh.
 *
 *   loader-probe FILE [--dump PADDR LEN OUT]...   load FILE
 *   loader-probe --selftest                        check the KSEG conversion and detection
 *
 * Memory map (pic32mz-ef.md §1.1, §1.2): RAM 0x00000000-0x0007FFFF, program flash
 * 0x1D000000-0x1D1FFFFF, boot flash 0x1FC00000-0x1FC73FFF.  Memory starts filled with 0xA5 so
 * that zero-filled bss is visible.  On stdout:
 *     entry 0x9d000000        (or "entry none")
 *     writes N                (sink calls)
 *     range 0x1d000000 0x40   (each maximal run of written bytes, by address)
 * A load error is printed on stderr, exactly as the loader formatted it, and the exit status
 * is 2; "writes N" is still printed.
 */
#include "../../sim/host/loader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Memory is kept in 4 KB pages allocated on first write, so a run costs little. */
#define PAGE 4096u

struct page {
    uint8_t mem[PAGE];
    uint8_t written[PAGE];
};

struct region {
    uint32_t base, size;
    struct page **pages;
};

static struct region regions[] = {
    {0x00000000u, 0x00080000u, NULL},
    {0x1D000000u, 0x00200000u, NULL},
    {0x1FC00000u, 0x00074000u, NULL},
};
#define NREGIONS (sizeof regions / sizeof regions[0])

static unsigned long writes;

static struct region *find(uint32_t paddr, uint32_t len)
{
    for (size_t i = 0; i < NREGIONS; i++) {
        struct region *r = &regions[i];
        if (paddr >= r->base && (uint64_t)paddr + len <= (uint64_t)r->base + r->size)
            return r;
    }
    return NULL;
}

static struct page *page_of(struct region *r, uint32_t off, int create)
{
    struct page **pp = &r->pages[off / PAGE];
    if (!*pp && create) {
        *pp = calloc(1, sizeof **pp);
        if (!*pp) {
            perror("loader-probe");
            exit(1);
        }
        memset((*pp)->mem, 0xA5, PAGE);
    }
    return *pp;
}

static int fake_write(void *ctx, uint32_t paddr, const uint8_t *data, uint32_t len)
{
    (void)ctx;
    writes++;
    struct region *r = find(paddr, len);
    if (!r)
        return -1;
    for (uint32_t i = 0; i < len; i++) {
        uint32_t off = paddr - r->base + i;
        struct page *pg = page_of(r, off, 1);
        pg->mem[off % PAGE] = data[i];
        pg->written[off % PAGE] = 1;
    }
    return 0;
}

static int is_written(struct region *r, uint32_t off)
{
    struct page *pg = page_of(r, off, 0);
    return pg && pg->written[off % PAGE];
}

static int dump(uint32_t paddr, uint32_t len, const char *out)
{
    struct region *r = find(paddr, len);
    if (!r) {
        fprintf(stderr, "loader-probe: dump 0x%08x+0x%x is outside the fake memory\n",
                (unsigned)paddr, (unsigned)len);
        return -1;
    }
    FILE *f = fopen(out, "wb");
    if (!f) {
        perror(out);
        return -1;
    }
    for (uint32_t i = 0; i < len; i++) {
        uint32_t off = paddr - r->base + i;
        struct page *pg = page_of(r, off, 0);
        fputc(pg ? pg->mem[off % PAGE] : 0xA5, f);
    }
    if (fclose(f) != 0) {
        perror(out);
        return -1;
    }
    return 0;
}

static int selftest(void)
{
    /* Expected values: pic32mz-ef.md §1.1 (K0 = phys + 0x80000000, K1 = phys + 0xA0000000). */
    static const struct {
        uint32_t addr, len;
        int rc;
        uint32_t phys;
    } cases[] = {
        {0x9D000000u, 16, 0, 0x1D000000u},
        {0xBD1FFFF0u, 16, 0, 0x1D1FFFF0u},
        {0xBFC00000u, 4, 0, 0x1FC00000u},
        {0x80000000u, 0x80000u, 0, 0x00000000u},
        {0xA007FFFCu, 4, 0, 0x0007FFFCu},
        {0x1D000000u, 16, 0, 0x1D000000u},
        {0x00000000u, 0, 0, 0x00000000u},
        {0xC0000000u, 4, 0, 0xC0000000u},
        {0x9FFFFFF0u, 0x20, -1, 0},
        {0xBFFFFFFFu, 2, -1, 0},
        {0x7FFFFFFFu, 2, -1, 0},
        {0xFFFFFFF0u, 0x20, -1, 0},
        {0xFFFFFFF0u, 0x10, 0, 0xFFFFFFF0u},
    };
    int fails = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t p = 0xDEADBEEFu;
        int rc = loader_phys_range(cases[i].addr, cases[i].len, &p);
        if (rc != cases[i].rc || (rc == 0 && p != cases[i].phys)) {
            printf("FAIL phys_range_%zu: 0x%08x+0x%x gave rc %d phys 0x%08x\n", i,
                   (unsigned)cases[i].addr, (unsigned)cases[i].len, rc, (unsigned)p);
            fails++;
        }
    }
    if (!fails)
        printf("PASS phys_range\n");

    static const struct {
        const char *text;
        enum loader_format fmt;
    } det[] = {
        {"\x7f"
         "ELF\x01",
         LOADER_FORMAT_ELF},
        {"S00600004844521B\n", LOADER_FORMAT_SREC},
        {"\r\n\n  :00000001FF", LOADER_FORMAT_IHEX},
        {"\x7f"
         "EL",
         LOADER_FORMAT_UNKNOWN},
        {"hello", LOADER_FORMAT_UNKNOWN},
        {"\n\n", LOADER_FORMAT_UNKNOWN},
    };
    int dfails = 0;
    for (size_t i = 0; i < sizeof det / sizeof det[0]; i++) {
        enum loader_format f = loader_detect((const uint8_t *)det[i].text, strlen(det[i].text));
        if (f != det[i].fmt) {
            printf("FAIL detect_%zu: got %s\n", i, loader_format_name(f));
            dfails++;
        }
    }
    if (!dfails)
        printf("PASS detect\n");

    /* A message that does not fit is cut, never overflows, and stays terminated. */
    char small[12];
    struct loader_result res;
    struct loader_sink sink = {NULL, fake_write};
    memset(small, 'x', sizeof small);
    int rc = loader_load_buffer("a-long-file-name.hex", (const uint8_t *)"junk", 4, &sink, &res,
                                small, sizeof small);
    if (rc != -1 || memchr(small, 0, sizeof small) == NULL ||
        strncmp(small, "a-long-file", 11) != 0) {
        printf("FAIL err_truncation: rc %d\n", rc);
        dfails++;
    } else {
        printf("PASS err_truncation\n");
    }
    return fails || dfails ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--selftest") == 0)
        return selftest();
    if (argc < 2 || (argc - 2) % 4 != 0) {
        fprintf(stderr, "usage: loader-probe FILE [--dump PADDR LEN OUT]...\n"
                        "       loader-probe --selftest\n");
        return 1;
    }
    for (size_t i = 0; i < NREGIONS; i++) {
        regions[i].pages = calloc(regions[i].size / PAGE, sizeof *regions[i].pages);
        if (!regions[i].pages)
            return 1;
    }

    struct loader_sink sink = {NULL, fake_write};
    struct loader_result res = {0xDEADBEEFu, 7};
    char err[512];
    int rc = loader_load(argv[1], &sink, &res, err, sizeof err);
    printf("writes %lu\n", writes);
    if (rc != 0) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    if (res.has_entry)
        printf("entry 0x%08x\n", (unsigned)res.entry);
    else
        printf("entry none\n");
    for (size_t i = 0; i < NREGIONS; i++) {
        struct region *r = &regions[i];
        for (uint32_t a = 0; a < r->size;) {
            if (!page_of(r, a, 0)) {
                a += PAGE;
                continue;
            }
            if (!is_written(r, a)) {
                a++;
                continue;
            }
            uint32_t start = a;
            while (a < r->size && is_written(r, a))
                a++;
            printf("range 0x%08x 0x%x\n", (unsigned)(r->base + start), (unsigned)(a - start));
        }
    }
    int status = 0;
    for (int i = 2; i + 3 < argc; i += 4) {
        if (strcmp(argv[i], "--dump") != 0) {
            fprintf(stderr, "loader-probe: unknown option %s\n", argv[i]);
            return 1;
        }
        uint32_t paddr = (uint32_t)strtoul(argv[i + 1], NULL, 0);
        uint32_t len = (uint32_t)strtoul(argv[i + 2], NULL, 0);
        if (dump(paddr, len, argv[i + 3]) != 0)
            status = 1;
    }
    for (size_t i = 0; i < NREGIONS; i++) {
        for (uint32_t pg = 0; pg < regions[i].size / PAGE; pg++)
            free(regions[i].pages[pg]);
        free(regions[i].pages);
    }
    return status;
}
