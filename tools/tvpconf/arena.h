/*
 * One arena per run: the whole configuration model lives in it and is freed at once, so
 * an error path never leaks and never frees twice.
 */
#ifndef TVPCONF_ARENA_H
#define TVPCONF_ARENA_H

#include <stddef.h>

struct arena {
    struct arena_block *head;
};

void *arena_alloc(struct arena *a, size_t size); /* zeroed; exits on out-of-memory */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

/*
 * A growable array in the arena: VEC(T) has .v, .n, .cap. vec_push returns a zeroed slot.
 * Growing copies into a fresh block; the old one stays until arena_free (small waste).
 */
#define VEC(T)                                                                                     \
    struct {                                                                                       \
        T *v;                                                                                      \
        size_t n, cap;                                                                             \
    }
void *vec_grow(struct arena *a, void *v, size_t *cap, size_t elem);
#define vec_push(a, vec)                                                                           \
    ((vec)->n == (vec)->cap                                                                        \
         ? (void)((vec)->v = vec_grow((a), (vec)->v, &(vec)->cap, sizeof(*(vec)->v)))              \
         : (void)0,                                                                                \
     &(vec)->v[(vec)->n++])

#endif
