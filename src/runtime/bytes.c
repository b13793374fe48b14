/*
 * bytes.c -- the bytes and bytearray types: construction, repr, hashing, comparison, +, *, %,
 * indexing (ints) and slicing, iteration, and bytearray's mutation (item and slice assignment,
 * append, extend, pop, ...). Methods shared by both types are in bytes_methods.c.
 * bytes objects hold no pointers but their type, so they live in atomic (unscanned) memory.
 */
#include "runtime/bytes_impl.h"

#include "runtime/codecs.h"
#include "runtime/runtime.h"

#include <string.h>

/* --- Construction ----------------------------------------------------------------------- */

TrValue tr_bytes_new(const void *data, size_t n)
{
    TrBytes *b = tr_alloc_atomic(sizeof(TrBytes) + n + 1);
    b->ob.type = &tr_bytes_type;
    b->len = (int64_t)n;
    b->hash = -1;
    if (n)
        memcpy(b->data, data, n);
    b->data[n] = 0;
    return tr_val(b);
}

TrValue tr_bytearray_new(const void *data, size_t n)
{
    TrByteArray *a = TR_NEW(TrByteArray, &tr_bytearray_type);
    a->cap = (int64_t)n + 1;
    a->data = tr_alloc_atomic((size_t)a->cap);
    a->len = (int64_t)n;
    if (n)
        memcpy(a->data, data, n);
    a->data[n] = 0;
    return tr_val(a);
}

bool tr_is_bytearray(TrValue v)
{
    return tr_is_ptr(v) && tr_isinstance(v, &tr_bytearray_type);
}

bool tr_bytes_view(TrValue v, TrBytesView *out)
{
    if (tr_is_bytes(v)) {
        out->data = ((TrBytes *)tr_obj(v))->data;
        out->len = ((TrBytes *)tr_obj(v))->len;
        return true;
    }
    if (tr_is_bytearray(v)) {
        out->data = ((TrByteArray *)tr_obj(v))->data;
        out->len = ((TrByteArray *)tr_obj(v))->len;
        return true;
    }
    return false;
}

TrValue tr_bytes_like(TrValue self, const uint8_t *data, int64_t n)
{
    return tr_is_bytearray(self) ? tr_bytearray_new(data, (size_t)n)
                                 : tr_bytes_new(data, (size_t)n);
}

void tr_bytearray_reserve(TrByteArray *a, int64_t need)
{
    if (need + 1 <= a->cap)
        return;
    int64_t cap = a->cap * 2 > need + 1 ? a->cap * 2 : need + 1;
    uint8_t *d = tr_alloc_atomic((size_t)cap);
    memcpy(d, a->data, (size_t)a->len);
    a->data = d;
    a->cap = cap;
}

/* --- repr ------------------------------------------------------------------------------- */

static TrValue repr_data(const char *pre, const uint8_t *d, int64_t n, const char *post)
{
    bool sq = memchr(d, '\'', (size_t)n) != NULL, dq = memchr(d, '"', (size_t)n) != NULL;
    char quote = sq && !dq ? '"' : '\'';
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, pre);
    sb_putc(&sb, quote);
    for (int64_t i = 0; i < n; i++) {
        uint8_t c = d[i];
        if (c == quote || c == '\\') {
            sb_putc(&sb, '\\');
            sb_putc(&sb, (char)c);
        } else if (c == '\t') {
            sb_puts(&sb, "\\t");
        } else if (c == '\n') {
            sb_puts(&sb, "\\n");
        } else if (c == '\r') {
            sb_puts(&sb, "\\r");
        } else if (c < ' ' || c >= 0x7F) {
            sb_printf(&sb, "\\x%02x", c);
        } else {
            sb_putc(&sb, (char)c);
        }
    }
    sb_putc(&sb, quote);
    sb_puts(&sb, post);
    return tr_str_from_utf8(sb.data, sb.len);
}

TrValue tr_bytes_repr(TrValue b)
{
    TrBytesView v;
    tr_bytes_view(b, &v);
    if (tr_is_bytearray(b)) {
        TrType *t = tr_type_of(b);
        StrBuf pre;
        sb_init(&pre);
        sb_printf(&pre, "%s(b", t->name);
        return repr_data(sb_cstr(&pre), v.data, v.len, ")");
    }
    return repr_data("b", v.data, v.len, "");
}

