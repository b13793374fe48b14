/*
 * mod_heapq.c -- the _heapq module: the heap primitives on a list (heappush, heappop, heapify,
 * heapreplace, heappushpop and the max-heap helpers nlargest uses), with CPython's sift order so
 * that the list's layout matches element for element. lib/heapq.py adds merge/nlargest/nsmallest.
 */
#include "runtime/mod_util.h"

/* items[pos] moves up toward startpos while smaller than its parent (CPython's _siftdown). */
static int siftdown(TrValue heap, int64_t startpos, int64_t pos, bool max)
{
    TrList *l = tr_as_list(heap);
    TrValue item = l->items[pos];
    while (pos > startpos) {
        int64_t parentpos = (pos - 1) >> 1;
        TrValue parent = l->items[parentpos];
        int lt = max ? tr_richcmp_bool(parent, item, TR_LT) : tr_richcmp_bool(item, parent, TR_LT);
        if (lt < 0)
            return -1;
        if (l->len <= pos || l->len <= parentpos) {
            tr_raise(&tr_RuntimeError, "list changed size during iteration");
            return -1;
        }
        if (!lt)
            break;
        l->items[pos] = parent;
        pos = parentpos;
    }
    l->items[pos] = item;
    return 0;
}

/* CPython's _siftup: move the smaller child up until a leaf, then siftdown. */
static int siftup(TrValue heap, int64_t pos, bool max)
{
    TrList *l = tr_as_list(heap);
    int64_t endpos = l->len, startpos = pos;
    TrValue item = l->items[pos];
    int64_t childpos = 2 * pos + 1;
    while (childpos < endpos) {
        int64_t rightpos = childpos + 1;
        if (rightpos < endpos) {
            TrValue a = l->items[childpos], b = l->items[rightpos];
            int lt = max ? tr_richcmp_bool(b, a, TR_LT) : tr_richcmp_bool(a, b, TR_LT);
            if (lt < 0)
                return -1;
            if (l->len != endpos) {
                tr_raise(&tr_RuntimeError, "list changed size during iteration");
                return -1;
            }
            if (!lt)
                childpos = rightpos;
        }
        l->items[pos] = l->items[childpos];
        pos = childpos;
        childpos = 2 * pos + 1;
    }
    l->items[pos] = item;
    return siftdown(heap, startpos, pos, max);
}

static int heap_arg(const char *name, const TrValue *args, size_t nargs, TrValue kw, size_t n)
{
    if (tr_no_kwargs(name, kw) < 0)
        return -1;
    if (n == 1) {
        if (nargs != 1) {
            tr_raise(&tr_TypeError, "%s() takes exactly one argument (%zu given)", name, nargs);
            return -1;
        }
    } else if (tr_check_nargs(name, nargs, n, n) < 0)
        return -1;
    if (!tr_is_list(args[0])) {
        tr_raise(&tr_TypeError, "%s() argument 1 must be list, not %T", name, args[0]);
        return -1;
    }
    return 0;
}

#define FN(name) static TrValue name(TrValue self, const TrValue *args, size_t nargs, TrValue kw)

FN(heappush)
{
    if (heap_arg("heappush", args, nargs, kw, 2) < 0 || tr_list_append(args[0], args[1]) < 0)
        return TR_ERR;
    return siftdown(args[0], 0, tr_as_list(args[0])->len - 1, false) < 0 ? TR_ERR : TR_NONE;
}

static TrValue pop(TrValue heap, bool max)
{
    TrList *l = tr_as_list(heap);
    if (l->len == 0)
        return tr_raise(&tr_IndexError, "index out of range");
    TrValue last = l->items[--l->len];
    l->items[l->len] = 0;
    if (l->len == 0)
        return last;
    TrValue ret = l->items[0];
    l->items[0] = last;
    return siftup(heap, 0, max) < 0 ? TR_ERR : ret;
}

FN(heappop) { return heap_arg("heappop", args, nargs, kw, 1) < 0 ? TR_ERR : pop(args[0], false); }
FN(heappop_max)
{
    return heap_arg("_heappop_max", args, nargs, kw, 1) < 0 ? TR_ERR : pop(args[0], true);
}

static TrValue replace(const char *name, const TrValue *args, size_t nargs, TrValue kw, bool max)
{
    if (heap_arg(name, args, nargs, kw, 2) < 0)
        return TR_ERR;
    TrList *l = tr_as_list(args[0]);
    if (l->len == 0)
        return tr_raise(&tr_IndexError, "index out of range");
    TrValue ret = l->items[0];
    l->items[0] = args[1];
    return siftup(args[0], 0, max) < 0 ? TR_ERR : ret;
}

FN(heapreplace) { return replace("heapreplace", args, nargs, kw, false); }
FN(heapreplace_max) { return replace("_heapreplace_max", args, nargs, kw, true); }

FN(heappushpop)
{
    if (heap_arg("heappushpop", args, nargs, kw, 2) < 0)
        return TR_ERR;
    TrList *l = tr_as_list(args[0]);
    if (l->len == 0)
        return args[1];
    int lt = tr_richcmp_bool(l->items[0], args[1], TR_LT);
    if (lt < 0)
        return TR_ERR;
    if (!lt)
        return args[1];
    if (l->len == 0)
        return tr_raise(&tr_IndexError, "index out of range");
    TrValue ret = l->items[0];
    l->items[0] = args[1];
    return siftup(args[0], 0, false) < 0 ? TR_ERR : ret;
}

static TrValue heapify_impl(const char *name, const TrValue *args, size_t nargs, TrValue kw,
                            bool max)
{
    if (heap_arg(name, args, nargs, kw, 1) < 0)
        return TR_ERR;
    for (int64_t i = tr_as_list(args[0])->len / 2 - 1; i >= 0; i--)
        if (siftup(args[0], i, max) < 0)
            return TR_ERR;
    return TR_NONE;
}

FN(heapify) { return heapify_impl("heapify", args, nargs, kw, false); }
FN(heapify_max) { return heapify_impl("_heapify_max", args, nargs, kw, true); }

static const TrMethodDef heapq_functions[] = {
    {"heappush", heappush, 0},        {"heappop", heappop, 0},
    {"heapify", heapify, 0},          {"heapreplace", heapreplace, 0},
    {"heappushpop", heappushpop, 0},  {"_heappop_max", heappop_max, 0},
    {"_heapify_max", heapify_max, 0}, {"_heapreplace_max", heapreplace_max, 0},
    {NULL, NULL, 0},
};

TrValue tr_mod__heapq_init(void)
{
    TrValue m = tr_module_new(tr_str_intern_cstr("_heapq"));
    tr_module_add_functions(m, heapq_functions);
    return m;
}
