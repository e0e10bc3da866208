/* Bump allocator for the configuration model (see arena.h). */
#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
    struct arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

#define BLOCK_MIN (64 * 1024)

void *arena_alloc(struct arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    struct arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t bs = size > BLOCK_MIN ? size : BLOCK_MIN;
        b = malloc(sizeof(*b) + bs);
        if (!b) {
            fprintf(stderr, "tvpconf: out of memory\n");
            exit(2);
        }
        b->size = bs;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

void *vec_grow(struct arena *a, void *v, size_t *cap, size_t elem)
{
    size_t ncap = *cap ? *cap * 2 : 8;
    void *nv = arena_alloc(a, ncap * elem);
    if (v)
        memcpy(nv, v, *cap * elem);
    *cap = ncap;
    return nv;
}

void arena_free(struct arena *a)
{
    while (a->head) {
        struct arena_block *n = a->head->next;
        free(a->head);
        a->head = n;
    }
}
