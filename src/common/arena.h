/*
 * arena.h -- bump allocation for one compilation; everything is freed at once by arena_free.
 * Chunks come from libgc as uncollectable memory, so Python objects (constants) stored in
 * arena memory stay alive and reachable for the collector until the arena is freed.
 */
#ifndef TR_ARENA_H
#define TR_ARENA_H

#include "common/base.h"

typedef struct ArenaChunk ArenaChunk;
typedef struct Arena {
    ArenaChunk *head;
    char *ptr, *end;
} Arena;

void arena_init(Arena *a);
void *arena_alloc(Arena *a, size_t size); /* zeroed, 16-byte aligned */
char *arena_strndup(Arena *a, const char *s, size_t n);
void arena_free(Arena *a);

#define ARENA_NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

#endif