/* --- Slots shared by bytes and bytearray ------------------------------------------------ */

static int64_t bytes_hash(TrValue v)
{
    TrBytes *b = (TrBytes *)tr_obj(v);
    if (b->hash == -1)
        b->hash = tr_hash_bytes(b->data, (size_t)b->len);
    return b->hash;
}

static TrValue bytes_richcmp(TrValue a, TrValue b, int op)
{
    TrBytesView x = {NULL, 0}, y = {NULL, 0};
    if (!tr_bytes_view(a, &x) || !tr_bytes_view(b, &y))
        return TR_NOTIMPL;
    if ((op == TR_EQ || op == TR_NE) && x.len != y.len)
        return tr_bool(op == TR_NE);
    int64_t n = x.len < y.len ? x.len : y.len;
    int c = n ? memcmp(x.data, y.data, (size_t)n) : 0;
    if (c == 0)
        c = x.len < y.len ? -1 : x.len > y.len ? 1 : 0;
    switch (op) {
    case TR_LT: return tr_bool(c < 0);
    case TR_LE: return tr_bool(c <= 0);
    case TR_EQ: return tr_bool(c == 0);
    case TR_NE: return tr_bool(c != 0);
    case TR_GT: return tr_bool(c > 0);
    default: return tr_bool(c >= 0);
    }
}

static bool has_method(TrValue v, const char *name)
{
    TrType *t = tr_type_of(v);
    return (t->flags & TR_TYPE_HEAP) && tr_type_lookup(t, tr_str_intern_cstr(name)) != 0;
}

static TrValue repeat(TrValue self, const uint8_t *d, int64_t n, TrValue count)
{
    int64_t k;
    if (tr_index_i64(count, &k) < 0)
        return TR_ERR;
    if (k < 0)
        k = 0;
    if (n && k > INT64_MAX / 4 / n)
        return tr_raise(&tr_MemoryError, "");
    uint8_t *buf = tr_alloc_atomic((size_t)(n * k) + 1);
    for (int64_t i = 0; i < k; i++)
        memcpy(buf + i * n, d, (size_t)n);
    return tr_bytes_like(self, buf, n * k);
}

static TrValue bytes_binop(TrValue a, TrValue b, int op)
{
    TrBytesView x = {NULL, 0}, y = {NULL, 0};
    bool inplace = op >= TR_OP__COUNT;
    int base = inplace ? op - TR_OP__COUNT : op;
    if (inplace && !tr_is_bytearray(a))
        return TR_NOTIMPL;
    switch (base) {
    case TR_OP_ADD:
        if (!tr_bytes_view(a, &x))
            return TR_NOTIMPL;
        if (!tr_bytes_view(b, &y)) {
            if (has_method(b, "__radd__"))
                return TR_NOTIMPL;
            return tr_raise(&tr_TypeError, "can't concat %s to %s", tr_type_name(b),
                            tr_type_name(a));
        }
        if (inplace) {
            TrByteArray *ba = (TrByteArray *)tr_obj(a);
            int64_t yl = y.len;
            const uint8_t *yd = y.data;
            tr_bytearray_reserve(ba, ba->len + yl);
            memmove(ba->data + ba->len, yd, (size_t)yl);
            ba->len += yl;
            ba->data[ba->len] = 0;
            return a;
        } else {
            uint8_t *buf = tr_alloc_atomic((size_t)(x.len + y.len) + 1);
            memcpy(buf, x.data, (size_t)x.len);
            memcpy(buf + x.len, y.data, (size_t)y.len);
            return tr_bytes_like(a, buf, x.len + y.len);
        }
    case TR_OP_MUL: {
        TrValue s = tr_bytes_view(a, &x) ? a : b, n = s == a ? b : a;
        if (!tr_bytes_view(s, &x) || !tr_has_index(n))
            return TR_NOTIMPL;
        TrValue r = repeat(s, x.data, x.len, n);
        if (r == TR_ERR || !inplace)
            return r;
        TrByteArray *ba = (TrByteArray *)tr_obj(a), *rb = (TrByteArray *)tr_obj(r);
        ba->data = rb->data;
        ba->len = rb->len;
        ba->cap = rb->cap;
        return a;
    }
    case TR_OP_MOD:
        if (inplace || !tr_bytes_view(a, &x))
            return TR_NOTIMPL;
        {
            TrValue r = tr_bytes_percent(a, b);
            if (r == TR_ERR || !tr_is_bytearray(a))
                return r;
            return tr_bytearray_new(((TrBytes *)tr_obj(r))->data,
                                    (size_t)((TrBytes *)tr_obj(r))->len);
        }
    default: return TR_NOTIMPL;
    }
}

