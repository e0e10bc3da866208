/* libFuzzer harness for tools/tvpconf/elf32.c: any byte string is either refused with a
 * message naming the file and an offset, or parsed into segments whose data lies inside the
 * reader's copy of the file.  Corpus: tests/fuzz/elf32/. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf32.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static volatile unsigned sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct elf32_image e;
    char err[300];
    if (elf32_parse(data, size, "fuzz.elf", &e, err, sizeof err) != 0) {
        if (strncmp(err, "fuzz.elf: offset 0x", 19) != 0)
            abort(); /* every refusal names the file and an offset */
        return 0;
    }
    for (size_t i = 0; i < e.n_segments; i++) {
        const struct elf32_segment *s = &e.segments[i];
        if (s->filesz > s->memsz || s->data < e.file || s->data + s->filesz > e.file + e.file_size)
            abort();
        for (uint32_t k = 0; k < s->filesz; k++)
            sink += s->data[k]; /* ASan checks every byte is inside the copy */
    }
    uint32_t v;
    (void)elf32_symbol(&e, "start", &v);
    (void)elf32_symbol(&e, "", &v);
    if (size > 8) {
        char name[8];
        memcpy(name, data + size - 8, 7);
        name[7] = 0;
        (void)elf32_symbol(&e, name, &v);
    }
    elf32_free(&e);
    return 0;
}
