/*
 * arena.c -- bump allocator for compiler data. Chunks are libgc "uncollectable" blocks: the
 * collector scans them for pointers (so TrValues kept in AST or code tables survive) but never
 * frees them on its own; arena_free releases them all.
 */
#include "common/arena.h"

#include <gc/gc.h>
#include <string.h>

struct ArenaChunk {
    ArenaChunk *next;
    size_t size;
};

enum { CHUNK_MIN = 64 * 1024 };

void arena_init(Arena *a)
{
    a->head = NULL;
    a->ptr = a->end = NULL;
}

void *arena_alloc(Arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if ((size_t)(a->end - a->ptr) < size) {
        size_t want = size + 32 > CHUNK_MIN ? size + 32 : CHUNK_MIN;
        ArenaChunk *c = GC_MALLOC_UNCOLLECTABLE(want);
        if (!c)
            TR_ASSERT(!"out of memory");
        c->next = a->head;
        c->size = want;
        a->head = c;
        a->ptr = (char *)c + 32;
        a->end = (char *)c + want;
    }
    void *p = a->ptr;
    a->ptr += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

void arena_free(Arena *a)
{
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *next = c->next;
        GC_FREE(c);
        c = next;
    }
    arena_init(a);
}
