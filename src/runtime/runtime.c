/*
 * runtime.c -- start-up of the runtime library: the collector, every built-in type (types.def),
 * the singletons None / NotImplemented / Ellipsis, and the memory entry points on libgc.
 */
#include "runtime/runtime.h"

#include <gc/gc.h>
#include <gc/gc_inline.h>
#include <gc/gc_mark.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

TrThreadState tr_ts;

/* --- Memory ----------------------------------------------------------------------------- */

static void out_of_memory(void)
{
    fputs("MemoryError\n", stderr);
    exit(1);
}

/* Small scanned objects come from free lists of our own, one per size in granules, refilled
   in batches by GC_generic_malloc_many (libgc's gc_inline.h scheme): no lock, no thread-local
   lookup per object. The lists are roots (static), and each object links to the next through
   its first word, which the collector scans, so listed objects stay reserved. Sizes keep
   GC_MALLOC's extra byte, so a pointer just past the end of an object still keeps it alive.
   Atomic objects cannot be listed this way (their links would not be scanned). */
static void *small_fl[GC_TINY_FREELISTS];

static void *alloc_refill(size_t granules)
{
    GC_generic_malloc_many(granules * GC_GRANULE_BYTES, GC_I_NORMAL, &small_fl[granules]);
    void *p = small_fl[granules];
    if (TR_UNLIKELY(!p))
        out_of_memory();
    small_fl[granules] = *(void **)p;
    *(void **)p = NULL;
    return p;
}

/* Before a large allocation that the free space cannot hold, collect rather than let libgc
   grow the heap: a big list or buffer often replaces one of the same size that just died (as
   when a function building one is called in a loop), and growing would double the peak. */
static void before_large(size_t size)
{
    if (size >= ((size_t)1 << 20) && size > GC_get_free_bytes())
        GC_gcollect();
}

void *tr_alloc(size_t size)
{
    size_t granules = (size + 1 + GC_GRANULE_BYTES - 1) / GC_GRANULE_BYTES;
    if (TR_LIKELY(granules - 1 < GC_TINY_FREELISTS - 1)) { /* 0 < granules < TINY */
        void *p = small_fl[granules];
        if (TR_LIKELY(p)) {
            small_fl[granules] = *(void **)p;
            *(void **)p = NULL; /* the rest is already zero */
            return p;
        }
        return alloc_refill(granules);
    }
    before_large(size);
    void *p = GC_MALLOC(size);
    if (TR_UNLIKELY(!p))
        out_of_memory();
    return p;
}

/* str objects: a kind of their own whose mark descriptor names their only two pointer words
   (the type and the cached UTF-8), so the collector never scans the text itself. Same free
   list scheme as tr_alloc (the link is in word 0, which the descriptor marks). */
static unsigned str_kind;
static void *str_fl[GC_TINY_FREELISTS];

static void str_kind_init(void)
{
    const unsigned top = 8 * sizeof(GC_word) - 1;
    GC_word bits = ((GC_word)1 << top) | ((GC_word)1 << (top - offsetof(TrStr, utf8) / 8));
    str_kind = GC_new_kind(GC_new_free_list(), bits | GC_DS_BITMAP, 0, 1);
}

void *tr_alloc_str(size_t size)
{
    size_t granules = (size + 1 + GC_GRANULE_BYTES - 1) / GC_GRANULE_BYTES;
    if (TR_LIKELY(granules - 1 < GC_TINY_FREELISTS - 1)) {
        void *p = str_fl[granules];
        if (TR_UNLIKELY(!p)) {
            GC_generic_malloc_many(granules * GC_GRANULE_BYTES, (int)str_kind, &str_fl[granules]);
            p = str_fl[granules];
            if (TR_UNLIKELY(!p))
                out_of_memory();
        }
        str_fl[granules] = *(void **)p;
        *(void **)p = NULL;
        return p;
    }
    before_large(size);
    /* str_kind clears (ok_init), and GC_generic_malloc clears large objects of such a kind
       itself, after releasing its lock (libgc 8.2 malloc.c): no second memset here */
    void *p = GC_generic_malloc(size, (int)str_kind);
    if (TR_UNLIKELY(!p))
        out_of_memory();
    return p;
}

void *tr_alloc_atomic(size_t size)
{
    if (size >= ((size_t)1 << 20))
        before_large(size);
    void *p = GC_MALLOC_ATOMIC(size);
    if (TR_UNLIKELY(!p))
        out_of_memory();
    return p;
}

void *tr_realloc(void *p, size_t size)
{
    if (size >= ((size_t)1 << 20))
        before_large(size);
    void *q = GC_REALLOC(p, size);
    if (TR_UNLIKELY(!q && size))
        out_of_memory();
    return q;
}

void *tr_obj_new(size_t size, TrType *type)
{
    TrObject *o = tr_alloc(size);
    o->type = type;
    return o;
}

/* --- Singletons ------------------------------------------------------------------------- */

static TrValue none_repr(TrValue v) { return tr_str_from_cstr("None"); }
static TrValue notimpl_repr(TrValue v) { return tr_str_from_cstr("NotImplemented"); }
static TrValue ellipsis_repr(TrValue v) { return tr_str_from_cstr("Ellipsis"); }
static int none_truth(TrValue v) { return 0; }
static int64_t singleton_hash(TrValue v) { return tr_hash_pointer(tr_obj(v)); }

static TrValue none_new(TrType *t, const TrValue *args, size_t nargs, TrValue kw)
{
    if (nargs || tr_nkw(kw))
        return tr_raise(&tr_TypeError, "NoneType takes no arguments");
    return TR_NONE;
}

TrType tr_none_type = {
    .ob = {&tr_type_type}, .name = "NoneType", .basicsize = sizeof(TrObject),
    .repr = none_repr, .truth = none_truth, .hash = singleton_hash, .new = none_new,
};
TrType tr_notimpl_type = {
    .ob = {&tr_type_type}, .name = "NotImplementedType", .basicsize = sizeof(TrObject),
    .repr = notimpl_repr, .hash = singleton_hash,
};
TrType tr_ellipsis_type = {
    .ob = {&tr_type_type}, .name = "ellipsis", .basicsize = sizeof(TrObject),
    .repr = ellipsis_repr, .hash = singleton_hash,
};

TrObject tr_none_obj = {&tr_none_type};
TrObject tr_notimpl_obj = {&tr_notimpl_type};
TrObject tr_ellipsis_obj = {&tr_ellipsis_type};
TrObject tr_true_obj = {&tr_bool_type};
TrObject tr_false_obj = {&tr_bool_type};

/* --- Start-up --------------------------------------------------------------------------- */

#define TYPE(var, name) extern TrType var;
#include "runtime/types.def"
#undef TYPE

int tr_enter_call(void)
{
    if (TR_UNLIKELY(++tr_ts.depth > tr_ts.recursion_limit)) {
        tr_ts.depth--;
        tr_raise(&tr_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    return 0;
}

void tr_runtime_init(int argc, char **argv)
{
    GC_INIT();
    GC_set_free_space_divisor(2); /* grow the heap rather than collect too often */
    str_kind_init();
    tr_ts.recursion_limit = 1000;
    tr_int_init();
#define TYPE(var, name) tr_type_ready(&var);
#include "runtime/types.def"
#undef TYPE
    tr_exc_init();
    tr_sys_set_argv(argc, argv);
}

void tr_runtime_fini(void) { tr_io_flush_std(); }