static int64_t bytes_len(TrValue v)
{
    TrBytesView x = {NULL, 0};
    tr_bytes_view(v, &x);
    return x.len;
}

static TrValue bytes_getitem(TrValue v, TrValue key)
{
    TrBytesView x = {NULL, 0};
    tr_bytes_view(v, &x);
    int64_t i;
    if (tr_isinstance_exact(key, &tr_slice_type)) {
        int64_t start, stop, step;
        int64_t n = tr_slice_indices(key, x.len, &start, &stop, &step);
        if (n < 0)
            return TR_ERR;
        if (step == 1)
            return tr_bytes_like(v, x.data + start, n);
        uint8_t *buf = tr_alloc_atomic((size_t)n + 1);
        for (int64_t k = 0; k < n; k++)
            buf[k] = x.data[start + k * step];
        return tr_bytes_like(v, buf, n);
    }
    if (!tr_has_index(key))
        return tr_raise(&tr_TypeError, "%s indices must be integers or slices, not %s",
                        tr_is_bytearray(v) ? "bytearray" : "byte", tr_type_name(key));
    if (tr_index_i64(key, &i) < 0)
        return TR_ERR;
    if (i < 0)
        i += x.len;
    if (i < 0 || i >= x.len)
        return tr_raise(&tr_IndexError,
                        tr_is_bytearray(v) ? "bytearray index out of range" : "index out of range");
    return tr_small_new(x.data[i]);
}

