/*
 * frame.c -- where frames live: the data stack (chunks from libgc, so the collector scans every
 * value in them; frames are pushed and popped LIFO, no malloc per call), heap frames for
 * generators, and frame queries (line numbers, locals()).
 */
#include "vm/frame.h"

#include "runtime/runtime.h"

#include <gc/gc.h>
#include <gc/gc_mark.h>
#include <string.h>

/* A chunk of the data stack. Chunks are never returned to libgc explicitly: a popped chunk is
   kept as a spare so that a call sequence straddling a chunk boundary does not allocate. */
struct DsChunk {
    DsChunk *prev;
    TrValue *limit;
    TrValue data[];
};

/* Small chunks: the collector scans a chunk whole at every collection, used or not. */
#define DS_CHUNK_VALUES (4 * 1024) /* 32 KB */

DsChunk *vm_ds_chunk;
TrValue *vm_ds_top, *vm_ds_limit;
static DsChunk *ds_spare;

Frame *vm_cur_frame;

/* Called by libgc at the start of every collection (allocation lock held, so it must not
   allocate): zeroes the unused part of the current chunk and the spare chunk. Frames are pushed
   without clearing their value stack, and popped frames leave their values behind; the collector
   scans chunks whole, so those words would otherwise keep dead objects alive. */
static GC_start_callback_proc ds_prev_callback;

static void GC_CALLBACK ds_clear_unused(void)
{
    if (vm_ds_top)
        memset(vm_ds_top, 0, (size_t)(vm_ds_limit - vm_ds_top) * sizeof(TrValue));
    if (ds_spare)
        memset(ds_spare->data, 0, (size_t)(ds_spare->limit - ds_spare->data) * sizeof(TrValue));
    if (ds_prev_callback)
        ds_prev_callback();
}

static void ds_grow(size_t words)
{
    static bool hooked;
    if (!hooked) {
        hooked = true;
        ds_prev_callback = GC_get_start_callback();
        GC_set_start_callback(ds_clear_unused);
    }
    size_t n = words > DS_CHUNK_VALUES ? words : DS_CHUNK_VALUES;
    DsChunk *c;
    if (ds_spare && (size_t)(ds_spare->limit - ds_spare->data) >= n) {
        c = ds_spare;
        ds_spare = NULL;
    } else {
        c = tr_alloc(sizeof(DsChunk) + n * sizeof(TrValue));
        c->limit = c->data + n;
    }
    c->prev = vm_ds_chunk;
    vm_ds_chunk = c;
    vm_ds_top = c->data;
    vm_ds_limit = c->limit;
}

Frame *vm_frame_push(CodeObj *co)
{
    size_t words = frame_words(co);
    TrValue *prev = vm_ds_top;
    DsChunk *prev_chunk = vm_ds_chunk;
    if (TR_UNLIKELY(!vm_ds_top || (size_t)(vm_ds_limit - vm_ds_top) < words))
        ds_grow(words);
    Frame *f = (Frame *)vm_ds_top;
    vm_ds_top += words;
    /* the header and localsplus; stale words in the value stack are harmless (frame.h) */
    memset(f, 0, sizeof(Frame) + (size_t)co->nlocalsplus * sizeof(TrValue));
    f->co = co;
    f->ds_prev = prev ? prev : (TrValue *)1; /* non-NULL marks a data-stack frame */
    f->ds_chunk = prev_chunk;
    f->sp = f->lp + co->nlocalsplus;
    f->ip = co->code;
    return f;
}

void vm_frame_pop(Frame *f)
{
    if (f->ds_chunk != vm_ds_chunk) { /* f was the first frame of the current chunk */
        ds_spare = vm_ds_chunk;
        vm_ds_chunk = f->ds_chunk;
        vm_ds_limit = vm_ds_chunk ? vm_ds_chunk->limit : NULL;
    }
    vm_ds_top = f->ds_prev == (TrValue *)1 ? NULL : f->ds_prev;
}

Frame *vm_frame_heap(CodeObj *co)
{
    Frame *f = tr_alloc(frame_words(co) * sizeof(TrValue));
    f->co = co;
    f->sp = f->lp + co->nlocalsplus;
    f->ip = co->code;
    return f;
}

Frame *vm_frame_to_heap(Frame *f)
{
    Frame *h = vm_frame_heap(f->co);
    size_t used = (size_t)(f->sp - f->lp);
    memcpy(h, f, sizeof(Frame));
    memcpy(h->lp, f->lp, used * sizeof(TrValue));
    h->sp = h->lp + used;
    h->ds_prev = NULL;
    h->ds_chunk = NULL;
    return h;
}

int vm_frame_line(const Frame *f, int lasti)
{
    const CodeObj *co = f->co;
    if (lasti >= co->ncode)
        lasti = co->ncode - 1;
    for (int i = lasti; i >= 0; i--)
        if (co->lines[i] >= 0)
            return co->lines[i];
    return co->firstlineno;
}

TrValue vm_frame_locals_dict(Frame *f)
{
    if (f->locals)
        return f->locals;
    CodeObj *co = f->co;
    TrValue d = tr_dict_new();
    TrTuple *names = tr_as_tuple(co->localsplusnames);
    for (int i = 0; i < co->nlocalsplus; i++) {
        TrValue v = f->lp[i];
        uint8_t kind = co->localspluskinds[i];
        if (v && (kind & (CO_FAST_CELL | CO_FAST_FREE)) && tr_is_ptr(v) &&
            tr_obj(v)->type == &tr_cell_type)
            v = ((TrCell *)tr_obj(v))->ref;
        if (v && tr_dict_set(d, names->items[i], v) < 0)
            return TR_ERR;
    }
    return d;
}
