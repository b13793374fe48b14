/*
 * list_sort.c -- list.sort and tr_list_sort (used by sorted()): a stable merge sort on the
 * timsort skeleton (count_run + binary insertion into minrun-sized runs, then merges), so the
 * comparisons made on short lists are CPython's and so is the first TypeError of a mixed list.
 * Only `<` is used. The list looks empty while sorting, to detect modification.
 */
#include "runtime/containers_util.h"
#include "runtime/float.h"
#include "runtime/list.h"

typedef struct SortState {
    TrValue *keys;
    TrValue *values; /* NULL when the keys are the values */
    TrValue *tmp;    /* merge buffer, n keys then n values */
} SortState;

/* a < b: 1, 0, or -1 on error; the common homogeneous cases skip the generic protocol */
static inline int lt(TrValue a, TrValue b)
{
    if (tr_is_small(a) && tr_is_small(b))
        return (int64_t)a < (int64_t)b;
    if (cu_is_exact_str(a) && cu_is_exact_str(b))
        return tr_str_cmp(a, b) < 0;
    if (tr_is_flonum(a) && tr_is_flonum(b))
        return tr_flonum_val(a) < tr_flonum_val(b);
    return tr_richcmp_bool(a, b, TR_LT);
}

static void reverse_slice(TrValue *lo, TrValue *hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        TrValue t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

/* Length of the run starting at lo (strictly descending runs are reported and reversed). */
static int64_t count_run(SortState *s, int64_t lo, int64_t hi, bool *descending)
{
    TrValue *k = s->keys;
    *descending = false;
    if (lo + 1 == hi)
        return 1;
    int64_t n = 2;
    int c = lt(k[lo + 1], k[lo]);
    if (c < 0)
        return -1;
    if (c) {
        *descending = true;
        for (int64_t i = lo + 2; i < hi; i++, n++) {
            c = lt(k[i], k[i - 1]);
            if (c < 0)
                return -1;
            if (!c)
                break;
        }
    } else {
        for (int64_t i = lo + 2; i < hi; i++, n++) {
            c = lt(k[i], k[i - 1]);
            if (c < 0)
                return -1;
            if (c)
                break;
        }
    }
    return n;
}

/* Binary insertion of [start, hi) into the sorted [lo, start). */
static int binarysort(SortState *s, int64_t lo, int64_t hi, int64_t start)
{
    TrValue *k = s->keys, *v = s->values;
    if (lo == start)
        start++;
    for (; start < hi; start++) {
        int64_t l = lo, r = start;
        TrValue pivot = k[r];
        do {
            int64_t p = l + ((r - l) >> 1);
            int c = lt(pivot, k[p]);
            if (c < 0)
                return -1;
            if (c)
                r = p;
            else
                l = p + 1;
        } while (l < r);
        memmove(k + l + 1, k + l, (size_t)(start - l) * sizeof(TrValue));
        k[l] = pivot;
        if (v) {
            TrValue pv = v[start];
            memmove(v + l + 1, v + l, (size_t)(start - l) * sizeof(TrValue));
            v[l] = pv;
        }
    }
    return 0;
}

/* Stable merge of the adjacent sorted runs [lo, mid) and [mid, hi). */
static int merge(SortState *s, int64_t lo, int64_t mid, int64_t hi, int64_t n)
{
    TrValue *k = s->keys, *v = s->values;
    TrValue *tk = s->tmp, *tv = s->tmp + n;
    int64_t nl = mid - lo;
    memcpy(tk, k + lo, (size_t)nl * sizeof(TrValue));
    if (v)
        memcpy(tv, v + lo, (size_t)nl * sizeof(TrValue));
    int64_t i = 0, j = mid, d = lo;
    int rc = 0;
    while (i < nl && j < hi) {
        int c = lt(k[j], tk[i]);
        if (c < 0) {
            rc = -1;
            break;
        }
        if (c) {
            if (v)
                v[d] = v[j];
            k[d++] = k[j++];
        } else {
            if (v)
                v[d] = tv[i];
            k[d++] = tk[i++];
        }
    }
    /* on error too: put the rest of the left run back so no item is lost */
    memcpy(k + d, tk + i, (size_t)(nl - i) * sizeof(TrValue));
    if (v)
        memcpy(v + d, tv + i, (size_t)(nl - i) * sizeof(TrValue));
    return rc;
}

static int64_t compute_minrun(int64_t n)
{
    int64_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static int sort_slice(SortState *s, int64_t n)
{
    int64_t minrun = compute_minrun(n);
    int64_t *runs = tr_alloc_atomic(((size_t)n / (size_t)minrun + 2) * sizeof(int64_t));
    int64_t nruns = 0, lo = 0;
    while (lo < n) {
        bool desc;
        int64_t len = count_run(s, lo, n, &desc);
        if (len < 0)
            return -1;
        if (desc) {
            reverse_slice(s->keys + lo, s->keys + lo + len);
            if (s->values)
                reverse_slice(s->values + lo, s->values + lo + len);
        }
        if (len < minrun) {
            int64_t force = n - lo <= minrun ? n - lo : minrun;
            if (binarysort(s, lo, lo + force, lo + len) < 0)
                return -1;
            len = force;
        }
        runs[nruns++] = lo;
        lo += len;
    }
    runs[nruns] = n;
    if (nruns > 1)
        s->tmp = tr_alloc((size_t)n * 2 * sizeof(TrValue));
    while (nruns > 1) { /* merge neighbours pairwise until one run remains */
        int64_t out = 0;
        for (int64_t r = 0; r < nruns; r += 2) {
            if (r + 1 < nruns && merge(s, runs[r], runs[r + 1], runs[r + 2], n) < 0)
                return -1;
            runs[out++] = runs[r];
        }
        runs[out] = n;
        nruns = out;
    }
    return 0;
}

int tr_list_sort(TrValue list, TrValue key, bool reverse)
{
    TrList *l = tr_as_list(list);
    int64_t n = l->len, cap = l->cap;
    TrValue *items = l->items;
    l->len = l->cap = 0;
    l->items = NULL;

    SortState s = {items, NULL, NULL};
    int rc = 0;
    if (key && key != TR_NONE && n > 0) {
        s.keys = tr_alloc((size_t)n * sizeof(TrValue));
        s.values = items;
        for (int64_t i = 0; i < n; i++) {
            s.keys[i] = tr_call1(key, items[i]);
            if (!s.keys[i]) {
                rc = -1;
                goto restore;
            }
        }
    }
    if (n > 1) {
        if (reverse) {
            reverse_slice(s.keys, s.keys + n);
            if (s.values)
                reverse_slice(s.values, s.values + n);
        }
        rc = sort_slice(&s, n);
        if (reverse)
            reverse_slice(items, items + n);
    }
restore:
    if ((l->items || l->len) && rc == 0) {
        tr_raise(&tr_ValueError, "list modified during sort");
        rc = -1;
    }
    l->items = items;
    l->len = n;
    l->cap = cap;
    return rc;
}

TrValue cu_list_sort_method(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (nargs)
        return tr_raise(&tr_TypeError, "sort() takes no positional arguments");
    TrValue key = 0;
    bool reverse = false;
    size_t nkw = tr_nkw(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        TrValue name = tr_as_tuple(kwnames)->items[i];
        if (tr_str_eq_cstr(name, "key")) {
            key = args[i];
        } else if (tr_str_eq_cstr(name, "reverse")) {
            int64_t r;
            if (cu_as_ssize(args[i], &tr_OverflowError, &r) < 0)
                return TR_ERR;
            reverse = r != 0;
        } else {
            return tr_raise(&tr_TypeError, "'%U' is an invalid keyword argument for sort()", name);
        }
    }
    return tr_list_sort(self, key, reverse) < 0 ? TR_ERR : TR_NONE;
}
