/* libFuzzer harness for the image loaders (ELF, S-record, Intel HEX).
 *
 * Feeds arbitrary bytes to loader_load_buffer with a sink that models the PIC32MZ-EF memory map
 * (pic32mz-ef.md §1.1) and copies every chunk, so that ASan sees any read outside the input.
 * Checks the interface contract: 0 or -1 only; on -1 a terminated message that starts with
 * the file name; on 0 a message buffer left alone; no sink call after a refusal.
 * Run by tests/loaders/run.sh for a bounded time; corpus seeds in tests/fuzz/loaders/.
 */
#include "../../sim/host/loader.h"

#include <stdlib.h>
#include <string.h>

static uint8_t ram[0x80000], flash[0x200000], boot[0x74000];
static int refused;

static int sink_write(void *ctx, uint32_t paddr, const uint8_t *data, uint32_t len)
{
    (void)ctx;
    if (refused)
        abort(); /* the loader must stop at the first refusal */
    uint64_t end = (uint64_t)paddr + len;
    uint8_t *dst = NULL;
    if (end <= sizeof ram)
        dst = ram + paddr;
    else if (paddr >= 0x1D000000u && end <= 0x1D000000u + sizeof flash)
        dst = flash + (paddr - 0x1D000000u);
    else if (paddr >= 0x1FC00000u && end <= 0x1FC00000u + sizeof boot)
        dst = boot + (paddr - 0x1FC00000u);
    if (!dst) {
        refused = 1;
        return -1;
    }
    memcpy(dst, data, len);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct loader_sink sink = {NULL, sink_write};
    struct loader_result res;
    char err[256];
    memset(err, 0x5A, sizeof err);
    refused = 0;
    int rc = loader_load_buffer("fuzz", data, size, &sink, &res, err, sizeof err);
    if (rc == 0) {
        if (err[0] != 0x5A || refused)
            abort();
    } else if (rc == -1) {
        if (!memchr(err, 0, sizeof err) || strncmp(err, "fuzz:", 5) != 0)
            abort();
    } else {
        abort();
    }
    return 0;
}
