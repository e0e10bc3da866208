/* --dump-checksum (dumpsum.h). */
#include "dumpsum.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>

#include "../soc/machine.h"

#define DUMPSUM_MAX 256

static struct {
    uint32_t start, len;
} ranges[DUMPSUM_MAX];
static unsigned nranges;

int dumpsum_add(const char *spec)
{
    char *end;
    errno = 0;
    unsigned long long start = strtoull(spec, &end, 0);
    bool ok = !errno && end != spec && *end == ':' && spec[0] != '-';
    unsigned long long len = 0;
    if (ok) {
        const char *l = end + 1;
        len = strtoull(l, &end, 0);
        ok = !errno && end != l && !*end && l[0] != '-' && len > 0 && start <= UINT32_MAX &&
             len <= (unsigned long long)UINT32_MAX + 1 - start;
    }
    if (!ok) {
        fprintf(stderr, "pic32mz-sim: --dump-checksum: expected START:LEN inside 4 GB, not '%s'\n",
                spec);
        return -1;
    }
    if (nranges == DUMPSUM_MAX) {
        fprintf(stderr, "pic32mz-sim: --dump-checksum: more than %d ranges\n", DUMPSUM_MAX);
        return -1;
    }
    ranges[nranges].start = (uint32_t)start;
    ranges[nranges].len = (uint32_t)len;
    nranges++;
    return 0;
}

/* CRC-32 (reflected, polynomial 0xEDB88320), bit by bit: ranges are small. */
static uint32_t crc32_update(uint32_t crc, uint8_t byte)
{
    crc ^= byte;
    for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    return crc;
}

void dumpsum_print(struct machine *m, FILE *f)
{
    for (unsigned i = 0; i < nranges; i++) {
        uint32_t crc = 0xFFFFFFFFu;
        bool ok = true;
        for (uint32_t off = 0; off < ranges[i].len && ok; off++) {
            uint8_t b;
            ok = bus_peek(&m->bus, ranges[i].start + off, &b, 1) == 0;
            crc = crc32_update(crc, b);
        }
        if (ok)
            fprintf(f, "checksum 0x%08" PRIx32 ":0x%" PRIx32 " %08" PRIx32 "\n", ranges[i].start,
                    ranges[i].len, ~crc);
        else
            fprintf(f, "checksum 0x%08" PRIx32 ":0x%" PRIx32 " none\n", ranges[i].start,
                    ranges[i].len);
    }
}