/* A byte value from an int-like (CPython's "byte must be in range(0, 256)"). */
int tr_byte_value(TrValue v, int *out)
{
    int64_t x;
    if (tr_index_i64(v, &x) < 0)
        return -1;
    if (x < 0 || x > 255) {
        tr_raise(&tr_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (int)x;
    return 0;
}

static int bytes_contains(TrValue v, TrValue item)
{
    TrBytesView x = {NULL, 0}, y = {NULL, 0};
    tr_bytes_view(v, &x);
    if (tr_bytes_view(item, &y)) {
        if (y.len == 0)
            return 1;
        return memmem(x.data, (size_t)x.len, y.data, (size_t)y.len) != NULL;
    }
    if (!tr_has_index(item)) {
        tr_raise(&tr_TypeError, "a bytes-like object is required, not '%s'", tr_type_name(item));
        return -1;
    }
    int c;
    if (tr_byte_value(item, &c) < 0)
        return -1;
    return x.len && memchr(x.data, c, (size_t)x.len) != NULL;
}

/* --- Iteration -------------------------------------------------------------------------- */

typedef struct TrBytesIter {
    TrObject ob;
    TrValue seq; /* 0 when exhausted */
    int64_t index;
} TrBytesIter;

static TrValue bytes_iter(TrValue v)
{
    TrBytesIter *it = TR_NEW(TrBytesIter, &tr_bytes_iter_type);
    it->seq = v;
    return tr_val(it);
}

static TrValue bytes_iter_next(TrValue v)
{
    TrBytesIter *it = (TrBytesIter *)tr_obj(v);
    TrBytesView x = {NULL, 0};
    if (!it->seq)
        return TR_STOP;
    tr_bytes_view(it->seq, &x);
    if (it->index >= x.len) {
        it->seq = 0;
        return TR_STOP;
    }
    return tr_small_new(x.data[it->index++]);
}

static TrValue iter_self(TrValue v)
{
    return v;
}

TrType tr_bytes_iter_type = {
    .ob = {&tr_type_type},
    .name = "bytes_iterator",
    .base = &tr_object_type,
    .basicsize = sizeof(TrBytesIter),
    .iter = iter_self,
    .next = bytes_iter_next,
};

/* --- Constructors ----------------------------------------------------------------------- */

/* The bytes of bytes(x) or bytearray(x) into out and n; is_array picks the error wording. */
static int from_source(const char *fname, const TrValue *args, size_t nargs, TrValue kw,
                       bool is_array, uint8_t **out, int64_t *n)
{
    static const char *const names[] = {"source", "encoding", "errors"};
    TrValue a[3];
    if (tr_parse_args(fname, args, nargs, kw, names, 0, 3, 0, 3, a) < 0)
        return -1;
    TrValue src = a[0];
    *out = NULL;
    *n = 0;
    if (!src) {
        if (a[1] || a[2]) {
            tr_raise(&tr_TypeError, a[1] ? "encoding without a string argument"
                                         : "errors without a string argument");
            return -1;
        }
        return 0;
    }
    if (tr_is_str(src)) {
        if (!a[1]) {
            tr_raise(&tr_TypeError, "string argument without an encoding");
            return -1;
        }
        for (int i = 1; i < 3; i++)
            if (a[i] && !tr_is_str(a[i])) {
                tr_raise(&tr_TypeError, "%s() argument '%s' must be str, not %s", fname, names[i],
                         tr_type_name(a[i]));
                return -1;
            }
        TrValue e = tr_encode(src, tr_str_utf8(a[1]), a[2] ? tr_str_utf8(a[2]) : NULL);
        if (e == TR_ERR)
            return -1;
        *out = ((TrBytes *)tr_obj(e))->data;
        *n = ((TrBytes *)tr_obj(e))->len;
        return 0;
    }
    if (a[1] || a[2]) {
        tr_raise(&tr_TypeError,
                 a[1] ? "encoding without a string argument" : "errors without a string argument");
        return -1;
    }
    TrBytesView v;
    if (tr_bytes_view(src, &v)) {
        *out = tr_alloc_atomic((size_t)v.len + 1);
        memcpy(*out, v.data, (size_t)v.len);
        *n = v.len;
        return 0;
    }
    if (!is_array) {
        TrValue m = tr_getattr_opt(src, tr_str_intern_cstr("__bytes__"));
        if (!m && tr_err_occurred())
            return -1;
        if (m && (tr_type_of(src)->flags & TR_TYPE_HEAP)) {
            TrValue r = tr_call0(m);
            if (r == TR_ERR)
                return -1;
            if (!tr_is_bytes(r)) {
                tr_raise(&tr_TypeError, "__bytes__ returned non-bytes (type %s)", tr_type_name(r));
                return -1;
            }
            *out = ((TrBytes *)tr_obj(r))->data;
            *n = ((TrBytes *)tr_obj(r))->len;
            return 0;
        }
    }
    if (tr_has_index(src)) {
        int64_t k;
        if (tr_index_i64(src, &k) < 0)
            return -1;
        if (k < 0) {
            tr_raise(&tr_ValueError, "negative count");
            return -1;
        }
        *out = tr_alloc_atomic((size_t)k + 1);
        memset(*out, 0, (size_t)k);
        *n = k;
        return 0;
    }
    TrType *t = tr_type_of(src);
    if (!t->iter && !t->getitem) {
        tr_raise(&tr_TypeError, "cannot convert '%s' object to %s", t->name,
                 is_array ? "bytearray" : "bytes");
        return -1;
    }
    TrValue it = tr_iter(src);
    if (it == TR_ERR)
        return -1;
    int64_t cap = 16;
    uint8_t *buf = tr_alloc_atomic((size_t)cap);
    for (;;) {
        TrValue x = tr_next(it);
        if (x == TR_STOP)
            break;
        if (x == TR_ERR)
            return -1;
        int c;
        if (tr_byte_value(x, &c) < 0) {
            if (!is_array && tr_err_matches(&tr_ValueError)) {
                tr_err_clear();
                tr_raise(&tr_ValueError, "bytes must be in range(0, 256)");
            }
            return -1;
        }
        if (*n + 1 >= cap) {
            uint8_t *nb = tr_alloc_atomic((size_t)cap * 2);
            memcpy(nb, buf, (size_t)*n);
            buf = nb;
            cap *= 2;
        }
        buf[(*n)++] = (uint8_t)c;
    }
    *out = buf;
    return 0;
}

static TrValue bytes_new(TrType *type, const TrValue *args, size_t nargs, TrValue kw)
{
    uint8_t *d;
    int64_t n;
    if (from_source("bytes", args, nargs, kw, false, &d, &n) < 0)
        return TR_ERR;
    TrValue r = tr_bytes_new(d, (size_t)n);
    if (type != &tr_bytes_type) { /* subclass instance: scanned memory, the subclass's type */
        TrBytes *b = tr_alloc(sizeof(TrBytes) + (size_t)n + 1);
        memcpy(b, tr_obj(r), sizeof(TrBytes) + (size_t)n + 1);
        b->ob.type = type;
        r = tr_val(b);
    }
    return r;
}

static TrValue bytearray_new(TrType *type, const TrValue *args, size_t nargs, TrValue kw)
{
    uint8_t *d;
    int64_t n;
    if (from_source("bytearray", args, nargs, kw, true, &d, &n) < 0)
        return TR_ERR;
    TrValue r = tr_bytearray_new(d, (size_t)n);
    tr_obj(r)->type = type;
    return r;
}

/* --- bytearray mutation ----------------------------------------------------------------- */

static int bytearray_setitem(TrValue v, TrValue key, TrValue value)
{
    TrByteArray *a = (TrByteArray *)tr_obj(v);
    if (tr_isinstance_exact(key, &tr_slice_type)) {
        int64_t start, stop, step;
        int64_t n = tr_slice_indices(key, a->len, &start, &stop, &step);
        if (n < 0)
            return -1;
        uint8_t *src = NULL;
        int64_t m = 0;
        if (value) {
            if (tr_is_str(value)) {
                tr_raise(&tr_TypeError, "can assign only bytes, buffers, or iterables of ints "
                                        "in range(0, 256)");
                return -1;
            }
            TrValue args[1] = {value};
            if (from_source("bytearray", args, 1, 0, true, &src, &m) < 0)
                return -1;
        }
        if (step == 1) {
            if (stop < start)
                stop = start;
            int64_t newlen = a->len - (stop - start) + m;
            uint8_t *d = tr_alloc_atomic((size_t)newlen + 1);
            memcpy(d, a->data, (size_t)start);
            if (m)
                memcpy(d + start, src, (size_t)m);
            memcpy(d + start + m, a->data + stop, (size_t)(a->len - stop));
            d[newlen] = 0;
            a->data = d;
            a->len = newlen;
            a->cap = newlen + 1;
            return 0;
        }
        if (!value) { /* del a[i:j:k] */
            int64_t w = 0;
            for (int64_t i = 0; i < a->len; i++) {
                bool hit = step > 0 ? (i >= start && i < stop && (i - start) % step == 0)
                                    : (i <= start && i > stop && (start - i) % (-step) == 0);
                if (!hit)
                    a->data[w++] = a->data[i];
            }
            a->len = w;
            a->data[w] = 0;
            return 0;
        }
        if (m != n) {
            tr_raise(&tr_ValueError,
                     "attempt to assign bytes of size %lld to extended slice of size %lld",
                     (long long)m, (long long)n);
            return -1;
        }
        for (int64_t k = 0; k < n; k++)
            a->data[start + k * step] = src[k];
        return 0;
    }
    if (!tr_has_index(key)) {
        tr_raise(&tr_TypeError, "bytearray indices must be integers or slices, not %s",
                 tr_type_name(key));
        return -1;
    }
    int64_t i;
    if (tr_index_i64(key, &i) < 0)
        return -1;
    if (i < 0)
        i += a->len;
    if (i < 0 || i >= a->len) {
        tr_raise(&tr_IndexError, "bytearray index out of range");
        return -1;
    }
    if (!value) {
        memmove(a->data + i, a->data + i + 1, (size_t)(a->len - i - 1));
        a->len--;
        a->data[a->len] = 0;
        return 0;
    }
    int c;
    if (tr_byte_value(value, &c) < 0)
        return -1;
    a->data[i] = (uint8_t)c;
    return 0;
}

TrType tr_bytes_type = {
    .ob = {&tr_type_type},
    .name = "bytes",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrBytes),
    .repr = tr_bytes_repr,
    .hash = bytes_hash,
    .richcmp = bytes_richcmp,
    .binop = bytes_binop,
    .len = bytes_len,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
    .iter = bytes_iter,
    .new = bytes_new,
    .methods = tr_bytes_methods,
};

TrType tr_bytearray_type = {
    .ob = {&tr_type_type},
    .name = "bytearray",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrByteArray),
    .repr = tr_bytes_repr,
    .richcmp = bytes_richcmp,
    .binop = bytes_binop,
    .len = bytes_len,
    .getitem = bytes_getitem,
    .setitem = bytearray_setitem,
    .contains = bytes_contains,
    .iter = bytes_iter,
    .new = bytearray_new,
    .methods = tr_bytearray_methods,
};
