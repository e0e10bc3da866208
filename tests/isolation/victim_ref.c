/*
 * victim-ref N [ITER]: the victim's heartbeat sums for beats 1..N, computed on the host as an
 * independent reference for tests/isolation (the algorithm as guests/victim/main.c states
 * it: a 32-bit LCG x' = 1664525 x + 1013904223 folded as s' = rotl(s, 5) ^ x', ITER steps a
 * beat, then the 16 KB pattern p[i] = i * 0x9E3779B9 folded the same way and xored in).
 * Prints "beat N sum SSSSSSSS ram RRRRRRRR" per beat.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t rotl5(uint32_t s)
{
    return (s << 5) | (s >> 27);
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: victim-ref BEATS [ITER]\n");
        return 2;
    }
    char *end;
    unsigned long beats = strtoul(argv[1], &end, 0);
    unsigned long iter = 250000;
    if (*end || (argc == 3 && (iter = strtoul(argv[2], &end, 0), *end))) {
        fprintf(stderr, "victim-ref: not a number\n");
        return 2;
    }
    uint32_t ram = 0;
    for (uint32_t i = 0; i < 4096; i++)
        ram = rotl5(ram) ^ (i * 0x9E3779B9u);
    uint32_t x = 1, sum = 0;
    for (unsigned long b = 1; b <= beats; b++) {
        for (unsigned long i = 0; i < iter; i++) {
            x = x * 1664525u + 1013904223u;
            sum = rotl5(sum) ^ x;
        }
        sum ^= ram;
        printf("beat %lu sum %08" PRIx32 " ram %08" PRIx32 "\n", b, sum, ram);
    }
    return 0;
}
