/*
 * mcode.c -- the growable machine-code buffer of mcode.h (plain malloc: it holds bytes and
 * symbol names, never Python values).
 */
#include "backend/mcode.h"

#include <stdlib.h>
#include <string.h>

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q)
        abort();
    return q;
}

void mc_init(McCode *c) { memset(c, 0, sizeof *c); }

void mc_free(McCode *c)
{
    free(c->bytes);
    free(c->relocs);
    memset(c, 0, sizeof *c);
}

static void reserve(McCode *c, size_t n)
{
    if (c->size + n <= c->cap)
        return;
    size_t cap = c->cap ? c->cap * 2 : 256;
    while (cap < c->size + n)
        cap *= 2;
    c->bytes = xrealloc(c->bytes, cap);
    c->cap = cap;
}

void mc_byte(McCode *c, uint8_t b)
{
    reserve(c, 1);
    c->bytes[c->size++] = b;
}

void mc_bytes(McCode *c, const void *p, size_t n)
{
    reserve(c, n);
    memcpy(c->bytes + c->size, p, n);
    c->size += n;
}

void mc_u32(McCode *c, uint32_t v)
{
    uint8_t b[4] = {v, v >> 8, v >> 16, v >> 24};
    mc_bytes(c, b, 4);
}

void mc_u64(McCode *c, uint64_t v)
{
    mc_u32(c, (uint32_t)v);
    mc_u32(c, (uint32_t)(v >> 32));
}

void mc_patch_u32(McCode *c, size_t at, uint32_t v)
{
    TR_ASSERT(at + 4 <= c->size);
    uint8_t b[4] = {v, v >> 8, v >> 16, v >> 24};
    memcpy(c->bytes + at, b, 4);
}

void mc_reloc(McCode *c, McRelocKind kind, const char *sym, int64_t addend)
{
    if (c->nrelocs == c->relocs_cap) {
        c->relocs_cap = c->relocs_cap ? c->relocs_cap * 2 : 16;
        c->relocs = xrealloc(c->relocs, sizeof(McReloc) * (size_t)c->relocs_cap);
    }
    c->relocs[c->nrelocs++] = (McReloc){(uint32_t)c->size, (uint8_t)kind, sym, addend};
}
